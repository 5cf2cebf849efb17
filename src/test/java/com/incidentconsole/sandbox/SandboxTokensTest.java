package com.incidentconsole.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.incidentconsole.testrun.BesideOtherTests;
import java.net.http.HttpResponse;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Same seed, same data — never the same credentials (reliability probe L12). */
@BesideOtherTests
class SandboxTokensTest {

    @Test
    void twoStartsWithTheSameSeedHandOutDifferentTokensButTheSameIds() {
        String first;
        String second;
        String firstRun;
        String secondRun;
        try (SandboxServer a = SandboxServer.start(SandboxOptions.defaults().withPort(0).withSeed(7))) {
            first = login(a);
            firstRun = a.control().runs().get(0).id();
        }
        try (SandboxServer b = SandboxServer.start(SandboxOptions.defaults().withPort(0).withSeed(7))) {
            second = login(b);
            secondRun = b.control().runs().get(0).id();
        }
        assertEquals(firstRun, secondRun, "the seeded data is the same");
        assertNotEquals(first, second, "the first session token differs between starts");
    }

    @Test
    void tokensAreNotDrawnFromTheIdSequence() {
        try (SandboxServer server = SandboxServer.start(SandboxOptions.defaults().withPort(0).withSeed(7))) {
            Set<String> tokens = new HashSet<>();
            for (int i = 0; i < 20; i++) {
                tokens.add(server.control().tokenFor("alex.rivera"));
            }
            assertEquals(20, tokens.size());
            Set<String> ids = new HashSet<>();
            server.control().runs().forEach(run -> ids.add(run.id()));
            tokens.forEach(token -> assertEquals(false, ids.contains(token)));
            tokens.forEach(token -> assertEquals(26, token.length()));
        }
    }

    private static String login(SandboxServer server) {
        Api anonymous = new Api(server.baseUrl(), null);
        HttpResponse<String> answer = anonymous.send("POST", "/api/v4/users/login",
                "{\"login_id\":\"alex.rivera\",\"password\":\"" + server.control().credentials().password() + "\"}");
        assertEquals(200, answer.statusCode(), answer.body());
        return answer.headers().firstValue("Token").orElseThrow();
    }
}
