package com.incidentconsole.sandbox.http;

import com.incidentconsole.sandbox.runs.Access;
import com.incidentconsole.sandbox.runs.RunQuery;
import com.incidentconsole.sandbox.runs.RunService;
import com.incidentconsole.sandbox.state.Rejection;
import com.incidentconsole.sandbox.state.RunEntity;
import com.incidentconsole.sandbox.state.SandboxState;
import com.incidentconsole.wire.Channel;
import com.incidentconsole.wire.OwnerInfo;
import com.incidentconsole.wire.PlaybookRun;
import com.incidentconsole.wire.Post;
import com.incidentconsole.wire.RunCreateOptions;
import com.incidentconsole.wire.RunMetadata;
import com.incidentconsole.wire.RunRequests;
import com.incidentconsole.wire.StatusPost;
import com.incidentconsole.wire.StatusPostComplete;
import com.incidentconsole.wire.User;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Run-level plugin routes (playbooks-api.md §2.1–2.3, 2.6–2.8). */
public final class RunRoutes {

    private static final String R = "/plugin/runs";
    private static final Router.Area P = Router.Area.PLUGIN;

    private final SandboxState state;
    private final Access access;
    private final RunService runs;
    private final RunQuery query;

    public RunRoutes(SandboxState state, Access access, RunService runs, RunQuery query) {
        this.state = state;
        this.access = access;
        this.runs = runs;
        this.query = query;
    }

    public void register(Router router) {
        router.add("GET", R, P, c -> Reply.ok(query.list(c.userId(), c.query())))
                .add("POST", R, P, this::create)
                .add("GET", R + "/owners", P, this::owners)
                .add("GET", R + "/channels", P, c -> Reply.ok(query.list(c.userId(), c.query()).items().stream()
                        .map(PlaybookRun::channelId).distinct().toList()))
                .add("GET", R + "/channel/{channel_id}", P, this::byChannel)
                .add("GET", R + "/channel/{channel_id}/runs", P, c -> Reply.ok(inChannel(c)))
                .add("GET", R + "/{id}", P, c -> Reply.ok(read(c, RunEntity::toWire)))
                .add("GET", R + "/{id}/metadata", P, this::metadata)
                .add("GET", R + "/{id}/status-updates", P, this::statusUpdates)
                // The sandbox models no property fields or conditions: an empty list is what such a run returns.
                .add("GET", R + "/{id}/property_fields", P, c -> Reply.ok(read(c, r -> List.of())))
                .add("GET", R + "/{id}/property_values", P, c -> Reply.ok(read(c, r -> List.of())))
                // Conditions come as a page (GetRunConditionsResults in the Go client), not a bare array.
                .add("GET", R + "/{id}/conditions", P, c -> Reply.ok(read(c, r -> Map.of("total_count", 0,
                        "page_count", 0, "has_more", false, "items", List.of()))))
                .add("GET", R + "/{id}/followers", P, c -> Reply.ok(read(c, r -> List.copyOf(r.followers))))
                // PUT/DELETE /followers and POST /owner: ParticipantRoutes.
                .add("PATCH", R + "/{id}", P, c -> Reply.ok(runs.patch(c.userId(), c.param("id"),
                        c.body(RunRequests.RunPatch.class))))
                .add("PUT", R + "/{id}/finish", P, c -> {
                    runs.finish(c.userId(), c.param("id"));
                    return Reply.ok(Map.of("status", "OK"));
                })
                .add("PUT", R + "/{id}/restore", P, c -> {
                    runs.restore(c.userId(), c.param("id"));
                    return Reply.ok(Map.of("status", "OK"));
                })
                .add("POST", R + "/{id}/status", P, c -> {
                    runs.updateStatus(c.userId(), c.param("id"), c.body(RunRequests.StatusUpdate.class));
                    return Reply.ok(Map.of("status", "OK"));
                })
                .add("POST", R + "/{id}/request-update", P, c -> {
                    runs.requestUpdate(c.userId(), c.param("id"));
                    return Reply.empty(200);
                })
                .add("POST", R + "/{id}/reminder", P, c -> {
                    runs.snooze(c.userId(), c.param("id"), c.body(RunRequests.Reminder.class).newReminderSeconds());
                    return Reply.empty(204);
                })
                .add("PUT", R + "/{id}/status-update-enabled", P, c -> {
                    runs.setStatusUpdatesEnabled(c.userId(), c.param("id"),
                            c.body(RunRequests.StatusEnabled.class).statusEnabled());
                    return Reply.ok(Map.of("success", true));
                })
                .add("PUT", R + "/{id}/retrospective-enabled", P, c -> {
                    runs.setRetrospectiveEnabled(c.userId(), c.param("id"),
                            c.body(RunRequests.RetrospectiveEnabled.class).retrospectiveEnabled());
                    return Reply.ok(Map.of("success", true));
                })
                .add("DELETE", R + "/{id}/timeline/{event_id}", P, c -> {
                    runs.deleteTimelineEvent(c.userId(), c.param("id"), c.param("event_id"));
                    return Reply.empty(204);
                })
                .add("POST", R + "/{id}/retrospective", P, c -> {
                    runs.saveRetrospective(c.userId(), c.param("id"), c.body(RunRequests.Retrospective.class), false);
                    return Reply.empty(200);
                })
                .add("POST", R + "/{id}/retrospective/publish", P, c -> {
                    runs.saveRetrospective(c.userId(), c.param("id"), c.body(RunRequests.Retrospective.class), true);
                    return Reply.empty(200);
                })
                .add("POST", R + "/{id}/no-retrospective-button", P, c -> {
                    runs.cancelRetrospective(c.userId(), c.param("id"));
                    return Reply.empty(200);
                });
    }

