package com.incidentconsole.sandbox.runs;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.incidentconsole.sandbox.state.Directory;
import com.incidentconsole.sandbox.state.Rejection;
import com.incidentconsole.sandbox.state.RunEntity;
import com.incidentconsole.sandbox.state.SandboxState;
import com.incidentconsole.wire.PlaybookRun;

/**
 * The permission checks of {@code permissions_service.go} as far as the sandbox models them.
 * RunView refuses an unknown run id with 403 like any other; the edit middleware answers 500.
 */
public final class Access {

    private final SandboxState state;

    public Access(SandboxState state) {
        this.state = state;
    }

    public boolean isSystemAdmin(String userId) {
        return state.directory().user(userId).map(u -> u.roles().contains("system_admin")).orElse(false);
    }

    /** RunView: team view and (owner, participant, or can view the run's playbook). */
    public boolean canView(String userId, RunEntity run) {
        if (isSystemAdmin(userId)) {
            return true;
        }
        if (!PlaybookRun.TYPE_PLAYBOOK.equals(run.type)) {
            return state.directory().isChannelMember(run.channelId, userId);
        }
        if (!state.directory().isTeamMember(run.teamId, userId)) {
            return false;
        }
        return run.ownerUserId.equals(userId) || run.participantIds.contains(userId)
                || canViewPlaybook(userId, run.playbookId);
    }

    /** RunManageProperties: team view and (owner, participant, or system admin). */
    public boolean canManage(String userId, RunEntity run) {
        if (isSystemAdmin(userId)) {
            return true;
        }
        Directory directory = state.directory();
        if (!PlaybookRun.TYPE_PLAYBOOK.equals(run.type)) {
            return directory.isChannelMember(run.channelId, userId);
        }
        return directory.isTeamMember(run.teamId, userId)
                && (run.ownerUserId.equals(userId) || run.participantIds.contains(userId));
    }

    public boolean canViewPlaybook(String userId, String playbookId) {
        ObjectNode playbook = state.playbooks().get(playbookId);
        if (playbook == null) {
            return false;
        }
        if (!state.directory().isTeamMember(playbook.path("team_id").asText(), userId) && !isSystemAdmin(userId)) {
            return false;
        }
        return playbook.path("public").asBoolean() || isPlaybookMember(userId, playbook) || isSystemAdmin(userId);
    }

    public boolean isPlaybookMember(String userId, ObjectNode playbook) {
        for (var member : playbook.path("members")) {
            if (userId.equals(member.path("user_id").asText())) {
                return true;
            }
        }
        return false;
    }

    /**
     * {@code IsPlaybookAdmin}: the member's roles include the playbook's admin role (default
     * {@code playbook_admin}); only for users who can view the playbook's team ({@code getPlaybookRole}).
     */
    public boolean isPlaybookAdmin(String userId, ObjectNode playbook) {
        if (!state.directory().isTeamMember(playbook.path("team_id").asText(), userId) && !isSystemAdmin(userId)) {
            return false;
        }
        String adminRole = playbook.path("default_playbook_admin_role").asText("");
        String role = adminRole.isEmpty() ? "playbook_admin" : adminRole;
        for (var member : playbook.path("members")) {
            if (userId.equals(member.path("user_id").asText())) {
                for (var r : member.path("roles")) {
                    if (role.equals(r.asText())) {
                        return true;
                    }
                }
                for (var r : member.path("scheme_roles")) {
                    if (role.equals(r.asText())) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /**
     * {@code ChannelManageMembers}: {@code manage_public/private_channel_members}, which the default
     * roles give to channel members ({@code channel_user}) and system admins only.
     */
    public boolean canManageChannelMembers(String userId, String channelId) {
        return isSystemAdmin(userId) || state.directory().isChannelMember(channelId, userId);
    }

    /**
     * {@code RunChangeOwner} ({@code permissions_service.go}): {@code runRequiresOwnerOrAdmin}, and under
     * {@code owner_group_only_actions} a playbook admin may hand the run over without being a participant.
     */
    public RunEntity requireChangeOwner(String userId, String runId) {
        RunEntity run = state.run(runId).orElseThrow(Rejection::notAuthorized);
        ObjectNode playbook = state.playbooks().get(run.playbookId);
        boolean ownerOnly = playbook != null && playbook.path("owner_group_only_actions").asBoolean();
        if (canManage(userId, run) && (!ownerOnly || run.ownerUserId.equals(userId) || isSystemAdmin(userId))) {
            return run;
        }
        if (ownerOnly && isPlaybookAdmin(userId, playbook)) {
            return run;
        }
        throw Rejection.notAuthorized();
    }

    public RunEntity requireView(String userId, String runId) {
        RunEntity run = state.run(runId).orElseThrow(Rejection::notAuthorized);
        if (!canView(userId, run)) {
            throw Rejection.notAuthorized();
        }
        return run;
    }

    /**
     * The {@code checkEditPermissions} middleware (api/playbook_runs.go): the run is loaded first, so an
     * unknown id is {@code HandleError}'s 500; then RunManageProperties (403); then, unless a
     * retrospective or restore call, an active run (400).
     */
    public RunEntity requireManage(String userId, String runId, boolean requireActive) {
        RunEntity run = state.run(runId).orElseThrow(Rejection::internal);
        if (!canManage(userId, run)) {
            throw Rejection.notAuthorized();
        }
        if (requireActive && run.isFinished()) {
            throw Rejection.finished();
        }
        return run;
    }

    /**
     * RunFinish / RunRestore / RunChangeOwner ({@code runRequiresOwnerOrAdmin}, app/permissions_service.go):
     * manage permission, and only the owner or a system admin under {@code owner_group_only_actions}.
     * Used by handlers that check it themselves, so an unknown run is a 403 like any refusal.
     */
    public RunEntity requireOwnerAction(String userId, String runId) {
        RunEntity run = state.run(runId).orElseThrow(Rejection::notAuthorized);
        if (!canManage(userId, run) || !ownerActionAllowed(userId, run)) {
            throw Rejection.notAuthorized();
        }
        return run;
    }

    /** The {@code owner_group_only_actions} half of RunFinish for a run the caller may already manage. */
    public boolean ownerActionAllowed(String userId, RunEntity run) {
        ObjectNode playbook = state.playbooks().get(run.playbookId);
        return playbook == null || !playbook.path("owner_group_only_actions").asBoolean()
                || run.ownerUserId.equals(userId) || isSystemAdmin(userId);
    }

    /**
     * RunToggleRetrospective: a system admin, or the run owner who can read the run channel
     * (permissions_service.go {@code RunToggleRetrospective}); other participants are refused.
     */
    public boolean canToggleRetrospective(String userId, RunEntity run) {
        return isSystemAdmin(userId)
                || (state.directory().isChannelMember(run.channelId, userId) && run.ownerUserId.equals(userId));
    }

    /**
     * ChannelView ({@code HasPermissionToChannel(read_channel)}): {@code read_channel} comes from the
     * channel_user role, not from team roles, so a team member outside the channel (public or
     * private) is refused; a system admin holds it through the system role.
     */
    public boolean canReadChannel(String userId, String channelId) {
        if (state.directory().channel(channelId).isEmpty()) {
            return false;
        }
        return isSystemAdmin(userId) || state.directory().isChannelMember(channelId, userId);
    }
}
