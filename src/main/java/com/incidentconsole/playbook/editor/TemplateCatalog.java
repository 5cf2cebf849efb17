package com.incidentconsole.playbook.editor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.incidentconsole.playbook.library.PlaybookFile;
import com.incidentconsole.playbook.library.TemplateConversion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** The built-in templates the webapp offers (resources {@code /templates}, listed by its index). */
final class TemplateCatalog {

    private static final String FOLDER = "/templates/";

    /** One template: its file in the folder and the title people pick it by. */
    record Template(String file, String title) {
        @Override
        public String toString() {
            return title;
        }
    }

    private final JsonMapper mapper;

    TemplateCatalog(JsonMapper mapper) {
        this.mapper = mapper;
    }

    List<Template> list() {
        List<Template> out = new ArrayList<>();
        for (JsonNode entry : read("index.json")) {
            out.add(new Template(entry.path("file").asText(), entry.path("title").asText()));
        }
        return List.copyOf(out);
    }

    /** The export document the server would write for a playbook created from the template. */
    PlaybookFile load(Template template) {
        return TemplateConversion.toExport(read(template.file()));
    }

    private JsonNode read(String file) {
        try (InputStream in = TemplateCatalog.class.getResourceAsStream(FOLDER + file)) {
            if (in == null) {
                throw new IllegalStateException("template missing from the jar: " + file);
            }
            return mapper.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
