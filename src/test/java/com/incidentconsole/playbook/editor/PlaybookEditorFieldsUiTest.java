package com.incidentconsole.playbook.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import atlantafx.base.theme.PrimerDark;
import com.fasterxml.jackson.databind.JsonNode;
import com.incidentconsole.app.IncidentConsoleApp;
import com.incidentconsole.playbook.library.ImportOnlySetting;
import com.incidentconsole.playbook.library.ItemField;
import com.incidentconsole.playbook.library.PlaybookFile;
import com.incidentconsole.playbook.library.PlaybookParser;
import com.incidentconsole.playbook.library.PlaybookSetting;
import com.incidentconsole.wire.WireJson;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The fields the editor gained for the whole export format (and the fields import accepts beyond it), each edited
 * with the keyboard, saved, read back from disk, and undone; their validation shows under the field.
 */
@ExtendWith(ApplicationExtension.class)
class PlaybookEditorFieldsUiTest {

    private static final String CHANNEL = "4xp9fdt7pbgium38k1a5bh1t3c";
    private static final String OTHER_CHANNEL = "9sq3ewp1mbd5xkz7tyu8a6n4rc";
    private static final String SEVERITY = "a1b2c3d4e5f6g7h8j9k0m1n2p3";
    private static final String SECURITY_LEAD = "k3n8w1p6q9r2s5t7u4v0x1y2z3";

    @TempDir
    static Path root;

    private Path folder;
    private PlaybookEditorUi ui;

    @Start
    void start(Stage stage) throws Exception {
        folder = Files.createTempDirectory(root, "library");
        EditorViewModelTest.copyFixture("incident-resolution.json", folder);
        EditorViewModelTest.copyFixture("security-incident.json", folder);
        Application.setUserAgentStylesheet(new PrimerDark().getUserAgentStylesheet());
        ui = new PlaybookEditorUi(Runnable::run, Runnable::run);
        Scene scene = new Scene(ui.build(folder), 1200, 800);
        scene.getStylesheets().add(IncidentConsoleApp.class.getResource(IncidentConsoleApp.STYLESHEET).toExternalForm());
        stage.setScene(scene);
        stage.show();
    }

