package com.incidentconsole.fx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.concurrent.atomic.AtomicInteger;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/** Opening the playbook library twice focuses the one window instead of building a second over the same folder. */
@ExtendWith(ApplicationExtension.class)
class WindowsTest {

    @Test
    void askingTwiceForOneWindowShowsTheSameWindow() throws Exception {
        Windows windows = new Windows();
        AtomicInteger built = new AtomicInteger();
        Stage[] first = new Stage[2];
        WaitForAsyncUtils.asyncFx(() -> {
            first[0] = windows.show("playbooks:/lib", () -> open(built));
            first[1] = windows.show("playbooks:/lib", () -> open(built));
        }).get();
        assertSame(first[0], first[1]);
        assertEquals(1, built.get(), "one window built");
        assertEquals(1, windows.openCount());

        Stage[] again = new Stage[1];
        WaitForAsyncUtils.asyncFx(() -> {
            first[0].hide();
            again[0] = windows.show("playbooks:/lib", () -> open(built));
        }).get();
        assertNotSame(first[0], again[0], "once closed, the next ask opens a fresh window");
        assertEquals(2, built.get());
        WaitForAsyncUtils.asyncFx(again[0]::hide).get();
    }

    private static Stage open(AtomicInteger built) {
        built.incrementAndGet();
        Stage stage = new Stage();
        stage.setScene(new Scene(new StackPane(), 200, 100));
        stage.show();
        return stage;
    }
}
