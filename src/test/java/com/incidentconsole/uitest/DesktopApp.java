package com.incidentconsole.uitest;

import com.incidentconsole.app.IncidentConsoleApp;
import com.incidentconsole.credentials.CredentialVault;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import javafx.application.Application;
import javafx.scene.control.Labeled;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/**
 * The whole desktop app, started as a user starts it, in a data folder of its own: for tests of what happens at a
 * start (sign-in, a damaged store, a second start). Each test gets a fresh folder and the file vault — never the
 * developer's keyring or data — and the app and its windows are gone after it, the system properties as they were.
 *
 * <pre>{@code @RegisterExtension final DesktopApp desktop = new DesktopApp();}</pre>
 */
public final class DesktopApp implements BeforeEachCallback, AfterEachCallback {

    private static final String HOME = "incident.console.home";

    private final Map<String, String> previous = new HashMap<>();
    private final FxRobot fx = new FxRobot();
    private Path home;
    private Application app;

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        home = Files.createTempDirectory("incident-console-home");
        set(HOME, home.toString());
        set(CredentialVault.STORE_PROPERTY, "file");
        FxToolkit.registerPrimaryStage();
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        try {
            stop();
            FxToolkit.cleanupStages();
        } finally {
            previous.forEach((key, value) -> {
                if (value == null) {
                    System.clearProperty(key);
                } else {
                    System.setProperty(key, value);
                }
            });
            previous.clear();
            delete(home);
        }
    }

    private void set(String key, String value) {
        previous.put(key, System.setProperty(key, value));
    }

    /** The app's data folder: the store, the vault and the instance lock live here. */
    public Path home() {
        return home;
    }

    /** Starts the app with {@code args}, as its launcher would; returns once {@code start} has run. */
    public Application start(String... args) throws Exception {
        app = FxToolkit.setupApplication(IncidentConsoleApp.class, args);
        return app;
    }

    /** Ends the running app as closing its window does; nothing when none runs. */
    public void stop() throws Exception {
        if (app != null) {
            FxToolkit.cleanupApplication(app);
            app = null;
        }
    }

    /** The text of the label or button {@code query} finds, {@code ""} while there is none. */
    public String text(String query) {
        return fx.lookup(query).tryQuery().map(n -> n instanceof Labeled l ? l.getText() : "").orElse("");
    }

    private static void delete(Path folder) throws IOException {
        if (folder == null || !Files.exists(folder)) {
            return;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
