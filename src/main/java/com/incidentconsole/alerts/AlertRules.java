package com.incidentconsole.alerts;

import com.incidentconsole.sync.RunsChange;
import com.incidentconsole.wire.Checklist;
import com.incidentconsole.wire.ChecklistItem;
import com.incidentconsole.wire.PlaybookRun;
import com.incidentconsole.wire.TimelineEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The notification rules (docs/adr/0028), as a pure state machine: fed the run store's changes and the clock, it
 * answers which alerts are due. It keeps the last run it saw of each id, so a change is judged against what the
 * user last had, and which due times have been announced, so "due soon" and "overdue" come once per due time.
 *
 * <p>Nothing is said about old state: a run seen for the first time is taken as it is (what it already reached —
 * overdue, assigned to me — is not announced), and an event stamped before the session started (the cache and the
 * first load catching up on what happened while the app was closed) is not news. A {@code reset} (a resync that
 * replaced everything) is taken the same way. Events after the start that arrive late, after an outage, are
 * announced: the user has not seen them. Nothing is said about the user's own actions.
 *
 * <p>Not thread-safe: one thread feeds it ({@link AlertDesk}).
 */
public final class AlertRules {

    /** How long before the due time "update due soon" is said. */
    public static final Duration DUE_SOON = Duration.ofMinutes(5);
    /** Server and local clocks differ; an event this much before the session start is still counted as new. */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(2);

    private final String me;
    private final Set<String> myTeams;
    private final Predicate<String> followsPlaybook;
    private final Function<PlaybookRun, Optional<Instant>> nextUpdateDue;
    private final long newSince;
    private final Map<String, PlaybookRun> seen = new HashMap<>();
    private final Map<String, DueState> dues = new HashMap<>();

    /**
     * @param me the signed-in user's id
     * @param myTeams the teams whose new runs are announced
     * @param followsPlaybook whether the user follows a playbook (by id), whose new runs are announced too; the
     *        client does not load playbook follows yet, so the composition root passes {@code id -> false}
     * @param nextUpdateDue when a run's next status update is due (the status cadence, {@link com.incidentconsole.cadence.UpdateCadence#nextUpdateDue})
     * @param sessionStart when this session began watching; older events are old state
     */
    public AlertRules(String me, Set<String> myTeams, Predicate<String> followsPlaybook,
            Function<PlaybookRun, Optional<Instant>> nextUpdateDue, Instant sessionStart) {
        this.me = Objects.requireNonNull(me);
        this.myTeams = Set.copyOf(myTeams);
        this.followsPlaybook = Objects.requireNonNull(followsPlaybook);
        this.nextUpdateDue = Objects.requireNonNull(nextUpdateDue);
        this.newSince = sessionStart.minus(CLOCK_SKEW).toEpochMilli();
    }

    /** The alerts a change of the run store gives, time-based ones included (a due time may have moved). */
    public List<Alert> changed(RunsChange change, Instant now) {
        List<Alert> alerts = new ArrayList<>();
        if (change.reset()) {
            Set<String> kept = new HashSet<>();
            for (PlaybookRun run : change.upserted()) {
                kept.add(run.id());
                if (seen.put(run.id(), run) == null) {
                    firstSight(run, now);
                }
            }
            seen.keySet().retainAll(kept);
            dues.keySet().retainAll(kept);
            return alerts;
        }
        for (String id : change.removed()) {
            seen.remove(id);
            dues.remove(id);
        }
        for (PlaybookRun run : change.upserted()) {
            PlaybookRun before = seen.put(run.id(), run);
            if (before == null) {
                newRun(run, now).ifPresent(alerts::add);
                firstSight(run, now);
            } else {
                madeOwner(before, run, now).ifPresent(alerts::add);
                alerts.addAll(assignedToMe(before, run, now));
                alerts.addAll(updateRequested(before, run, now));
            }
            timed(run, now, alerts);
        }
        return alerts;
    }

    /** The time-based alerts that have come due since the last call: call it every few seconds. */
    public List<Alert> tick(Instant now) {
        List<Alert> alerts = new ArrayList<>();
        for (PlaybookRun run : seen.values()) {
            timed(run, now, alerts);
        }
        alerts.sort(Comparator.comparing(Alert::runId));
        return alerts;
    }

    private void firstSight(PlaybookRun run, Instant now) {
        // What the run has already reached is old news: marked as said without saying it.
        timed(run, now, new ArrayList<>());
    }

