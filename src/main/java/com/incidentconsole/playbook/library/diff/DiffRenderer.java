package com.incidentconsole.playbook.library.diff;

import com.incidentconsole.playbook.library.diff.Change.Target;
import java.util.List;
import java.util.Objects;

/**
 * Plain-text rendering of a diff for the terminal: {@code +} added, {@code -} removed, {@code ~} changed or
 * renamed, {@code >} moved; item changes are indented under a checklist heading. Long values are shortened so
 * a changed retrospective template does not flood the screen.
 */
public final class DiffRenderer {

    private final int maxValueLength;

    public DiffRenderer(int maxValueLength) {
        this.maxValueLength = maxValueLength;
    }

    public DiffRenderer() {
        this(80);
    }

    public String render(List<Change> changes) {
        StringBuilder out = new StringBuilder();
        String heading = null;
        for (Change change : changes) {
            String group = change.target() == Target.ITEM ? "checklist “" + change.checklist() + "”"
                    : change.target() == Target.METRIC ? "metrics" : null;
            if (change.target() == Target.CHECKLIST) {
                heading = "checklist “" + change.checklist() + "”";
                out.append(line(change, "checklist")).append('\n');
                continue;
            }
            if (group != null && !Objects.equals(group, heading)) {
                out.append(group).append('\n');
                heading = group;
            } else if (group == null) {
                heading = null;
            }
            String indent = group == null ? "" : "  ";
            out.append(indent).append(line(change, change.target() == Target.ITEM ? "item" : "metric"))
                    .append('\n');
        }
        return out.toString();
    }

    private String line(Change change, String noun) {
        if (change.target() == Target.SETTING) {
            return "~ " + change.name() + ": " + value(change.before()) + " → " + value(change.after());
        }
        String subject = noun + " “" + change.name() + "”";
        return switch (change.kind()) {
            case ADDED -> "+ " + subject + (change.after() == null ? "" : " (" + change.after() + ")");
            case REMOVED -> "- " + subject + (change.before() == null ? "" : " (" + change.before() + ")");
            case RENAMED -> "~ " + noun + " “" + change.before() + "” renamed to “" + change.after() + "”";
            case MOVED -> "> " + subject + " moved from " + change.before() + " to " + change.after();
            case CHANGED -> "~ " + subject + " › " + change.field() + ": " + value(change.before()) + " → "
                    + value(change.after());
        };
    }

    private String value(String json) {
        if (json == null) {
            return "(absent)";
        }
        String oneLine = json.replace("\\n", "⏎");
        return oneLine.length() <= maxValueLength ? oneLine : oneLine.substring(0, maxValueLength - 1) + "…\"";
    }
}
