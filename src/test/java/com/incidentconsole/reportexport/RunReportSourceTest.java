package com.incidentconsole.reportexport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.incidentconsole.client.Credentials;
import com.incidentconsole.client.MattermostConnection;
import com.incidentconsole.client.ServerAddress;
import com.incidentconsole.report.ReportInput;
import com.incidentconsole.sandbox.SandboxFixture;
import com.incidentconsole.sandbox.SandboxOptions;
import com.incidentconsole.sync.ConnectionState;
import com.incidentconsole.sync.ServerWorkspace;
import com.incidentconsole.sync.SyncExecutors;
import com.incidentconsole.sync.store.LocalStore;
import com.incidentconsole.testrun.BesideOtherTests;
import com.incidentconsole.wire.PlaybookRun;
import com.incidentconsole.wire.WireJson;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

/** Where an exported report's input comes from, against the sandbox: the server when live, else the local copy. */
@BesideOtherTests
class RunReportSourceTest {

    private final JsonMapper mapper = WireJson.newMapper();
    private final SandboxFixture fixture = SandboxFixture.start(SandboxOptions.defaults().withPort(0).withRuns(4, 2));
    private final SyncExecutors executors = SyncExecutors.create();
    private final LocalStore store = LocalStore.inMemory();
    private final MattermostConnection connection = MattermostConnection.open(new ServerAddress(fixture.server().baseUrl()),
            new Credentials.AccessToken(fixture.server().control().credentials().token()), mapper);
    private final ServerWorkspace workspace = ServerWorkspace.follow("Sandbox", true, connection, mapper, executors,
            store.outbox("sandbox"), Clock.systemUTC());

    @AfterEach
    void tearDown() {
        workspace.close();
        executors.close();
        store.close();
        fixture.close();
    }

    private PlaybookRun liveRunWithUpdates() throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> workspace.connection().state() == ConnectionState.LIVE
                && workspace.runs().size() > 0);
        return workspace.runs().all().stream().max(Comparator.comparingInt(r -> r.statusPosts().size())).orElseThrow();
    }

    @Test
    void liveTheReportHasTheServersStatusUpdateText() throws Exception {
        PlaybookRun run = liveRunWithUpdates();
        ReportInput input = new RunReportSource(workspace, () -> Optional.of(connection), Clock.systemUTC(), ZoneOffset.UTC)
                .load(run.id());
        assertFalse(input.statusUpdatesUnavailable());
        assertFalse(input.statusUpdates().isEmpty(), "the sandbox run with the most updates has some");
        assertEquals(connection.runs().statusUpdates(run.id()).size(), input.statusUpdates().size());
        assertEquals(run.name(), input.run().name());
    }

    @Test
    void aServerThatFailsMidExportFallsBackToTheLocalCopyMarkedAsSuch() throws Exception {
        PlaybookRun run = liveRunWithUpdates();
        // A connection whose server has gone away since: the workspace still says live, the export's requests fail.
        MattermostConnection unreachable;
        try (SandboxFixture gone = SandboxFixture.start(SandboxOptions.defaults().withPort(0).withRuns(1, 0))) {
            unreachable = MattermostConnection.open(new ServerAddress(gone.server().baseUrl()),
                    new Credentials.AccessToken(gone.server().control().credentials().token()), mapper);
        }
        ReportInput input = new RunReportSource(workspace, () -> Optional.of(unreachable), Clock.systemUTC(), ZoneOffset.UTC)
                .load(run.id());
        assertTrue(input.statusUpdatesUnavailable(), "the report will say the update text is missing");
        assertEquals(run, input.run(), "the cached run as it was");
    }
}