    private Reply create(Call c) {
        PlaybookRun run = runs.create(c.userId(), c.body(RunCreateOptions.class));
        return Reply.json(201, run).withHeader("Location", "/api/v0/runs/" + run.id());
    }

    private <T> T read(Call c, java.util.function.Function<RunEntity, T> view) {
        return state.locked(() -> view.apply(access.requireView(c.userId(), c.param("id"))));
    }

    private Reply metadata(Call c) {
        return Reply.ok(read(c, run -> {
            var directory = state.directory();
            String team = directory.team(run.teamId).map(t -> t.name()).orElse("");
            boolean canRead = directory.isChannelMember(run.channelId, c.userId());
            Channel channel = directory.channel(run.channelId).orElseThrow();
            return new RunMetadata(canRead ? channel.name() : "", canRead ? channel.displayName() : "", team,
                    run.participantIds.size(), canRead ? directory.posts(run.channelId).size() : 0,
                    List.copyOf(run.followers));
        }));
    }

    private Reply statusUpdates(Call c) {
        return Reply.ok(read(c, run -> {
            List<StatusPostComplete> result = new ArrayList<>();
            for (StatusPost ref : run.statusPosts) {
                Post post = state.directory().post(ref.id()).orElse(null);
                if (post == null || ref.deleteAt() != 0) {
                    continue;
                }
                String author = state.directory().user(post.userId()).map(User::username).orElse("");
                result.add(new StatusPostComplete(post.id(), post.createAt(), post.updateAt(), post.deleteAt(),
                        post.message(), author));
            }
            result.sort(Comparator.comparingLong(StatusPostComplete::createAt).reversed());
            return result;
        }));
    }

    private List<PlaybookRun> inChannel(Call c) {
        String channelId = c.param("channel_id");
        return state.locked(() -> state.runs().values().stream()
                .filter(r -> r.channelId.equals(channelId) && access.canView(c.userId(), r))
                .map(RunEntity::toWire).toList());
    }

    private Reply byChannel(Call c) {
        List<PlaybookRun> found = inChannel(c);
        if (found.isEmpty()) {
            throw new Rejection(404, "Not found");
        }
        if (found.size() > 1) {
            throw new Rejection(400, "multiple runs in the channel");
        }
        return Reply.ok(found.get(0));
    }

    private Reply owners(Call c) {
        String teamId = c.query("team_id");
        return Reply.ok(state.locked(() -> {
            Map<String, OwnerInfo> owners = new LinkedHashMap<>();
            for (RunEntity run : state.runs().values()) {
                if ((teamId.isEmpty() || run.teamId.equals(teamId)) && access.canView(c.userId(), run)) {
                    state.directory().user(run.ownerUserId).ifPresent(u -> owners.putIfAbsent(u.id(),
                            new OwnerInfo(u.id(), u.username(), u.firstName(), u.lastName(), u.nickname())));
                }
            }
            return List.copyOf(owners.values());
        }));
    }
}
