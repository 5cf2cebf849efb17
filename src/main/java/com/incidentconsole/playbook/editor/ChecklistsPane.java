package com.incidentconsole.playbook.editor;

import static com.incidentconsole.fx.command.Trigger.combo;

import com.incidentconsole.fx.command.Command;
import com.incidentconsole.fx.command.Keymap;
import com.incidentconsole.fx.command.Scope;
import com.incidentconsole.playbook.library.ChecklistView;
import com.incidentconsole.playbook.library.ItemField;
import com.incidentconsole.playbook.library.ItemView;
import com.incidentconsole.playbook.library.PlaybookFile;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;

/**
 * The checklists list, the items of the selected checklist and the selected item's form. Which checklist and
 * item are selected is view state, so it lives here and not in the view-model; structural keys turn into edits.
 */
final class ChecklistsPane {

    static final Scope CHECKLISTS = Scope.view("editor.checklists");
    static final Scope ITEMS = Scope.view("editor.items");

    private static final Pattern ITEM_PATH = Pattern.compile("checklists\\[(\\d+)](?:\\.items\\[(\\d+)])?.*");

    private final EditorViewModel model;
    private final ListView<String> checklists;
    private final ListView<String> items;
    private final TextField checklistTitle;
    private final TextInputControl itemTitle;
    private final String newChecklist;
    private final String newItem;

    ChecklistsPane(EditorViewModel model, ListView<String> checklists, ListView<String> items,
            TextField checklistTitle, TextInputControl itemTitle, String newChecklist, String newItem) {
        this.model = model;
        this.checklists = checklists;
        this.items = items;
        this.checklistTitle = checklistTitle;
        this.itemTitle = itemTitle;
        this.newChecklist = newChecklist;
        this.newItem = newItem;
        checklists.getSelectionModel().selectedIndexProperty().addListener((obs, old, now) -> showItems());
        Keymap.scope(checklists, CHECKLISTS);
        Keymap.scope(items, ITEMS);
    }

    int checklist() {
        return Math.max(0, checklists.getSelectionModel().getSelectedIndex());
    }

    int item() {
        return Math.max(0, items.getSelectionModel().getSelectedIndex());
    }

    String checklistPath() {
        return "checklists[" + checklist() + "]";
    }

    String itemPath(ItemField field) {
        return checklistPath() + ".items[" + item() + "]." + field.key();
    }

    /** The selected item of {@code file}, if the selected checklist has any. */
    java.util.Optional<ItemView> selectedItem(PlaybookFile file) {
        List<ChecklistView> lists = file.checklists();
        if (checklist() >= lists.size() || item() >= lists.get(checklist()).items().size()) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(lists.get(checklist()).items().get(item()));
    }

    /** Reads a field of the selected item ("" when the checklist has no items). */
    String itemText(PlaybookFile file, Function<ItemView, String> field) {
        List<ChecklistView> lists = file.checklists();
        if (checklist() >= lists.size() || item() >= lists.get(checklist()).items().size()) {
            return "";
        }
        return field.apply(lists.get(checklist()).items().get(item()));
    }

    void refresh(PlaybookFile file) {
        List<String> titles = file.checklists().stream().map(ChecklistView::title).toList();
        if (!titles.equals(checklists.getItems())) {
            int keep = checklist();
            checklists.getItems().setAll(titles);
            checklists.getSelectionModel().select(Math.min(keep, titles.size() - 1));
        }
        showItems();
    }

    private void showItems() {
        PlaybookFile file = model.file();
        if (file == null) {
            return;
        }
        List<ChecklistView> lists = file.checklists();
        List<String> titles = checklist() < lists.size()
                ? lists.get(checklist()).items().stream().map(ItemView::title).toList() : List.of();
        if (!titles.equals(items.getItems())) {
            int keep = item();
            items.getItems().setAll(titles);
            items.getSelectionModel().select(Math.min(keep, titles.size() - 1));
        }
    }

