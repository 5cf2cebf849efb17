package com.incidentconsole.playbook.editor;

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
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;

/**
 * The checklists list, the items of the selected checklist and the selected item's form. Which checklist and
 * item are selected is view state, so it lives here and not in the view-model; structural keys turn into edits.
 */
final class ChecklistsPane {

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
        checklists.addEventHandler(KeyEvent.KEY_PRESSED, this::checklistKey);
        items.addEventHandler(KeyEvent.KEY_PRESSED, this::itemKey);
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

    private void checklistKey(KeyEvent e) {
        int c = checklist();
        int size = checklists.getItems().size();
        if (e.isAltDown() && (e.getCode() == KeyCode.UP || e.getCode() == KeyCode.DOWN)) {
            int to = c + (e.getCode() == KeyCode.UP ? -1 : 1);
            if (to >= 0 && to < size) {
                model.edit(f -> f.withChecklistMoved(c, to), null);
                checklists.getSelectionModel().select(to);
            }
        } else if (e.getCode() == KeyCode.INSERT || e.isShortcutDown() && e.getCode() == KeyCode.N) {
            int at = size == 0 ? 0 : c + 1;
            model.edit(f -> f.withChecklistAdded(at, newChecklist), null);
            checklists.getSelectionModel().select(at);
            checklistTitle.requestFocus();
            checklistTitle.selectAll();
        } else if (e.getCode() == KeyCode.DELETE && size > 0) {
            model.edit(f -> f.withChecklistRemoved(c), null);
        } else if (e.getCode() == KeyCode.F2 || e.getCode() == KeyCode.ENTER) {
            checklistTitle.requestFocus();
        } else if (e.getCode() == KeyCode.RIGHT) {
            items.requestFocus();
        } else {
            return;
        }
        e.consume();
    }

    private void itemKey(KeyEvent e) {
        int c = checklist();
        int i = item();
        int size = items.getItems().size();
        int lists = checklists.getItems().size();
        if (e.isAltDown() && (e.getCode() == KeyCode.UP || e.getCode() == KeyCode.DOWN)) {
            int to = i + (e.getCode() == KeyCode.UP ? -1 : 1);
            if (to >= 0 && to < size) {
                model.edit(f -> f.withItemMoved(c, i, c, to), null);
                items.getSelectionModel().select(to);
            }
        } else if (e.isAltDown() && (e.getCode() == KeyCode.LEFT || e.getCode() == KeyCode.RIGHT)) {
            int toList = c + (e.getCode() == KeyCode.LEFT ? -1 : 1);
            if (size > 0 && toList >= 0 && toList < lists) {
                int at = model.file().checklists().get(toList).items().size();
                model.edit(f -> f.withItemMoved(c, i, toList, at), null);
                checklists.getSelectionModel().select(toList);
                showItems();
                items.getSelectionModel().select(at);
            }
        } else if (e.getCode() == KeyCode.INSERT || e.isShortcutDown() && e.getCode() == KeyCode.N) {
            if (lists == 0) {
                model.edit(f -> f.withChecklistAdded(0, newChecklist), null);
                checklists.getSelectionModel().select(0);
            }
            int at = size == 0 ? 0 : i + 1;
            model.edit(f -> f.withItemAdded(checklist(), at, newItem), null);
            items.getSelectionModel().select(at);
            itemTitle.requestFocus();
            itemTitle.selectAll();
        } else if (e.getCode() == KeyCode.DELETE && size > 0) {
            model.edit(f -> f.withItemRemoved(c, i), null);
        } else if (e.getCode() == KeyCode.ENTER || e.getCode() == KeyCode.F2) {
            itemTitle.requestFocus();
        } else if (e.getCode() == KeyCode.LEFT && !e.isAltDown()) {
            checklists.requestFocus();
        } else {
            return;
        }
        e.consume();
    }
}
