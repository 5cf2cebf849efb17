package com.incidentconsole.fx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ControllerFactoryTest {

    @Test
    void buildsRegisteredControllersWithTheirDependencies() {
        StringBuilder dependency = new StringBuilder();
        ControllerFactory factory = new ControllerFactory().register(StringBuilder.class, () -> dependency);
        assertSame(dependency, factory.call(StringBuilder.class));
    }

    @Test
    void anUnknownControllerIsALoudFailure() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> new ControllerFactory().call(Object.class));
        assertEquals("Controller not registered: java.lang.Object", e.getMessage());
    }
}