    /** Selects the checklist and item a validator path points into, so its form shows that item. */
    void reveal(String path) {
        Matcher m = ITEM_PATH.matcher(path);
        if (m.matches()) {
            checklists.getSelectionModel().select(Integer.parseInt(m.group(1)));
            showItems();
            if (m.group(2) != null) {
                items.getSelectionModel().select(Integer.parseInt(m.group(2)));
            }
        }
    }

    /** The lists' structural keys: they work while the checklists list or the items list has the keyboard. */
    List<Command> commands() {
        return List.of(
                Command.of("checklists.up", CHECKLISTS, () -> moveChecklist(-1), combo("Alt+Up")),
                Command.of("checklists.down", CHECKLISTS, () -> moveChecklist(1), combo("Alt+Down")),
                Command.of("checklists.add", CHECKLISTS, this::addChecklist, combo("Insert"), combo("Shortcut+N")),
                Command.of("checklists.delete", CHECKLISTS, () -> {
                    if (!checklists.getItems().isEmpty()) {
                        int c = checklist();
                        model.edit(f -> f.withChecklistRemoved(c), null);
                    }
                }, combo("Delete")),
                Command.of("checklists.edit", CHECKLISTS, checklistTitle::requestFocus, combo("F2"), combo("Enter")),
                Command.of("checklists.toItems", CHECKLISTS, items::requestFocus, combo("Right")).keysOnly(),
                Command.of("items.up", ITEMS, () -> moveItem(-1), combo("Alt+Up")),
                Command.of("items.down", ITEMS, () -> moveItem(1), combo("Alt+Down")),
                Command.of("items.toPrevious", ITEMS, () -> moveItemToList(-1), combo("Alt+Left")),
                Command.of("items.toNext", ITEMS, () -> moveItemToList(1), combo("Alt+Right")),
                Command.of("items.add", ITEMS, this::addItem, combo("Insert"), combo("Shortcut+N")),
                Command.of("items.delete", ITEMS, () -> {
                    if (!items.getItems().isEmpty()) {
                        int c = checklist();
                        int i = item();
                        model.edit(f -> f.withItemRemoved(c, i), null);
                    }
                }, combo("Delete")),
                Command.of("items.edit", ITEMS, itemTitle::requestFocus, combo("Enter"), combo("F2")),
                Command.of("items.toChecklists", ITEMS, checklists::requestFocus, combo("Left")).keysOnly());
    }

    private void moveChecklist(int step) {
        int c = checklist();
        int to = c + step;
        if (to >= 0 && to < checklists.getItems().size()) {
            model.edit(f -> f.withChecklistMoved(c, to), null);
            checklists.getSelectionModel().select(to);
        }
    }

    private void addChecklist() {
        int at = checklists.getItems().isEmpty() ? 0 : checklist() + 1;
        model.edit(f -> f.withChecklistAdded(at, newChecklist), null);
        checklists.getSelectionModel().select(at);
        checklistTitle.requestFocus();
        checklistTitle.selectAll();
    }

    private void moveItem(int step) {
        int c = checklist();
        int i = item();
        int to = i + step;
        if (to >= 0 && to < items.getItems().size()) {
            model.edit(f -> f.withItemMoved(c, i, c, to), null);
            items.getSelectionModel().select(to);
        }
    }

    private void moveItemToList(int step) {
        int c = checklist();
        int i = item();
        int toList = c + step;
        if (!items.getItems().isEmpty() && toList >= 0 && toList < checklists.getItems().size()) {
            int at = model.file().checklists().get(toList).items().size();
            model.edit(f -> f.withItemMoved(c, i, toList, at), null);
            checklists.getSelectionModel().select(toList);
            showItems();
            items.getSelectionModel().select(at);
        }
    }

    private void addItem() {
        if (checklists.getItems().isEmpty()) {
            model.edit(f -> f.withChecklistAdded(0, newChecklist), null);
            checklists.getSelectionModel().select(0);
        }
        int at = items.getItems().isEmpty() ? 0 : item() + 1;
        model.edit(f -> f.withItemAdded(checklist(), at, newItem), null);
        items.getSelectionModel().select(at);
        itemTitle.requestFocus();
        itemTitle.selectAll();
    }
}
