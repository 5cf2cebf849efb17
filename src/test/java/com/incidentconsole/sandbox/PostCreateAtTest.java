package com.incidentconsole.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.incidentconsole.client.Credentials;
import com.incidentconsole.client.MattermostConnection;
import com.incidentconsole.client.ServerAddress;
import com.incidentconsole.sandbox.seed.SeedGenerator;
import com.incidentconsole.wire.PlaybookRun;
import com.incidentconsole.wire.Post;
import com.incidentconsole.wire.WireJson;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * api4/post.go createPost: a post's asked {@code create_at} is kept only for a system admin (PermissionManageSystem);
 * anyone else's post is dated now. A manual timeline event's time rests on this (ADR 0021, 0031).
 */
class PostCreateAtTest {

    static final SandboxFixture SANDBOX = SandboxFixture.start(SandboxFixture.small());

    @AfterAll
    static void close() {
        SANDBOX.close();
    }

    private static MattermostConnection as(String username) {
        return MattermostConnection.open(new ServerAddress(SANDBOX.server().baseUrl()),
                new Credentials.AccessToken(SANDBOX.server().control().tokenFor(username)), WireJson.newMapper());
    }

    @Test
    void onlyASystemAdminsPostKeepsTheTimeItAsksFor() {
        PlaybookRun run = SANDBOX.server().control().runs().stream()
                .filter(r -> r.ownerUserId().equals(SANDBOX.server().control().defaultUser().id())).findFirst()
                .orElseThrow();
        long asked = 1_700_000_000_000L; // long before the sandbox's clock, whatever it reads
        try (MattermostConnection user = as(SeedGenerator.DEFAULT_USERNAME)) {
            Post post = user.posts().createAt(run.channelId(), "back then, says the user", asked);
            assertTrue(post.createAt() > asked, "dated now, not as asked: " + post.createAt());
        }
        try (MattermostConnection admin = as(SeedGenerator.ADMIN_USERNAME)) {
            String channel = admin.channels().mine(run.teamId()).get(0).id(); // one the admin is a member of
            Post post = admin.posts().createAt(channel, "back then, says the admin", asked);
            assertEquals(asked, post.createAt());
        }
    }
}
