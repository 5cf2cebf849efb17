package com.incidentconsole.fx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;

/** The background half runs where it is told, the result or the failure is handed over on the UI side only. */
class UiTaskTest {

    private final List<String> log = new ArrayList<>();
    private final List<Runnable> background = new ArrayList<>();
    private final List<Runnable> ui = new ArrayList<>();
    private final Executor queuedBackground = background::add;
    private final Executor queuedUi = ui::add;

    @Test
    void theWorkRunsInTheBackgroundAndItsResultIsAppliedOnTheUiExecutor() {
        UiTask.of(() -> {
            log.add("work");
            return 42;
        }).onSuccess(n -> log.add("got " + n)).onError(e -> log.add("error")).on(queuedBackground, queuedUi);
        assertTrue(log.isEmpty(), "nothing runs on the calling thread");

        background.remove(0).run();
        assertEquals(List.of("work"), log);
        assertEquals(1, ui.size(), "the result waits for the UI executor");

        ui.remove(0).run();
        assertEquals(List.of("work", "got 42"), log);
    }

    @Test
    void aCheckedFailureReachesOnErrorOnTheUiExecutorAndOnSuccessNeverRuns() {
        List<Exception> errors = new ArrayList<>();
        UiTask.run(() -> {
            throw new IOException("disk full");
        }).onSuccess(none -> log.add("success")).onError(errors::add).on(queuedBackground, queuedUi);
        background.remove(0).run();
        assertTrue(errors.isEmpty(), "not yet: the failure is handed over on the UI side");
        ui.remove(0).run();
        assertInstanceOf(IOException.class, errors.get(0));
        assertEquals("disk full", errors.get(0).getMessage());
        assertTrue(log.isEmpty());
    }

    @Test
    void directExecutorsRunTheWholeTaskBeforeTheCallReturns() {
        UiTask.of(() -> "done").onSuccess(log::add).on(UiTask.DIRECT, UiTask.DIRECT);
        assertEquals(List.of("done"), log);
    }

    @Test
    void aFailureWithNobodyToTellIsNotHandedToTheUi() {
        UiTask.run(() -> {
            throw new IllegalStateException("boom");
        }).onSuccess(none -> log.add("success")).on(queuedBackground, queuedUi);
        background.remove(0).run();
        assertTrue(ui.isEmpty(), "logged instead, and nothing pretends it succeeded");
        assertTrue(log.isEmpty());
    }
}
