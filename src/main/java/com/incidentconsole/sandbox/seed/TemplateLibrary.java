package com.incidentconsole.sandbox.seed;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Loads the built-in webapp templates (copied from the reference into {@code resources/templates}, the one folder
 * the playbook editor's {@code TemplateCatalog} reads too).
 */
final class TemplateLibrary {

    private final ObjectMapper mapper;

    TemplateLibrary(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** The {@code template} object of {@code templates/<name>.json}: what the webapp would POST. */
    ObjectNode template(String name) {
        try (InputStream in = TemplateLibrary.class.getResourceAsStream("/templates/" + name + ".json")) {
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