    private static void waitUntil(String what, Callable<Boolean> condition) {
        try {
            WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(condition).get());
        } catch (Exception e) {
            throw new AssertionError("timed out waiting until " + what, e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Opens {@code file} from the library list with Enter. */
    private void open(FxRobot fx, String file) {
        ListView<?> list = fx.lookup("#fileList").queryAs(ListView.class);
        waitUntil("the library lists the files", () -> list.getItems().size() >= 2);
        fx.interact(() -> {
            list.requestFocus();
            for (int i = 0; i < list.getItems().size(); i++) {
                if (list.getItems().get(i).toString().contains(file)) {
                    list.getSelectionModel().select(i);
                }
            }
        });
        fx.type(KeyCode.ENTER);
        waitUntil(file + " is open", () -> file.equals(ui.editor().nameProperty().get()));
    }

    private static <T extends Node> T focus(FxRobot fx, String query, Class<T> type) {
        T node = fx.lookup(query).queryAs(type);
        fx.interact(node::requestFocus);
        waitUntil(query + " has the keyboard", node::isFocused);
        return node;
    }

    private static void replaceText(FxRobot fx, String typed) {
        fx.press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL);
        fx.write(typed);
    }

    private static void undo(FxRobot fx) {
        fx.press(KeyCode.CONTROL, KeyCode.Z).release(KeyCode.Z, KeyCode.CONTROL);
    }

    private void saveAndWait(FxRobot fx) {
        fx.press(KeyCode.CONTROL, KeyCode.S).release(KeyCode.S, KeyCode.CONTROL);
        waitUntil("saved", () -> !ui.editor().dirtyProperty().get());
    }

    private JsonNode onDisk(String file) throws Exception {
        return WireJson.newMapper().readTree(Files.readString(folder.resolve(file), StandardCharsets.UTF_8));
    }

    /** The inline message under a control (FieldBinder puts it right below, in the same cell). */
    private static String messageUnder(Control control) {
        VBox cell = (VBox) control.getParent();
        Label message = (Label) cell.getChildren().get(1);
        return message.isVisible() ? message.getText() : "";
    }

    private static String shown(ComboBox<?> box) {
        return box.getValue() == null ? "" : box.getValue().toString();
    }

    @Test
    void channelModeIsAChoiceAndTheChannelIdItNeedsIsExplainedUnderItsField(FxRobot fx) throws Exception {
        open(fx, "incident-resolution.json");
        @SuppressWarnings("unchecked")
        ComboBox<Choice> mode = focus(fx, "#setting-channel_mode", ComboBox.class);
        assertEquals("create_new_channel", mode.getValue().value(), "absent reads as the zero value");
        fx.type(KeyCode.DOWN);
        waitUntil("the mode changed", () -> "link_existing_channel".equals(
                ui.editor().file().text(PlaybookSetting.CHANNEL_MODE)));
        TextInputControl channel = fx.lookup("#setting-channel_id").queryAs(TextInputControl.class);
        assertTrue(messageUnder(channel).contains("runs will have no channel to link to"), messageUnder(channel));
        assertTrue(channel.getStyleClass().contains(FieldBinder.WARNING_STYLE));

        focus(fx, "#setting-channel_id", TextInputControl.class);
        fx.write("town");
        waitUntil("the name is flagged", () -> messageUnder(channel).contains("does not look like a channel id"));
        replaceText(fx, CHANNEL);
        waitUntil("the id is accepted", () -> messageUnder(channel).isEmpty());
        assertFalse(channel.getStyleClass().contains(FieldBinder.WARNING_STYLE));
        saveAndWait(fx);
        JsonNode saved = onDisk("incident-resolution.json");
        assertEquals("link_existing_channel", saved.path("channel_mode").asText());
        assertEquals(CHANNEL, saved.path("channel_id").asText());

        focus(fx, "#setting-channel_mode", ComboBox.class);
        fx.type(KeyCode.UP);
        waitUntil("back to a new channel", () -> !ui.editor().file().has(PlaybookSetting.CHANNEL_MODE));
        assertFalse(ui.editor().file().json().has("channel_mode"), "the export omits create_new_channel");
        undo(fx);
        assertEquals("link_existing_channel", ui.editor().file().text(PlaybookSetting.CHANNEL_MODE));
        assertEquals("link_existing_channel", mode.getValue().value(), "the box follows undo");
    }

    @Test
    void broadcastIsEditedAsASwitchThatKnowsNotSetAndAListOfChannelIds(FxRobot fx) throws Exception {
        open(fx, "incident-resolution.json");
        CheckBox broadcast = focus(fx, "#setting-broadcast_enabled", CheckBox.class);
        assertTrue(broadcast.isIndeterminate(), "the export has no broadcast_enabled: not set");
        fx.type(KeyCode.SPACE);
        waitUntil("broadcast is on", () -> ui.editor().file().flag(ImportOnlySetting.BROADCAST_ENABLED));
        TextArea ids = fx.lookup("#setting-broadcast_channel_ids").queryAs(TextArea.class);
        assertTrue(messageUnder(ids).contains("no channels to broadcast"), messageUnder(ids));

        focus(fx, "#setting-broadcast_channel_ids", TextArea.class);
        fx.write("town");
        waitUntil("a name is refused while broadcasting", () -> ids.getStyleClass().contains(FieldBinder.ERROR_STYLE));
        assertTrue(messageUnder(ids).contains("\"town\" does not look like a channel id"), messageUnder(ids));
        fx.press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL);
        fx.write(CHANNEL).type(KeyCode.ENTER).write(OTHER_CHANNEL);
        waitUntil("two ids, no problem", () -> messageUnder(ids).isEmpty()
                && ui.editor().file().strings(ImportOnlySetting.BROADCAST_CHANNEL_IDS).size() == 2);
        saveAndWait(fx);
        JsonNode saved = onDisk("incident-resolution.json");
        assertTrue(saved.path("broadcast_enabled").asBoolean());
        assertEquals(List.of(CHANNEL, OTHER_CHANNEL), List.of(saved.path("broadcast_channel_ids").get(0).asText(),
                saved.path("broadcast_channel_ids").get(1).asText()));

        undo(fx);
        assertEquals(List.of(), ui.editor().file().strings(ImportOnlySetting.BROADCAST_CHANNEL_IDS),
                "typing in one field was one undo step");
        assertEquals("", ids.getText());
        focus(fx, "#setting-broadcast_enabled", CheckBox.class);
        fx.type(KeyCode.SPACE);
        waitUntil("off, and written as off", () -> ui.editor().file().has(ImportOnlySetting.BROADCAST_ENABLED)
                && !ui.editor().file().flag(ImportOnlySetting.BROADCAST_ENABLED));
        fx.type(KeyCode.SPACE);
        waitUntil("not set again", () -> !ui.editor().file().has(ImportOnlySetting.BROADCAST_ENABLED));
        assertTrue(broadcast.isIndeterminate());
    }

