package com.incidentconsole.text;

import java.util.Locale;

/**
 * How well typed words match a text, for every fuzzy search the user types into (the owner picker, the command
 * palette): each word must appear; one that starts a word of the text counts more than one inside a word.
 * 0 means no match. Case does not matter.
 */
public final class WordMatch {

    private WordMatch() {
    }

    public static int score(String text, String query) {
        String haystack = text.toLowerCase(Locale.ROOT);
        int total = 0;
        for (String word : query.toLowerCase(Locale.ROOT).trim().split("\\s+")) {
            if (word.isEmpty()) {
                continue;
            }
            int at = haystack.indexOf(word);
            if (at < 0) {
                return 0;
            }
            boolean wordStart = at == 0 || !Character.isLetterOrDigit(haystack.charAt(at - 1));
            total += wordStart ? 3 : 1;
        }
        return Math.max(total, 1);
    }
}
