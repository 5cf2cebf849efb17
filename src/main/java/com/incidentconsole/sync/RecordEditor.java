package com.incidentconsole.sync;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Copies of one wire record type with some components replaced, each addressed by its JSON name
 * and decoded by the shared mapper the way a read of the whole record would decode it.
 *
 * <p>Why not hand-written {@code with…} methods: a delta may name any of a run's 52 fields, and the
 * names, types and coercions must stay exactly Jackson's (snake case, {@code delete_at} for an
 * item's {@code lastSkipped}, {@code "7"} accepted for a long). Asking Jackson for the properties
 * keeps this in step with the records by construction; a record component Jackson does not see
 * fails here, at start-up, not on some later delta.
 */
final class RecordEditor<T extends Record> {

    private final Class<T> type;
    private final JsonMapper mapper;
    private final ObjectReader reader;
    /** (Object[]) -> Object: the canonical constructor, spread. */
    private final MethodHandle constructor;
    /** (Object) -> Object each: method handles, not Method.invoke, because this runs per event. */
    private final MethodHandle[] accessors;
    private final Map<String, Slot> slots = new HashMap<>();

    /** Where a JSON property lives in the component array, and how to decode a value for it. */
    private record Slot(int index, ObjectReader reader) {
    }

    RecordEditor(Class<T> type, JsonMapper mapper) {
        this.type = type;
        this.mapper = mapper;
        this.reader = mapper.readerFor(type);
        RecordComponent[] components = type.getRecordComponents();
        MethodHandles.Lookup lookup = MethodHandles.publicLookup();
        accessors = new MethodHandle[components.length];
        try {
            for (int i = 0; i < components.length; i++) {
                accessors[i] = lookup.unreflect(components[i].getAccessor())
                        .asType(MethodType.methodType(Object.class, Object.class));
            }
            MethodType canonical = MethodType.methodType(void.class,
                    Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
            constructor = lookup.findConstructor(type, canonical)
                    .asSpreader(Object[].class, components.length)
                    .asType(MethodType.methodType(Object.class, Object[].class));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(type + " is not a public record with a public canonical constructor", e);
        }
        BeanDescription description = mapper.getDeserializationConfig().introspect(mapper.constructType(type));
        Map<String, BeanPropertyDefinition> byComponent = new HashMap<>();
        description.findProperties().forEach(p -> byComponent.put(p.getInternalName(), p));
        for (int i = 0; i < components.length; i++) {
            BeanPropertyDefinition property = byComponent.get(components[i].getName());
            if (property == null) {
                throw new IllegalStateException(type.getSimpleName() + "." + components[i].getName()
                        + " is not a JSON property");
            }
            slots.put(property.getName(), new Slot(i, mapper.readerFor(
                    mapper.getTypeFactory().constructType(components[i].getGenericType()))));
        }
    }

    /** The whole record from JSON, exactly as the mapper reads it. */
    T read(JsonNode node) throws IOException {
        return reader.readValue(node);
    }

    /** The record as the mapper writes it. */
    ObjectNode tree(T record) {
        return mapper.valueToTree(record);
    }

    Draft edit(T record) {
        Object[] values = new Object[accessors.length];
        for (int i = 0; i < accessors.length; i++) {
            values[i] = read(accessors[i], record);
        }
        return new Draft(values);
    }

    /** A record being changed; not shared between threads (one per delta being applied). */
    final class Draft {

        private final Object[] values;

        private Draft(Object[] values) {
            this.values = values;
        }

        /**
         * Replaces a component with a JSON value, decoded now.
         *
         * @return false when the record has no such property (nothing changed)
         * @throws IOException when the value does not fit the component's type
         */
        boolean set(String jsonName, JsonNode value) throws IOException {
            Slot slot = slots.get(jsonName);
            if (slot == null) {
                return false;
            }
            values[slot.index()] = slot.reader().readValue(value);
            return true;
        }

        /** Replaces a component with a value the caller already has in its Java form. */
        Draft put(String jsonName, Object value) {
            Slot slot = slots.get(jsonName);
            if (slot == null) {
                throw new IllegalArgumentException(type.getSimpleName() + " has no property " + jsonName);
            }
            values[slot.index()] = value;
            return this;
        }

        /**
         * The new record, through its canonical constructor (which normalises as a read would).
         *
         * @throws IllegalArgumentException when the constructor refuses the values (e.g. a null list element)
         */
        T build() {
            try {
                return type.cast((Object) constructor.invokeExact(values));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException(type.getSimpleName() + " refused the values: " + e, e);
            } catch (Throwable e) {
                throw new IllegalStateException("cannot construct " + type.getSimpleName(), e);
            }
        }
    }

    private static Object read(MethodHandle accessor, Object record) {
        try {
            return (Object) accessor.invokeExact(record);
        } catch (Throwable e) {
            // Record accessors only return a field; nothing to recover from here.
            throw new IllegalStateException("record accessor failed", e);
        }
    }
}
