package com.incidentconsole.sandbox.runs;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.incidentconsole.sandbox.state.Rejection;
import com.incidentconsole.sandbox.state.RunEntity;
import com.incidentconsole.sandbox.state.SandboxState;
import com.incidentconsole.wire.Channel;
import com.incidentconsole.wire.PlaybookRun;
import java.util.ArrayList;
import java.util.List;

/** Run creation for {@code POST /runs} and {@code POST /runs/dialog}, with the events the real server publishes. */
public final class RunCreation {

    /** What {@code createPlaybookRun} (api/playbook_runs.go) receives from either creation route. */
    public record CreateRequest(String playbookId, String teamId, String channelId, String name, String summary,
                                String ownerId, Boolean createPublic, boolean fromDialog) {
    }

    private final SandboxState state;
    private final Access access;
    private final RunFactory factory;
    private final RunPublisher publisher;
    private final BotPosts bot;

    public RunCreation(SandboxState state, Access access, RunFactory factory, RunPublisher publisher, BotPosts bot) {
        this.state = state;
        this.access = access;
        this.factory = factory;
        this.publisher = publisher;
        this.bot = bot;
    }

    /**
     * {@code createPlaybookRun} (api/playbook_runs.go) then {@code CreatePlaybookRun}: the handler's
     * checks in its order, then the run, its participants (each {@code Follow} and the closing
     * {@code AddParticipants} publish a run update, all before {@code playbook_run_created}), the
     * {@code incident_created} event and the creation broadcast. The caller publishes the created
     * event (the two routes send different payloads).
     */
    public RunEntity create(String userId, CreateRequest request) {
        return state.locked(() -> {
            String refused = request.fromDialog() ? "not authorized to make runs from this playbook"
                    : "unable to create playbook run";
            String teamId = request.teamId();
            String channelId = request.channelId();
            if (teamId.isEmpty() && channelId.isEmpty()) {
                throw new Rejection(400, "unable to create playbook run");
            }
            if (request.name().isBlank() && channelId.isEmpty() && request.playbookId().isEmpty()) {
                throw new Rejection(400, "unable to create playbook run");
            }
            Channel channel = null;
            if (!channelId.isEmpty()) {
                channel = state.directory().channel(channelId).orElseThrow(Rejection::internal);
                if (teamId.isEmpty()) {
                    teamId = channel.teamId();
                } else if (!channel.teamId().equals(teamId)) {
                    throw new Rejection(400, "unable to create playbook run");
                }
            }
            boolean open = request.createPublic() == null || request.createPublic();
            ObjectNode playbook = null;
            if (!request.playbookId().isEmpty()) {
                // playbookService.Get fails on an unknown id: HandleError's 500, not a refusal.
                playbook = state.playbooks().get(request.playbookId());
                if (playbook == null) {
                    throw Rejection.internal();
                }
                if (playbook.path("delete_at").asLong() != 0) {
                    throw new Rejection(400, "unable to create playbook run");
                }
                // RunCreate: run_create on the playbook, and on the target team when it is another one.
                boolean otherTeam = !teamId.equals(playbook.path("team_id").asText());
                if (!access.canViewPlaybook(userId, request.playbookId())
                        || (otherTeam && !state.directory().isTeamMember(teamId, userId) && !access.isSystemAdmin(userId))) {
                    throw new Rejection(403, refused);
                }
                if (request.createPublic() == null) {
                    open = playbook.path("create_public_playbook_run").asBoolean();
                }
                if (request.name().isBlank() && playbook.path("channel_name_template").asText().isEmpty()
                        && channelId.isEmpty()) {
                    throw new Rejection(400, "unable to create playbook run");
                }
                if (playbook.path("new_channel_only").asBoolean() && !channelId.isEmpty()) {
                    throw new Rejection(400, "unable to create playbook run");
                }
                if (request.fromDialog() && channelId.isEmpty()
                        && "link_existing_channel".equals(playbook.path("channel_mode").asText())) {
                    throw new Rejection(400, "unable to create playbook run");
                }
            } else if (channel == null) {
                // "channel ID is required for checklists"
                throw new Rejection(400, "unable to create playbook run");
            }
            // A new channel needs create_*_channel on the team; a linked one its properties permission
            // (channel_user role), and a checklist create_post there: channel membership here.
            boolean allowed = channel == null
                    ? state.directory().isTeamMember(teamId, userId) || access.isSystemAdmin(userId)
                    : access.canReadChannel(userId, channel.id());
            if (!allowed) {
                throw new Rejection(403, refused);
            }
            String owner = request.ownerId();
            if (playbook == null && owner.isEmpty()) {
                // Only playbook runs get the owner fallback before the handler's own check.
                throw new Rejection(400, "unable to create playbook run");
            }
            if (!owner.isEmpty() && (state.directory().user(owner).isEmpty()
                    || !state.directory().isTeamMember(teamId, owner))) {
                // Channel.AddUser fails for such an owner: an internal error, after nothing was published.
                throw Rejection.internal();
            }
            String summary = request.summary();
            // SetConfigurationFromPlaybook: dialog-made runs get the playbook's summary template.
            if (playbook != null && request.fromDialog() && playbook.path("run_summary_template_enabled").asBoolean()) {
                summary = playbook.path("run_summary_template").asText();
            }
            RunEntity run = factory.create(playbook, new RunFactory.Spec(request.name(), summary, owner,
                    userId, teamId, channelId, open, true), state.now());
            afterCreate(run, playbook, userId);
            return run;
        });
    }

    private void afterCreate(RunEntity run, ObjectNode playbook, String userId) {
        List<String> people = new ArrayList<>(List.of(run.ownerUserId));
        if (!run.ownerUserId.equals(run.reporterUserId)) {
            people.add(run.reporterUserId);
        }
        addParticipantsPublishing(run, people, run.reporterUserId);
        // Invited users are added by the reporter without channel membership unless the run says so.
        List<String> invited = new ArrayList<>(run.invitedUserIds);
        invited.removeIf(people::contains);
        if (!invited.isEmpty() && run.createChannelMemberOnNewParticipant) {
            invited.forEach(u -> state.directory().addChannelMember(run.channelId, u));
        }
        addParticipantsPublishing(run, invited, run.reporterUserId);
        if (playbook != null && run.statusUpdateBroadcastChannelsEnabled) {
            String message = "##### " + BotPosts.link(run) + "\n@" + factory.username(run.reporterUserId) + " ran the ["
                    + playbook.path("title").asText() + "](/playbooks/playbooks/" + playbook.path("id").asText()
                    + ") playbook.";
            bot.broadcast(run, message, "", null, "creation");
        }
        factory.createdTimeline(run);
    }

    /** {@code AddParticipants(..., sendWebsocket=true)}: a run update per {@code Follow}, then one for the whole add. */
    private void addParticipantsPublishing(RunEntity run, List<String> userIds, String requesterId) {
        PlaybookRun before = run.toWire();
        List<String> added = factory.addParticipants(run, userIds, requesterId, r -> {
            PlaybookRun now = r.toWire();
            publisher.runUpdated(now, r);
        });
        if (!added.isEmpty()) {
            publisher.runUpdated(before, run);
        }
    }

    /** {@code playbook_run_created} with {@code {"playbook_run": run}}, as {@code createPlaybookRunFromPost} sends it. */
    public void announceCreated(RunEntity run) {
        state.locked(() -> publisher.runCreated(run));
    }
}
