package com.incidentconsole.fx.window;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.incidentconsole.fx.command.Scope;
import com.incidentconsole.uitest.ConsoleRobot;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** A tool window's Esc is its registry command: it closes the window, but an open picker takes it first. */
@ExtendWith(ApplicationExtension.class)
class ToolWindowTest {

    private Stage main;
    private Button opener;

    @Start
    void start(Stage stage) {
        opener = new Button("Runs");
        stage.setScene(new Scene(opener, 300, 200));
        stage.show();
        main = stage;
    }

    @Test
    void escClosesAnOpenPickerFirstThenTheWindowAndTheKeyboardGoesBackToTheOwner(FxRobot fx) {
        ConsoleRobot user = new ConsoleRobot(fx);
        AtomicInteger hidden = new AtomicInteger();
        ComboBox<String> picker = new ComboBox<>();
        picker.getItems().setAll("Last 4 weeks", "Last 12 weeks");
        Stage[] window = new Stage[1];
        fx.interact(() -> window[0] = new ToolWindow("Stats", Scope.window("stats"), "stats.close", List.of(),
                Modality.NONE, 300, 200).open(main, close -> new VBox(picker, new Button("Close")),
                        hidden::incrementAndGet));
        fx.interact(() -> {
            picker.requestFocus();
            picker.show();
        });
        user.waitUntil("the picker is open", picker::isShowing);

        user.press(KeyCode.ESCAPE);
        user.waitUntil("the picker closed", () -> !picker.isShowing());
        assertTrue(window[0].isShowing(), "Esc closed the picker, not the window");
        assertEquals(0, hidden.get());

        user.press(KeyCode.ESCAPE);
        user.waitUntil("the window closed", () -> !window[0].isShowing());
        assertEquals(1, hidden.get(), "what the owner asked to run on close ran once");
        user.waitUntil("the owner has the keyboard back", main::isFocused);
        assertFalse(window[0].isShowing());
    }
}
