package com.incidentconsole.alerts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DebounceTest {

    private static final Instant T = Instant.parse("2026-11-01T09:00:00Z");
    private final Debounce debounce = new Debounce(Duration.ofSeconds(3));

    private static Alert assigned(String run, String title) {
        return Alert.of(AlertKind.TASK_ASSIGNED, run, "Run " + run, title, "bob", T);
    }

    @Test
    void aBurstOnOneSubjectIsOneNotificationCountingThemAll() {
        debounce.offer(List.of(assigned("r1", "a"), assigned("r1", "b")), T);
        debounce.offer(List.of(assigned("r1", "c")), T.plusSeconds(2));
        assertEquals(List.of(), debounce.release(T.plusSeconds(2)), "still inside the window");
        List<Alert> out = debounce.release(T.plusSeconds(3));
        assertEquals(1, out.size());
        assertEquals(3, out.get(0).count());
        assertEquals("c", out.get(0).detail(), "the latest words");
        assertEquals(List.of(), debounce.release(T.plusSeconds(60)));
        assertEquals(Optional.empty(), debounce.nextRelease());
    }

    @Test
    void differentSubjectsStayApartInArrivalOrder() {
        debounce.offer(List.of(assigned("r2", "a"), Alert.of(AlertKind.MADE_OWNER, "r1", "", "", "bob", T),
                assigned("r1", "b")), T);
        assertEquals(Optional.of(T.plusSeconds(3)), debounce.nextRelease());
        assertEquals(List.of("TASK_ASSIGNED:r2", "MADE_OWNER:r1", "TASK_ASSIGNED:r1"),
                debounce.release(T.plusSeconds(3)).stream().map(Alert::subject).toList());
    }

    @Test
    void afterTheWindowTheSameSubjectIsANewNotification() {
        debounce.offer(List.of(assigned("r1", "a")), T);
        assertEquals(1, debounce.release(T.plusSeconds(3)).size());
        debounce.offer(List.of(assigned("r1", "b")), T.plusSeconds(10));
        assertEquals(1, debounce.release(T.plusSeconds(13)).get(0).count());
    }
}
