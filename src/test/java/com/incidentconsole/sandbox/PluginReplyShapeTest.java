package com.incidentconsole.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.incidentconsole.testrun.BesideOtherTests;
import com.incidentconsole.wire.PlaybookRun;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Byte-level details of the plugin's replies (audit rows 34 and 42): ReturnJSON ends JSON with a
 * newline, a handler that only writes the status sends no Content-Type, errors have no newline,
 * and a created playbook's Location is the full plugin API path (makeAPIURL).
 */
@BesideOtherTests
class PluginReplyShapeTest {

    @RegisterExtension
    static final SandboxFixture SANDBOX = SandboxFixture.start(SandboxFixture.small());

    Api alex() {
        return new Api(SANDBOX.baseUrl(), SANDBOX.control().credentials().token());
    }

    PlaybookRun ownRun() {
        String me = SANDBOX.control().defaultUser().id();
        return SANDBOX.control().runs().stream().filter(r -> !r.isFinished() && r.ownerUserId().equals(me))
                .findFirst().orElseThrow();
    }

    @Test
    void jsonEndsWithANewlineAndEmptyRepliesHaveNoContentType() {
        Api api = alex();
        PlaybookRun run = ownRun();
        HttpResponse<String> json = api.get(Api.PLUGIN + "/runs/" + run.id());
        assertEquals("application/json", json.headers().firstValue("Content-Type").orElse(""));
        assertTrue(json.body().endsWith("}\n"), "ReturnJSON's json.Encoder ends with a newline");

        HttpResponse<String> empty = api.send("PATCH", Api.PLUGIN + "/playbooks/" + run.playbookId(), "{}");
        assertEquals(204, empty.statusCode());
        assertTrue(empty.headers().firstValue("Content-Type").isEmpty(), "w.WriteHeader alone sets no Content-Type");

        HttpResponse<String> error = api.get(Api.PLUGIN + "/runs/zzzzzzzzzzzzzzzzzzzzzzzzzz");
        assertTrue(error.statusCode() >= 400);
        assertTrue(error.body().endsWith("}"), "handleResponseWithCode writes json.Marshal output, no newline");
    }

    @Test
    void aCreatedPlaybookIsLocatedUnderThePluginApi() {
        PlaybookRun run = ownRun();
        HttpResponse<String> created = alex().send("POST", Api.PLUGIN + "/playbooks", "{\"title\":\"Located\","
                + "\"team_id\":\"" + run.teamId() + "\",\"reminder_timer_default_seconds\":3600,\"checklists\":[]}");
        assertEquals(201, created.statusCode(), created.body());
        String id = Api.tree(created.body()).path("id").asText();
        assertEquals(Api.PLUGIN + "/playbooks/" + id, created.headers().firstValue("Location").orElseThrow());
    }
}
