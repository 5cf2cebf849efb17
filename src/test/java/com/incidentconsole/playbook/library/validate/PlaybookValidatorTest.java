package com.incidentconsole.playbook.library.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.incidentconsole.playbook.library.Fixtures;
import com.incidentconsole.playbook.library.PlaybookFile;
import com.incidentconsole.wire.WireJson;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PlaybookValidatorTest {

    private final PlaybookValidator validator = new PlaybookValidator();

    @ParameterizedTest
    @ValueSource(strings = {Fixtures.INCIDENT, Fixtures.RELEASE, Fixtures.BUG_BASH, Fixtures.SECURITY})
    void fixturesHaveNoErrors(String name) {
        List<Problem> problems = validator.validate(Fixtures.file(name));
        assertTrue(problems.stream().noneMatch(Problem::isError), problems.toString());
    }

    /** Each row sets one field of a valid playbook (the incident fixture) and expects exactly that finding. */
    @ParameterizedTest(name = "{0} = {1} → {2} at {3}")
    @CsvSource(delimiter = '|', textBlock = """
            version                                   | 2                        | ERROR   | version                                   | must be 1
            version                                   | <remove>                 | ERROR   | version                                   | must be 1
            id                                        | "abc"                    | ERROR   | id                                        | must not be present
            title                                     | "  "                     | ERROR   | title                                     | is required
            title                                     | 42                       | ERROR   | title                                     | must be a string
            reminder_timer_default_seconds            | 0                        | ERROR   | reminder_timer_default_seconds            | more than 0
            run_number_prefix                         | "INC_2"                  | ERROR   | run_number_prefix                         | letters, digits and hyphens
            run_number_prefix                         | "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456" | ERROR | run_number_prefix                 | at most 32
            run_number_prefix                         | "-INC-"                  | WARNING | run_number_prefix                         | will store "INC"
            channel_name_template                     | "   "                    | ERROR   | channel_name_template                     | whitespace
            channel_mode                              | "new_channel"            | ERROR   | channel_mode                              | must be create_new_channel
            metrics[1].title                          | "Time to resolve"        | ERROR   | metrics[1].title                          | unique
            metrics[0].type                           | "metric_percent"         | ERROR   | metrics[0].type                           | must be metric_duration
            metrics[0].target                         | -5                       | ERROR   | metrics[0].target                         | not be negative
            checklists[1].title                       | ""                       | ERROR   | checklists[1].title                       | is required
            checklists[0].items[2].title              | ""                       | ERROR   | checklists[0].items[2].title              | is required
            checklists[0].items[2].title              | "Start bridge call"      | WARNING | checklists[0].items[2].title              | already has an item
            checklists[0].items[1].command            | "zoom start"             | WARNING | checklists[0].items[1].command            | does not start with '/'
            checklists[0].items[1].due_date           | -60000                   | WARNING | checklists[0].items[1].due_date           | negative
            checklists[0].items[1].due_date           | "tomorrow"               | ERROR   | checklists[0].items[1].due_date           | whole number
            checklists[0].items[1].assignee_type      | "boss"                   | WARNING | checklists[0].items[1].assignee_type      | not one of
            checklists[0].items[1].assignee_id        | "u1"                     | ERROR   | checklists[0].items[1].assignee_id        | invite_users_enabled
            checklists[0].items[1].condition_id       | "c9"                     | WARNING | checklists[0].items[1].condition_id       | not in this file's conditions
            checklists[0].items[1].assignee_type      | "property_user"          | WARNING | checklists[0].items[1].assignee_property_field_id | user property field
            checklists[0].items[1].task_actions       | [{},{},{},{},{},{},{},{},{},{},{}] | ERROR | checklists[0].items[1].task_actions | at most 10
            run_summary_template                      | ""                       | WARNING | run_summary_template                      | summary template is enabled
            categorize_channel_enabled                | true                     | WARNING | category_name                             | category name is empty
            checklists[1].items                       | []                       | WARNING | checklists[1].items                       | no items
            retrospective_template                    | ""                       | WARNING | retrospective_template                    | template is empty
            message_on_join                           | ""                       | WARNING | message_on_join                           | welcome message
            signal_any_keywords                       | []                       | WARNING | signal_any_keywords                       | no keywords
            checklists[0].items[1].condition_action   | "shown"                  | WARNING | checklists[0].items[1].condition_action   | not one of
            checklists[0].items[1].condition_action   | "hidden"                 | WARNING | checklists[0].items[1].condition_action   | dropped on import
            channel_id                                | "town-square"            | WARNING | channel_id                                | does not look like a channel id
            invite_users_enabled                      | "yes"                    | ERROR   | invite_users_enabled                      | true or false
            invite_users_enabled                      | true                     | WARNING | invited_user_ids                          | nobody is invited
            invited_user_ids                          | ["alex.rivera"]          | WARNING | invited_user_ids[0]                       | does not look like a user id
            invited_group_ids                         | "sre"                    | ERROR   | invited_group_ids                         | list of strings
            default_owner_enabled                     | true                     | WARNING | default_owner_id                          | no user is set
            default_owner_id                          | "alex"                   | WARNING | default_owner_id                          | does not look like a user id
            broadcast_channel_ids                     | ["town-square"]          | WARNING | broadcast_channel_ids[0]                  | does not look like a channel id
            webhook_on_creation_urls                  | ["hooks.example.com"]    | WARNING | webhook_on_creation_urls[0]               | rejected as soon as
            """)
    void eachRuleReportsTheFieldAndWhy(String path, String json, Severity severity, String expectedPath,
            String fragment) throws Exception {
        ObjectNode doc = Fixtures.file(Fixtures.INCIDENT).json();
        set(doc, path, json);
        List<Problem> problems = validator.validate(PlaybookFile.of(doc));
        assertEquals(1, problems.size(), problems.toString());
        Problem problem = problems.get(0);
        assertEquals(severity, problem.severity());
        assertEquals(expectedPath, problem.path());
        assertTrue(problem.message().contains(fragment), problem.message());
    }

    @Test
    void reminderTimerIsOnlyAWarningWhenStatusUpdatesAreOff() {
        ObjectNode doc = Fixtures.file(Fixtures.INCIDENT).json();
        doc.put("status_update_enabled", false);
        doc.remove("reminder_timer_default_seconds");
        List<Problem> problems = validator.validate(PlaybookFile.of(doc));
        assertEquals(List.of(Severity.WARNING), problems.stream().map(Problem::severity).toList());
        assertEquals("reminder_timer_default_seconds", problems.get(0).path());
    }

    @Test
    void linkingAnExistingChannelWithoutAChannelIsAWarning() {
        ObjectNode doc = Fixtures.file(Fixtures.INCIDENT).json();
        doc.put("channel_mode", "link_existing_channel");
        List<Problem> problems = validator.validate(PlaybookFile.of(doc));
        assertEquals(List.of("channel_id"), problems.stream().map(Problem::path).toList());
    }

    @Test
    void moreThanFourMetricsIsAnError() {
        PlaybookFile file = Fixtures.file(Fixtures.INCIDENT).withMetricAdded("A", "metric_integer")
                .withMetricAdded("B", "metric_integer").withMetricAdded("C", "metric_integer");
        assertEquals(List.of("metrics"), errorPaths(file));
    }

    @Test
    void categoryNameIsLimitedTo22BytesWhenCategorisationIsOn() throws Exception {
        ObjectNode doc = Fixtures.file(Fixtures.INCIDENT).json();
        doc.put("categorize_channel_enabled", true);
        doc.put("category_name", "Incidents — très sévères");
        assertEquals(List.of("category_name"), errorPaths(PlaybookFile.of(doc)));
        doc.put("categorize_channel_enabled", false);
        assertEquals(List.of(), errorPaths(PlaybookFile.of(doc)));
    }

    @Test
    void newChannelOnlyCannotLinkAnExistingChannel() {
        ObjectNode doc = Fixtures.file(Fixtures.INCIDENT).json();
        doc.put("channel_mode", "link_existing_channel");
        doc.put("channel_id", "c1");
        doc.put("new_channel_only", true);
        assertEquals(List.of("new_channel_only"), errorPaths(PlaybookFile.of(doc)));
    }

    @Test
    void webhooksMustBeHttpAndPresentWhenEnabled() {
        ObjectNode doc = Fixtures.file(Fixtures.INCIDENT).json();
        doc.put("webhook_on_creation_enabled", true);
        doc.putArray("webhook_on_creation_urls").add("https://hooks.example.com/a").add("ftp://x/y");
        doc.put("webhook_on_status_update_enabled", true);
        doc.put("broadcast_enabled", true);
        List<Problem> problems = validator.validate(PlaybookFile.of(doc));
        assertEquals(List.of("webhook_on_creation_urls[1]"), errorPaths(PlaybookFile.of(doc)));
        assertTrue(problems.stream().anyMatch(p -> p.path().equals("webhook_on_status_update_urls")));
        assertTrue(problems.stream().anyMatch(p -> p.path().equals("broadcast_channel_ids")));
    }

    @Test
    void broadcastingToSomethingThatIsNotAChannelIdIsRefused() {
        ObjectNode doc = Fixtures.file(Fixtures.INCIDENT).json();
        doc.put("broadcast_enabled", true);
        doc.putArray("broadcast_channel_ids").add("4xp9fdt7pbgium38k1a5bh1t3c").add("~town-square");
        assertEquals(List.of("broadcast_channel_ids[1]"), errorPaths(PlaybookFile.of(doc)));
    }

    @Test
    void itemsReferToTheFilesPropertiesAndConditions() throws Exception {
        PlaybookFile file = Fixtures.file(Fixtures.SECURITY);
        assertEquals(List.of(), validator.validate(file), "the fixture is clean");
        ObjectNode doc = file.json();
        set(doc, "checklists[0].items[1].assignee_property_field_id", "\"a1b2c3d4e5f6g7h8j9k0m1n2p3\"");
        set(doc, "checklists[0].items[0].assignee_property_field_id", "\"k3n8w1p6q9r2s5t7u4v0x1y2z3\"");
        List<Problem> problems = validator.validate(PlaybookFile.of(doc));
        assertEquals(List.of("checklists[0].items[0].assignee_property_field_id",
                "checklists[0].items[1].assignee_property_field_id"), problems.stream().map(Problem::path).toList());
        assertTrue(problems.get(0).message().contains("is ignored"), problems.get(0).message());
        assertTrue(problems.get(1).message().contains("not a user field"), problems.get(1).message());
    }

    @Test
    void locationsAreReadable() throws Exception {
        ObjectNode doc = Fixtures.file(Fixtures.INCIDENT).json();
        set(doc, "checklists[0].items[1].command", "\"zoom start\"");
        Problem problem = validator.validate(PlaybookFile.of(doc)).get(0);
        assertEquals("checklist “Setup for triage” › item “Start bridge call” › command", problem.location());
    }

    private List<String> errorPaths(PlaybookFile file) {
        return validator.validate(file).stream().filter(Problem::isError).map(Problem::path).toList();
    }

    /** Sets {@code a.b[1].c} to a JSON literal, or removes it for {@code <remove>}. */
    static void set(ObjectNode doc, String path, String json) throws Exception {
        String[] parts = path.split("\\.");
        JsonNode node = doc;
        for (int i = 0; i < parts.length - 1; i++) {
            node = step(node, parts[i]);
        }
        String last = parts[parts.length - 1];
        ObjectNode parent = (ObjectNode) node;
        if (json.equals("<remove>")) {
            parent.remove(last);
        } else {
            parent.set(last, WireJson.newMapper().readTree(json));
        }
    }

    private static JsonNode step(JsonNode node, String part) {
        int bracket = part.indexOf('[');
        if (bracket < 0) {
            return node.get(part);
        }
        ArrayNode array = (ArrayNode) node.get(part.substring(0, bracket));
        return array.get(Integer.parseInt(part.substring(bracket + 1, part.length() - 1)));
    }
}
