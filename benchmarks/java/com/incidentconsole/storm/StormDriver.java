package com.incidentconsole.storm;

import com.incidentconsole.sandbox.SandboxControl;
import com.incidentconsole.sandbox.SandboxOptions;
import com.incidentconsole.sandbox.SandboxServer;
import com.incidentconsole.sandbox.state.RunEntity;
import com.incidentconsole.wire.Checklist;
import com.incidentconsole.wire.ChecklistItem;
import com.incidentconsole.wire.PlaybookRun;
import com.incidentconsole.wire.TimelineEvent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.locks.LockSupport;

/**
 * The event storm's server side (issue 18, docs/adr/0033): an embedded sandbox in its own process, seeded so the
 * default user sees about 10,000 runs, that changes runs through {@link SandboxControl#changeRun} — the sandbox's
 * own run publisher, so every change leaves as the {@code playbook_run_updated} frame (the whole run; with
 * {@code -Dstorm.incremental=true} the {@code playbook_run_updated_incremental} delta) a real server sends — at a
 * fixed rate for a fixed time. Every change that shows as text carries a token {@code #s<n>}; its send time
 * ({@link System#nanoTime()}, CLOCK_MONOTONIC on Linux, the same clock in every process) goes to
 * {@code sent.txt}, so the app's probe ({@link StormProbe}) can say when the same token was first on screen.
 *
 * <p>The mix, per 20 events: 10 renames of a random ongoing run (the list's name column; about one in six of them
 * lands on a row in view), 3 title edits of an item of the run the probe opens (its checklist, and its progress in
 * the list), 7 ticks or unticks of a random item of a random ongoing run (the progress column; no token); and every
 * 200th event a new timeline entry on the open run instead.
 *
 * <p>Files in {@code storm.dir}: writes {@code server.properties}, waits for the app's {@code ready}, writes
 * {@code started} (the storm's t0), sends, writes {@code sent.txt} and {@code sent}, then waits for the app's
 * {@code done} and prints the report ({@link StormReport}).
 */
public final class StormDriver {

    static final String TOKEN = "#s";

