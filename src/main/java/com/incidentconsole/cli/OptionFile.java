package com.incidentconsole.cli;

import com.incidentconsole.playbook.library.store.FileErrors;
import com.incidentconsole.playbook.library.store.TextFile;
import java.io.IOException;
import java.nio.file.Path;

/**
 * A text file named by an option (a status message, a retrospective): read with the same bounded reader as
 * playbook files, so a FIFO, a device, a huge or non-UTF-8 file is a plain bad argument (exit 2), never a hang
 * or an out-of-memory.
 */
final class OptionFile {

    private OptionFile() {
    }

    /** @throws IllegalArgumentException naming the option, the file and why it cannot be read */
    static String read(String option, Path file) {
        try {
            return TextFile.read(file);
        } catch (IOException e) {
            throw new IllegalArgumentException(option + " " + file + ": " + FileErrors.reason(e));
        }
    }
}
