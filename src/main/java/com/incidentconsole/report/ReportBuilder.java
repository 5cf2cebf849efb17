package com.incidentconsole.report;

import com.incidentconsole.report.ReportDocument.Block;
import com.incidentconsole.report.ReportDocument.Fact;
import com.incidentconsole.report.ReportDocument.Facts;
import com.incidentconsole.report.ReportDocument.Markdown;
import com.incidentconsole.report.ReportDocument.Note;
import com.incidentconsole.report.ReportDocument.Section;
import com.incidentconsole.report.ReportDocument.Subheading;
import com.incidentconsole.report.ReportDocument.Table;
import com.incidentconsole.wire.Checklist;
import com.incidentconsole.wire.ChecklistItem;
import com.incidentconsole.wire.PlaybookMetricConfig;
import com.incidentconsole.wire.PlaybookRun;
import com.incidentconsole.wire.RunMetricData;
import com.incidentconsole.wire.StatusPostComplete;
import com.incidentconsole.wire.TimelineEvent;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What a run report says, in this order: the run's facts, its summary, every checklist item with who closed it
 * and when, the status updates in full, the timeline, the retrospective and its metrics against their targets.
 * A section with nothing in it says so rather than vanishing, so a reader can tell "none" from "missing".
 */
public final class ReportBuilder {

    public ReportDocument build(ReportInput input) {
        PlaybookRun run = input.run();
        List<Section> sections = List.of(
                overview(input),
                new Section("Summary", run.summary().isBlank() ? List.of(new Note("No summary was written."))
                        : List.of(new Markdown(run.summary()))),
                checklists(input),
                statusUpdates(input),
                timeline(input),
                retrospective(input));
        String subtitle = (run.isFinished() ? "Finished" : "In progress")
                + (input.playbookTitle().isEmpty() ? "" : " · " + input.playbookTitle());
        return new ReportDocument(run.name(), subtitle, sections,
                "Report generated " + ReportWords.time(input.generatedAt().toEpochMilli(), input.zone())
                        + " by Incident Console");
    }

    private static Section overview(ReportInput input) {
        PlaybookRun run = input.run();
        List<Fact> facts = new ArrayList<>();
        facts.add(new Fact("Status", run.isFinished() ? "Finished" : "In progress"));
        facts.add(new Fact("Owner", input.name(run.ownerUserId())));
        facts.add(new Fact("Participants", run.participantIds().isEmpty() ? "none"
                : run.participantIds().stream().map(input::name).collect(Collectors.joining(", "))));
        facts.add(new Fact("Playbook", input.playbookTitle().isEmpty() ? "none (a channel checklist)"
                : input.playbookTitle()));
        facts.add(new Fact("Started", ReportWords.time(run.createAt(), input.zone())));
        facts.add(new Fact("Ended", run.endAt() > 0 ? ReportWords.time(run.endAt(), input.zone()) : "not yet"));
        long end = run.endAt() > 0 ? run.endAt() : input.generatedAt().toEpochMilli();
        facts.add(new Fact("Duration", ReportWords.duration(end - run.createAt())
                + (run.endAt() > 0 ? "" : " so far")));
        return new Section("Overview", List.of(new Facts(facts)));
    }

    private static Section checklists(ReportInput input) {
        List<Block> blocks = new ArrayList<>();
        List<TimelineEvent> taskEvents = input.run().timelineEvents().stream()
                .filter(e -> TimelineEvent.TASK_STATE_MODIFIED.equals(e.eventType()) && e.deleteAt() == 0)
                .sorted(Comparator.comparingLong(TimelineEvent::eventAt)).toList();
        for (Checklist checklist : input.run().checklists()) {
            blocks.add(new Subheading(checklist.title().isBlank() ? "(untitled checklist)" : checklist.title()));
            if (checklist.items().isEmpty()) {
                blocks.add(new Note("No items."));
                continue;
            }
            List<List<String>> rows = new ArrayList<>();
            for (ChecklistItem item : checklist.items()) {
                Optional<TimelineEvent> change = lastChange(taskEvents, item);
                boolean settled = ChecklistItem.CLOSED.equals(item.state()) || ChecklistItem.SKIPPED.equals(item.state());
                rows.add(List.of(item.title(), ReportWords.itemState(item.state()), input.name(item.assigneeId()),
                        settled ? change.map(e -> input.name(e.subjectUserId())).orElse("") : "",
                        settled && item.stateModified() > 0 ? ReportWords.time(item.stateModified(), input.zone()) : ""));
            }
            blocks.add(new Table(List.of("Item", "State", "Assignee", "Closed by", "When"), rows));
        }
        if (blocks.isEmpty()) {
            blocks.add(new Note("The run has no checklists."));
        }
        return new Section("Checklists", blocks);
    }

