package com.incidentconsole.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.incidentconsole.sandbox.SandboxFixture;
import com.incidentconsole.sandbox.SandboxOptions;
import com.incidentconsole.sandbox.SandboxServer;
import com.incidentconsole.sandbox.fault.FaultRule;
import com.incidentconsole.wire.ChecklistItem;
import com.incidentconsole.wire.Playbook;
import com.incidentconsole.wire.PlaybookRun;
import com.incidentconsole.wire.Post;
import com.incidentconsole.wire.RunCreateOptions;
import com.incidentconsole.wire.RunsPage;
import com.incidentconsole.wire.Team;
import com.incidentconsole.wire.User;
import com.incidentconsole.wire.WireJson;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The REST client against the embedded sandbox server: real routes, real error dialects. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SandboxRestTest {

    private final JsonMapper mapper = WireJson.newMapper();
    private SandboxFixture fixture;
    private SandboxServer server;
    private MattermostConnection connection;

    @BeforeAll
    void start() {
        fixture = SandboxFixture.start(SandboxOptions.defaults().withPort(0));
        server = fixture.server();
        connection = MattermostConnection.open(new ServerAddress(server.baseUrl()),
                new Credentials.AccessToken(server.control().credentials().token()), mapper);
    }

    @AfterAll
    void stop() {
        connection.close();
        fixture.close(); // also checks every exchange against the plugin's OpenAPI spec
    }

    /** A new run of a playbook with checklists, owned by the default user: each test gets its own. */
    private PlaybookRun ownActiveRun(String name) {
        String team = connection.teams().mine().get(0).id();
        Playbook playbook = connection.playbooks().listAll(team).stream()
                .filter(p -> !p.checklists().isEmpty() && !p.checklists().get(0).items().isEmpty())
                .findFirst().orElseThrow();
        PlaybookRun run = connection.runs().create(RunCreateOptions.fromPlaybook(playbook.id(), team, name,
                connection.me().id(), "created by " + getClass().getSimpleName()));
        // resolveRunName: a channel_name_template beats the typed name; the seeded ones have no placeholders.
        assertEquals(playbook.channelNameTemplate().isEmpty() ? name : playbook.channelNameTemplate(), run.name());
        return run;
    }

    private static int firstOpenItem(PlaybookRun run) {
        List<ChecklistItem> items = run.checklists().get(0).items();
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i).state().isEmpty()) {
                return i;
            }
        }
        throw new AssertionError("no open item");
    }

    @Test
    void passwordLoginKeepsTheSessionToken() {
        var c = server.control().credentials();
        try (MattermostConnection byPassword = MattermostConnection.open(new ServerAddress(server.baseUrl()),
                new Credentials.Password(c.username(), c.password()), mapper)) {
            assertEquals(c.username(), byPassword.me().username());
            assertFalse(byPassword.token().isBlank());
            assertEquals(byPassword.me().id(), byPassword.users().me().id());
        }
    }

    @Test
    void accessTokenIsVerifiedOnOpen() {
        assertEquals(server.control().defaultUser().id(), connection.me().id());
        assertThrows(ServerError.class, () -> MattermostConnection.open(new ServerAddress(server.baseUrl()),
                new Credentials.AccessToken("nottherighttoken00000000000"), mapper));
    }

    @Test
    void wrongPasswordIsA401WithTheAppErrorId() {
        String wrong = "definitely-wrong-password";
        ServerError e = assertThrows(ServerError.class, () -> MattermostConnection.open(
                new ServerAddress(server.baseUrl()), new Credentials.Password("alex.rivera", wrong), mapper));
        assertEquals(401, e.status());
        assertTrue(e.errorId().startsWith("api.user.login."), e.errorId());
        assertFalse(e.serverMessage().isEmpty());
        assertFalse(e.getMessage().contains(wrong));
        assertFalse(e.requestId().isEmpty());
    }

    @Test
    void listAllFollowsPagesUpToTheTotalCount() {
        RunsPage first = connection.runs().list(RunQuery.all().page(0, 5));
        assertTrue(first.hasMore(), "the seed has more than 5 visible runs");
        assertEquals(5, first.items().size());
        List<PlaybookRun> all = connection.runs().listAll(RunQuery.all().page(0, 5));
        assertEquals(first.totalCount(), all.size());
        assertEquals(all.size(), new HashSet<>(all.stream().map(PlaybookRun::id).toList()).size());
    }

    @Test
    void tickingAnItemShowsInTheRun() {
        PlaybookRun run = ownActiveRun("Tick");
        int item = firstOpenItem(run);
        connection.checklists().setItemState(run.id(), 0, item, ChecklistItem.CLOSED);
        PlaybookRun after = connection.runs().get(run.id());
        assertEquals(ChecklistItem.CLOSED, after.checklists().get(0).items().get(item).state());
    }

    @Test
    void ownerChangeShowsInTheRun() {
        PlaybookRun run = ownActiveRun("Owner");
        String other = server.control().users().stream().map(User::id)
                .filter(id -> !id.equals(connection.me().id()) && server.control().isTeamMember(run.teamId(), id))
                .findFirst().orElseThrow();
        connection.runs().changeOwner(run.id(), other);
        assertEquals(other, connection.runs().get(run.id()).ownerUserId());
    }

    @Test
    void injected500CarriesThePluginMessage() {
        PlaybookRun run = ownActiveRun("Fault");
        server.control().inject(FaultRule.failNext(1, "PUT", ".*/item/\\d+/state", 500,
                "{\"error\":\"sandbox says no\"}"));
        ServerError e = assertThrows(ServerError.class,
                () -> connection.checklists().setItemState(run.id(), 0, firstOpenItem(run), ChecklistItem.CLOSED));
        assertEquals(500, e.status());
        assertEquals("sandbox says no", e.serverMessage());
        assertEquals("", e.errorId());
        assertTrue(e.isRetryable());
        assertEquals("PUT", e.method());
        assertTrue(e.path().endsWith("/state"), e.path());
    }

    @Test
    void injected429AdvisesWhenToRetry() {
        server.control().inject(FaultRule.rateLimit(1, "GET", ".*/runs", Duration.ofSeconds(3)));
        ServerError e = assertThrows(ServerError.class, () -> connection.runs().list(RunQuery.all()));
        assertEquals(429, e.status());
        assertEquals("limit exceeded", e.serverMessage());
        assertEquals(Optional.of(Duration.ofSeconds(3)), e.retryAfter());
    }

    @Test
    void aTokenTheServerDoesNotKnowIsRefusedWith401() {
        ServerError e = assertThrows(ServerError.class, () -> MattermostConnection.open(
                new ServerAddress(server.baseUrl()), new Credentials.AccessToken("aaaaaaaaaaaaaaaaaaaaaaaaaa"), mapper));
        assertEquals(401, e.status());
    }

    @Test
    void anEmptyTokenIsRefusedBeforeAnythingIsSent() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Credentials.AccessToken(" \u00a0\r\n"));
        assertEquals("the token is empty", e.getMessage());
    }

    @Test
    void coreReadsWork() {
        List<Team> teams = connection.teams().mine();
        assertFalse(teams.isEmpty());
        assertEquals(teams.get(0).id(), connection.teams().get(teams.get(0).id()).id());
        List<User> users = connection.users().list(0, 5);
        assertFalse(users.isEmpty());
        assertEquals(users.get(0).id(), connection.users().get(users.get(0).id()).id());
        assertEquals(2, connection.users().byIds(List.of(users.get(0).id(), connection.me().id())).size());
        assertTrue(connection.users().autocomplete("alex", "").stream()
                .anyMatch(u -> u.id().equals(connection.me().id())));

        PlaybookRun run = ownActiveRun("Reads");
        assertEquals(run.channelId(), connection.channels().get(run.channelId()).id());
        assertFalse(connection.channels().members(run.channelId(), 0, 100).isEmpty());
        Post post = connection.posts().create(run.channelId(), "hello from the client test");
        assertTrue(connection.posts().forChannel(run.channelId(), 0, 60).posts().containsKey(post.id()));
    }

    @Test
    void runLifecycleCalls() {
        PlaybookRun run = ownActiveRun("Lifecycle");
        assertEquals("Renamed", connection.runs().patch(run.id(), "Renamed", null).name());
        connection.runs().postStatusUpdate(run.id(), "All good", 900, false);
        assertEquals("All good", connection.runs().statusUpdates(run.id()).get(0).message());
        connection.runs().requestUpdate(run.id());
        connection.runs().unfollow(run.id());
        assertFalse(connection.runs().followers(run.id()).contains(connection.me().id()));
        connection.runs().follow(run.id());
        assertTrue(connection.runs().followers(run.id()).contains(connection.me().id()));
        assertFalse(connection.runs().metadata(run.id()).teamName().isEmpty());
        connection.checklists().addChecklist(run.id(), "Extra");
        int extra = connection.runs().get(run.id()).checklists().size() - 1;
        connection.checklists().addItem(run.id(), extra, ChecklistItem.titled("New task"));
        connection.checklists().renameChecklist(run.id(), extra, "Extra 2");
        PlaybookRun after = connection.runs().get(run.id());
        assertEquals("Extra 2", after.checklists().get(extra).title());
        assertEquals("New task", after.checklists().get(extra).items().get(0).title());
        connection.runs().finish(run.id());
        assertTrue(connection.runs().get(run.id()).isFinished());
        connection.runs().restore(run.id());
        assertFalse(connection.runs().get(run.id()).isFinished());
    }

    @Test
    void playbookCalls() {
        String team = connection.teams().mine().get(0).id();
        List<Playbook> playbooks = connection.playbooks().listAll(team);
        assertFalse(playbooks.isEmpty());
        Playbook first = connection.playbooks().get(playbooks.get(0).id());
        String exported = connection.playbooks().export(first.id());
        assertTrue(exported.contains("\"version\""), exported);
        String imported = connection.playbooks().importPlaybook(team, exported);
        assertFalse(imported.isEmpty());
        String copy = connection.playbooks().duplicate(first.id());
        connection.playbooks().archive(copy);
        assertTrue(connection.playbooks().get(copy).isArchived());
        connection.playbooks().restore(copy);
        assertFalse(connection.playbooks().get(copy).isArchived());
    }
}
