package com.incidentconsole.playbook.editor;

import com.incidentconsole.playbook.library.AllowedValues;
import com.incidentconsole.playbook.library.ConditionView;
import com.incidentconsole.playbook.library.ItemField;
import com.incidentconsole.playbook.library.ItemView;
import com.incidentconsole.playbook.library.PlaybookFile;
import com.incidentconsole.playbook.library.PropertyView;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.ResourceBundle;
import java.util.function.Function;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ListView;
import javafx.scene.control.TextInputControl;

/**
 * The selected checklist item's fields: its texts, its due time in words ("2h 30m"), and its enumerated fields as
 * closed lists, some of them taken from the file's properties and conditions. With no item selected, typing
 * changes nothing.
 */
final class ItemFields {

    private final FieldBinder binder;
    private final ChecklistsPane lists;
    private final ResourceBundle bundle;
    private final ListView<String> itemList;

    ItemFields(FieldBinder binder, ChecklistsPane lists, ResourceBundle bundle, ListView<String> itemList) {
        this.binder = binder;
        this.lists = lists;
        this.bundle = bundle;
        this.itemList = itemList;
    }

    void bindText(TextInputControl title, TextInputControl description, TextInputControl command,
            TextInputControl due) {
        text(title, ItemField.TITLE, ItemView::title);
        text(description, ItemField.DESCRIPTION, ItemView::description);
        text(command, ItemField.COMMAND, ItemView::command);
        binder.text(due, () -> lists.itemPath(ItemField.DUE_DATE),
                f -> lists.itemText(f, v -> HumanDuration.format(v.dueDate() / 1000)),
                (f, typed) -> {
                    OptionalLong seconds = HumanDuration.parse(typed);
                    return seconds.isPresent() && hasItem()
                            ? f.withItem(lists.checklist(), lists.item(), ItemField.DUE_DATE, seconds.getAsLong() * 1000)
                            : f;
                }, HumanDuration::same);
    }

    private void text(TextInputControl control, ItemField field, Function<ItemView, String> read) {
        binder.text(control, () -> lists.itemPath(field), f -> lists.itemText(f, read),
                (f, typed) -> hasItem() ? f.withItem(lists.checklist(), lists.item(), field, typed) : f);
    }

    /** {@code settings} tells a value the lists do not know ("unknown: x"), so nothing in the file is hidden. */
    void bindChoices(SettingsForm settings, ComboBox<Choice> assignee, ComboBox<Choice> property,
            ComboBox<Choice> condition, ComboBox<Choice> conditionAction) {
        choice(settings, assignee, ItemField.ASSIGNEE_TYPE, ItemView::assigneeType,
                f -> AllowedValues.ASSIGNEE_TYPES.stream().map(v -> Choice.of(v,
                        bundle.getString("choice.assignee_type." + (v.isEmpty() ? "user" : v)))).toList());
        choice(settings, property, ItemField.ASSIGNEE_PROPERTY_FIELD_ID, ItemView::assigneePropertyFieldId,
                f -> withNone("choice.property.none", f.properties().stream()
                        .map((PropertyView p) -> Choice.of(p.id(), p.name() + " (" + p.type() + ")")).toList()));
        choice(settings, condition, ItemField.CONDITION_ID, ItemView::conditionId,
                f -> withNone("choice.condition.none", f.conditions().stream()
                        .map((ConditionView c) -> Choice.of(c.id(), c.description())).toList()));
        choice(settings, conditionAction, ItemField.CONDITION_ACTION, ItemView::conditionAction,
                f -> AllowedValues.CONDITION_ACTIONS.stream().map(v -> Choice.of(v,
                        bundle.getString("choice.condition_action." + (v.isEmpty() ? "none" : v)))).toList());
    }

    private List<Choice> withNone(String noneKey, List<Choice> choices) {
        List<Choice> all = new ArrayList<>();
        all.add(Choice.of("", bundle.getString(noneKey)));
        all.addAll(choices);
        return all;
    }

    /** Choosing the empty value removes the key: the export says "none" by leaving a field out. */
    private void choice(SettingsForm settings, ComboBox<Choice> box, ItemField field, Function<ItemView, String> read,
            Function<PlaybookFile, List<Choice>> options) {
        binder.choice(box, () -> lists.itemPath(field), f -> lists.selectedItem(f).map(read).orElse(null),
                (f, value) -> !hasItem() ? f : value.isEmpty()
                        ? f.withItemCleared(lists.checklist(), lists.item(), field)
                        : f.withItem(lists.checklist(), lists.item(), field, value),
                options, settings::unknown);
    }

    private boolean hasItem() {
        return !itemList.getItems().isEmpty();
    }
}
