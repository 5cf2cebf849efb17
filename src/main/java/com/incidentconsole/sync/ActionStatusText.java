package com.incidentconsole.sync;

import java.util.function.Function;

/**
 * The words for an {@link ActionStatus}, in the app's bundle: the one line an item, the owner field
 * or any later field shows under its value, and the server's version of a conflict. Which words name
 * a value depends on what the action changes (an item state, a person, a run status), decided here
 * by the target and nowhere else.
 */
public final class ActionStatusText {

    private final Words bundle;
    private final Function<String, String> userNames;

    /** The app's words by bundle key ({@code ResourceBundle::getString}). */
    @FunctionalInterface
    public interface Words {
        String getString(String key);
    }

    public ActionStatusText(Words words, Function<String, String> userNames) {
        this.bundle = words;
        this.userNames = userNames;
    }

    /** The line under the value: why it failed, the conflict, or why it waits; {@code ""} when all is well. */
    public String line(ActionTarget target, ActionStatus status) {
        return switch (status.phase()) {
            case SETTLED, PENDING -> "";
            case WAITING -> String.format(bundle.getString("item.retrying"), status.reason());
            case FAILED -> String.format(bundle.getString(ActionTarget.OWNER.equals(target.subject())
                    ? "owner.failed" : "item.failed"), status.reason());
            case CONFLICT, UNCERTAIN -> status.conflict()
                    .map(c -> String.format(bundle.getString(status.canRetry() ? "item.conflict" : "item.conflict.final"),
                            serverNow(target, c)))
                    .orElse(status.reason());
        };
    }

    /** What the server shows instead of mine, with who did it when the timeline says so. */
    public String serverNow(ActionTarget target, ActionConflict conflict) {
        boolean owner = ActionTarget.OWNER.equals(target.subject());
        String what = switch (conflict.kind()) {
            case CHANGED -> owner ? String.format(bundle.getString("outbox.conflict.owner"),
                    userNames.apply(conflict.serverValue())) : value(target, conflict.serverValue());
            case RUN_FINISHED -> bundle.getString("outbox.conflict.finished");
            case RUN_RESTORED -> bundle.getString("outbox.conflict.restored");
            case ITEM_GONE -> bundle.getString("outbox.conflict.gone");
            case UNCERTAIN -> bundle.getString("outbox.uncertain.server");
        };
        if (conflict.byUserId().isEmpty()) {
            return what;
        }
        // "skipped by Sam Lee", but "Dana Fox is the commander, changed by Sam Lee"
        boolean sentence = owner && conflict.kind() == ActionConflict.Kind.CHANGED;
        return what + (sentence ? ", " : " ") + String.format(bundle.getString(sentence ? "outbox.conflict.changedBy"
                : "outbox.conflict.by"), userNames.apply(conflict.byUserId()));
    }

    /** A value of the target in the user's words: an item state, a person, a run status, else as it is. */
    public String value(ActionTarget target, String value) {
        if (ActionTarget.OWNER.equals(target.subject())) {
            return userNames.apply(value);
        }
        if (ActionTarget.STATUS.equals(target.subject())) {
            return bundle.getString(com.incidentconsole.wire.PlaybookRun.STATUS_FINISHED.equals(value)
                    ? "run.status.finished" : "run.status.inProgress");
        }
        if (target.subject().startsWith("item:")) {
            return bundle.getString("item.state." + (value.isEmpty() ? "open" : value));
        }
        return value;
    }
}
