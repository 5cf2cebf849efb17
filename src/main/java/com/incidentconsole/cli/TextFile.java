package com.incidentconsole.cli;

import com.incidentconsole.playbook.library.store.FileErrors;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** A text file named on the command line (a status message, a retrospective): UTF-8, and a bad one is exit 2. */
final class TextFile {

    private TextFile() {
    }

    /** @throws IllegalArgumentException naming the option, the file and why it cannot be read */
    static String read(String option, Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException(option + " " + file + " is not UTF-8 text");
        } catch (IOException e) {
            throw new IllegalArgumentException(option + " " + file + ": " + FileErrors.reason(e));
        }
    }
}
