package com.incidentconsole.reliability;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.incidentconsole.client.Credentials;
import com.incidentconsole.client.MattermostConnection;
import com.incidentconsole.client.ServerAddress;
import com.incidentconsole.client.StreamSettings;
import com.incidentconsole.sync.ConnectionState;
import com.incidentconsole.sync.ServerWorkspace;
import com.incidentconsole.sync.SyncExecutors;
import com.incidentconsole.sync.store.LocalStore;
import com.incidentconsole.sync.store.Outbox;
import com.incidentconsole.wire.ChecklistItem;
import com.incidentconsole.wire.WireJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * The console without its UI, in its own JVM, so that {@link CrashReplayTest} can SIGKILL it.
 * Wired like {@code app.Bootstrap}: a store file on disk, its outbox keyed by the server URL.
 *
 * <pre>CrashClient baseUrl token storeFile actionsFile (queue|replay)</pre>
 * {@code queue}: sign in, queue every action of {@code actionsFile}, print {@code QUEUED} once all of
 * them are in the outbox file, then wait to be killed. {@code claim}: like {@code queue}, but print
 * {@code CLAIMED} as soon as the workspace shows every action as saved, without reading the file —
 * the moment a user would believe them safe. {@code replay}: sign in (the outbox is restored
 * and replayed after the first load), print {@code STARTED}, and {@code DONE} once the outbox is empty.
 */
public final class CrashClient {

    private CrashClient() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        String baseUrl = args[0];
        Path storeFile = Path.of(args[2]);
        List<String> actions = Files.readAllLines(Path.of(args[3])).stream().filter(l -> !l.isBlank()).toList();
        boolean queue = !args[4].equals("replay");
        boolean claimOnly = args[4].equals("claim");
        JsonMapper mapper = WireJson.newMapper();
        SyncExecutors executors = SyncExecutors.create();
        LocalStore local = LocalStore.open(storeFile);
        Outbox outbox = local.outbox(baseUrl);
        MattermostConnection connection = MattermostConnection.open(new ServerAddress(java.net.URI.create(baseUrl)),
                new Credentials.AccessToken(args[1]), mapper);
        StreamSettings fast = new StreamSettings(Duration.ofMillis(20), Duration.ofMillis(200), Duration.ofMillis(10),
                Duration.ofSeconds(30));
        ServerWorkspace workspace = ServerWorkspace.follow(baseUrl, false, connection, mapper, executors, outbox,
                Clock.systemUTC(), fast);
        System.out.println("STARTED");
        System.out.flush();
        waitFor(() -> workspace.connection().state() == ConnectionState.LIVE && workspace.runs().size() > 0);
        if (queue) {
            for (String line : actions) {
                String[] a = line.split(" ");
                switch (a[0]) {
                    case "tick" -> workspace.commands().setItemState(a[1], a[2], ChecklistItem.CLOSED);
                    case "owner" -> workspace.commands().changeOwner(a[1], a[2]);
                    default -> throw new IllegalArgumentException(line);
                }
            }
            if (claimOnly) {
                // What the screen claims: every action shown as taken, i.e. saved. Said without looking at the file.
                waitFor(() -> workspace.pending().all().size() == actions.size()
                        && workspace.pending().all().stream().allMatch(p -> p.saved()));
                System.out.println("CLAIMED " + actions.size());
                System.out.flush();
                Thread.sleep(Duration.ofMinutes(5));
            }
            waitFor(() -> outbox.entries().size() >= actions.size());
            System.out.println("QUEUED " + outbox.entries().size());
            System.out.flush();
            Thread.sleep(Duration.ofMinutes(5));
        } else {
            waitFor(() -> outbox.entries().isEmpty());
            System.out.println("DONE");
            System.out.flush();
            workspace.close();
            executors.close();
            local.close();
            System.exit(0);
        }
    }

    private static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        while (!condition.getAsBoolean()) {
            Thread.sleep(5);
        }
    }
}
