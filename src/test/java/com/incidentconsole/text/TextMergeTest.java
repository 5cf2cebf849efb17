package com.incidentconsole.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

class TextMergeTest {

    @Test
    void changesOnDifferentLinesMergeCleanly() {
        String base = "a\nb\nc\nd";
        TextMerge.Result result = TextMerge.merge(base, "A\nb\nc\nd", "a\nb\nc\nD\ne");
        assertTrue(result.clean());
        assertEquals("A\nb\nc\nD\ne", result.text());
    }

    @Test
    void theSameChangeOnBothSidesIsTakenOnce() {
        TextMerge.Result result = TextMerge.merge("a\nb\nc", "a\nB\nc\nx", "a\nB\nc");
        assertTrue(result.clean());
        assertEquals("a\nB\nc\nx", result.text());
    }

    @Test
    void aConflictKeepsBothSidesBetweenMarkers() {
        TextMerge.Result result = TextMerge.merge("a\nb\nc", "a\nmine\nc", "a\ntheirs\nc");
        assertFalse(result.clean());
        assertEquals(1, result.conflicts().size());
        assertEquals("a\n" + TextMerge.MINE_MARKER + "\nmine\n" + TextMerge.SPLIT_MARKER + "\ntheirs\n"
                + TextMerge.THEIRS_MARKER + "\nc", result.text());
        assertTrue(TextMerge.hasMarkers(result.text()));
    }

    @Test
    void oneSideUnchangedTakesTheOther() {
        assertEquals("x", TextMerge.merge("a", "a", "x").text());
        assertEquals("y", TextMerge.merge("a", "y", "a").text());
        assertEquals("", TextMerge.merge("a", "", "a").text());
    }

    @Test
    void editingTheFirstLineOfARealTemplateWhileAColleagueAppendsMergesCleanly() throws Exception {
        String template;
        try (InputStream in = TextMerge.class.getResourceAsStream("/templates/blank.json")) {
            template = new JsonMapper().readTree(in).path("template").path("retrospective_template").asText();
        }
        assertFalse(template.isEmpty());
        String mine = "Mine: slow." + template;
        String theirs = template + "\n## Follow-ups\nTheirs: rotate the keys.\n";
        TextMerge.Result result = TextMerge.merge(template, mine, theirs);
        assertTrue(result.clean(), result.text());
        assertTrue(result.text().startsWith("Mine: slow."));
        assertTrue(result.text().endsWith("Theirs: rotate the keys.\n"));
    }

    @Test
    void everyLineEitherSideWroteSurvivesAConflict() {
        String base = "1\n2\n3\n4\n5";
        String mine = "1\nm2\n3\nm4\n5\nm6";
        String theirs = "t0\n1\nt2\n3\n4\n5";
        String merged = TextMerge.merge(base, mine, theirs).text();
        for (String line : List.of("m2", "m4", "m6", "t0", "t2", "1", "3", "5")) {
            assertTrue(merged.lines().anyMatch(line::equals), line + " kept in\n" + merged);
        }
    }
}
