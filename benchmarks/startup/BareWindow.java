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

/**
 * The jar mode's main class (startup.sh --jar): with JavaFX on the class path the java launcher refuses a main
 * class that extends Application ("JavaFX runtime components are missing"), so the console starts the same way,
 * through a class that is not one (app/DesktopLauncher).
 */
final class BareWindowLauncher {

    public static void main(String[] args) {
        Application.launch(BareWindow.class, args);
    }
}