    private void timed(PlaybookRun run, Instant now, List<Alert> out) {
        Optional<Instant> due = nextUpdateDue.apply(run);
        if (due.isEmpty()) {
            dues.remove(run.id());
            return;
        }
        DueState state = dues.get(run.id());
        if (state == null || !state.due.equals(due.get())) {
            // A new due time (a post, a snooze, a changed cadence) re-arms both alerts. The first time a run is
            // seen, its state is recorded by firstSight, which discards what fires.
            state = new DueState(due.get());
            dues.put(run.id(), state);
        }
        boolean mine = me.equals(run.ownerUserId());
        if (!state.overdueSaid && !now.isBefore(state.due)) {
            state.overdueSaid = true;
            state.soonSaid = true;
            if (mine) {
                out.add(Alert.timed(AlertKind.OVERDUE, run.id(), run.name(), state.due, now));
            }
        } else if (!state.soonSaid && !now.isBefore(state.due.minus(DUE_SOON))) {
            state.soonSaid = true;
            if (mine) {
                out.add(Alert.timed(AlertKind.DUE_SOON, run.id(), run.name(), state.due, now));
            }
        }
    }

    private Optional<Alert> newRun(PlaybookRun run, Instant now) {
        if (run.createAt() < newSince || me.equals(run.reporterUserId())) {
            return Optional.empty();
        }
        if (me.equals(run.ownerUserId())) {
            return Optional.of(Alert.of(AlertKind.MADE_OWNER, run.id(), run.name(), "", run.reporterUserId(), now));
        }
        if (myTeams.contains(run.teamId()) || (!run.playbookId().isEmpty() && followsPlaybook.test(run.playbookId()))) {
            return Optional.of(Alert.of(AlertKind.RUN_STARTED, run.id(), run.name(), "", run.reporterUserId(), now));
        }
        return Optional.empty();
    }

    /** {@code ChangeOwner} writes an {@code owner_changed} event: subject the new owner, creator who changed it. */
    private Optional<Alert> madeOwner(PlaybookRun before, PlaybookRun after, Instant now) {
        if (me.equals(before.ownerUserId()) || !me.equals(after.ownerUserId())) {
            return Optional.empty();
        }
        Optional<TimelineEvent> event = newEvents(before, after, TimelineEvent.OWNER_CHANGED).stream()
                .max(Comparator.comparingLong(TimelineEvent::eventAt));
        String actor = event.map(TimelineEvent::creatorUserId).orElse("");
        long when = event.map(TimelineEvent::eventAt).orElse(after.updateAt());
        if (me.equals(actor) || when < newSince) {
            return Optional.empty();
        }
        return Optional.of(Alert.of(AlertKind.MADE_OWNER, after.id(), after.name(), "", actor, now));
    }

    /**
     * An item whose assignee became me. The server's {@code assignee_changed} event names the user who made the
     * change as its <em>subject</em> ({@code SetAssignee}); the one stamped with the item's
     * {@code assignee_modified} is that item's.
     */
    private List<Alert> assignedToMe(PlaybookRun before, PlaybookRun after, Instant now) {
        Map<String, ChecklistItem> earlier = new HashMap<>();
        for (Checklist list : before.checklists()) {
            for (ChecklistItem item : list.items()) {
                earlier.put(item.id(), item);
            }
        }
        List<TimelineEvent> events = newEvents(before, after, TimelineEvent.ASSIGNEE_CHANGED);
        List<Alert> alerts = new ArrayList<>();
        for (Checklist list : after.checklists()) {
            for (ChecklistItem item : list.items()) {
                ChecklistItem was = earlier.get(item.id());
                if (!me.equals(item.assigneeId()) || (was != null && me.equals(was.assigneeId()))
                        || item.assigneeModified() < newSince) {
                    continue;
                }
                String actor = events.stream().filter(e -> e.eventAt() == item.assigneeModified()).findFirst()
                        .or(() -> events.stream().max(Comparator.comparingLong(TimelineEvent::eventAt)))
                        .map(TimelineEvent::subjectUserId).orElse("");
                if (!me.equals(actor)) {
                    alerts.add(Alert.of(AlertKind.TASK_ASSIGNED, after.id(), after.name(), item.title(), actor, now));
                }
            }
        }
        return alerts;
    }

    /**
     * {@code RequestUpdate} posts in the run's channel and writes a {@code status_update_requested} event whose
     * creator is the requester; the update is asked of the owner.
     */
    private List<Alert> updateRequested(PlaybookRun before, PlaybookRun after, Instant now) {
        if (!me.equals(after.ownerUserId())) {
            return List.of();
        }
        return newEvents(before, after, TimelineEvent.STATUS_UPDATE_REQUESTED).stream()
                .filter(e -> e.eventAt() >= newSince && !me.equals(e.creatorUserId()))
                .map(e -> Alert.of(AlertKind.UPDATE_REQUESTED, after.id(), after.name(), "", e.creatorUserId(), now))
                .toList();
    }

    private static List<TimelineEvent> newEvents(PlaybookRun before, PlaybookRun after, String type) {
        Set<String> known = new HashSet<>();
        before.timelineEvents().forEach(e -> known.add(e.id()));
        return after.timelineEvents().stream()
                .filter(e -> type.equals(e.eventType()) && e.deleteAt() == 0 && !known.contains(e.id()))
                .toList();
    }

    private static final class DueState {
        final Instant due;
        boolean soonSaid;
        boolean overdueSaid;

        DueState(Instant due) {
            this.due = due;
        }
    }
}
