package com.incidentconsole.uitest;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.incidentconsole.runs.RunRow;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Node;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A user at the keyboard, in the console's words: press keys, wait for what should appear. Waits for
 * conditions (never sleeps), so the tests are as fast as the UI and never flaky on a slow machine.
 */
public final class ConsoleRobot {

    private final FxRobot robot;
    private final Duration patience;

    public ConsoleRobot(FxRobot robot) {
        this(robot, Duration.ofSeconds(5));
    }

    /** @param patience how long to wait for a condition; longer where a real server is in the loop */
    public ConsoleRobot(FxRobot robot, Duration patience) {
        this.robot = robot;
        this.patience = patience;
    }

    /** Types characters as a keyboard would (letters, "?", "[", …). */
    public ConsoleRobot keys(String characters) {
        robot.write(characters);
        WaitForAsyncUtils.waitForFxEvents();
        return this;
    }

    public ConsoleRobot press(KeyCode... combination) {
        robot.push(combination);
        WaitForAsyncUtils.waitForFxEvents();
        return this;
    }

    public void waitUntil(String what, Callable<Boolean> condition) {
        AtomicReference<Exception> lastFailure = new AtomicReference<>();
        try {
            // Evaluated on the FX thread: reading the scene from the test thread could see half a pulse.
            WaitForAsyncUtils.waitFor(patience.toMillis(), TimeUnit.MILLISECONDS,
                    () -> WaitForAsyncUtils.asyncFx(() -> holds(condition, lastFailure)).get());
            WaitForAsyncUtils.waitForFxEvents();
        } catch (TimeoutException | RuntimeException e) {
            AssertionError timedOut = new AssertionError("Timed out waiting until " + what, e);
            if (lastFailure.get() != null) {
                timedOut.addSuppressed(lastFailure.get());
            }
            throw timedOut;
        }
    }

    /**
     * A condition that throws — a node not in the scene yet, so its lookup finds nothing — has not come true yet:
     * it is asked again until the patience runs out, and its last failure is reported with the time-out.
     */
    private static boolean holds(Callable<Boolean> condition, AtomicReference<Exception> lastFailure) {
        try {
            return condition.call();
        } catch (Exception e) {
            lastFailure.set(e);
            return false;
        }
    }

    @SuppressWarnings("unchecked")
    public TableView<RunRow> runsTable() {
        return robot.lookup("#runsTable").queryAs(TableView.class);
    }

    public Node item(String itemId) {
        return robot.lookup(".checklist-item").match(n -> itemId.equals(n.getProperties().get("itemId"))).query();
    }

    public Set<String> itemClasses(String itemId) {
        return Set.copyOf(item(itemId).getStyleClass());
    }

    public Node focusOwner() {
        return robot.targetWindow(robot.listTargetWindows().get(0)).targetWindow().getScene().getFocusOwner();
    }

    public boolean isVisible(String query) {
        return robot.lookup(query).tryQuery().map(n -> n.isVisible() && n.getParent() != null
                && ancestorsVisible(n)).orElse(false);
    }

    public void assertVisible(String query) {
        waitUntil(query + " is visible", () -> isVisible(query));
        assertTrue(isVisible(query));
    }

    private static boolean ancestorsVisible(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }
}
