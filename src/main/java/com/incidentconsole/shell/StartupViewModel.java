package com.incidentconsole.shell;

import java.util.ResourceBundle;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * What the window says before the workspace is ready: "Connecting…", or, when that failed, what
 * failed, why and what to do — in words, never a stack trace.
 */
public final class StartupViewModel {

    private final ResourceBundle bundle;
    private final ReadOnlyStringWrapper headline = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper detail = new ReadOnlyStringWrapper();
    private final ReadOnlyBooleanWrapper failed = new ReadOnlyBooleanWrapper();

    public StartupViewModel(ResourceBundle bundle) {
        this.bundle = bundle;
        headline.set(bundle.getString("startup.connecting"));
        detail.set(bundle.getString("startup.connectingDetail"));
    }

    public void failed(Throwable error) {
        Throwable cause = error;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        String why = cause.getMessage() == null || cause.getMessage().isBlank()
                ? cause.getClass().getSimpleName() : cause.getMessage();
        headline.set(bundle.getString("startup.failed"));
        detail.set(String.join("\n\n",
                bundle.getString("startup.failedWhat"),
                String.format(bundle.getString("startup.failedWhy"), why),
                bundle.getString("startup.failedDo")));
        failed.set(true);
    }

    public ReadOnlyStringProperty headlineProperty() {
        return headline.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty detailProperty() {
        return detail.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty failedProperty() {
        return failed.getReadOnlyProperty();
    }
}
