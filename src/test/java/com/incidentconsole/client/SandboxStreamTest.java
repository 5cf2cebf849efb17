package com.incidentconsole.client;

import static com.incidentconsole.client.Recorder.next;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.incidentconsole.sandbox.SandboxFixture;
import com.incidentconsole.sandbox.SandboxOptions;
import com.incidentconsole.sandbox.SandboxServer;
import com.incidentconsole.sandbox.fault.FaultRule;
import com.incidentconsole.wire.ChecklistItem;
import com.incidentconsole.wire.Playbook;
import com.incidentconsole.wire.PlaybookRun;
import com.incidentconsole.wire.PluginEvents;
import com.incidentconsole.wire.RunCreateOptions;
import com.incidentconsole.wire.User;
import com.incidentconsole.wire.WebSocketEvent;
import com.incidentconsole.wire.WireJson;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The event stream against the sandbox: real hello, real seq numbering, real resume. */
class SandboxStreamTest {

    private static final StreamSettings FAST = new StreamSettings(Duration.ofMillis(100), Duration.ofSeconds(1),
            Duration.ZERO, Duration.ofSeconds(30));

    private final JsonMapper mapper = WireJson.newMapper();
    private SandboxFixture fixture;
    private SandboxServer server;
    private MattermostConnection connection;
    private EventStream stream;
    private final Recorder recorder = new Recorder();

    @BeforeEach
    void setUp() {
        fixture = SandboxFixture.start(SandboxOptions.defaults().withPort(0));
        server = fixture.server();
        connection = MattermostConnection.open(new ServerAddress(server.baseUrl()),
                new Credentials.Password(server.control().credentials().username(),
                        server.control().credentials().password()), mapper);
    }

    @AfterEach
    void tearDown() {
        if (stream != null) {
            stream.close();
        }
        connection.close();
        fixture.close(); // also checks every exchange against the plugin's OpenAPI spec
        assertFalse(recorder.sawTwoThreads);
    }

    private PlaybookRun newRun() {
        String team = connection.teams().mine().get(0).id();
        Playbook playbook = connection.playbooks().listAll(team).stream()
                .filter(p -> !p.checklists().isEmpty() && !p.checklists().get(0).items().isEmpty())
                .findFirst().orElseThrow();
        return connection.runs().create(RunCreateOptions.fromPlaybook(playbook.id(), team, "Stream test",
                connection.me().id(), ""));
    }

    /** The next full-run update for {@code runId}, skipping other events (posts, other runs). */
    private WebSocketEvent nextRunUpdate(String runId) throws InterruptedException {
        while (true) {
            WebSocketEvent e = recorder.events.poll(5, java.util.concurrent.TimeUnit.SECONDS);
            if (e == null) {
                throw new AssertionError("no update of " + runId + "; stream saw " + recorder.log);
            }
            if (e.event().equals(PluginEvents.RUN_UPDATED)
                    && PluginPayloads.decode(e, PlaybookRun.class, mapper).id().equals(runId)) {
                return e;
            }
        }
    }

    private void startLive() throws InterruptedException {
        stream = connection.events(recorder, FAST);
        stream.start();
        Recorder.Hello hello = next(recorder.hellos);
        assertTrue(hello.newConnectionId());
        assertFalse(hello.data().connectionId().isEmpty());
        recorder.awaitState(StreamState.LIVE);
        assertEquals("hello new", recorder.log.stream().filter(s -> !s.startsWith("state")).findFirst().orElseThrow());
    }

