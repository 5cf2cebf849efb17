package com.incidentconsole.fx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class UiClockTest {

    @Test
    void callsEachViewAtItsOwnPaceFromOneSource() throws Exception {
        UiClock clock = new UiClock();
        AtomicInteger everySecond = new AtomicInteger();
        AtomicInteger everyThirty = new AtomicInteger();
        clock.every(1, everySecond::incrementAndGet);
        AutoCloseable slow = clock.every(30, everyThirty::incrementAndGet);
        for (int i = 0; i < 60; i++) {
            clock.tick();
        }
        assertEquals(60, everySecond.get());
        assertEquals(2, everyThirty.get());

        slow.close();
        for (int i = 0; i < 30; i++) {
            clock.tick();
        }
        assertEquals(2, everyThirty.get(), "a closed handle is not called again");
    }

    @Test
    void closingStopsEveryListener() {
        UiClock clock = new UiClock();
        AtomicInteger ticks = new AtomicInteger();
        clock.every(1, ticks::incrementAndGet);
        clock.close();
        clock.tick();
        assertEquals(0, ticks.get());
        assertFalse(clock.isRunning());
    }
}
