package com.incidentconsole.playbook.library.store;

import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;

/**
 * A write as {@link AtomicWrite} does it (temp file beside the target, locked while written) that never finishes,
 * so a test can SIGKILL it half-way: {@code SlowWriter TARGET}; prints the temp file's path.
 */
public final class SlowWriter {

    private SlowWriter() {
    }

    public static void main(String[] args) throws Exception {
        Path target = Path.of(args[0]);
        Path temp = Files.createTempFile(target.toAbsolutePath().getParent(), "." + target.getFileName(), ".tmp");
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
            channel.lock();
            channel.write(ByteBuffer.wrap(new byte[64 * 1024]));
            System.out.println("WRITING " + temp);
            System.out.flush();
            Thread.sleep(Duration.ofMinutes(2));
        }
    }
}
