package com.incidentconsole.text;

import java.time.Duration;
import java.util.ResourceBundle;

/**
 * How long ago, in the words the whole window uses ("just now", "12 min ago", "3 h ago", "2 d ago"), so the
 * runs list's "updated" column and the status bar's "data from 03:12 (41 min ago)" never disagree.
 */
public final class RelativeAge {

    private final ResourceBundle bundle;

    public RelativeAge(ResourceBundle bundle) {
        this.bundle = bundle;
    }

    /** {@code age} below zero (a clock a little ahead of ours) reads as "just now". */
    public String of(Duration age) {
        long seconds = Math.max(0, age.toSeconds());
        if (seconds < 60) {
            return bundle.getString("time.justNow");
        }
        if (seconds < 3600) {
            return String.format(bundle.getString("time.minutesAgo"), seconds / 60);
        }
        if (seconds < 86_400) {
            return String.format(bundle.getString("time.hoursAgo"), seconds / 3600);
        }
        return String.format(bundle.getString("time.daysAgo"), seconds / 86_400);
    }
}