    /**
     * The timeline names an item by its title in bold ({@code checked off checklist item **Title**}); the last
     * such event at or before the item's state change says who made it.
     */
    private static Optional<TimelineEvent> lastChange(List<TimelineEvent> taskEvents, ChecklistItem item) {
        String bold = "**" + item.title().replace("**", "") + "**";
        TimelineEvent found = null;
        for (TimelineEvent event : taskEvents) {
            if (event.eventAt() <= item.stateModified() && event.summary().contains(bold)) {
                found = event;
            }
        }
        return Optional.ofNullable(found);
    }

    private static Section statusUpdates(ReportInput input) {
        if (input.statusUpdatesUnavailable()) {
            long posted = input.run().statusPosts().stream().filter(p -> p.deleteAt() == 0).count();
            return new Section("Status updates", List.of(new Note("Status update text is unavailable: this report was "
                    + "made offline from the local copy of the run" + (posted > 0 ? " (" + posted
                    + " update" + (posted == 1 ? " was" : "s were") + " posted)" : "") + ". Export again when connected "
                    + "to include it.")));
        }
        List<StatusPostComplete> updates = input.statusUpdates().stream().filter(u -> u.deleteAt() == 0)
                .sorted(Comparator.comparingLong(StatusPostComplete::createAt)).toList();
        if (updates.isEmpty()) {
            return new Section("Status updates", List.of(new Note("No status updates were posted.")));
        }
        List<Block> blocks = new ArrayList<>();
        for (StatusPostComplete update : updates) {
            String author = update.authorUserName().isEmpty() ? "" : " — @" + update.authorUserName();
            blocks.add(new Subheading(ReportWords.time(update.createAt(), input.zone()) + author));
            blocks.add(new Markdown(update.message()));
        }
        return new Section("Status updates", blocks);
    }

    private static Section timeline(ReportInput input) {
        List<TimelineEvent> events = input.run().timelineEvents().stream().filter(e -> e.deleteAt() == 0)
                .sorted(Comparator.comparingLong(TimelineEvent::eventAt)).toList();
        if (events.isEmpty()) {
            return new Section("Timeline", List.of(new Note("The timeline is empty.")));
        }
        List<List<String>> rows = new ArrayList<>();
        for (TimelineEvent event : events) {
            String actor = !event.creatorUserId().isEmpty() ? event.creatorUserId() : event.subjectUserId();
            rows.add(List.of(ReportWords.time(event.eventAt(), input.zone()), ReportWords.eventType(event.eventType()),
                    ReportWords.plain(event.summary()) + (event.details().isBlank() || event.details().startsWith("{")
                            ? "" : " — " + event.details()),
                    input.name(actor)));
        }
        return new Section("Timeline", List.of(new Table(List.of("When", "Type", "What", "Who"), rows)));
    }

    private static Section retrospective(ReportInput input) {
        PlaybookRun run = input.run();
        List<Block> blocks = new ArrayList<>();
        if (run.retrospectiveWasCanceled()) {
            blocks.add(new Note("The retrospective was canceled."));
        } else if (run.retrospective().isBlank()) {
            blocks.add(new Note("No retrospective was written."));
        } else {
            blocks.add(new Note(run.retrospectivePublishedAt() > 0
                    ? "Published " + ReportWords.time(run.retrospectivePublishedAt(), input.zone()) + "."
                    : "Not published yet (a draft)."));
            blocks.add(new Markdown(run.retrospective()));
        }
        blocks.add(new Subheading("Metrics"));
        if (input.metrics().isEmpty()) {
            blocks.add(new Note("The playbook defines no metrics."));
        } else {
            Map<String, Long> values = run.metricsData().stream().filter(m -> m.value() != null)
                    .collect(Collectors.toMap(RunMetricData::metricConfigId, RunMetricData::value, (a, b) -> b));
            List<List<String>> rows = new ArrayList<>();
            for (PlaybookMetricConfig metric : input.metrics()) {
                Long value = values.get(metric.id());
                rows.add(List.of(metric.title(), value == null ? "not entered" : ReportWords.metricValue(metric.type(), value),
                        metric.target() == null ? "" : ReportWords.metricValue(metric.type(), metric.target()),
                        ReportWords.againstTarget(metric.type(), value, metric.target()), metric.description()));
            }
            blocks.add(new Table(List.of("Metric", "Value", "Target", "Against target", "Description"), rows));
        }
        return new Section("Retrospective", blocks);
    }
}
