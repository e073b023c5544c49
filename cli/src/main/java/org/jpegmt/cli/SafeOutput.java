package org.jpegmt.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes an output file so that nothing is lost or half-written: the bytes go to a temporary
 * file in the target directory, which is renamed into place only when complete. An existing
 * file is replaced only when asked to.
 *
 * <p>The file gets the permissions a shell redirection or {@code cp} would give it: a new file
 * {@code 0666 & ~umask} (the temporary file is created without explicit permissions, so the
 * operating system applies the umask and any default ACL), a replaced file keeps its permissions
 * (and, where allowed, its owner and group). An output path that is a symbolic link is followed:
 * the link's target is replaced atomically and the link stays; a link to a missing file is
 * refused, as {@code cp} does.
 *
 * <p>Temporary files are named {@code .NAME.jpegmt-PID-RANDOM.tmp}. If the JVM is stopped (Ctrl-C,
 * SIGTERM) a shutdown hook deletes them and no output is renamed into place afterwards; if it is
 * killed outright (SIGKILL, power loss) they stay, and the next run writing into the same
 * directory deletes those of exactly this pattern whose process is gone and that are over a
 * minute old (the age guards writers on other hosts sharing the directory).
 */
final class SafeOutput {
    private SafeOutput() {
    }

    /** Our temporary files: {@code .NAME.jpegmt-PID-RANDOM.tmp}, group 1 the writer's process id. */
    static final Pattern TEMP_NAME = Pattern.compile("\\..*\\.jpegmt-([0-9]{1,10})-[0-9a-z]{1,13}\\.tmp");

    /** A stale temporary file must be at least this old before another run deletes it. */
    static final Duration STALE_AGE = Duration.ofMinutes(1);

    /** Characters of the output's name kept in the temporary file's name (names are limited to 255 bytes). */
    private static final int NAME_CHARS = 50;

    /** Temporary files being written; deleted by the shutdown hook if the JVM is stopped (Ctrl-C). */
    private static final Set<Path> IN_PROGRESS = ConcurrentHashMap.newKeySet();

    /** Directories already cleaned of stale temporary files in this run. */
    private static final Set<Path> CLEANED = ConcurrentHashMap.newKeySet();

    /**
     * Creating a temporary file and renaming one into place hold the read lock; the shutdown hook
     * takes the write lock, so each is all or nothing and none happens after it.
     */
    private static final ReadWriteLock RENAMES = new ReentrantReadWriteLock();

