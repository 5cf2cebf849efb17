package com.incidentconsole.sandbox.http;

import com.incidentconsole.sandbox.runs.OwnerChange;
import com.incidentconsole.sandbox.runs.ParticipantService;
import com.incidentconsole.wire.RunRequests;
import java.util.Map;

/**
 * Follow, unfollow and owner change ({@code playbook_runs.go} {@code follow}, {@code unfollow},
 * {@code changeOwner}). {@code GET /followers} stays with the run reads.
 */
public final class ParticipantRoutes {

    private static final String R = "/plugin/runs";
    private static final Router.Area P = Router.Area.PLUGIN;

    private final ParticipantService participants;
    private final OwnerChange owners;

    public ParticipantRoutes(ParticipantService participants, OwnerChange owners) {
        this.participants = participants;
        this.owners = owners;
    }

    public void register(Router router) {
        // playbook_runs.go follow: RunView (403), Follow, 200 with an empty body.
        router.add("PUT", R + "/{id}/followers", P, c -> {
                    participants.follow(c.userId(), c.param("id"), true);
                    return Reply.empty(200);
                })
                // playbook_runs.go unfollow
                .add("DELETE", R + "/{id}/followers", P, c -> {
                    participants.follow(c.userId(), c.param("id"), false);
                    return Reply.empty(200);
                })
                // playbook_runs.go changeOwner: 200 {}.
                .add("POST", R + "/{id}/owner", P, c -> {
                    owners.change(c.userId(), c.param("id"), () -> ownerId(c), false);
                    return Reply.ok(Map.of());
                });
    }

    /** Decoded after the permission and active-run checks, as the handler does: 400 "could not decode request body". */
    private static String ownerId(Call c) {
        try {
            return c.body(RunRequests.OwnerChange.class).ownerId();
        } catch (com.incidentconsole.sandbox.state.Rejection e) {
            throw new com.incidentconsole.sandbox.state.Rejection(400, "could not decode request body");
        }
    }
}
