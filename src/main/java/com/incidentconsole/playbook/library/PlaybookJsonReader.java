package com.incidentconsole.playbook.library;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.incidentconsole.wire.WireJson;

/**
 * Parses playbook files into order-preserving trees.
 *
 * <p>Files are read as {@link JsonNode} trees rather than bound to {@code wire.Playbook} because the file must
 * keep every field, unknown ones included, in its original order and with its original number text; binding to
 * records would drop unknown fields and reorder the rest. The mapper is derived from {@link WireJson#newMapper()}
 * (the project's one configuration) with three additions: exact decimals (so {@code 1.50} stays {@code 1.50}),
 * floats as {@code BigDecimal}, and duplicate-key detection (Go silently takes the last duplicate; a reviewer
 * would not see which one wins, so we refuse).
 */
public final class PlaybookJsonReader {

    private final JsonMapper mapper;

    public PlaybookJsonReader(JsonMapper base) {
        this.mapper = base.rebuild()
                .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .build();
    }

    public PlaybookJsonReader() {
        this(WireJson.newMapper());
    }

    public ObjectNode readObject(String text) throws PlaybookFormatException {
        JsonNode node;
        try {
            node = mapper.readTree(text);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new PlaybookFormatException(e.getOriginalMessage(), at == null ? 0 : at.getLineNr(),
                    at == null ? 0 : at.getColumnNr());
        }
        if (node == null || node.isMissingNode()) {
            throw new PlaybookFormatException("the file is empty; expected a JSON object", 1, 1);
        }
        if (!node.isObject()) {
            throw new PlaybookFormatException("expected a JSON object at the top level, found " + node.getNodeType(),
                    1, 1);
        }
        return (ObjectNode) node;
    }

    public JsonNodeFactory nodes() {
        return mapper.getNodeFactory();
    }
}
