package com.incidentconsole.fx;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;

/**
 * Owns the app's secondary windows, one per key: asking for a window that is already open brings that one to
 * the front instead of building a second one over the same data (a second playbook window would have its own
 * library thread over the same folder, and ADR 0011's "one thread per library" would no longer hold). FX thread.
 */
public final class Windows {

    private final Map<String, Stage> open = new HashMap<>();

    /** The open window for {@code key}, focused; or a new one from {@code create}, remembered until it closes. */
    public Stage show(String key, Supplier<Stage> create) {
        Stage stage = open.get(key);
        if (stage != null && stage.isShowing()) {
            stage.toFront();
            stage.requestFocus();
            return stage;
        }
        Stage created = create.get();
        open.put(key, created);
        created.addEventHandler(WindowEvent.WINDOW_HIDDEN, e -> open.remove(key, created));
        return created;
    }

    public int openCount() {
        return (int) open.values().stream().filter(Stage::isShowing).count();
    }
}
