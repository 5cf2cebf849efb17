package com.incidentconsole.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.incidentconsole.sandbox.SandboxOptions;
import com.incidentconsole.sandbox.SandboxServer;
import com.incidentconsole.sandbox.fault.FaultRule;
import com.incidentconsole.testrun.BesideOtherTests;
import com.incidentconsole.wire.Checklist;
import com.incidentconsole.wire.ChecklistItem;
import com.incidentconsole.wire.PlaybookRun;
import com.incidentconsole.wire.TimelineEvent;
import com.incidentconsole.wire.User;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Proof 2: a console process queues actions into its outbox file and is SIGKILLed; a second one
 * starts replaying them and is SIGKILLed half-way; a third one finishes. The server ends with every
 * action applied exactly once: each ticked item is closed with one {@code task_state_modified} event,
 * each owner change holds with one {@code owner_changed} event. (The sandbox, like the server, records
 * nothing for a no-op, so a re-sent action that was already applied leaves no trace — at-least-once
 * delivery of idempotent actions is the design; a duplicated or reordered state change would show.)
 */
@BesideOtherTests
class CrashReplayTest {

    @TempDir
    Path dir;

    @Test
    void aHundredActionsSurviveTwoKills() throws Exception {
        crashAndReplay(100, 30);
    }

    @Tag("slow")
    @Test
    void aThousandActionsSurviveTwoKills() throws Exception {
        crashAndReplay(1_000, 400);
    }

    private void crashAndReplay(int count, int ongoingRuns) throws Exception {
        try (SandboxServer sandbox = SandboxServer.start(SandboxOptions.defaults().withPort(0).withRuns(ongoingRuns, 0))) {
            User me = sandbox.control().defaultUser();
            List<String> actions = new ArrayList<>();
            Map<String, String> newOwners = new java.util.HashMap<>();
            List<PlaybookRun> mine = sandbox.control().runs().stream()
                    .filter(r -> !r.isFinished() && r.participantIds().contains(me.id()))
                    .sorted(Comparator.comparing(PlaybookRun::id)).toList();
            // One owner change per run I own (to another participant), the rest ticks of distinct open items.
            for (PlaybookRun run : mine) {
                if (actions.size() < count / 10 && run.ownerUserId().equals(me.id())) {
                    run.participantIds().stream().filter(id -> !id.equals(me.id())).findFirst().ifPresent(other -> {
                        actions.add("owner " + run.id() + " " + other);
                        newOwners.put(run.id(), other);
                    });
                }
            }
            List<String[]> ticks = new ArrayList<>();
            for (PlaybookRun run : mine) {
                for (Checklist list : run.checklists()) {
                    for (ChecklistItem item : list.items()) {
                        if (item.state().equals(ChecklistItem.OPEN) && actions.size() + ticks.size() < count) {
                            ticks.add(new String[] {run.id(), item.id(), item.title()});
                        }
                    }
                }
            }
            ticks.forEach(t -> actions.add("tick " + t[0] + " " + t[1]));
            assertEquals(count, actions.size(), "the seed has enough open items in my runs");
            Map<String, Long> eventsBefore = countEvents(sandbox);

            Path actionsFile = Files.write(dir.resolve("actions.txt"), actions);
            Path storeFile = dir.resolve("store").resolve("console.db");
            String token = sandbox.control().tokenFor(me.username());

            // 1. Queue everything while the server refuses item and owner changes (503: retryable, the
            //    queue pauses and keeps them), then kill.
            sandbox.control().inject(FaultRule.failNext(1_000_000, "PUT", ".*/checklists/.*", 503, "busy"));
            sandbox.control().inject(FaultRule.failNext(1_000_000, "POST", ".*/owner", 503, "busy"));
            CrashChild first = CrashChild.start(dir, "queue", sandbox.baseUrl().toString(), token, storeFile, actionsFile);
            first.expect("QUEUED", Duration.ofSeconds(60));
            first.kill();
            assertEquals(eventsBefore, countEvents(sandbox), "nothing reached the server yet");

            // 2. The server works again, slowly; a new process replays and is killed part-way.
            sandbox.control().faults().clear();
            sandbox.control().inject(FaultRule.latency(Duration.ofMillis(count >= 1000 ? 4 : 15), "PUT", ".*/checklists/.*"));
            CrashChild second = CrashChild.start(dir, "replay", sandbox.baseUrl().toString(), token, storeFile, actionsFile);
            Reliability.await("replay under way", Duration.ofSeconds(60),
                    () -> applied(sandbox, actions) >= count / 4 || second.finished());
            int appliedAtKill = applied(sandbox, actions);
            second.kill();
            assertTrue(appliedAtKill < count, "killed while replaying (" + appliedAtKill + "/" + count + " applied)");

            // 3. A third process finishes the replay.
            sandbox.control().faults().clear();
            CrashChild third = CrashChild.start(dir, "replay", sandbox.baseUrl().toString(), token, storeFile, actionsFile);
            third.expect("DONE", Duration.ofSeconds(120));
            assertEquals(0, third.waitFor(Duration.ofSeconds(20)));

            assertEquals(count, applied(sandbox, actions), "every action holds on the server");
            Map<String, Long> eventsAfter = countEvents(sandbox);
            for (String[] t : ticks) {
                long added = eventsAfter.getOrDefault(t[0] + "/" + TimelineEvent.TASK_STATE_MODIFIED + "/" + t[2], 0L)
                        - eventsBefore.getOrDefault(t[0] + "/" + TimelineEvent.TASK_STATE_MODIFIED + "/" + t[2], 0L);
                assertEquals(1, added, "one state change for item " + t[2] + " of run " + t[0]);
            }
            for (String runId : newOwners.keySet()) {
                long added = eventsAfter.getOrDefault(runId + "/" + TimelineEvent.OWNER_CHANGED + "/", 0L)
                        - eventsBefore.getOrDefault(runId + "/" + TimelineEvent.OWNER_CHANGED + "/", 0L);
                assertEquals(1, added, "one owner change for run " + runId);
            }
            System.out.printf("crash: %d actions, %d applied when the replaying process was killed%n",
                    count, appliedAtKill);
        }
    }

