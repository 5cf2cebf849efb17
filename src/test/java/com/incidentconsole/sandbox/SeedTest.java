package com.incidentconsole.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.incidentconsole.testrun.BesideOtherTests;
import com.incidentconsole.wire.ChecklistItem;
import com.incidentconsole.wire.PlaybookRun;
import com.incidentconsole.wire.WireJson;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

@BesideOtherTests
class SeedTest {

    static String digest(SandboxServer server) throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        var mapper = WireJson.newMapper();
        sha.update(mapper.writeValueAsBytes(server.control().users()));
        sha.update(mapper.writeValueAsBytes(server.control().runs()));
        return HexFormat.of().formatHex(sha.digest());
    }

    @Test
    void sameSeedSameDataDifferentSeedDifferentData() throws Exception {
        String a;
        String b;
        String other;
        try (SandboxFixture fixture = SandboxFixture.start(SandboxFixture.small().withSeed(7))) {
            SandboxServer s = fixture.server();
            a = digest(s);
        }
        try (SandboxFixture fixture = SandboxFixture.start(SandboxFixture.small().withSeed(7))) {
            SandboxServer s = fixture.server();
            b = digest(s);
        }
        try (SandboxFixture fixture = SandboxFixture.start(SandboxFixture.small().withSeed(8))) {
            SandboxServer s = fixture.server();
            other = digest(s);
        }
        assertEquals(a, b);
        assertNotEquals(a, other);
    }

    @Test
    void countsAndConsistencyMatchOptions() {
        try (SandboxFixture fixture = SandboxFixture.start(SandboxFixture.small().withRuns(9, 21))) {
            SandboxServer s = fixture.server();
            List<PlaybookRun> runs = s.control().runs();
            assertEquals(9, runs.stream().filter(r -> !r.isFinished()).count());
            assertEquals(21, runs.stream().filter(PlaybookRun::isFinished).count());
            Set<String> states = runs.stream().flatMap(r -> r.checklists().stream())
                    .flatMap(c -> c.items().stream()).map(ChecklistItem::state).collect(Collectors.toSet());
            assertEquals(Set.of("", "in_progress", "closed", "skipped"), states);
            for (PlaybookRun run : runs) {
                long touched = run.checklists().stream().flatMap(c -> c.items().stream())
                        .filter(i -> !i.state().isEmpty()).count();
                long events = run.timelineEvents().stream().filter(e -> e.eventType().equals("task_state_modified"))
                        .count();
                assertEquals(touched, events, "timeline agrees with item states of " + run.name());
                assertTrue(run.participantIds().contains(run.ownerUserId()));
                assertEquals(run.statusPosts().size(), run.timelineEvents().stream()
                        .filter(e -> e.eventType().equals("status_updated")).count());
            }
            assertTrue(runs.stream().anyMatch(r -> r.retrospectivePublishedAt() > 0 && !r.metricsData().isEmpty()));
            String alex = s.control().defaultUser().id();
            assertTrue(runs.stream().anyMatch(r -> !r.isFinished() && r.ownerUserId().equals(alex)));
        }
    }

    @Test
    void runsStartWithinTheRequestedDates() {
        java.time.LocalDate from = java.time.LocalDate.of(2026, 3, 1);
        java.time.LocalDate to = java.time.LocalDate.of(2026, 5, 31);
        long low = from.atStartOfDay(java.time.ZoneOffset.UTC).toInstant().toEpochMilli();
        long high = to.plusDays(1).atStartOfDay(java.time.ZoneOffset.UTC).toInstant().toEpochMilli();
        try (SandboxFixture fixture = SandboxFixture.start(SandboxFixture.small().withRuns(5, 30).withDates(from, to))) {
            SandboxServer s = fixture.server();
            for (PlaybookRun run : s.control().runs()) {
                assertTrue(run.createAt() >= low && run.createAt() < high, run.name() + " at " + run.createAt());
                assertTrue(run.endAt() == 0 || run.endAt() >= run.createAt());
            }
        }
    }

    @Test
    void aLargeSeedHoldsEveryRunAskedFor() {
        // How fast it starts is the benchmarks' business (a timed assertion here failed on a loaded machine).
        try (SandboxFixture fixture = SandboxFixture.start(SandboxFixture.small().withRuns(200, 10_000))) {
            assertEquals(10_200, fixture.server().control().runs().size());
        }
    }
}
