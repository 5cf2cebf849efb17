package com.incidentconsole.sync;

import com.incidentconsole.wire.ChecklistItem;
import com.incidentconsole.wire.PlaybookRun;
import java.util.Optional;

/**
 * A change of one checklist item's field, addressed by the item's id and resolved to the server's
 * indexes only when sent (indexes shift as colleagues add, move and delete). Setting a field to the
 * value it has is a no-op on the server, so these kinds are idempotent; the general replay rule
 * ({@link ReplayCheck#judge}) compares the field as the user saw it with the server's.
 */
interface ItemFieldChange extends Action {

    String itemId();

    /** The field this kind sets, as {@code item} holds it, in the form of {@link #desiredValue()}. */
    String fieldValue(ChecklistItem item);

    /** The request, at the item's current place. */
    void sendAt(ActionTransport transport, ItemPosition at);

    @Override
    default Optional<String> valueIn(PlaybookRun run) {
        return ItemPosition.itemIn(run, itemId()).map(this::fieldValue);
    }

    @Override
    default boolean isSettledIn(PlaybookRun run) {
        return valueIn(run).map(desiredValue()::equals).orElse(false);
    }

    @Override
    default String assigneeIn(PlaybookRun run) {
        return ItemPosition.itemIn(run, itemId()).map(ChecklistItem::assigneeId).orElse("");
    }

    @Override
    default void send(ActionTransport transport, PlaybookRun current) {
        sendAt(transport, ItemPosition.resolve(current, itemId()));
    }
}
