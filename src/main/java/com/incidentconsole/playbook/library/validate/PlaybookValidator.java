package com.incidentconsole.playbook.library.validate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.incidentconsole.playbook.library.AllowedValues;
import com.incidentconsole.playbook.library.ImportOnlySetting;
import com.incidentconsole.playbook.library.PlaybookFile;
import com.incidentconsole.playbook.library.PlaybookSetting;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Checks a playbook file against what the server accepts on import/update, and flags likely mistakes.
 *
 * <p>Server rules were read in mattermost-plugin-playbooks server/api/playbooks.go ({@code importPlaybook},
 * {@code validPlaybook}, {@code validateMetrics}, {@code createPlaybook}) and server/app/playbook.go
 * ({@code ValidateRunNumberPrefix}, {@code NormalizeRunNumberPrefix}, {@code ValidateChannelNameTemplate},
 * {@code ValidateCategoryName}, {@code ValidateNewChannelOnlyMode}, {@code ValidateWebhookURLs}). Rules marked
 * "tooling" are not enforced by the server but make the file unusable for people (a nameless checklist).
 */
public final class PlaybookValidator {

    /** server/app/playbook.go {@code runNumberPrefixRegex}. */
    private static final Pattern RUN_NUMBER_PREFIX = Pattern.compile("^[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?$");
    private static final int MAX_RUN_NUMBER_PREFIX = 32;
    private static final int MAX_CHANNEL_NAME_TEMPLATE = 1024;
    private static final int MAX_CATEGORY_NAME_BYTES = 22;
    private static final int MAX_WEBHOOK_URLS = 64;
    private static final List<String> CHANNEL_MODES = AllowedValues.CHANNEL_MODES;
    /** Mattermost ids are 26 characters of a lowercase base32 alphabet (model.NewId). */
    private static final Pattern SERVER_ID = Pattern.compile("^[a-z0-9]{26}$");

    private final ChecklistRules checklistRules = new ChecklistRules();
    private final MetricRules metricRules = new MetricRules();

    public List<Problem> validate(PlaybookFile file) {
        ObjectNode doc = file.json();
        Findings findings = new Findings();
        checkDocument(doc, findings);
        for (PlaybookSetting setting : PlaybookSetting.values()) {
            JsonTypes.check(doc.get(setting.key()), setting.kind(), Place.ROOT.field(setting.key()), findings);
        }
        for (ImportOnlySetting setting : ImportOnlySetting.values()) {
            JsonTypes.check(doc.get(setting.key()), setting.kind(), Place.ROOT.field(setting.key()), findings);
        }
        checkStatusUpdates(file, doc, findings);
        checkRunNumberPrefix(doc, findings);
        checkChannel(file, doc, findings);
        checkSwitchesHaveContent(file, findings);
        checkBroadcastAndWebhooks(doc, findings);
        checkInvitesAndOwner(doc, findings);
        checklistRules.check(doc, findings);
        metricRules.check(doc, findings);
        return findings.toList();
    }

    private static void checkDocument(ObjectNode doc, Findings findings) {
        JsonNode version = doc.get("version");
        if (version == null || !version.isIntegralNumber() || version.longValue() != 1) {
            findings.error(Place.ROOT.field("version"), "must be 1, found " + (version == null ? "nothing" : version)
                    + " (the server answers \"Unsupported import version\" to anything else)");
        }
        if (doc.has("id")) {
            findings.error(Place.ROOT.field("id"), "must not be present: the server refuses to import a playbook "
                    + "that has an id (remove it; the server's id is kept in the library sidecar)");
        }
        JsonNode title = doc.get("title");
        if (title == null || (title.isTextual() && title.textValue().isBlank())) {
            findings.error(Place.ROOT.field("title"), "is required (tooling): an untitled playbook cannot be told "
                    + "apart in the playbook list");
        }
        JsonNode checklists = doc.get("checklists");
        if (checklists != null && !checklists.isArray()) {
            findings.error(Place.ROOT.field("checklists"), "must be a list of checklists");
        }
        JsonNode metrics = doc.get("metrics");
        if (metrics != null && !metrics.isArray() && !metrics.isNull()) {
            findings.error(Place.ROOT.field("metrics"), "must be a list of metrics");
        }
    }

