package org.jpegmt.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Writes an output file so that nothing is lost or half-written: the bytes go to a temporary
 * file in the target directory, which is renamed into place only when complete. An existing
 * file is replaced only when asked to.
 */
final class SafeOutput {
    private SafeOutput() {
    }

    /** Temporary files being written; deleted by a shutdown hook if the JVM is stopped (Ctrl-C). */
    private static final Set<Path> IN_PROGRESS = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            for (Path p : IN_PROGRESS) {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    // the JVM is going away; nothing more can be done
                }
            }
        }, "jpegmt-cleanup"));
    }

    static void write(Path target, byte[] bytes, boolean force, OutputStream stdout) throws IOException {
        if (target.toString().equals("-")) {
            stdout.write(bytes);
            stdout.flush();
            return;
        }
        Path abs = target.toAbsolutePath();
        if (!force && Files.exists(abs)) {
            throw new FileAlreadyExistsException(target + " exists (use --force to overwrite)");
        }
        Path dir = abs.getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + abs.getFileName() + ".", ".tmp");
        IN_PROGRESS.add(tmp);
        try {
            Files.write(tmp, bytes);
            try {
                if (force) {
                    Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } else {
                    Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE);
                }
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, abs, force ? new StandardCopyOption[] {StandardCopyOption.REPLACE_EXISTING}
                        : new StandardCopyOption[0]);
            }
        } finally {
            Files.deleteIfExists(tmp);
            IN_PROGRESS.remove(tmp);
        }
    }
}
