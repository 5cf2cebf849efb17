package com.incidentconsole.fx;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.ResourceBundle;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;

/** Loads an FXML view with the registered controllers and the message bundle ({@code %key} texts). */
public final class ViewLoader {

    private final ControllerFactory controllers;
    private final ResourceBundle bundle;

    public ViewLoader(ControllerFactory controllers, ResourceBundle bundle) {
        this.controllers = controllers;
        this.bundle = bundle;
    }

    public Parent load(String resource) {
        URL location = ViewLoader.class.getResource(resource);
        if (location == null) {
            throw new IllegalStateException("FXML view not found on the classpath: " + resource);
        }
        FXMLLoader loader = new FXMLLoader(location, bundle);
        loader.setControllerFactory(controllers);
        try {
            return loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not load view " + resource, e);
        }
    }
}