    private static void checkStatusUpdates(PlaybookFile file, ObjectNode doc, Findings findings) {
        JsonNode timer = doc.get(PlaybookSetting.REMINDER_TIMER_DEFAULT_SECONDS.key());
        if (timer != null && !JsonTypes.isInt64(timer)) {
            return;
        }
        long seconds = file.number(PlaybookSetting.REMINDER_TIMER_DEFAULT_SECONDS);
        Place place = Place.ROOT.field(PlaybookSetting.REMINDER_TIMER_DEFAULT_SECONDS.key());
        if (seconds <= 0 && file.flag(PlaybookSetting.STATUS_UPDATE_ENABLED)) {
            findings.error(place, "must be more than 0 seconds when status updates are enabled: it is the update "
                    + "cadence, and POST /playbooks rejects a playbook without one");
        } else if (seconds <= 0) {
            findings.warning(place, "is not set: creating the playbook with POST /playbooks requires a value "
                    + "> 0 even when status updates are off (import accepts it)");
        }
    }

    private static void checkRunNumberPrefix(ObjectNode doc, Findings findings) {
        JsonNode node = doc.get(PlaybookSetting.RUN_NUMBER_PREFIX.key());
        if (node == null || !node.isTextual()) {
            return;
        }
        Place place = Place.ROOT.field(PlaybookSetting.RUN_NUMBER_PREFIX.key());
        String raw = node.textValue();
        String normalized = stripDashes(raw.strip());
        if (normalized.isEmpty()) {
            return;
        }
        if (normalized.codePointCount(0, normalized.length()) > MAX_RUN_NUMBER_PREFIX) {
            findings.error(place, "must be at most " + MAX_RUN_NUMBER_PREFIX + " characters, found "
                    + normalized.codePointCount(0, normalized.length()));
        } else if (!RUN_NUMBER_PREFIX.matcher(normalized).matches()) {
            findings.error(place, "may contain only letters, digits and hyphens, and must start and end with a "
                    + "letter or digit (\"" + normalized + "\" does not)");
        } else if (!normalized.equals(raw)) {
            findings.warning(place, "the server will store \"" + normalized + "\" (it trims spaces and hyphens)");
        }
    }