    private StormDriver() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(System.getProperty("storm.dir", "target/bench/storm"));
        int rate = Integer.getInteger("storm.rate", 1000);
        int seconds = Integer.getInteger("storm.seconds", 60);
        int ongoing = Integer.getInteger("storm.ongoing", 200);
        int ended = Integer.getInteger("storm.ended", 11_600);
        boolean incremental = Boolean.getBoolean("storm.incremental");
        Files.createDirectories(dir);
        java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.WARNING);

        SandboxOptions options = SandboxOptions.defaults().withPort(0).withRuns(ongoing, ended);
        try (SandboxServer sandbox = SandboxServer.start(options)) {
            SandboxControl control = sandbox.control();
            control.setIncrementalUpdates(incremental);
            String me = control.defaultUser().id();
            List<PlaybookRun> visible = control.runs().stream().filter(r -> control.isTeamMember(r.teamId(), me))
                    .toList();
            List<String> live = visible.stream().filter(r -> !r.isFinished())
                    .sorted(Comparator.comparingLong(PlaybookRun::createAt).reversed()).map(PlaybookRun::id).toList();
            // The list's default order: in progress first, newest first; the probe opens its top row.
            String open = live.get(0);
            Files.writeString(dir.resolve("server.properties"), "url=" + sandbox.baseUrl() + "\ntoken="
                    + control.tokenFor(control.defaultUser().username()) + "\nopenRun=" + open + "\nvisibleRuns="
                    + visible.size() + "\n");
            System.out.printf("sandbox: %d runs, %d visible to %s (%d in progress); open run %s; %s updates%n",
                    control.runs().size(), visible.size(), control.defaultUser().username(), live.size(), open,
                    incremental ? "incremental" : "full");
            waitFor(dir.resolve("ready"), 1_800);

            int total = rate * seconds;
            long[] sentAt = new long[total];
            String[] target = new String[total];
            SplittableRandom random = new SplittableRandom(18);
            long t0 = System.nanoTime();
            Files.writeString(dir.resolve("started"), Long.toString(t0));
            long lateMax = 0;
            for (int n = 0; n < total; n++) {
                long due = t0 + n * 1_000_000_000L / rate;
                long now = System.nanoTime();
                if (now < due) {
                    LockSupport.parkNanos(due - now);
                } else {
                    lateMax = Math.max(lateMax, now - due);
                }
                target[n] = emit(control, n, open, live, random);
                sentAt[n] = System.nanoTime();
            }
            long elapsed = System.nanoTime() - t0;
            StringBuilder sent = new StringBuilder(total * 40);
            for (int n = 0; n < total; n++) {
                sent.append(n).append(' ').append(target[n]).append(' ').append(sentAt[n]).append('\n');
            }
            Files.writeString(dir.resolve("sent.txt"), sent);
            Files.writeString(dir.resolve("sent"), Long.toString(System.nanoTime()));
            var json = com.incidentconsole.wire.WireJson.newMapper();
            int openSize = json.writeValueAsString(control.run(open).orElseThrow()).length();
            int listSize = json.writeValueAsString(control.run(live.get(live.size() / 2)).orElseThrow()).length();
            String sending = String.format("driver sent %,d updates in %.1f s (%.0f/s; at most %.1f ms behind schedule); "
                    + "a whole run at the end is %,d characters of JSON for the open run, %,d for another",
                    total, elapsed / 1e9, total / (elapsed / 1e9), lateMax / 1e6, openSize, listSize);
            System.out.println(sending);
            waitFor(dir.resolve("done"), 600);
            StormReport.print(dir, rate, seconds, incremental, sending);
        }
    }

    /** One change; returns what it changed ({@code -} when nothing with a token shows it). */
    private static String emit(SandboxControl control, int n, String open, List<String> live, SplittableRandom random) {
        int slot = n % 20;
        if (n % 200 == 199) {
            control.changeRun(open, run -> {
                long at = now(run);
                run.timelineEvents.add(new TimelineEvent("storm" + n, run.id, at, 0, at, TimelineEvent.EVENT_FROM_POST,
                        "Storm note " + TOKEN + n, "", "", "", run.ownerUserId));
            });
            return "timeline:" + n;
        }
        if (slot < 10) {
            String id = live.get(random.nextInt(live.size()));
            control.changeRun(id, run -> {
                run.name = baseOf(run.name) + " " + TOKEN + n;
                now(run);
            });
            return "name:" + id;
        }
        if (slot < 13) {
            int[] which = new int[2];
            control.changeRun(open, run -> {
                int items = run.checklists.stream().mapToInt(c -> c.items().size()).sum();
                int k = (n / 20 * 3 + slot - 10) % Math.max(1, items);
                pick(run, k, which);
                replaceItem(run, which[0], which[1], i -> new ChecklistItem(i.id(), baseOf(i.title()) + " " + TOKEN + n,
                        i.state(), i.stateModified(), i.assigneeId(), i.assigneeModified(), i.assigneeType(),
                        i.assigneePropertyFieldId(), i.command(), i.commandLastRun(), i.description(), i.lastSkipped(),
                        i.dueDate(), i.taskActions(), i.conditionId(), i.conditionAction(), i.conditionReason(), now(run)));
            });
            return "item:" + which[0] + "/" + which[1];
        }
        String id = live.get(random.nextInt(live.size()));
        int pickAt = random.nextInt(1_000);
        control.changeRun(id, run -> {
            int items = run.checklists.stream().mapToInt(c -> c.items().size()).sum();
            if (items == 0) {
                return;
            }
            int[] which = new int[2];
            pick(run, pickAt % items, which);
            replaceItem(run, which[0], which[1], i -> i.withState(i.isOpen() ? ChecklistItem.CLOSED : ChecklistItem.OPEN,
                    now(run)));
        });
        return "-";
    }

    private static long now(RunEntity run) {
        run.updateAt = System.currentTimeMillis();
        return run.updateAt;
    }

    private static void pick(RunEntity run, int k, int[] which) {
        for (int c = 0; c < run.checklists.size(); c++) {
            int size = run.checklists.get(c).items().size();
            if (k < size) {
                which[0] = c;
                which[1] = k;
                return;
            }
            k -= size;
        }
    }

    private static void replaceItem(RunEntity run, int checklist, int item,
            java.util.function.UnaryOperator<ChecklistItem> change) {
        Checklist list = run.checklists.get(checklist);
        List<ChecklistItem> items = new ArrayList<>(list.items());
        items.set(item, change.apply(items.get(item)));
        run.checklists.set(checklist, list.withItems(items, run.updateAt));
    }

    static String baseOf(String text) {
        int at = text.lastIndexOf(" " + TOKEN);
        return at < 0 ? text : text.substring(0, at);
    }

    static void waitFor(Path file, int seconds) throws IOException, InterruptedException {
        long until = System.nanoTime() + seconds * 1_000_000_000L;
        while (!Files.exists(file)) {
            if (System.nanoTime() > until) {
                throw new IOException("gave up waiting for " + file);
            }
            Thread.sleep(50);
        }
    }
}
