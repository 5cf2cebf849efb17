package com.incidentconsole.fx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class NavigationTest {

    @Test
    void placesAreTypedAndTheOpenRunFollowsThem() {
        Navigation navigation = new Navigation();
        List<Place> visited = new ArrayList<>();
        navigation.placeProperty().addListener((obs, old, now) -> visited.add(now));
        assertEquals(new Place.RunList(), navigation.placeProperty().get(), "the window starts on the runs list");

        navigation.openRun("run-db");
        assertTrue(navigation.isDetailOpen());
        assertEquals("run-db", navigation.openRunIdProperty().get());

        navigation.go(new Place.RunDetail("run-login"));
        assertEquals("run-login", navigation.openRunIdProperty().get(), "a detail to another detail switches the run");

        navigation.backToList();
        assertFalse(navigation.isDetailOpen());
        assertNull(navigation.openRunIdProperty().get());
        assertEquals(List.of(new Place.RunDetail("run-db"), new Place.RunDetail("run-login"), new Place.RunList()),
                visited);
    }
}
