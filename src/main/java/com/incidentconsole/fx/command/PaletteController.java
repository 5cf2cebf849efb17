package com.incidentconsole.fx.command;

import static com.incidentconsole.fx.command.Trigger.combo;

import com.incidentconsole.fx.Overlay;
import com.incidentconsole.text.WordMatch;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.stream.IntStream;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The command palette (Ctrl+K): every enabled command of the window by name, fuzzy-matched, with its key, the
 * recently run ones first. A command that needs an argument (a run, a user) asks for it in the palette itself;
 * Enter runs, Esc closes and gives the keyboard back. Built in code: it is the same for every window.
 */
public final class PaletteController {

    public static final Scope SCOPE = Scope.modal("palette");

    private final ResourceBundle texts;
    private final CommandRegistry commands;
    private final StackPane layer = new StackPane();
    private final TextField search = new TextField();
    private final Label prompt = new Label();
    private final ObservableList<Entry> entries = FXCollections.observableArrayList();
    private final ListView<Entry> list = new ListView<>(entries);
    private final Overlay overlay;
    /** The command whose argument is being asked for; null while choosing a command. */
    private Command asking;

    public PaletteController(ResourceBundle texts, CommandRegistry commands) {
        this.texts = texts;
        this.commands = commands;
        search.setId("paletteSearch");
        search.setPromptText(texts.getString("palette.prompt"));
        search.setAccessibleText(texts.getString("command.palette"));
        list.setId("paletteList");
        list.setPlaceholder(new Label(texts.getString("palette.empty")));
        list.setCellFactory(l -> new EntryCell());
        list.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2) {
                choose();
            }
        });
        prompt.getStyleClass().add("muted");
        VBox card = new VBox(8, prompt, search, list);
        card.setId("palette");
        card.getStyleClass().add("overlay-card");
        card.setMaxSize(640, 420);
        layer.getChildren().add(card);
        layer.getStyleClass().add("overlay-layer");
        overlay = new Overlay(layer);
        layer.setOnMouseClicked(e -> {
            if (e.getTarget() == layer) {
                overlay.hide();
            }
        });
        search.textProperty().addListener((obs, old, now) -> refill());
    }

    /** Adds the palette on top of {@code root} and its commands to the registry; {@code window} gets Ctrl+K. */
    public PaletteController install(StackPane root, Scope window) {
        root.getChildren().add(layer);
        Keymap.scope(layer, SCOPE);
        BooleanBinding open = Bindings.createBooleanBinding(layer::isVisible, layer.visibleProperty());
        commands.add(
                Command.of("palette", window, this::open, combo("Shortcut+K")).keysOnly(),
                Command.of("palette.next", SCOPE, () -> move(1), combo("Down")).enabledWhen(open).keysOnly(),
                Command.of("palette.previous", SCOPE, () -> move(-1), combo("Up")).enabledWhen(open).keysOnly(),
                Command.of("palette.run", SCOPE, this::choose, combo("Enter")).enabledWhen(open).keysOnly(),
                Command.of("palette.close", SCOPE, overlay::hide, combo("Esc")).enabledWhen(open).keysOnly());
        return this;
    }

    public boolean isShowing() {
        return overlay.isShowing();
    }

    public void open() {
        asking = null;
        prompt.setText(texts.getString("command.palette"));
        search.clear();
        refill();
        overlay.show(search);
    }

    /**
     * Opens the palette already asking for {@code command}'s argument: a key leads straight to the choice
     * (add a participant, announce in a channel) with the palette's fuzzy matching.
     */
    public void ask(Command command) {
        if (command.argument() == null) {
            open();
            return;
        }
        asking = command;
        prompt.setText(texts.getString(command.argument().promptKey()));
        search.clear();
        refill();
        overlay.show(search);
    }

    /** What the palette offers now, best first: for tests and for the list. */
    public List<Entry> entries() {
        return List.copyOf(entries);
    }

    private void refill() {
        String query = search.getText() == null ? "" : search.getText().strip();
        List<Entry> all = asking == null
                ? commands.forPalette().stream()
                        .map(c -> new Entry(texts.getString(c.titleKey()), c.keys(), c, null)).toList()
                : asking.argument().choices().get().stream().map(ch -> new Entry(ch.label(), "", asking, ch)).toList();
        if (query.isEmpty()) {
            entries.setAll(all);
        } else {
            // Stable sort by score keeps the recent-first order among equally good matches.
            entries.setAll(IntStream.range(0, all.size())
                    .mapToObj(i -> new Scored(all.get(i), score(all.get(i).label(), query), i))
                    .filter(s -> s.score > 0)
                    .sorted(Comparator.comparingInt(Scored::score).reversed().thenComparingInt(Scored::order))
                    .map(Scored::entry).toList());
        }
        if (!entries.isEmpty()) {
            list.getSelectionModel().selectFirst();
            list.scrollTo(0);
        }
    }

    /** Word matches as in the owner picker; a title that starts with the whole query ("open run") wins ties. */
    private static int score(String label, String query) {
        int words = WordMatch.score(label, query);
        boolean prefix = label.toLowerCase(Locale.ROOT).startsWith(query.toLowerCase(Locale.ROOT));
        return words == 0 ? 0 : words + (prefix ? 5 : 0);
    }

    private void move(int step) {
        int size = entries.size();
        if (size > 0) {
            int at = Math.max(0, Math.min(size - 1, list.getSelectionModel().getSelectedIndex() + step));
            list.getSelectionModel().clearAndSelect(at);
            list.scrollTo(at);
        }
    }

    private void choose() {
        Entry entry = list.getSelectionModel().getSelectedItem();
        if (entry == null) {
            return;
        }
        if (entry.choice() != null) {
            overlay.hide();
            commands.runWith(entry.command(), entry.choice());
        } else if (entry.command().argument() != null) {
            asking = entry.command();
            prompt.setText(texts.getString(asking.argument().promptKey()));
            search.clear();
            refill();
            search.requestFocus();
        } else {
            // Closed first, so the focus is back where it was before the command moves it (or opens an overlay).
            overlay.hide();
            commands.run(entry.command());
        }
    }

    /** One line: a command (with its keys) or, while asking, one of its argument's answers. */
    public record Entry(String label, String keys, Command command, Command.Choice choice) {
    }

    private record Scored(Entry entry, int score, int order) {
    }

    private static final class EntryCell extends ListCell<Entry> {
        private final Label title = new Label();
        private final Label keys = new Label();
        private final HBox box;

        EntryCell() {
            keys.getStyleClass().add("key-cap");
            keys.setMinWidth(Region.USE_PREF_SIZE);
            Region gap = new Region();
            HBox.setHgrow(gap, Priority.ALWAYS);
            box = new HBox(12, title, gap, keys);
            box.setAlignment(Pos.CENTER_LEFT);
        }

        @Override
        protected void updateItem(Entry entry, boolean empty) {
            super.updateItem(entry, empty);
            if (empty || entry == null) {
                setGraphic(null);
                return;
            }
            title.setText(entry.label());
            keys.setText(entry.keys());
            keys.setVisible(!entry.keys().isEmpty());
            setGraphic(box);
        }
    }
}
