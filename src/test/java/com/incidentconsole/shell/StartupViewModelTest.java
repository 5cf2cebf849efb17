package com.incidentconsole.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ConnectException;
import java.util.ResourceBundle;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

class StartupViewModelTest {

    @Test
    void aFailedStartSaysWhatFailedWhyAndWhatToDo() {
        StartupViewModel model = new StartupViewModel(ResourceBundle.getBundle("i18n.messages"));
        model.failed(new CompletionException(new ConnectException("Connection refused: chat.example.com:443")));

        assertTrue(model.failedProperty().get());
        assertEquals("Could not connect", model.headlineProperty().get());
        String detail = model.detailProperty().get();
        assertTrue(detail.contains("What failed: connecting to the server"), detail);
        assertTrue(detail.contains("Why: Connection refused: chat.example.com:443"), detail);
        assertTrue(detail.contains("What to do:"), detail);
    }
}
