package com.incidentconsole.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.incidentconsole.testrun.BesideOtherTests;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The real handlers decode a playbook body into the Go struct before anything else and answer 400 when a known
 * field has the wrong JSON type (server/api/playbooks.go: importPlaybook, createPlaybook, updatePlaybook). The
 * sandbox once stored such a body and then answered 500 to every playbook list, for every user.
 */
@BesideOtherTests
class PlaybookDecodeTest {

    @RegisterExtension
    static final SandboxFixture SANDBOX = SandboxFixture.start(SandboxFixture.small());

    private final Api api = new Api(SANDBOX.server().baseUrl(), SANDBOX.control().credentials().token());

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            title is a number             | /title                          | 12345
            checklists is a string        | /checklists                     | "notalist"
            a checklist title is a number | /checklists/0/title             | 5
            an item state is a number     | /checklists/0/items/0/state     | 7
            a due date beyond int64       | /checklists/0/items/0/due_date  | 12345678901234567890123
            a flag is a string            | /broadcast_enabled              | "yes"
            """)
    void anImportTheServerCannotDecodeIsRefusedAndPoisonsNothing(String what, String pointer, String json) {
        JsonNode export = api.getJson(Api.PLUGIN + "/playbooks/" + anyPlaybook() + "/export");
        String teamId = api.getJson(Api.PLUGIN + "/playbooks/" + anyPlaybook()).path("team_id").asText();
        ObjectNode broken = (ObjectNode) export.deepCopy();
        set(broken, pointer, Api.tree(json));

        HttpResponse<String> imported = api.send("POST", Api.PLUGIN + "/playbooks/import?team_id=" + teamId,
                broken.toString());

        assertEquals(400, imported.statusCode(), what);
        assertEquals("unable to decode playbook import", Api.tree(imported.body()).path("error").asText());
        assertEquals(200, api.send("GET", Api.PLUGIN + "/playbooks?team_id=" + teamId, null).statusCode(),
                "the playbook list still answers for everyone");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            null stays a Go zero value | /description | null
            an unknown field is ignored | /no_such_field_in_go | {"x":1}
            """)
    void whatGoAcceptsIsStillImported(String what, String pointer, String json) {
        JsonNode export = api.getJson(Api.PLUGIN + "/playbooks/" + anyPlaybook() + "/export");
        String teamId = api.getJson(Api.PLUGIN + "/playbooks/" + anyPlaybook()).path("team_id").asText();
        ObjectNode changed = (ObjectNode) export.deepCopy();
        set(changed, pointer, Api.tree(json));
        HttpResponse<String> imported = api.send("POST", Api.PLUGIN + "/playbooks/import?team_id=" + teamId,
                changed.toString());
        assertEquals(201, imported.statusCode(), what + ": " + imported.body());
    }

    @Test
    void aPutWithAWrongTypeIsRefusedAndTheStoredPlaybookIsUnchanged() {
        String id = anyPlaybook();
        ObjectNode playbook = (ObjectNode) api.getJson(Api.PLUGIN + "/playbooks/" + id);
        String title = playbook.path("title").asText();
        playbook.put("reminder_timer_default_seconds", "an hour");
        HttpResponse<String> put = api.send("PUT", Api.PLUGIN + "/playbooks/" + id, playbook.toString());
        assertEquals(400, put.statusCode());
        assertEquals("unable to decode playbook", Api.tree(put.body()).path("error").asText());
        JsonNode after = api.getJson(Api.PLUGIN + "/playbooks/" + id);
        assertEquals(title, after.path("title").asText());
        assertNotEquals("an hour", after.path("reminder_timer_default_seconds").asText());
    }

    private String anyPlaybook() {
        return api.getJson(Api.PLUGIN + "/playbooks?search_term=incident").path("items").get(0).path("id").asText();
    }

    private static void set(ObjectNode root, String pointer, JsonNode value) {
        int cut = pointer.lastIndexOf('/');
        JsonNode parent = cut == 0 ? root : root.at(pointer.substring(0, cut));
        ((ObjectNode) parent).set(pointer.substring(cut + 1), value);
    }
}
