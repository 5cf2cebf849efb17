package com.incidentconsole.playbook.library.validate;

import java.util.ArrayList;
import java.util.List;

/** Collects problems while the rules run. */
final class Findings {

    private final List<Problem> problems = new ArrayList<>();

    void error(Place place, String message) {
        problems.add(new Problem(Severity.ERROR, place.path(), place.location(), message));
    }

    void warning(Place place, String message) {
        problems.add(new Problem(Severity.WARNING, place.path(), place.location(), message));
    }

    List<Problem> toList() {
        return List.copyOf(problems);
    }
}
