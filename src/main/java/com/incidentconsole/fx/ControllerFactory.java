package com.incidentconsole.fx;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import javafx.util.Callback;

/**
 * Builds FXML controllers from registered suppliers, so controllers get their view-models through
 * the constructor instead of reflection and static lookups. An FXML naming a controller nobody
 * registered fails loudly at load time, not later with a null field.
 */
public final class ControllerFactory implements Callback<Class<?>, Object> {

    private final Map<Class<?>, Supplier<?>> suppliers = new HashMap<>();

    public <T> ControllerFactory register(Class<T> type, Supplier<? extends T> supplier) {
        suppliers.put(type, supplier);
        return this;
    }

    @Override
    public Object call(Class<?> type) {
        Supplier<?> supplier = suppliers.get(type);
        if (supplier == null) {
            throw new IllegalStateException("Controller not registered: " + type.getName());
        }
        return supplier.get();
    }
}
