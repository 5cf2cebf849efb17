package com.incidentconsole.timeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.incidentconsole.fx.UiTask;
import com.incidentconsole.sync.Action;
import com.incidentconsole.sync.ActionTarget;
import com.incidentconsole.sync.AddPostToTimeline;
import com.incidentconsole.sync.DeleteTimelineEvent;
import com.incidentconsole.sync.ManualTimelineEvent;
import com.incidentconsole.sync.PendingAction;
import com.incidentconsole.sync.RunCommands;
import com.incidentconsole.uitest.TestRuns;
import com.incidentconsole.uitest.TestWorkspace;
import com.incidentconsole.wire.PlaybookRun;
import com.incidentconsole.wire.Post;
import com.incidentconsole.wire.TimelineEvent;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.incidentconsole.wire.WireJson;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** The workbench's state without a screen: rows in full, filters, stars, copy, and what add and delete submit. */
class TimelineViewModelTest {

    private static final Instant NOW = TestWorkspace.NOW;
    private final TestWorkspace workspace = TestWorkspace.seeded();
    private final List<Action> submitted = new ArrayList<>();
    private final List<PendingAction> pending = new ArrayList<>();
    private final java.util.Map<String, Post> posts = new java.util.HashMap<>();
    private final TimelineViewModel model = new TimelineViewModel(ResourceBundle.getBundle("i18n.messages"),
            workspace.users()::displayName, ZoneOffset.UTC);