    @Test
    void webhooksInvitationsAndTheDefaultOwnerAreEditableAndValidatedInline(FxRobot fx) throws Exception {
        open(fx, "incident-resolution.json");
        TextArea urls = focus(fx, "#setting-webhook_on_creation_urls", TextArea.class);
        assertTrue(urls.getPromptText().contains("not set in this file"), urls.getPromptText());
        fx.write("x.io/a");
        waitUntil("a URL without a scheme is a warning while hooks are off",
                () -> urls.getStyleClass().contains(FieldBinder.WARNING_STYLE));
        assertTrue(messageUnder(urls).contains("rejected as soon as"), messageUnder(urls));
        focus(fx, "#setting-webhook_on_creation_enabled", CheckBox.class);
        fx.type(KeyCode.SPACE);
        waitUntil("and an error once they are on", () -> urls.getStyleClass().contains(FieldBinder.ERROR_STYLE));
        focus(fx, "#setting-webhook_on_creation_urls", TextArea.class);
        fx.press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL);
        fx.write("https://x.io/a");
        waitUntil("fixed", () -> messageUnder(urls).isEmpty());

        TextArea invited = focus(fx, "#setting-invited_user_ids", TextArea.class);
        fx.write("alex");
        waitUntil("a username is not an id", () -> messageUnder(invited).contains("does not look like a user id"));
        fx.press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL);
        fx.write("u8qz5mcm9fbzdpjx1gq3k7wt4e");
        focus(fx, "#setting-default_owner_id", TextInputControl.class);
        fx.write("u8qz5mcm9fbzdpjx1gq3k7wt4e");
        focus(fx, "#setting-default_owner_enabled", CheckBox.class);
        fx.type(KeyCode.SPACE);
        saveAndWait(fx);

        JsonNode saved = onDisk("incident-resolution.json");
        assertTrue(saved.path("webhook_on_creation_enabled").asBoolean());
        assertEquals("https://x.io/a", saved.path("webhook_on_creation_urls").get(0).asText());
        assertEquals("u8qz5mcm9fbzdpjx1gq3k7wt4e", saved.path("invited_user_ids").get(0).asText());
        assertEquals("u8qz5mcm9fbzdpjx1gq3k7wt4e", saved.path("default_owner_id").asText());
        assertTrue(saved.path("default_owner_enabled").asBoolean());
        assertFalse(saved.has("invite_users_enabled"), "a switch never touched stays unset");

        undo(fx);
        assertFalse(ui.editor().file().has(ImportOnlySetting.DEFAULT_OWNER_ENABLED));
        undo(fx);
        assertFalse(ui.editor().file().has(ImportOnlySetting.DEFAULT_OWNER_ID));
    }

    @Test
    void itemAssigneeConditionAndPropertyAreChoicesTakenFromTheFile(FxRobot fx) throws Exception {
        open(fx, "security-incident.json");
        fx.press(KeyCode.CONTROL, KeyCode.DIGIT3).release(KeyCode.DIGIT3, KeyCode.CONTROL);
        @SuppressWarnings("unchecked")
        ComboBox<Choice> assignee = focus(fx, "#itemAssigneeChoice", ComboBox.class);
        assertEquals("owner", assignee.getValue().value());
        fx.type(KeyCode.DOWN);
        waitUntil("the creator", () -> "creator".equals(item(0, 0).path("assignee_type").asText()));

        ListView<?> items = focus(fx, "#itemList", ListView.class);
        fx.type(KeyCode.DOWN);
        waitUntil("the second item shows", () -> items.getSelectionModel().getSelectedIndex() == 1);
        @SuppressWarnings("unchecked")
        ComboBox<Choice> property = fx.lookup("#itemPropertyChoice").queryAs(ComboBox.class);
        assertEquals("Security lead (user)", shown(property));
        focus(fx, "#itemPropertyChoice", ComboBox.class);
        fx.type(KeyCode.UP);
        waitUntil("Severity picked", () -> SEVERITY.equals(item(0, 1).path("assignee_property_field_id").asText()));
        waitUntil("a select field cannot hold an assignee", () -> messageUnder(property).contains("not a user field"));

        focus(fx, "#itemList", ListView.class);
        fx.type(KeyCode.DOWN);
        @SuppressWarnings("unchecked")
        ComboBox<Choice> condition = fx.lookup("#itemConditionChoice").queryAs(ComboBox.class);
        waitUntil("the third item's condition shows", () -> shown(condition).contains("\"Severity\" is SEV-1"));
        focus(fx, "#itemConditionChoice", ComboBox.class);
        fx.type(KeyCode.UP);
        waitUntil("no condition", () -> !item(0, 2).has("condition_id"));
        @SuppressWarnings("unchecked")
        ComboBox<Choice> action = fx.lookup("#itemConditionActionChoice").queryAs(ComboBox.class);
        assertTrue(messageUnder(action).contains("dropped on import"), messageUnder(action));
        focus(fx, "#itemConditionActionChoice", ComboBox.class);
        fx.type(KeyCode.UP);
        waitUntil("no action either", () -> !item(0, 2).has("condition_action") && messageUnder(action).isEmpty());
        saveAndWait(fx);

        JsonNode saved = onDisk("security-incident.json").path("checklists").get(0).path("items");
        assertEquals("creator", saved.get(0).path("assignee_type").asText());
        assertEquals(SEVERITY, saved.get(1).path("assignee_property_field_id").asText());
        assertEquals("{\"title\":\"Notify the regulator\"}", saved.get(2).toString());

        undo(fx);
        undo(fx);
        assertEquals("hidden", item(0, 2).path("condition_action").asText());
        assertTrue(item(0, 2).path("condition_id").asText().startsWith("c4m7"));
        assertTrue(shown(condition).contains("SEV-1"), "the box follows undo: " + shown(condition));
        undo(fx);
        assertEquals(SECURITY_LEAD, item(0, 1).path("assignee_property_field_id").asText());
    }

    private JsonNode item(int checklist, int index) {
        return ui.editor().file().json().path("checklists").get(checklist).path("items").get(index);
    }

    @Test
    void valuesTheServerDoesNotListAreShownAsUnknownAndKept(FxRobot fx) throws Exception {
        PlaybookFile odd = new PlaybookParser().parse(Files.readString(folder.resolve("security-incident.json")))
                .withItem(0, 0, ItemField.ASSIGNEE_TYPE, "team_lead")
                .with(PlaybookSetting.CHANNEL_MODE, "link_or_create")
                .withMetric(0, com.incidentconsole.playbook.library.MetricField.TYPE, "metric_percent");
        Files.writeString(folder.resolve("odd.json"), odd.toText());
        fx.interact(() -> ui.library().refresh());
        open(fx, "odd.json");
        fx.press(KeyCode.CONTROL, KeyCode.DIGIT3).release(KeyCode.DIGIT3, KeyCode.CONTROL);
        @SuppressWarnings("unchecked")
        ComboBox<Choice> assignee = fx.lookup("#itemAssigneeChoice").queryAs(ComboBox.class);
        @SuppressWarnings("unchecked")
        ComboBox<Choice> mode = fx.lookup("#setting-channel_mode").queryAs(ComboBox.class);
        @SuppressWarnings("unchecked")
        ComboBox<Choice> type = fx.lookup("#metric-0-type").queryAs(ComboBox.class);
        assertEquals("“team_lead” — unknown to the server, kept as is", shown(assignee));
        assertEquals("“link_or_create” — unknown to the server, kept as is", shown(mode));
        assertEquals("“metric_percent” — unknown to the server, kept as is", shown(type));
        assertTrue(mode.getStyleClass().contains(FieldBinder.ERROR_STYLE), "the server refuses this mode");
        assertTrue(type.getStyleClass().contains(FieldBinder.ERROR_STYLE));
        assertTrue(messageUnder(type).contains("must be metric_duration"), messageUnder(type));
        assertTrue(assignee.getStyleClass().contains(FieldBinder.WARNING_STYLE));

        focus(fx, "#itemTitleField", TextInputControl.class);
        fx.write(" now");
        saveAndWait(fx);
        JsonNode saved = onDisk("odd.json");
        assertEquals("team_lead", saved.path("checklists").get(0).path("items").get(0).path("assignee_type").asText());
        assertEquals("link_or_create", saved.path("channel_mode").asText());
        assertEquals("metric_percent", saved.path("metrics").get(0).path("type").asText());

        focus(fx, "#metric-0-type", ComboBox.class);
        fx.type(KeyCode.UP);
        waitUntil("a known type replaces it", () -> "metric_integer".equals(ui.editor().file().metrics().get(0).type()));
        assertFalse(type.getStyleClass().contains(FieldBinder.ERROR_STYLE));
        assertTrue(type.getItems().stream().allMatch(Choice::known), "the unknown entry went with the value");
        undo(fx);
        assertEquals("metric_percent", ui.editor().file().metrics().get(0).type());
        assertEquals("“metric_percent” — unknown to the server, kept as is", shown(type));
    }

    @Test
    void aDurationMetricTargetIsTypedAsADuration(FxRobot fx) throws Exception {
        open(fx, "security-incident.json");
        TextInputControl target = focus(fx, "#metric-0-target", TextInputControl.class);
        assertEquals("1h", target.getText(), "3600000 ms");
        replaceText(fx, "1h 30m");
        saveAndWait(fx);
        assertEquals(5_400_000L, onDisk("security-incident.json").path("metrics").get(0).path("target").asLong());
    }

    @Test
    void theItemDescriptionPreviewRendersMarkdown(FxRobot fx) {
        open(fx, "security-incident.json");
        fx.press(KeyCode.CONTROL, KeyCode.DIGIT3).release(KeyCode.DIGIT3, KeyCode.CONTROL);
        focus(fx, "#itemDescriptionField", TextArea.class);
        fx.write("## Steps").type(KeyCode.ENTER).write("- **Revoke** the key");
        TextFlow preview = fx.lookup("#itemDescriptionPreview").queryAs(TextFlow.class);
        waitUntil("the preview shows the heading", () -> preview.getChildren().stream()
                .anyMatch(n -> n.getStyleClass().contains("md-h2") && ((Text) n).getText().equals("Steps")));
        Text bold = preview.getChildren().stream().map(Text.class::cast)
                .filter(t -> t.getStyleClass().contains("md-bold")).findFirst().orElse(null);
        assertNotNull(bold, "bold text is styled");
        assertEquals("Revoke", bold.getText());
        assertTrue(preview.getChildren().stream().map(n -> ((Text) n).getText()).anyMatch(t -> t.contains("•")),
                "the list item has a bullet");
        assertEquals("## Steps\n- **Revoke** the key", ui.editor().file().checklists().get(0).items().get(0)
                .description());
    }
}
