package com.incidentconsole.app;

import javafx.application.Application;

/**
 * Starts the window. Deliberately not an {@link Application}: the java launcher refuses a main class
 * that extends Application when JavaFX sits on the classpath ("JavaFX runtime components are missing").
 */
public final class DesktopLauncher {

    private DesktopLauncher() {
    }

    public static void launch(String[] args) {
        Application.launch(IncidentConsoleApp.class, args);
    }

    public static void main(String[] args) {
        launch(args);
    }
}
