package com.incidentconsole.sandbox.runs;

import com.incidentconsole.sandbox.state.Rejection;
import com.incidentconsole.sandbox.state.RunEntity;
import com.incidentconsole.sandbox.state.SandboxState;
import com.incidentconsole.wire.Checklist;
import com.incidentconsole.wire.ChecklistItem;
import com.incidentconsole.wire.PlaybookRun;
import com.incidentconsole.wire.TimelineEvent;
import com.incidentconsole.wire.User;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code POST /runs/{id}/owner} ({@code playbook_runs.go} {@code changeOwner}) and GraphQL
 * {@code changeRunOwner} ({@code graphql_root_run.go} {@code ChangeRunOwner}), both ending in
 * {@code playbook_run_service.go} {@code ChangeOwner}.
 */
public final class OwnerChange {

    /** {@code AssigneeTypeOwner} ({@code playbook.go}): resolved to the run owner. */
    static final String ASSIGNEE_OWNER = "owner";

    private final SandboxState state;
    private final Access access;
    private final RunService runs;
    private final ParticipantService participants;
    private final RunPublisher publisher;
    private final DirectMessages dms;

    public OwnerChange(SandboxState state, Access access, RunService runs, ParticipantService participants,
                       RunPublisher publisher, DirectMessages dms) {
        this.state = state;
        this.access = access;
        this.runs = runs;
        this.participants = participants;
        this.publisher = publisher;
        this.dms = dms;
    }

    /**
     * REST: {@code RunChangeOwner} (403), finished run 400 "cannot modify a finished run", then the
     * service. {@code graphQl} makes the finished-run refusal the resolver's errorable message instead.
     */
    public void change(String requester, String runId, java.util.function.Supplier<String> ownerId, boolean graphQl) {
        state.locked(() -> {
            RunEntity run = access.requireChangeOwner(requester, runId);
            if (run.isFinished()) {
                if (graphQl) {
                    throw new GraphQlErrorable("cannot modify a finished run: already ended");
                }
                throw Rejection.finished();
            }
            // The REST handler decodes the body only after these checks.
            String owner = ownerId.get();
            changeOwner(run, requester, owner == null ? "" : owner);
        });
    }

    /**
     * {@code ChangeOwner}: same owner is a no-op; an unknown user is a plain error (500); a non-member of
     * the team is {@code ErrInvalidOwner} (400 with the message). The new owner is added through
     * {@code AddParticipants(..., sendWebsocket=false)} (follower, timeline, one update from Follow);
     * items assigned to the owner role follow the new owner with one {@code assignee_changed} each; the
     * new owner gets a bot DM unless they made the change; then {@code owner_changed} and one update.
     */
    private void changeOwner(RunEntity run, String requester, String ownerId) {
        if (ownerId.equals(run.ownerUserId)) {
            return;
        }
        String oldName = state.directory().user(run.ownerUserId).map(User::username).orElse("");
        User newOwner = state.directory().user(ownerId).orElseThrow(Rejection::internal);
        User subject = state.directory().user(requester).orElseThrow(Rejection::internal);
        if (!state.directory().isTeamMember(run.teamId, ownerId)) {
            throw new Rejection(400, "user " + newOwner.username()
                    + " is not a member of the run's team and cannot be set as owner: invalid owner");
        }
        // The real originalRun is a clone of the run loaded before AddParticipants, so in incremental
        // mode the final delta carries the new participant too.
        PlaybookRun original = run.toWire();
        participants.addParticipants(run, List.of(ownerId), requester, false, false);
        long now = state.now();
        List<String> reassigned = new ArrayList<>();
        for (int n = 0; n < run.checklists.size(); n++) {
            Checklist c = run.checklists.get(n);
            List<ChecklistItem> items = new ArrayList<>();
            boolean touched = false;
            for (ChecklistItem it : c.items()) {
                if (ASSIGNEE_OWNER.equals(it.assigneeType()) && !it.assigneeId().equals(ownerId)) {
                    reassigned.add(it.title());
                    items.add(new ChecklistItem(it.id(), it.title(), it.state(), it.stateModified(), ownerId, now,
                            it.assigneeType(), it.assigneePropertyFieldId(), it.command(), it.commandLastRun(),
                            it.description(), it.lastSkipped(), it.dueDate(), it.taskActions(), it.conditionId(),
                            it.conditionAction(), it.conditionReason(), now));
                    touched = true;
                } else {
                    items.add(it);
                }
            }
            if (touched) {
                run.checklists.set(n, c.withItems(items, now));
            }
        }
        run.ownerUserId = ownerId;
        run.updateAt = now;
        for (String title : reassigned) {
            runs.timeline(run, TimelineEvent.ASSIGNEE_CHANGED, "changed assignee of checklist item **"
                    + MarkdownText.strip(title) + "** from **@" + oldName + "** to **@" + newOwner.username() + "**",
                    "", "", requester, "");
        }
        if (!ownerId.equals(requester)) {
            dms.dm(ownerId, "@" + subject.username() + " changed the owner for run: [" + run.name + "](/playbooks/runs/"
                    + run.id + ") from **@" + oldName + "** to **@" + newOwner.username() + "**");
        }
        runs.timeline(run, TimelineEvent.OWNER_CHANGED, "@" + oldName + " to @" + newOwner.username(), "", "",
                ownerId, requester);
        publisher.runUpdated(original, run);
    }
}
