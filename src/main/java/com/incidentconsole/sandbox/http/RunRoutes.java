package com.incidentconsole.sandbox.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.incidentconsole.sandbox.runs.Access;
import com.incidentconsole.sandbox.runs.RetrospectiveService;
import com.incidentconsole.sandbox.runs.RunCreation;
import com.incidentconsole.sandbox.runs.StatusService;
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
    private final RunCreation creation;
    private final StatusService status;
    private final RetrospectiveService retros;
    private final RunQuery query;

    public RunRoutes(SandboxState state, Access access, RunService runs, RunCreation creation, StatusService status,
                     RetrospectiveService retros, RunQuery query) {
        this.state = state;
        this.access = access;
        this.runs = runs;
        this.creation = creation;
        this.status = status;
        this.retros = retros;
        this.query = query;
    }

    public void register(Router router) {
        router.add("GET", R, P, this::list)
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
                // updatePlaybookRun (api/playbook_runs.go): edit middleware, then the body.
                .add("PATCH", R + "/{id}", P, c -> {
                    edit(c, true);
                    return Reply.ok(runs.patch(c.userId(), c.param("id"),
                            c.strictBody(RunRequests.RunPatch.class, 400, "unable to decode payload")));
                })
                // finish: RunFinish itself (403 for an unknown run too), then FinishPlaybookRun.
                .add("PUT", R + "/{id}/finish", P, c -> {
                    runs.finish(c.userId(), c.param("id"));
                    return Reply.ok(Map.of("status", "OK"));
                })
                // restore: RunRestore, then RestorePlaybookRun.
                .add("PUT", R + "/{id}/restore", P, c -> {
                    runs.restore(c.userId(), c.param("id"));
                    return Reply.ok(Map.of("status", "OK"));
                })
                // status: edit middleware, body, then updateStatus.
                .add("POST", R + "/{id}/status", P, c -> {
                    edit(c, true);
                    RunRequests.StatusUpdate body = c.strictBody(RunRequests.StatusUpdate.class, 400,
                            "unable to decode body into StatusUpdateOptions");
                    status.updateStatus(c.userId(), c.param("id"),
                            new StatusService.Update(body.message(), body.reminder(), body.finishRun()));
                    return Reply.ok(Map.of("status", "OK"));
                })
                // requestUpdate: RunView, RequestUpdate; the handler writes no body.
                .add("POST", R + "/{id}/request-update", P, c -> {
                    status.requestUpdate(c.userId(), c.param("id"));
                    return Reply.empty(200);
                })
                // reminderReset: edit middleware; a body that does not decode is HandleError's 500.
                .add("POST", R + "/{id}/reminder", P, c -> {
                    edit(c, true);
                    long seconds = c.strictBody(RunRequests.Reminder.class, 500, Call.INTERNAL).newReminderSeconds();
                    status.snooze(c.userId(), c.param("id"), seconds);
                    return Reply.empty(204);
                })
                // toggleStatusUpdates: edit middleware; undecodable body → HandleError's 500.
                .add("PUT", R + "/{id}/status-update-enabled", P, c -> {
                    edit(c, true);
                    boolean enabled = c.strictBody(RunRequests.StatusEnabled.class, 500, Call.INTERNAL).statusEnabled();
                    status.setStatusUpdatesEnabled(c.userId(), c.param("id"), enabled);
                    return Reply.ok(Map.of("success", true));
                })
                // toggleRetrospective: edit middleware (no active-run check), *bool body, RunToggleRetrospective.
                .add("PUT", R + "/{id}/retrospective-enabled", P, c -> {
                    edit(c, false);
                    JsonNode body = c.strictBody(JsonNode.class, 400, "unable to decode payload");
                    JsonNode value = body.path("retrospective_enabled");
                    if (value.isMissingNode() || value.isNull()) {
                        throw new Rejection(400, "retrospective_enabled is required");
                    }
                    if (!value.isBoolean()) {
                        throw new Rejection(400, "unable to decode payload");
                    }
                    retros.setEnabled(c.userId(), c.param("id"), value.asBoolean());
                    return Reply.ok(Map.of("success", true));
                })
                // removeTimelineEvent: edit middleware, RemoveTimelineEvent.
                .add("DELETE", R + "/{id}/timeline/{event_id}", P, c -> {
                    runs.deleteTimelineEvent(c.userId(), c.param("id"), c.param("event_id"));
                    return Reply.empty(204);
                })
                // updateRetrospective: edit middleware (retro exempt from the active check), body.
                .add("POST", R + "/{id}/retrospective", P, c -> {
                    edit(c, false);
                    retros.save(c.userId(), c.param("id"),
                            c.strictBody(RunRequests.Retrospective.class, 400, "unable to decode payload"));
                    return Reply.empty(200);
                })
                // publishRetrospective: as above, then PublishRetrospective.
                .add("POST", R + "/{id}/retrospective/publish", P, c -> {
                    edit(c, false);
                    retros.publish(c.userId(), c.param("id"),
                            c.strictBody(RunRequests.Retrospective.class, 400, "unable to decode payload"));
                    return Reply.empty(200);
                })
                // noRetrospectiveButton: CancelRetrospective, then ReturnJSON(w, nil, 200) → "null".
                .add("POST", R + "/{id}/no-retrospective-button", P, c -> {
                    edit(c, false);
                    retros.cancel(c.userId(), c.param("id"));
                    return Reply.json(200, null);
                });
    }

    /** The {@code checkEditPermissions} middleware runs before the handler decodes anything. */
    private void edit(Call c, boolean requireActive) {
        state.locked(() -> access.requireManage(c.userId(), c.param("id"), requireActive));
    }

    /**
     * getPlaybookRuns: a {@code channel_id} that is no valid id fails the filter parse (400 "Bad
     * parameter", app/playbook_run.go), one the user cannot read is refused by ChannelView (403).
     */
    private Reply list(Call c) {
        String channelId = c.query("channel_id");
        if (!channelId.isEmpty()) {
            if (!channelId.matches("[A-Za-z0-9]{26}")) {
                throw new Rejection(400, "Bad parameter");
            }
            state.locked(() -> requireChannelView(c, channelId));
        }
        return Reply.ok(query.list(c.userId(), c.query()));
    }

    /** createPlaybookRunFromPost: 201 with the run and its Location; playbook_run_created to the channel. */
    private Reply create(Call c) {
        RunCreateOptions o = c.strictBody(RunCreateOptions.class, 400, "unable to decode playbook run create options");
        RunEntity created = creation.create(c.userId(), new RunCreation.CreateRequest(o.playbookId(), o.teamId(),
                o.channelId(), o.name(), o.summary(), o.ownerUserId(), o.createPublicRun(), false));
        creation.announceCreated(created);
        PlaybookRun run = state.locked(created::toWire);
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

    /**
     * getStatusUpdates: each status post that still exists and is a {@code custom_run_update}, as
     * {@code NewStatusPostComplete} renders it (author from {@code props.authorUsername}, no
     * {@code update_at}), newest first.
     */
    private Reply statusUpdates(Call c) {
        return Reply.ok(read(c, run -> {
            List<Map<String, Object>> result = new ArrayList<>();
            for (StatusPost ref : run.statusPosts) {
                Post post = state.directory().post(ref.id()).orElse(null);
                if (post == null || post.deleteAt() != 0 || !"custom_run_update".equals(post.type())) {
                    continue;
                }
                Map<String, Object> item = new LinkedHashMap<>();
                item.put("id", post.id());
                item.put("create_at", post.createAt());
                item.put("delete_at", post.deleteAt());
                item.put("message", post.message());
                item.put("author_user_name", post.props().path("authorUsername").asText(""));
                result.add(item);
            }
            result.sort(Comparator.comparingLong((Map<String, Object> m) -> (Long) m.get("create_at")).reversed());
            return result;
        }));
    }

    /**
     * getPlaybookRunsForChannelByUser: ChannelView (403), then {@code GetPlaybookRunsForChannelByUser}:
     * in-progress runs of the channel the user may see, newest first.
     */
    private List<PlaybookRun> inChannel(Call c) {
        String channelId = c.param("channel_id");
        return state.locked(() -> {
            requireChannelView(c, channelId);
            return state.runs().values().stream()
                    .filter(r -> r.channelId.equals(channelId) && !r.isFinished() && access.canView(c.userId(), r))
                    .sorted(Comparator.comparingLong((RunEntity r) -> r.createAt).reversed())
                    .map(RunEntity::toWire).toList();
        });
    }

    /** getPlaybookRunByChannel: ChannelView (403), then any run of the channel (all statuses): 404 none, 400 several. */
    private Reply byChannel(Call c) {
        String channelId = c.param("channel_id");
        List<PlaybookRun> found = state.locked(() -> {
            requireChannelView(c, channelId);
            return state.runs().values().stream()
                    .filter(r -> r.channelId.equals(channelId) && access.canView(c.userId(), r))
                    .limit(2).map(RunEntity::toWire).toList();
        });
        if (found.isEmpty()) {
            throw new Rejection(404, "Not found");
        }
        if (found.size() > 1) {
            throw new Rejection(400, "multiple runs in the channel");
        }
        return Reply.ok(found.get(0));
    }

    private void requireChannelView(Call c, String channelId) {
        if (!access.canReadChannel(c.userId(), channelId)) {
            throw Rejection.notAuthorized();
        }
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