    private final RunCommands commands = new RunCommands() {
        @Override
        public CompletableFuture<Void> submit(Action action) {
            submitted.add(action);
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public CompletableFuture<Void> retry(ActionTarget target) {
            return CompletableFuture.completedFuture(null);
        }
    };

    private PlaybookRun dbOutage() {
        return workspace.runs().get(TestWorkspace.DB_OUTAGE).orElseThrow();
    }

    private void attach() {
        model.attach(new TimelineViewModel.Services(commands, () -> "u-me", () -> pending, Optional::empty,
                UiTask.DIRECT, UiTask.DIRECT, UiTask.DIRECT, channel -> List.of(), posts::get, () -> NOW));
    }

    /** The run with one more event (a long post text in its details) at {@code at}. */
    private static PlaybookRun withEvent(PlaybookRun run, String id, String type, String summary, String details, long at) {
        JsonMapper mapper = WireJson.newMapper();
        ObjectNode tree = mapper.valueToTree(run);
        tree.withArray("timeline_events").addObject().put("id", id).put("event_at", at).put("event_type", type)
                .put("summary", summary).put("details", details).put("creator_user_id", "u-bob");
        return mapper.convertValue(tree, PlaybookRun.class);
    }

    private List<String> ids() {
        return model.rows().stream().map(TimelineRow::id).toList();
    }

    @Test
    void eventsReadOldestFirstWithLabelsAuthorsAndPlainText() {
        model.show(dbOutage());

        assertEquals(List.of(
                new TimelineRow("e1", "incident_created", "Run started", "Nov 23 02:30", "Alice Archer", "Run started by Alice"),
                new TimelineRow("e2", "task_state_modified", "Task changed", "Nov 23 03:20", "Bob Baker", "Checked off Page the on-call DBA"),
                new TimelineRow("e3", "status_updated", "Status update", "Nov 23 03:48", "Alice Archer", "Failover in progress")),
                model.rows());
        assertEquals("3 events", model.countsProperty().get());
    }

    @Test
    void aLongTextIsShownWholeOnceExpandedAndItsDetailsAreText() {
        String log = String.join("\n", java.util.stream.IntStream.range(0, 30).mapToObj(i -> "line " + i).toList());
        model.show(withEvent(dbOutage(), "e4", TimelineEvent.EVENT_FROM_POST, "Replica logs", log, 1));
        TimelineRow collapsed = model.rows().get(0);
        assertEquals(19, collapsed.hiddenLines(), "12 of 31 lines shown, the rest counted");
        assertTrue(collapsed.text().startsWith("Replica logs\nline 0"));

        model.toggleExpanded("e4", true);
        assertEquals("Replica logs\n" + log, model.rows().get(0).text(), "nothing cut once expanded");
        assertEquals(0, model.rows().get(0).hiddenLines());
    }

    @Test
    void filtersByTypeTextAndStarsTogether() {
        attach();
        model.show(dbOutage());
        model.filterByType(TimelineEvent.STATUS_UPDATED);
        assertEquals(List.of("e3"), ids());
        assertEquals("1 of 3 events · Status update", model.countsProperty().get());

        model.filterByType("");
        model.filterByText("bob");
        assertEquals(List.of("e2"), ids(), "the author's name matches too");
        model.filterByText("FAILOVER");
        assertEquals(List.of("e3"), ids(), "any case");

        model.clearFilter();
        model.toggleStar(List.of("e1", "e3"));
        model.toggleStarredOnly();
        assertEquals(List.of("e1", "e3"), ids());
        assertTrue(model.rows().stream().allMatch(TimelineRow::starred));
        model.toggleStar(List.of("e1", "e3"));
        assertEquals(List.of(), ids(), "all were starred: the same key unstars them");
    }

    @Test
    void theTypeChoicesAreTheRunsTypesWithCounts() {
        model.show(dbOutage());
        assertEquals(List.of("Run started (1)", "Task changed (1)", "Status update (1)"), model.typeChoices().stream()
                .map(c -> c.label() + " (" + c.count() + ")").toList());
    }

    @Test
    void copiesTheSelectedAsTheRetrospectiveWordsThem() {
        model.show(dbOutage());
        assertEquals("""
                - **2026-11-23 03:20 Z** · Task · Bob Baker — Checked off Page the on-call DBA
                - **2026-11-23 03:48 Z** · Status update · Alice Archer — Failover in progress

                """, model.copy(List.of("e3", "e2")));
        assertEquals("Copied 2 events as Markdown.", model.noticeProperty().get());
        model.filterByType(TimelineEvent.INCIDENT_CREATED);
        assertTrue(model.copy(List.of()).contains("Run started by Alice"), "none selected: every event shown");
    }

    @Test
    void deleteAsksFirstThenGoesThroughTheOutbox() {
        attach();
        model.show(dbOutage());
        model.askDelete("e2");
        assertEquals("Delete “Checked off Page the on-call DBA” from the timeline?", model.questionProperty().get());
        assertTrue(submitted.isEmpty());
        model.confirm();
        DeleteTimelineEvent delete = assertInstanceOf(DeleteTimelineEvent.class, submitted.get(0));
        assertEquals("e2", delete.eventId());
        assertEquals("", model.questionProperty().get());
        assertFalse(ids().contains("e2"), "accepted by the server: not shown even before the run's event arrives");
    }

    @Test
    void aManualEventIsSubmittedWithItsTimeAndABadTimeStaysInTheForm() {
        attach();
        model.show(dbOutage());
        model.openManual();
        model.form().summaryProperty().set("Customer comms sent");
        model.form().detailsProperty().set("Status page updated.");
        model.form().timeProperty().set("25:00");
        assertFalse(model.submitForm());
        assertTrue(model.form().errorProperty().get().contains("is not a time"), model.form().errorProperty().get());
        assertTrue(model.form().openProperty().get());

        model.form().timeProperty().set("2026-11-23T03:05Z");
        assertTrue(model.submitForm());
        ManualTimelineEvent sent = assertInstanceOf(ManualTimelineEvent.class, submitted.get(0));
        assertEquals("Customer comms sent", sent.summary());
        assertEquals("Status page updated.", sent.entry().postMessage());
        assertEquals(Instant.parse("2026-11-23T03:05:00Z").toEpochMilli(), sent.at());
        assertEquals(List.of("e1", "e2", "e3"), sent.knownIds());
        assertFalse(model.form().openProperty().get());
    }

    @Test
    void aPostIsOfferedWithTheDialogsSummaryAndShownPendingUntilTheServerHasIt() {
        attach();
        model.show(dbOutage());
        Post post = new Post("p1", 5, 5, 0, 0, false, "u-bob", "ch", "", "", "Primary DB is read-only since 03:10; failing"
                + " over now", "", null, "", List.of(), "", 0, 0, List.of());
        model.openPost(post);
        assertEquals("Primary DB is read-only since 03:10; fai...", model.form().summaryProperty().get(),
                "the web app's dialog offers the first 40 characters");
        assertTrue(model.submitForm());
        AddPostToTimeline add = assertInstanceOf(AddPostToTimeline.class, submitted.get(0));
        assertEquals("p1", add.postId());
        assertEquals("u-me", add.authorId());

        pending.add(new PendingAction(add.target(), add.description(), add.desiredValue(), PendingAction.Status.PENDING,
                "", NOW));
        model.pendingChanged();
        TimelineRow last = model.rows().get(model.rows().size() - 1);
        assertTrue(last.isPendingAddition());
        assertEquals("pending", last.state());
        assertEquals("Primary DB is read-only since 03:10; fai...", last.text());
    }

    @Test
    void anEventFromAPostShowsThePostsTextWhichTheServerDoesNotKeepOnTheEvent() {
        posts.put("p7", new Post("p7", 5, 5, 0, 0, false, "u-bob", "ch", "", "", "Status page updated: EU degraded.", "",
                null, "", List.of(), "", 0, 0, List.of()));
        JsonMapper mapper = WireJson.newMapper();
        ObjectNode tree = mapper.valueToTree(dbOutage());
        tree.withArray("timeline_events").addObject().put("id", "e4").put("event_at", NOW.toEpochMilli())
                .put("event_type", TimelineEvent.EVENT_FROM_POST).put("summary", "Customer comms sent")
                .put("post_id", "p7").put("creator_user_id", "u-bob");
        attach();
        model.show(mapper.convertValue(tree, PlaybookRun.class));

        assertEquals("Customer comms sent\nStatus page updated: EU degraded.", model.rows().get(3).text());
        model.filterByText("eu degraded");
        assertEquals(List.of("e4"), ids(), "the post's text is searched too");
        assertTrue(model.copy(List.of("e4")).contains("— Customer comms sent\n  Status page updated: EU degraded."),
                "copied with the post's text");
    }

    @Test
    void anEventTypeFromANewerServerStillReadsAsWords() {
        assertEquals("Checklist item renamed", model.typeLabel("checklist_item_renamed"));
    }

    // storm (issue 18): the open run's every update carries its whole timeline again.
    @Test
    void aNewEntryIsAddedAtTheEndAndANameThatArrivesLaterStillShows() {
        java.util.Map<String, String> names = new java.util.HashMap<>(java.util.Map.of("u-alice", "u-alice"));
        TimelineViewModel timeline = new TimelineViewModel(ResourceBundle.getBundle("i18n.messages"),
                id -> names.getOrDefault(id, id), ZoneOffset.UTC);
        var e1 = TestRuns.event("e1", 1_000, "incident_created", "Run started", "u-alice");
        var e2 = TestRuns.event("e2", 2_000, "status_updated", "Failover in progress", "u-alice");
        var e3 = TestRuns.event("e3", 3_000, "status_updated", "Failover done", "u-alice");
        timeline.show(TestRuns.run(new TestRuns.RunSpec("r1", "Outage").events(e1, e2)));
        List<TimelineRow> before = List.copyOf(timeline.rows());
        List<String> changes = new ArrayList<>();
        timeline.rows().addListener((javafx.collections.ListChangeListener<TimelineRow>) c -> {
            while (c.next()) {
                changes.add((c.wasRemoved() ? "removed " + c.getRemovedSize() + " " : "")
                        + (c.wasAdded() ? "added " + c.getAddedSize() + " at " + c.getFrom() : ""));
            }
        });

        timeline.show(TestRuns.run(new TestRuns.RunSpec("r1", "Outage").events(e1, e2))); // the same again: no change
        timeline.show(TestRuns.run(new TestRuns.RunSpec("r1", "Outage").events(e1, e2, e3)));

        assertEquals(List.of("added 1 at 2"), changes, "the shown entries stay, the new one joins at the bottom");
        assertEquals(before, timeline.rows().subList(0, 2));
        assertEquals("Failover done", timeline.rows().get(2).text());

        names.put("u-alice", "Alice Archer");
        timeline.show(TestRuns.run(new TestRuns.RunSpec("r1", "Outage").events(e1, e2, e3)));
        assertEquals("Alice Archer", timeline.rows().get(0).author(), "a name loaded later replaces the id");
    }
}
