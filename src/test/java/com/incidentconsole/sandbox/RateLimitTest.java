package com.incidentconsole.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.incidentconsole.testrun.BesideOtherTests;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Core's optional GCRA limiter (mattermost-core.md §2.4), driven by the sandbox clock. */
@BesideOtherTests
class RateLimitTest {

    static String header(HttpResponse<?> r, String name) {
        return r.headers().firstValue(name).orElse("");
    }

    @Test
    void offByDefaultThenBurstRefusalAndRefill() {
        try (SandboxFixture sandbox = SandboxFixture.start(SandboxFixture.small().withRuns(2, 1))) {
            Api api = new Api(sandbox.baseUrl(), sandbox.control().credentials().token());
            assertEquals("", header(api.get("/api/v4/users/me"), "X-Ratelimit-Limit"), "off by default");

            sandbox.control().enableRateLimit(1, 2, false);
            for (int k = 0; k < 3; k++) {
                HttpResponse<String> ok = api.get(Api.PLUGIN + "/runs?per_page=1");
                assertEquals(200, ok.statusCode());
                assertEquals("3", header(ok, "X-Ratelimit-Limit"));
                assertEquals(Integer.toString(2 - k), header(ok, "X-Ratelimit-Remaining"));
                assertEquals("", header(ok, "Retry-After"));
            }
            HttpResponse<String> refused = api.get("/api/v4/users/me");
            assertEquals(429, refused.statusCode());
            assertEquals("limit exceeded\n", refused.body());
            assertTrue(header(refused, "Content-Type").startsWith("text/plain"));
            assertEquals("1", header(refused, "Retry-After"));
            assertEquals("0", header(refused, "X-Ratelimit-Remaining"));
            assertEquals("3", header(refused, "X-Ratelimit-Reset"));

            sandbox.control().clock().advance(Duration.ofSeconds(1));
            assertEquals(200, api.get("/api/v4/users/me").statusCode());
            sandbox.control().disableRateLimit();
            assertEquals("", header(api.get("/api/v4/users/me"), "X-Ratelimit-Limit"));
        }
    }

    @Test
    void varyByUserGivesEachTokenItsBucket() {
        try (SandboxFixture sandbox = SandboxFixture.start(SandboxFixture.small().withRuns(2, 1))) {
            sandbox.control().enableRateLimit(1, 0, true);
            Api alex = new Api(sandbox.baseUrl(), sandbox.control().credentials().token());
            Api other = new Api(sandbox.baseUrl(), sandbox.control().tokenFor(
                    sandbox.control().users().get(1).username()));
            assertEquals(200, alex.get("/api/v4/users/me").statusCode());
            assertEquals(429, alex.get("/api/v4/users/me").statusCode());
            assertEquals(200, other.get("/api/v4/users/me").statusCode());
        }
    }
}
