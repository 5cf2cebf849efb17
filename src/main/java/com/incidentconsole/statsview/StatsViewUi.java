package com.incidentconsole.statsview;

import com.incidentconsole.fx.FxBatcher;
import com.incidentconsole.fx.command.Scope;
import com.incidentconsole.fx.window.ToolWindow;
import com.incidentconsole.sync.Subscription;
import com.incidentconsole.sync.Workspace;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.ResourceBundle;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * The stats view's entry point for the command registry: {@link #open(Window)} shows it in its own window (one at a
 * time; a second call brings it to the front). While open it follows the workspace's run and playbook stores;
 * Esc or Close shuts it and focus goes back to the window it was opened from. Always enabled: it needs no server.
 */
public final class StatsViewUi {

    public static final String VIEW = "/fxml/statsview/stats.fxml";
    /** The stats window's keys (Esc closes it). */
    public static final Scope SCOPE = Scope.window("stats");

    private final Workspace workspace;
    private final ResourceBundle bundle;
    private final FxBatcher batcher;
    private final Executor background;
    private final ZoneId zone;
    private final Supplier<LocalDate> today;
    private final List<String> stylesheets;
    private final StatsViewModel.ServerFigures serverFigures;
    private Stage open;

    /**
     * @param background where the numbers are computed (never the FX thread); one thread is plenty
     * @param stylesheets the main scene's stylesheets, so the window has the same theme
     */
    public StatsViewUi(Workspace workspace, ResourceBundle bundle, FxBatcher batcher, Executor background, ZoneId zone,
            Supplier<LocalDate> today, List<String> stylesheets) {
        this(workspace, bundle, batcher, background, zone, today, stylesheets, StatsViewModel.ServerFigures.none());
    }

    /** @param serverFigures the server's own figures per playbook, shown beside the local ones */
    public StatsViewUi(Workspace workspace, ResourceBundle bundle, FxBatcher batcher, Executor background, ZoneId zone,
            Supplier<LocalDate> today, List<String> stylesheets, StatsViewModel.ServerFigures serverFigures) {
        this.serverFigures = serverFigures;
        this.workspace = workspace;
        this.bundle = bundle;
        this.batcher = batcher;
        this.background = background;
        this.zone = zone;
        this.today = today;
        this.stylesheets = List.copyOf(stylesheets);
    }

    /** Must run on the FX thread. */
    public Stage open(Window owner) {
        if (open != null) {
            open.toFront();
            open.requestFocus();
            return open;
        }
        List<Subscription> subscriptions = new ArrayList<>();
        open = new ToolWindow(bundle.getString("stats.title"), SCOPE, "stats.close", stylesheets, Modality.NONE,
                1100, 800).open(owner, close -> build(subscriptions, close), () -> {
                    subscriptions.forEach(Subscription::close);
                    open = null;
                });
        return open;
    }

    /**
     * The view and its model, subscribed to the stores; the caller closes the subscriptions when the view goes.
     * Package-visible so a test can put the view in its own stage.
     */
    Parent build(List<Subscription> subscriptions, Runnable close) {
        StatsViewModel model = new StatsViewModel(workspace.runs(), workspace.playbooks(), workspace.teams(), background,
                batcher::execute, zone, today, bundle, serverFigures);
        subscriptions.add(workspace.runs().subscribe(batcher.collecting(changes -> model.runsChanged())));
        subscriptions.add(workspace.playbooks().subscribe(batcher.collecting(changes -> model.playbooksChanged())));
        FXMLLoader loader = new FXMLLoader(StatsViewUi.class.getResource(VIEW), bundle);
        loader.setControllerFactory(type -> new StatsViewController(model, bundle, close));
        try {
            Parent view = loader.load();
            model.recompute();
            model.askServer();
            return view;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not load view " + VIEW, e);
        }
    }
}
