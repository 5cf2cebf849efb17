package com.incidentconsole.sandbox.seed;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Loads the built-in webapp templates (copied from the reference into {@code resources/sandbox/templates}). */
final class TemplateLibrary {

    private final ObjectMapper mapper;

    TemplateLibrary(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** The {@code template} object of {@code templates/<name>.json}: what the webapp would POST. */
    ObjectNode template(String name) {
        try (InputStream in = TemplateLibrary.class.getResourceAsStream("/sandbox/templates/" + name + ".json")) {
            if (in == null) {
                throw new IllegalStateException("missing template " + name);
            }
            ObjectNode template = (ObjectNode) mapper.readTree(in).get("template");
            template.remove("is_favorite");
            template.remove("propertyFields");
            return template;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