    /** How many of the actions the server shows as done. */
    private static int applied(SandboxServer sandbox, List<String> actions) {
        Map<String, PlaybookRun> runs = new java.util.HashMap<>();
        sandbox.control().runs().forEach(r -> runs.put(r.id(), r));
        int done = 0;
        for (String line : actions) {
            String[] a = line.split(" ");
            PlaybookRun run = runs.get(a[1]);
            boolean holds = a[0].equals("owner") ? run.ownerUserId().equals(a[2])
                    : run.checklists().stream().flatMap(c -> c.items().stream())
                            .anyMatch(i -> i.id().equals(a[2]) && i.state().equals(ChecklistItem.CLOSED));
            done += holds ? 1 : 0;
        }
        return done;
    }

    /** Timeline events by run/type/item title (owner changes by run/type/). */
    private static Map<String, Long> countEvents(SandboxServer sandbox) {
        Map<String, Long> counts = new java.util.HashMap<>();
        for (PlaybookRun run : sandbox.control().runs()) {
            for (TimelineEvent e : run.timelineEvents()) {
                String key = switch (e.eventType()) {
                    case TimelineEvent.TASK_STATE_MODIFIED -> run.id() + "/" + e.eventType() + "/" + taskOf(e);
                    case TimelineEvent.OWNER_CHANGED -> run.id() + "/" + e.eventType() + "/";
                    default -> null;
                };
                if (key != null) {
                    counts.merge(key, 1L, Long::sum);
                }
            }
        }
        return counts;
    }

    private static String taskOf(TimelineEvent e) {
        String summary = e.summary();
        int start = summary.indexOf("**");
        int end = summary.lastIndexOf("**");
        return start >= 0 && end > start ? summary.substring(start + 2, end) : summary;
    }
}
