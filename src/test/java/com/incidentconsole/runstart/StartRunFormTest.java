package com.incidentconsole.runstart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.incidentconsole.channels.ChannelDirectory;
import com.incidentconsole.sync.PlaybookDirectory;
import com.incidentconsole.sync.StartRun;
import com.incidentconsole.sync.UserDirectory;
import com.incidentconsole.wire.Channel;
import com.incidentconsole.wire.Playbook;
import com.incidentconsole.wire.Team;
import com.incidentconsole.wire.User;
import com.incidentconsole.wire.WireJson;
import java.util.List;
import java.util.Optional;
import java.util.ResourceBundle;
import org.junit.jupiter.api.Test;

/** The start form without its controls: fuzzy choices, the server's defaults, and words for what is missing. */
class StartRunFormTest {

    private final JsonMapper mapper = WireJson.newMapper();
    private final PlaybookDirectory playbooks = new PlaybookDirectory();
    private final UserDirectory users = new UserDirectory();
    private final ChannelDirectory channels = new ChannelDirectory(team -> List.of(
            read("{\"id\":\"ch1\",\"team_id\":\"t1\",\"type\":\"O\",\"name\":\"incidents\",\"display_name\":\"Incidents\"}",
                    Channel.class),
            read("{\"id\":\"ch2\",\"team_id\":\"t1\",\"type\":\"O\",\"name\":\"town-square\",\"display_name\":\"Town Square\"}",
                    Channel.class)), Runnable::run);
    private final User me = read("{\"id\":\"u-me\",\"username\":\"alex.rivera\",\"first_name\":\"Alex\",\"last_name\":\"Rivera\"}",
            User.class);
    private final StartRunForm form;

    StartRunFormTest() {
        users.putAll(List.of(me, read("{\"id\":\"u-pri\",\"username\":\"priya\",\"first_name\":\"Priya\","
                + "\"last_name\":\"Natarajan\"}", User.class)));
        playbooks.putAll(List.of(
                read("{\"id\":\"pb1\",\"team_id\":\"t1\",\"title\":\"Incident Resolution\"}", Playbook.class),
                read("{\"id\":\"pb2\",\"team_id\":\"t1\",\"title\":\"Security Incident\",\"default_owner_enabled\":true,"
                        + "\"default_owner_id\":\"u-pri\",\"run_summary_template_enabled\":true,"
                        + "\"run_summary_template\":\"**Impact:**\"}", Playbook.class),
                read("{\"id\":\"pb3\",\"team_id\":\"t2\",\"title\":\"Incident Resolution (Ops)\"}", Playbook.class)));
        channels.refresh(List.of("t1"));
        List<Team> teams = List.of(read("{\"id\":\"t1\",\"display_name\":\"Acme\",\"name\":\"acme\"}", Team.class),
                read("{\"id\":\"t2\",\"display_name\":\"Ops\",\"name\":\"ops\"}", Team.class));
        form = new StartRunForm(() -> teams, playbooks, users, channels, () -> me,
                ResourceBundle.getBundle("i18n.messages"));
        form.reset(Optional.empty());
    }

    private <T> T read(String json, Class<T> type) {
        try {
            return mapper.readValue(json, type);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aFewLettersPickThePlaybookOfTheTeamAndIAmTheOwner() {
        form.playbookQueryProperty().set("inc res");
        form.nameProperty().set("  Acme EU app servers degraded ");

        StartRun start = form.toAction().orElseThrow();
        assertEquals("→ Incident Resolution", form.playbookChoiceProperty().get());
        assertEquals(new StartRun("t1", start.startKey(), "pb1", "Acme EU app servers degraded", "", "u-me", "", "u-me"),
                start, "the first team, my own run, a new channel");
    }

    @Test
    void aPlaybooksDefaultOwnerAndSummaryTemplateAreFilledInUntilTheUserTypes() {
        form.playbookQueryProperty().set("secur");
        assertEquals("→ Priya Natarajan", form.ownerChoiceProperty().get());
        assertEquals("**Impact:**", form.summaryProperty().get());

        form.summaryProperty().set("**Impact:** EU only");
        form.playbookQueryProperty().set("inc res");
        assertEquals("**Impact:** EU only", form.summaryProperty().get(), "what the user typed is never replaced");
        form.ownerQueryProperty().set("alex");
        assertTrue(form.ownerChoiceProperty().get().startsWith("→ Alex Rivera"));
    }

    @Test
    void aChecklistWithoutAPlaybookNeedsAnExistingChannelAndSaysSo() {
        form.nameProperty().set("Flaky deploys");
        assertTrue(form.toAction().isEmpty());
        assertTrue(form.problemProperty().get().contains("existing channel"), form.problemProperty().get());

        form.existingChannelProperty().set(true);
        form.channelQueryProperty().set("town");
        assertEquals("→ ~town-square  (Town Square)", form.channelChoiceProperty().get());
        StartRun start = form.toAction().orElseThrow();
        assertEquals("", start.playbookId());
        assertEquals("ch2", start.channelId());
    }

    @Test
    void nothingMatchingOrNoNameIsRefusedWithWordsAndNothingTypedIsLost() {
        form.playbookQueryProperty().set("zzz");
        form.nameProperty().set("Acme");
        assertTrue(form.toAction().isEmpty());
        assertTrue(form.problemProperty().get().startsWith("No playbook"), form.problemProperty().get());
        assertEquals("zzz", form.playbookQueryProperty().get());

        form.playbookQueryProperty().set("incident res");
        form.nameProperty().set(" ");
        assertTrue(form.toAction().isEmpty());
        assertEquals("Give the run a name.", form.problemProperty().get());
    }
}
