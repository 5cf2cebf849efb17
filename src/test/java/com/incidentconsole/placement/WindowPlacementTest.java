package com.incidentconsole.placement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The window opens at most the screen, where it was, and back on a screen when that one is gone. */
class WindowPlacementTest {

    private final Area laptop = new Area(0, 0, 1024, 700);
    private final Area external = new Area(1024, -200, 2560, 1400);

    @Test
    void aFirstStartOnASmallScreenIsCutToItAndCentred() {
        assertEquals(new WindowPlacement(new Area(0, 0, 1024, 700), false), WindowPlacement.initial(laptop, 1280, 800));
        assertEquals(new Area(112, 50, 800, 600), WindowPlacement.initial(laptop, 800, 600).bounds());
    }

    @Test
    void aSavedPlaceOnAScreenStays() {
        WindowPlacement there = new WindowPlacement(new Area(1200, 0, 1600, 1000), false);
        assertEquals(there, there.fitTo(List.of(laptop, external), laptop));
    }

    @Test
    void aPlaceOnAScreenUnpluggedSinceComesBackCentredOnThePrimary() {
        WindowPlacement there = new WindowPlacement(new Area(1200, 0, 1600, 1000), true);
        assertEquals(new WindowPlacement(new Area(0, 0, 1024, 700), true), there.fitTo(List.of(laptop), laptop));
    }

    @Test
    void aWindowBiggerThanItsScreenOrHalfOffItIsCutAndMovedIn() {
        assertEquals(new Area(0, 0, 1024, 700),
                new WindowPlacement(new Area(-10, 0, 1400, 900), false).fitTo(List.of(laptop), laptop).bounds());
        assertEquals(new Area(424, 100, 600, 500),
                new WindowPlacement(new Area(700, 100, 600, 500), false).fitTo(List.of(laptop), laptop).bounds());
    }

    @Test
    void aTitleBarAboveTheScreenCannotBeGrabbedSoTheWindowComesBack() {
        WindowPlacement above = new WindowPlacement(new Area(100, -500, 800, 600), false);
        assertEquals(WindowPlacement.initial(laptop, 800, 600), above.fitTo(List.of(laptop), laptop));
    }

    @Test
    void theFileKeepsThePlaceAndAnythingOddIsAFirstStart(@TempDir Path dir) throws IOException {
        PlacementFile file = new PlacementFile(dir);
        assertEquals(Optional.empty(), file.read());
        WindowPlacement place = new WindowPlacement(new Area(10.5, 20, 1100, 720), true);
        file.write(place);
        assertEquals(Optional.of(place), file.read());
        Files.writeString(dir.resolve(PlacementFile.NAME), "width=NaN\nheight=-3\n");
        assertEquals(Optional.empty(), file.read());
        Files.writeString(dir.resolve(PlacementFile.NAME), "garbage");
        assertEquals(Optional.empty(), file.read());
        assertTrue(Files.list(dir).noneMatch(p -> p.getFileName().toString().endsWith(".tmp")));
    }
}