    @Test
    void runChangesArriveInOrderAfterHello() throws Exception {
        PlaybookRun run = newRun();
        startLive();
        connection.checklists().setItemState(run.id(), 0, 0, ChecklistItem.CLOSED);
        User other = server.control().users().stream()
                .filter(u -> !u.id().equals(connection.me().id()) && server.control().isTeamMember(run.teamId(), u.id()))
                .findFirst().orElseThrow();
        connection.runs().changeOwner(run.id(), other.id());

        WebSocketEvent ticked = nextRunUpdate(run.id());
        // ChangeOwner first publishes Follow's update (the new owner joins as participant), then its own.
        WebSocketEvent joined = nextRunUpdate(run.id());
        WebSocketEvent handedOver = nextRunUpdate(run.id());
        assertTrue(ticked.seq() > 0);
        assertTrue(joined.seq() > ticked.seq());
        assertTrue(handedOver.seq() > joined.seq());
        assertEquals(ChecklistItem.CLOSED,
                PluginPayloads.decode(ticked, PlaybookRun.class, mapper).checklists().get(0).items().get(0).state());
        assertEquals(other.id(), PluginPayloads.decode(handedOver, PlaybookRun.class, mapper).ownerUserId());
    }

    @Test
    void droppedSocketsResumeAndTheSequenceContinues() throws Exception {
        PlaybookRun run = newRun();
        startLive();
        connection.checklists().setItemState(run.id(), 0, 0, ChecklistItem.IN_PROGRESS);
        long before = nextRunUpdate(run.id()).seq();

        server.control().dropSockets();
        recorder.awaitState(StreamState.RECONNECTING);
        Recorder.Hello resumed = next(recorder.hellos);
        assertFalse(resumed.newConnectionId(), "resumed, not a fresh connection");
        recorder.awaitState(StreamState.LIVE);

        connection.checklists().setItemState(run.id(), 0, 0, ChecklistItem.CLOSED);
        WebSocketEvent after = nextRunUpdate(run.id());
        assertEquals(before + 1, after.seq(), "same connection, next seq: nothing lost, nothing repeated");
        assertEquals(ChecklistItem.CLOSED,
                PluginPayloads.decode(after, PlaybookRun.class, mapper).checklists().get(0).items().get(0).state());
    }

    /**
     * A lost event is noticed at the next one (a seq gap). The stream then either resumes and gets
     * the lost event replayed, or, when the server could not find the old connection in time, says
     * so with a new connection id so the caller resyncs. Either way nothing is silently missed.
     */
    @Test
    void aLostEventIsRecoveredOrAnnounced() throws Exception {
        PlaybookRun run = newRun();
        startLive();
        server.control().inject(FaultRule.loseEvents(1));
        connection.checklists().setItemState(run.id(), 0, 0, ChecklistItem.IN_PROGRESS);
        connection.checklists().setItemState(run.id(), 0, 0, ChecklistItem.CLOSED);

        Recorder.Hello after = next(recorder.hellos);
        if (after.newConnectionId()) {
            assertEquals(ChecklistItem.CLOSED, connection.runs().get(run.id()).checklists().get(0).items().get(0)
                    .state(), "the resync the stream asked for sees the change");
            return;
        }
        WebSocketEvent first = nextRunUpdate(run.id());
        WebSocketEvent second = nextRunUpdate(run.id());
        assertEquals(first.seq() + 1, second.seq());
        assertEquals(ChecklistItem.IN_PROGRESS,
                PluginPayloads.decode(first, PlaybookRun.class, mapper).checklists().get(0).items().get(0).state());
        assertEquals(ChecklistItem.CLOSED,
                PluginPayloads.decode(second, PlaybookRun.class, mapper).checklists().get(0).items().get(0).state());
    }

    @Test
    void aRejectedTokenKeepsRetryingAndSaysWhy() throws Exception {
        stream = new EventStream(connection.address().websocketUri(), "notavalidtoken0000000000000", mapper, recorder,
                FAST);
        stream.start();
        recorder.awaitState(StreamState.RECONNECTING);
        assertTrue(next(recorder.reasons).contains("token may be invalid"));
        assertTrue(recorder.hellos.isEmpty());
    }

    @Test
    void payloadsThatAreNotThereAreATransportError() {
        WebSocketEvent bare = new WebSocketEvent(PluginEvents.RUN_UPDATED, null, null, 3);
        org.junit.jupiter.api.Assertions.assertThrows(TransportError.class,
                () -> PluginPayloads.decode(bare, PlaybookRun.class, mapper));
    }
}
