package com.incidentconsole.runs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.incidentconsole.uitest.TestWorkspace;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ResourceBundle;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RunFormatTest {

    private final TestWorkspace workspace = TestWorkspace.seeded();
    private final RunFormat format = new RunFormat(ResourceBundle.getBundle("i18n.messages"), workspace.users(),
            workspace.playbooks(), ZoneOffset.UTC);

    @ParameterizedTest(name = "{0} s ago reads \"{1}\"")
    @CsvSource(delimiter = '|', textBlock = """
            0       | just now
            59      | just now
            60      | 1 min ago
            720     | 12 min ago
            3599    | 59 min ago
            3600    | 1 h ago
            86399   | 23 h ago
            172800  | 2 d ago
            """)
    void timeSinceTheLastStatusUpdateReadsLikeSpeech(long secondsAgo, String expected) {
        long at = TestWorkspace.NOW.minus(Duration.ofSeconds(secondsAgo)).toEpochMilli();
        assertEquals(expected, format.timeAgo(at, TestWorkspace.NOW));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            u-carol   | Carol Chen
            ''        | nobody
            u-ghost99 | unknown user (u-ghos)
            """)
    void usersAreNamedNeverShownAsBareIds(String id, String expected) {
        assertEquals(expected, format.userName(id));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            0 | never
            """)
    void aRunWithoutStatusUpdatesSaysNever(long at, String expected) {
        assertEquals(expected, format.timeAgo(at, TestWorkspace.NOW));
    }
}