    private static volatile boolean stopping;

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(SafeOutput::stop, "jpegmt-cleanup"));
    }

    /**
     * @return whether the JVM is shutting down (Ctrl-C, SIGTERM): failures of the jobs still
     *         running are a consequence, not news, and are not reported
     */
    static boolean stopping() {
        return stopping;
    }

    private static void stop() {
        RENAMES.writeLock().lock(); // never released: no rename after this point
        stopping = true;
        for (Path p : IN_PROGRESS) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException e) {
                // the JVM is going away; nothing more can be done
            }
        }
    }

    static void write(Path target, byte[] bytes, boolean force, OutputStream stdout) throws IOException {
        write(target, new byte[][] {bytes}, force, stdout);
    }

    /**
     * As {@link #write(Path, byte[], boolean, OutputStream)} for a file made of several parts
     * written one after the other (a PPM header and the pixels, without copying them into one array).
     */
    static void write(Path target, byte[][] parts, boolean force, OutputStream stdout) throws IOException {
        if (target.toString().equals("-")) {
            for (byte[] part : parts) {
                writeChunked(stdout, part);
            }
            stdout.flush();
            return;
        }
        Path abs = followLink(target.toAbsolutePath());
        boolean exists = Files.exists(abs);
        if (!force && exists) {
            throw new FileAlreadyExistsException(target + " exists (use --force to overwrite)");
        }
        if (exists && !Files.isRegularFile(abs)) {
            throw new IOException(target + " exists and is not a regular file");
        }
        Path dir = abs.getParent();
        Files.createDirectories(dir);
        if (CLEANED.add(dir)) {
            deleteStaleTempFiles(dir);
        }
        Path tmp = createTemp(dir, abs.getFileName().toString());
        try {
            try (OutputStream out = Files.newOutputStream(tmp, StandardOpenOption.WRITE)) {
                for (byte[] part : parts) {
                    writeChunked(out, part);
                }
            }
            if (exists) {
                copyOwnerAndMode(abs, tmp);
            }
            RENAMES.readLock().lock();
            try {
                if (stopping) {
                    throw new IOException("stopped");
                }
                move(tmp, abs, force);
            } finally {
                RENAMES.readLock().unlock();
            }
        } finally {
            Files.deleteIfExists(tmp);
            IN_PROGRESS.remove(tmp);
        }
    }

    /**
     * Writes in slices of 1 MiB: a file stream copies each write through a native buffer of the
     * write's size, so one write of a 400 MB image costs a 400 MB allocation (seconds of page
     * faults on a fresh process) where slices reuse a small one.
     */
    private static void writeChunked(OutputStream out, byte[] bytes) throws IOException {
        for (int off = 0; off < bytes.length; off += CHUNK) {
            out.write(bytes, off, Math.min(CHUNK, bytes.length - off));
        }
    }

    private static final int CHUNK = 1 << 20;

    /**
     * Where the bytes go: the path itself, or the file a symbolic link points to (all links
     * resolved). A link to a missing file is refused.
     */
    static Path followLink(Path abs) throws IOException {
        if (!Files.isSymbolicLink(abs)) {
            return abs;
        }
        if (!Files.exists(abs)) {
            throw new IOException(abs + " is a symbolic link to a missing file (not writing through it)");
        }
        return abs.toRealPath();
    }

    /**
     * Creates an empty temporary file next to the output, with the default permissions of a new
     * file (the umask applies, as it does to the output of a shell redirection).
     */
    private static Path createTemp(Path dir, String name) throws IOException {
        String stem = name.codePointCount(0, name.length()) <= NAME_CHARS ? name
                : name.substring(0, name.offsetByCodePoints(0, NAME_CHARS));
        long pid = ProcessHandle.current().pid();
        while (true) {
            String random = Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36);
            Path tmp = dir.resolve("." + stem + ".jpegmt-" + pid + "-" + random + ".tmp");
            // under the lock: the shutdown hook either sees the file registered or comes first and
            // no file is created, so none is left behind when the JVM stops in between
            RENAMES.readLock().lock();
            try {
                if (stopping) {
                    throw new IOException("stopped");
                }
                // no FileAttribute: the file gets 0666 & ~umask, unlike Files.createTempFile's 0600
                Files.createFile(tmp);
                IN_PROGRESS.add(tmp);
                return tmp;
            } catch (FileAlreadyExistsException e) {
                // another name
            } finally {
                RENAMES.readLock().unlock();
            }
        }
    }

    /** Gives the new file the permissions of the one it replaces, and its owner and group where allowed. */
    private static void copyOwnerAndMode(Path existing, Path tmp) throws IOException {
        PosixFileAttributeView view = Files.getFileAttributeView(tmp, PosixFileAttributeView.class);
        if (view == null) {
            return; // not a POSIX file system: nothing to keep
        }
        PosixFileAttributes old = Files.readAttributes(existing, PosixFileAttributes.class);
        try {
            view.setGroup(old.group());
            view.setOwner(old.owner());
        } catch (IOException e) {
            // only root may give a file away; like cp over an existing file run by someone else
        }
        view.setPermissions(old.permissions());
    }

    private static void move(Path tmp, Path abs, boolean force) throws IOException {
        if (!force) {
            // rename(2) replaces an existing target whatever the options say, so a file that
            // appeared since the existence check would be lost: a hard link fails instead (the
            // temporary file is deleted by the caller)
            try {
                Files.createLink(abs, tmp);
                return;
            } catch (FileAlreadyExistsException e) {
                throw new FileAlreadyExistsException(abs + " exists (use --force to overwrite)");
            } catch (UnsupportedOperationException | IOException e) {
                // no hard links on this file system: fall back to the rename below
            }
        }
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
    }

    /**
     * Deletes the temporary files a killed run left in a directory: only regular files named
     * exactly like ours, written by a process that no longer exists, and over {@link #STALE_AGE}
     * old. Errors are ignored: this is tidying, not the job.
     */
    static void deleteStaleTempFiles(Path dir) {
        long self = ProcessHandle.current().pid();
        Instant before = Instant.now().minus(STALE_AGE);
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, ".*.jpegmt-*.tmp")) {
            for (Path f : files) {
                Matcher m = TEMP_NAME.matcher(f.getFileName().toString());
                if (!m.matches()) {
                    continue;
                }
                long pid = Long.parseLong(m.group(1));
                if (pid == self || ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
                    continue;
                }
                BasicFileAttributes a = Files.readAttributes(f, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                if (a.isRegularFile() && a.lastModifiedTime().toInstant().isBefore(before)) {
                    Files.deleteIfExists(f);
                }
            }
        } catch (IOException | RuntimeException e) {
            // an unreadable directory fails later, with a proper message, when the output is written
        }
    }
}
