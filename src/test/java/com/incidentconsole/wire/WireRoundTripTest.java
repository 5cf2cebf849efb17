package com.incidentconsole.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * Every wire record reads the server's JSON (fixtures in {@code src/test/resources/wire/}, written
 * from the reference with every field the server sends) and writes it back identically: same field
 * names, same values, nothing lost, nothing invented.
 */
class WireRoundTripTest {

    private static final Comparator<JsonNode> SAME_VALUE = (a, b) -> {
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue());
        }
        return a.equals(b) ? 0 : 1;
    };

    private final JsonMapper mapper = WireJson.newMapper();

    static Stream<Class<?>> records() {
        return Stream.of(User.class, Team.class, Channel.class, ChannelMember.class, Post.class, PostList.class,
                AppError.class, PluginError.class, LoginRequest.class, UserAccessToken.class, Broadcast.class,
                WebSocketEvent.class, WebSocketRequest.class, WebSocketResponse.class, HelloData.class,
                PlaybookRun.class, Checklist.class, ChecklistItem.class, TimelineEvent.class, StatusPost.class,
                StatusPostComplete.class, RunMetricData.class, PlaybookRunUpdate.class, RunCreatedPayload.class,
                RunsPage.class, RunCreateOptions.class, RunMetadata.class, OwnerInfo.class, Playbook.class,
                PlaybookMember.class, PlaybookMetricConfig.class, PlaybooksPage.class, TeamPayload.class);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("records")
    void roundTripsTheServersJsonFieldForField(Class<?> type) throws IOException {
        JsonNode original = fixture(type);
        Object record = mapper.treeToValue(original, type);
        JsonNode written = mapper.valueToTree(record);
        // Numbers compare by value: the tree reader picks int nodes where a record writes longs.
        assertTrue(original.equals(SAME_VALUE, written), () -> type.getSimpleName() + " wrote " + written);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("records")
    void unknownFieldsFromANewerServerAreNotFatal(Class<?> type) throws IOException {
        ObjectNode withExtra = (ObjectNode) fixture(type).deepCopy();
        withExtra.put("field_added_in_a_later_version", "x");
        Object record = mapper.treeToValue(withExtra, type);
        assertFalse(mapper.valueToTree(record).has("field_added_in_a_later_version"));
    }

    @Test
    void absentAndNullListsBecomeEmptyNeverNull() throws IOException {
        PlaybookRun run = mapper.readValue("""
                {"id":"r1","checklists":null,"participant_ids":null}""", PlaybookRun.class);
        assertEquals(List.of(), run.checklists());
        assertEquals(List.of(), run.participantIds());
        assertEquals(List.of(), run.timelineEvents());
        assertEquals("", run.name());
    }

    @Test
    void emptyPropertyFieldsAreOmittedLikeTheServerDoes() {
        PlaybookRun run = new PlaybookRun("r1", "n", "", 0, "", "", "", "", 0, 0, 0, 0, 0, "", "", "", "playbook",
                List.of(), List.of(), "InProgress", 0, "", 0, 0, false, List.of(), List.of(), false, false, "",
                List.of(), List.of(), List.of(), "", List.of(), "", 0, false, 0, false, "", List.of(), "", List.of(),
                false, false, List.of(), List.of(), List.of(), 0, "", 0, 0);
        JsonNode json = mapper.valueToTree(run);
        assertFalse(json.has("property_fields"));
        assertFalse(json.has("property_values"));
        assertTrue(json.has("checklists"), "slices are always sent, as []");
    }

    @Test
    void secretsStayOutOfToString() throws IOException {
        assertFalse(LoginRequest.of("alex", "hunter2").toString().contains("hunter2"));
        UserAccessToken token = mapper.treeToValue(fixture(UserAccessToken.class), UserAccessToken.class);
        assertFalse(token.toString().contains(token.token()));
    }

    private JsonNode fixture(Class<?> type) throws IOException {
        try (InputStream in = WireRoundTripTest.class.getResourceAsStream("/wire/" + type.getSimpleName() + ".json")) {
            if (in == null) {
                throw new IOException("no fixture wire/" + type.getSimpleName() + ".json");
            }
            return mapper.readTree(in);
        }
    }
}
