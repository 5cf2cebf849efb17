package com.incidentconsole.alertsview;

import com.incidentconsole.alerts.AlertKind;
import com.incidentconsole.alerts.Notice;
import com.incidentconsole.alerts.Notifier;
import com.incidentconsole.fx.FxBatcher;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.stage.PopupWindow;
import javafx.stage.Window;
import javafx.util.Duration;
import org.controlsfx.control.Notifications;
import org.controlsfx.control.action.Action;

/**
 * The notice inside the app window, on every platform: a ControlsFX notification in the window's corner with an
 * "Open run" action (the key for it is the {@code notify.openLatest} command). Overdue and requested updates stay
 * longer. Shown only while the window is showing; the history panel has every notice either way.
 */
final class InAppNotifier implements Notifier {

    static final String STYLE = "incident-notification";

    private final FxBatcher batcher;
    private final Supplier<Window> owner;
    private final String openLabel;
    private final Consumer<String> openRun;

    InAppNotifier(FxBatcher batcher, Supplier<Window> owner, String openLabel, Consumer<String> openRun) {
        this.batcher = batcher;
        this.owner = owner;
        this.openLabel = openLabel;
        this.openRun = openRun;
    }

    @Override
    public void show(Notice notice) {
        batcher.execute(() -> popUp(notice));
    }

    private void popUp(Notice notice) {
        Window window = owner.get();
        if (window == null || !window.isShowing()) {
            return;
        }
        AlertKind kind = notice.alert().kind();
        boolean urgent = kind == AlertKind.OVERDUE || kind == AlertKind.UPDATE_REQUESTED;
        Notifications.create()
                .owner(window)
                .title(notice.title())
                .text(notice.body())
                .styleClass(STYLE)
                .hideAfter(Duration.seconds(urgent ? 30 : 8))
                .action(new Action(openLabel, e -> openRun.accept(notice.runId())))
                .show();
        keepTheKeyboardInTheWindow(window);
    }

    /**
     * A showing pop-up is offered the owner window's key presses first (JavaFX redirects them to the pop-up's
     * focused node), and the notification's buttons took them, so while one showed (up to 30 s) the window's
     * arrows, Enter and Ctrl chords did nothing. Its buttons are for the mouse: none of them takes the keyboard,
     * and the window's keys, "open the latest notification's run" included, work as if nothing had popped up.
     */
    private static void keepTheKeyboardInTheWindow(Window window) {
        for (Window shown : Window.getWindows()) {
            if (shown instanceof PopupWindow popup && popup.getOwnerWindow() == window && popup.getScene() != null
                    && !popup.getScene().getRoot().lookupAll("." + STYLE).isEmpty()) {
                popup.getScene().getRoot().lookupAll("*").forEach(node -> node.setFocusTraversable(false));
            }
        }
    }
}
