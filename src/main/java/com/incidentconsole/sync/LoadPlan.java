package com.incidentconsole.sync;

import java.util.OptionalLong;

/**
 * What a load has to fetch: the teams and their playbooks, the runs (all of them, or those changed
 * since a moment), the directory of people. A load that fails part-way owes the parts it did not
 * finish; a retry fetches those, and a load the next connection asks for is merged with what is
 * still owed ({@link #and}) so nothing owed is forgotten when the connection changes meanwhile.
 *
 * @param runsSince empty: every run (and the ones held but no longer on the server are removed);
 *                  present: only runs changed since that moment, by the server's clock
 */
record LoadPlan(boolean playbooks, boolean runs, OptionalLong runsSince, boolean people) {

    static final LoadPlan NOTHING = new LoadPlan(false, false, OptionalLong.empty(), false);
    static final LoadPlan PLAYBOOKS = new LoadPlan(true, false, OptionalLong.empty(), false);
    static final LoadPlan PEOPLE = new LoadPlan(false, false, OptionalLong.empty(), true);

    LoadPlan {
        runsSince = runs ? runsSince : OptionalLong.empty();
    }

    static LoadPlan everything() {
        return new LoadPlan(true, true, OptionalLong.empty(), true);
    }

    static LoadPlan catchUp(boolean playbooks, long sinceMillis) {
        return new LoadPlan(playbooks, true, OptionalLong.of(sinceMillis), false);
    }

    boolean isEmpty() {
        return !playbooks && !runs && !people;
    }

    /** Both plans' parts; for runs the wider ask wins: all beats since, an earlier since beats a later one. */
    LoadPlan and(LoadPlan other) {
        boolean anyRuns = runs || other.runs;
        OptionalLong since;
        if ((runs && runsSince.isEmpty()) || (other.runs && other.runsSince.isEmpty())) {
            since = OptionalLong.empty();
        } else if (runs && other.runs) {
            since = OptionalLong.of(Math.min(runsSince.getAsLong(), other.runsSince.getAsLong()));
        } else {
            since = runs ? runsSince : other.runsSince;
        }
        return new LoadPlan(playbooks || other.playbooks, anyRuns, since, people || other.people);
    }

    LoadPlan withoutPlaybooks() {
        return new LoadPlan(false, runs, runsSince, people);
    }

    LoadPlan withoutPeople() {
        return new LoadPlan(playbooks, runs, runsSince, false);
    }
}
