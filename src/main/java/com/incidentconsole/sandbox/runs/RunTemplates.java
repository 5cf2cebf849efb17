package com.incidentconsole.sandbox.runs;

import com.incidentconsole.sandbox.state.Directory;
import com.incidentconsole.sandbox.state.RunEntity;
import com.incidentconsole.wire.User;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code {SEQ}}, {@code {OWNER}}, {@code {CREATOR}} placeholders of {@code app/template_engine.go}
 * as far as the sandbox needs them: it models no property fields, so only system tokens resolve.
 */
final class RunTemplates {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^}]+)\\}");
    private static final Pattern SEQ = Pattern.compile("(?i)\\{\\s*SEQ\\s*\\}");
    private static final java.util.Set<String> SYSTEM = java.util.Set.of("seq", "owner", "creator", "property_user");

    private final Directory directory;

    RunTemplates(Directory directory) {
        this.directory = directory;
    }

    /** {@code FormatSequentialID}: {@code PREFIX-00042}, just the digits without a prefix, "" for run 0. */
    static String sequentialId(String prefix, long runNumber) {
        if (runNumber == 0) {
            return "";
        }
        String n = String.format(Locale.ROOT, "%05d", runNumber);
        return prefix.isEmpty() ? n : prefix + "-" + n;
    }

    /**
     * {@code resolveMessageForRun} (status update text): system tokens replaced, unknown or empty
     * ones left verbatim; a run without a sequential id loses its {@code {SEQ}} and the dangling
     * separator.
     */
    String resolveMessage(String message, RunEntity run) {
        if (message.isEmpty() || !message.contains("{")) {
            return message;
        }
        String resolved = resolve(message, tokens(run, run.sequentialId));
        if (run.sequentialId.isEmpty()) {
            resolved = SEQ.matcher(resolved).replaceAll("").strip();
            if (resolved.startsWith("- ")) {
                resolved = resolved.substring(2).strip();
            }
            if (resolved.endsWith(" -")) {
                resolved = resolved.substring(0, resolved.length() - 2).strip();
            }
        }
        return resolved;
    }

    /**
     * {@code prepareTemplate} + {@code resolveRunName}: placeholders that name no field are stripped
     * (the licensed self-heal), the rest resolved; a non-blank result beats the name the user typed;
     * otherwise the typed name, else {@code SEQ - Untitled}, else {@code Untitled}.
     */
    String runName(String template, RunEntity run, String typed) {
        String resolved = "";
        if (!template.isEmpty()) {
            String cleaned = template;
            Matcher m = PLACEHOLDER.matcher(template);
            while (m.find()) {
                if (!SYSTEM.contains(m.group(1).strip().toLowerCase(Locale.ROOT))) {
                    cleaned = stripField(cleaned, m.group(1).strip());
                }
            }
            resolved = resolve(cleaned, tokens(run, run.sequentialId)).strip();
        }
        if (!resolved.isEmpty()) {
            return resolved;
        }
        if (!typed.isBlank()) {
            return typed.strip();
        }
        return run.sequentialId.isEmpty() ? "Untitled" : run.sequentialId + " - Untitled";
    }

    /** {@code StripFieldFromTemplate}. */
    private static String stripField(String template, String field) {
        String result = Pattern.compile("(?i)\\{\\s*" + Pattern.quote(field) + "\\s*\\}").matcher(template)
                .replaceAll("");
        result = result.replaceAll("\\s*-\\s*-\\s*", " - ").replaceAll("\\s{2,}", " ").strip();
        if (result.startsWith("- ")) {
            result = result.substring(2);
        } else if (result.startsWith("-")) {
            result = result.substring(1);
        }
        if (result.endsWith(" -")) {
            result = result.substring(0, result.length() - 2);
        } else if (result.endsWith("-")) {
            result = result.substring(0, result.length() - 1);
        }
        return result.strip();
    }

    private Map<String, String> tokens(RunEntity run, String seq) {
        return Map.of("seq", seq, "owner", displayName(run.ownerUserId), "creator", displayName(run.reporterUserId));
    }

    private static String resolve(String template, Map<String, String> tokens) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = tokens.get(m.group(1).strip().toLowerCase(Locale.ROOT));
            m.appendReplacement(out, Matcher.quoteReplacement(value == null || value.isEmpty() ? m.group() : value));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** {@code resolveUserDisplayName} with the default {@code ShowFullName}: nickname, else full name, else username. */
    private String displayName(String userId) {
        if (userId == null || userId.isEmpty()) {
            return "";
        }
        User user = directory.user(userId).orElse(null);
        if (user == null) {
            return userId;
        }
        if (!user.nickname().isEmpty()) {
            return user.nickname();
        }
        String full = (user.firstName() + " " + user.lastName()).strip();
        return full.isEmpty() ? user.username() : full;
    }
}
