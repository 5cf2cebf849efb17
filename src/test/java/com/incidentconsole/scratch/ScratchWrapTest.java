package com.incidentconsole.scratch;

import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class ScratchWrapTest {
    Stage stage;
    @Start void start(Stage s) { stage = s; s.setScene(new Scene(new VBox(), 800, 600)); s.show(); }

    void tryText(String what, String text) throws Exception { tryText(what, text, false); }
    void tryText(String what, String text, boolean rtl) throws Exception {
        var r = WaitForAsyncUtils.asyncFx(() -> {
            Label l = new Label(text);
            l.setWrapText(true); if (rtl) l.setNodeOrientation(javafx.geometry.NodeOrientation.RIGHT_TO_LEFT);
            ((VBox) stage.getScene().getRoot()).getChildren().setAll(l);
            long t0 = System.nanoTime();
            try {
                double h = l.prefHeight(700);
                l.applyCss(); stage.getScene().getRoot().layout();
                return what + ": ok h=" + h + " " + (System.nanoTime() - t0) / 1_000_000 + " ms";
            } catch (RuntimeException e) {
                return what + ": FAIL " + e;
            }
        }).get();
        System.out.println("SCRATCH " + r);
    }

    @Test void rtl() throws Exception {
        String sentence = "مرحبا بالعالم ".repeat(40);
        tryText("sentence ltr", sentence);
        tryText("sentence rtl", sentence, true);
        tryText("arabic space rtl", "ب".repeat(480).replaceAll("(.{48})", "$1 "), true);
        tryText("hebrew sentence", "שלום עולם ".repeat(50));
        tryText("mixed", "Deploy failed: " + "مرحبا بالعالم ".repeat(5) + " retry at 04:00 UTC, owner Alice. ".repeat(5));
        tryText("latin then arabic", "x".repeat(100) + " " + "مرحبا بالعالم ".repeat(10));
        tryText("arabic then nl", ("مرحبا بالعالم ".repeat(3) + "\n").repeat(20));
    }
    void variants() throws Exception {
        String ar = "ب".repeat(480);
        tryText("arabic no break", ar);
        tryText("arabic zwsp", ar.replaceAll("(.{48})", "$1\u200B"));
        tryText("arabic space", ar.replaceAll("(.{48})", "$1 "));
        tryText("arabic nl", ar.replaceAll("(.{48})", "$1\n"));
        tryText("latin zwsp", "x".repeat(480).replaceAll("(.{48})", "$1\u200B"));
        tryText("latin 8000 zwsp", "x".repeat(8000).replaceAll("(.{48})", "$1\u200B"));
        tryText("latin 8000 nobreak", "x".repeat(8000));
        tryText("arabic 8000 space", "ب".repeat(8000).replaceAll("(.{48})", "$1 "));
        tryText("arabic 8000 zwsp", "ب".repeat(8000).replaceAll("(.{48})", "$1\u200B"));
        tryText("log 61", "2026-12-01T21:00 ERROR [checkout-api] Read timed out after 30000 ms\n".repeat(61));
        tryText("name 160 mixed", ("BIGNAME evil.exe مرحبا بالعالم שלום 🔥💥🚨 " + "A".repeat(130)));
    }
}