    private static String stripDashes(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && s.charAt(start) == '-') {
            start++;
        }
        while (end > start && s.charAt(end - 1) == '-') {
            end--;
        }
        return s.substring(start, end);
    }

    private static void checkChannel(PlaybookFile file, ObjectNode doc, Findings findings) {
        JsonNode template = doc.get(PlaybookSetting.CHANNEL_NAME_TEMPLATE.key());
        Place templatePlace = Place.ROOT.field(PlaybookSetting.CHANNEL_NAME_TEMPLATE.key());
        if (template != null && template.isTextual()) {
            String t = template.textValue();
            if (!t.isEmpty() && t.isBlank()) {
                findings.error(templatePlace, "must not be only whitespace");
            } else if (t.codePointCount(0, t.length()) > MAX_CHANNEL_NAME_TEMPLATE) {
                findings.error(templatePlace, "must be at most " + MAX_CHANNEL_NAME_TEMPLATE + " characters, found "
                        + t.codePointCount(0, t.length()));
            }
        }
        JsonNode mode = doc.get(PlaybookSetting.CHANNEL_MODE.key());
        if (mode != null && mode.isTextual() && !CHANNEL_MODES.contains(mode.textValue())) {
            findings.error(Place.ROOT.field(PlaybookSetting.CHANNEL_MODE.key()), "must be create_new_channel or "
                    + "link_existing_channel, found \"" + mode.textValue() + "\"");
        }
        boolean linkExisting = "link_existing_channel".equals(file.text(PlaybookSetting.CHANNEL_MODE));
        if (linkExisting && file.flag(PlaybookSetting.NEW_CHANNEL_ONLY)) {
            findings.error(Place.ROOT.field(PlaybookSetting.NEW_CHANNEL_ONLY.key()), "cannot be true while "
                    + "channel_mode is link_existing_channel: runs would have to create a channel and link one");
        }
        String channel = file.text(PlaybookSetting.CHANNEL_ID);
        if (linkExisting && channel.isEmpty()) {
            findings.warning(Place.ROOT.field(PlaybookSetting.CHANNEL_ID.key()), "is empty although channel_mode is "
                    + "link_existing_channel: runs will have no channel to link to");
        } else if (!channel.isEmpty() && !SERVER_ID.matcher(channel).matches()) {
            findings.warning(Place.ROOT.field(PlaybookSetting.CHANNEL_ID.key()), "\"" + channel + "\" does not look "
                    + "like a channel id (26 lowercase letters and digits)");
        }
        JsonNode category = doc.get(PlaybookSetting.CATEGORY_NAME.key());
        if (category != null && category.isTextual()
                && category.textValue().getBytes(StandardCharsets.UTF_8).length > MAX_CATEGORY_NAME_BYTES) {
            String message = "must be at most " + MAX_CATEGORY_NAME_BYTES + " bytes (the server counts UTF-8 bytes), "
                    + "found " + category.textValue().getBytes(StandardCharsets.UTF_8).length;
            Place place = Place.ROOT.field(PlaybookSetting.CATEGORY_NAME.key());
            if (file.flag(PlaybookSetting.CATEGORIZE_CHANNEL_ENABLED)) {
                findings.error(place, message);
            } else {
                findings.warning(place, message + "; rejected as soon as categorize_channel_enabled is turned on");
            }
        }
    }

    private static void checkSwitchesHaveContent(PlaybookFile file, Findings findings) {
        warnIfEmpty(file, PlaybookSetting.RETROSPECTIVE_ENABLED, PlaybookSetting.RETROSPECTIVE_TEMPLATE,
                "the retrospective is enabled but its template is empty: runs start the retro from a blank page",
                findings);
        warnIfEmpty(file, PlaybookSetting.MESSAGE_ON_JOIN_ENABLED, PlaybookSetting.MESSAGE_ON_JOIN,
                "the welcome message is enabled but empty: nothing will be sent to people who join", findings);
        warnIfEmpty(file, PlaybookSetting.RUN_SUMMARY_TEMPLATE_ENABLED, PlaybookSetting.RUN_SUMMARY_TEMPLATE,
                "the run summary template is enabled but empty", findings);
        warnIfEmpty(file, PlaybookSetting.CATEGORIZE_CHANNEL_ENABLED, PlaybookSetting.CATEGORY_NAME,
                "channel categorisation is enabled but the category name is empty", findings);
        if (file.flag(PlaybookSetting.SIGNAL_ANY_KEYWORDS_ENABLED)
                && file.strings(PlaybookSetting.SIGNAL_ANY_KEYWORDS).stream().allMatch(String::isBlank)) {
            findings.warning(Place.ROOT.field(PlaybookSetting.SIGNAL_ANY_KEYWORDS.key()), "keyword monitoring is "
                    + "enabled but there are no keywords: it will never suggest this playbook");
        }
    }

    private static void warnIfEmpty(PlaybookFile file, PlaybookSetting enabled, PlaybookSetting content,
            String message, Findings findings) {
        if (file.flag(enabled) && file.text(content).isBlank()) {
            findings.warning(Place.ROOT.field(content.key()), message);
        }
    }

    /** Not exported, but import accepts any Playbook field, so a hand-written file may carry them. */
    private static void checkBroadcastAndWebhooks(ObjectNode doc, Findings findings) {
        boolean broadcast = doc.path("broadcast_enabled").asBoolean(false);
        if (broadcast && doc.path("broadcast_channel_ids").isEmpty()) {
            findings.warning(Place.ROOT.field("broadcast_channel_ids"), "broadcast is enabled but there are no "
                    + "channels to broadcast status updates to");
        }
        // validPlaybook looks every broadcast channel up while broadcasting is on and answers 400 for one it
        // cannot find; without a server the best check is the shape of the id.
        checkIds(doc, "broadcast_channel_ids", "channel", broadcast, "the server refuses the playbook (\"broadcasting to "
                + "invalid channel ID\")", findings);
        for (String prefix : List.of("webhook_on_creation", "webhook_on_status_update")) {
            boolean enabled = doc.path(prefix + "_enabled").asBoolean(false);
            Place place = Place.ROOT.field(prefix + "_urls");
            JsonNode urls = doc.path(prefix + "_urls");
            if (enabled && urls.isEmpty()) {
                findings.warning(place, "webhooks are enabled but there is no URL to send to");
            } else if (urls.size() > MAX_WEBHOOK_URLS) {
                report(findings, enabled, place, "at most " + MAX_WEBHOOK_URLS + " URLs are accepted, found "
                        + urls.size());
            }
            for (int i = 0; i < urls.size(); i++) {
                String url = urls.get(i).asText();
                if (!isHttpUrl(url)) {
                    report(findings, enabled, new Place(place.path() + "[" + i + "]", place.location() + " #" + (i + 1)),
                            "\"" + url + "\" is not an http(s) URL; the server accepts only HTTP and HTTPS webhooks");
                }
            }
        }
    }

    /** The server checks webhook URLs only while they are enabled: before that, a bad one is a warning. */
    private static void report(Findings findings, boolean enabled, Place place, String message) {
        if (enabled) {
            findings.error(place, message);
        } else {
            findings.warning(place, message + " (rejected as soon as these webhooks are enabled)");
        }
    }

    /**
     * Invitations and the default owner are silently filtered by the server ({@code PlaybookModifyWithFixes}:
     * unknown users and groups are dropped, an owner outside the team is cleared), so mistakes here are warnings.
     */
    private static void checkInvitesAndOwner(ObjectNode doc, Findings findings) {
        boolean invite = doc.path("invite_users_enabled").asBoolean(false);
        if (invite && doc.path("invited_user_ids").isEmpty() && doc.path("invited_group_ids").isEmpty()) {
            findings.warning(Place.ROOT.field("invited_user_ids"), "invitations are enabled but nobody is invited");
        }
        checkIds(doc, "invited_user_ids", "user", false, "the server silently drops it", findings);
        checkIds(doc, "invited_group_ids", "group", false, "the server silently drops it", findings);
        String owner = doc.path("default_owner_id").asText("");
        Place ownerPlace = Place.ROOT.field("default_owner_id");
        if (doc.path("default_owner_enabled").asBoolean(false) && owner.isBlank()) {
            findings.warning(ownerPlace, "a default owner is enabled but no user is set: runs keep their creator "
                    + "as owner");
        } else if (!owner.isEmpty() && !SERVER_ID.matcher(owner).matches()) {
            findings.warning(ownerPlace, "\"" + owner + "\" does not look like a user id (26 lowercase letters "
                    + "and digits): the server clears a default owner it cannot find in the team");
        }
    }

    private static void checkIds(ObjectNode doc, String key, String noun, boolean refused, String consequence,
            Findings findings) {
        JsonNode ids = doc.path(key);
        Place place = Place.ROOT.field(key);
        for (int i = 0; i < ids.size(); i++) {
            String id = ids.get(i).asText("");
            if (SERVER_ID.matcher(id).matches()) {
                continue;
            }
            Place at = new Place(place.path() + "[" + i + "]", place.location() + " #" + (i + 1));
            String message = "\"" + id + "\" does not look like a " + noun + " id (26 lowercase letters and digits): "
                    + consequence;
            if (refused) {
                findings.error(at, message);
            } else {
                findings.warning(at, message);
            }
        }
    }

    private static boolean isHttpUrl(String url) {
        try {
            URI uri = new URI(url);
            return uri.isAbsolute() && ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()));
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
