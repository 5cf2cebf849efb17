package com.incidentconsole.announce;

import com.incidentconsole.wire.PlaybookRun;
import java.net.URI;

/**
 * The text of a run's announcement (v1 {@code /incident announce}): its name, who leads it, its summary and
 * a link to the run in Playbooks, as one Markdown post. Built when the user announces, so the outbox keeps
 * and posts exactly what they saw.
 */
public final class Announcement {

    private Announcement() {
    }

    /** Where the run opens in the web app: {@code /playbooks/runs/{id}}. */
    public static URI runLink(URI server, String runId) {
        return URI.create(base(server) + "/playbooks/runs/" + runId);
    }

    /** A channel's permalink: {@code /{team}/channels/{channel}}. */
    public static URI channelLink(URI server, String teamName, String channelName) {
        return URI.create(base(server) + "/" + teamName + "/channels/" + channelName);
    }

    private static String base(URI server) {
        String s = server.toString();
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }

    /** @param ownerUsername without the {@code @} */
    public static String message(PlaybookRun run, String ownerUsername, URI server) {
        String summary = run.summary().strip();
        return "#### :loudspeaker: " + oneLine(run.name()) + "\n"
                + "**Commander:** " + (ownerUsername.isEmpty() ? "nobody yet" : "@" + ownerUsername) + "\n\n"
                + (summary.isEmpty() ? "_No summary yet._" : summary) + "\n\n"
                + "[Open the run](" + runLink(server, run.id()) + ")";
    }

    private static String oneLine(String text) {
        return text.replaceAll("\\s+", " ").strip();
    }
}
