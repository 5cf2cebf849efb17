import java.lang.management.ManagementFactory;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

/**
 * The startup benchmark's yardstick (benchmarks/startup/startup.sh): the least a JavaFX app can do — one window,
 * one label — timed the way the console times its own first frame (the pulse after show()), then it quits.
 */
public final class BareWindow extends Application {

    @Override
    public void start(Stage stage) {
        stage.setScene(new Scene(new StackPane(new Label("bare")), 1280, 800));
        stage.show();
        Platform.runLater(() -> {
            System.out.println("First frame " + (System.currentTimeMillis()
                    - ManagementFactory.getRuntimeMXBean().getStartTime()) + " ms after JVM start");
            Platform.exit();
        });
    }

    public static void main(String[] args) {
        launch(args);
    }
}
