package org.jpegmt.cli;

import static org.jpegmt.cli.MainTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.jpegmt.core.JpegDecoder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 18's output-file defects: file modes, symbolic links, write errors on standard output,
 * stopping a batch, and temporary files left behind. The umask, /dev/full and SIGTERM cases run
 * the command in a child JVM (the built classes, started through {@code /bin/sh}); the others run
 * in this JVM. Nothing here relies on permission errors, so it holds when run as root.
 */
class OutputFilesTest {
    @TempDir
    Path dir;

    private static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }

    private static String mode(Path p) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }

    /** The class path of the built CLI and its dependencies, however surefire put them. */
    private static String classPath() {
        List<String> parts = new ArrayList<>();
        for (String prop : new String[] {"jdk.module.path", "java.class.path"}) {
            String v = System.getProperty(prop);
            if (v != null && !v.isEmpty()) {
                parts.add(v);
            }
        }
        return String.join(File.pathSeparator, parts);
    }

    private static String quote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }

    /** {@code java ... org.jpegmt.cli.Main ARGS} as a /bin/sh command. */
    private static String jpegmt(String... args) {
        StringBuilder sb = new StringBuilder()
                .append(quote(Path.of(System.getProperty("java.home"), "bin", "java").toString()))
                .append(" -XX:TieredStopAtLevel=1 -cp ").append(quote(classPath()))
                .append(" org.jpegmt.cli.Main");
        for (String a : args) {
            sb.append(' ').append(a.equals(">") || a.startsWith(">") ? a : quote(a));
        }
        return sb.toString();
    }

    private record Child(int status, String err) {
    }

    private Child sh(String script) throws Exception {
        Process p = new ProcessBuilder("/bin/sh", "-c", script).directory(dir.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(dir.resolve("child.out").toFile()).redirectError(dir.resolve("child.err").toFile()).start();
        assertTrue(p.waitFor(2, TimeUnit.MINUTES), "child did not finish");
        return new Child(p.exitValue(), Files.readString(dir.resolve("child.err")));
    }

    @Test
    void newOutputFilesGetTheUmaskModeNot0600() throws Exception {
        assumeTrue(posix() && Files.isExecutable(Path.of("/bin/sh")));
        Path png = TestFiles.smoothPng(dir.resolve("in.png"), 32, 24);
        Child c = sh("umask 022; " + jpegmt("encode", png.toString(), "u022/out.jpg")
                + "; umask 002; " + jpegmt("encode", png.toString(), "u002/out.jpg")
                + " && umask 027 && " + jpegmt("decode", "u002/out.jpg", "u027.ppm"));
        assertEquals(0, c.status(), c.err());
        assertEquals("rw-r--r--", mode(dir.resolve("u022/out.jpg")));
        assertEquals("rw-rw-r--", mode(dir.resolve("u002/out.jpg")));
        assertEquals("rw-r-----", mode(dir.resolve("u027.ppm")));
    }

    @Test
    void forceKeepsTheModeOfTheFileItReplaces() throws Exception {
        assumeTrue(posix());
        Path png = TestFiles.smoothPng(dir.resolve("in.png"), 32, 24);
        Path out = Files.writeString(dir.resolve("out.jpg"), "old");
        Files.setPosixFilePermissions(out, PosixFilePermissions.fromString("rw-rw-r--"));
        assertEquals(0, run("encode", "--force", png.toString(), out.toString()).status());
        assertEquals("rw-rw-r--", mode(out));
        assertEquals(32, new JpegDecoder().decode(Files.readAllBytes(out)).width());

        Path ppm = Files.writeString(dir.resolve("out.ppm"), "old");
        Files.setPosixFilePermissions(ppm, PosixFilePermissions.fromString("rw-r-----"));
        assertEquals(0, run("decode", "-f", out.toString(), ppm.toString()).status());
        assertEquals("rw-r-----", mode(ppm));
        assertTrue(Files.readString(ppm, StandardCharsets.ISO_8859_1).startsWith("P6\n32 24\n"));
    }

    @Test
    void outputSymlinkIsFollowedAndStaysALink() throws Exception {
        Path png = TestFiles.smoothPng(dir.resolve("in.png"), 32, 24);
        Path real = Files.writeString(Files.createDirectories(dir.resolve("real")).resolve("target.jpg"), "old");
        Path link = Files.createSymbolicLink(dir.resolve("link.jpg"), Path.of("real/target.jpg"));

        MainTest.Run refused = run("encode", png.toString(), link.toString());
        assertEquals(1, refused.status(), "an existing target needs --force, through a link too");
        assertEquals("old", Files.readString(real));

        MainTest.Run r = run("encode", "--force", png.toString(), link.toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(Files.isSymbolicLink(link), "the link was replaced by a file");
        assertEquals(Path.of("real/target.jpg"), Files.readSymbolicLink(link));
        assertEquals(32, new JpegDecoder().decode(Files.readAllBytes(real)).width());
        assertEquals(0, TestFiles.tempFiles(dir), "temp file left");
    }

    @Test
    void danglingSymlinkOutputIsRefused() throws Exception {
        Path png = TestFiles.smoothPng(dir.resolve("in.png"), 16, 16);
        Path link = Files.createSymbolicLink(dir.resolve("link.jpg"), Path.of("missing/target.jpg"));
        MainTest.Run r = run("encode", "--force", png.toString(), link.toString());
        assertEquals(1, r.status());
        assertTrue(r.err().contains("symbolic link to a missing file"), r.err());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(Files.isSymbolicLink(link));
        assertFalse(Files.exists(dir.resolve("missing")));
    }

    @Test
    void decodeToFullStandardOutputFailsWithOneLine() throws Exception {
        assumeTrue(Files.exists(Path.of("/dev/full")) && Files.isExecutable(Path.of("/bin/sh")));
        Path png = TestFiles.smoothPng(dir.resolve("in.png"), 64, 48);
        assertEquals(0, run("encode", png.toString(), dir.resolve("x.jpg").toString()).status());

        Child c = sh("exec " + jpegmt("decode", "x.jpg", "-", ">/dev/full"));
        assertEquals(1, c.status(), c.err());
        assertEquals(1, c.err().lines().count(), c.err());
        assertTrue(c.err().startsWith("jpegmt: x.jpg: standard output: write error ("), c.err());

        Child info = sh("exec " + jpegmt("info", "x.jpg", ">/dev/full"));
        assertEquals(1, info.status(), info.err());
        assertEquals("jpegmt: standard output: write error (No space left on device)", info.err().strip());
    }

    @Test
    void reportToFailingStandardOutputFailsInProcess() {
        OutputStream full = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("No space left on device");
            }
        };
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Main.run(new ByteArrayInputStream(new byte[0]), full, new PrintStream(err, true, StandardCharsets.UTF_8),
                "--version");
        assertEquals(1, status);
        assertEquals("jpegmt: standard output: write error (No space left on device)",
                err.toString(StandardCharsets.UTF_8).strip());
    }

    /** A process that has exited, so its id names no live process (barring immediate reuse). */
    private static long deadPid() throws Exception {
        Process p = new ProcessBuilder("true").start();
        p.waitFor();
        return p.pid();
    }

    @Test
    void staleTempFilesOfAKilledRunAreDeletedByTheNextRun() throws Exception {
        Path out = Files.createDirectories(dir.resolve("out"));
        long dead = deadPid();
        long live = ProcessHandle.current().parent().map(ProcessHandle::pid).orElse(1L);
        FileTime old = FileTime.from(Instant.now().minusSeconds(3600));
        Path stale = Files.writeString(out.resolve(".a.jpg.jpegmt-" + dead + "-k3x9.tmp"), "partial");
        Files.setLastModifiedTime(stale, old);
        List<Path> kept = new ArrayList<>();
        kept.add(Files.writeString(out.resolve(".a.jpg.jpegmt-" + dead + "-young.tmp"), "just written"));
        kept.add(Files.writeString(out.resolve(".a.jpg.jpegmt-" + live + "-k3x9.tmp"), "being written"));
        kept.add(Files.writeString(out.resolve(".a.jpg.1234567.tmp"), "older pattern, or someone else's"));
        kept.add(Files.writeString(out.resolve("notes.jpegmt-" + dead + "-k3x9.tmp"), "no leading dot"));
        kept.add(Files.writeString(out.resolve(".a.jpg.jpegmt-" + dead + "-K3X9.tmp"), "not our alphabet"));
        kept.add(Files.createDirectory(out.resolve(".d.jpg.jpegmt-" + dead + "-k3x9.tmp")));
        kept.add(Files.createSymbolicLink(out.resolve(".l.jpg.jpegmt-" + dead + "-k3x9.tmp"), stale.getFileName()));
        for (Path k : kept) {
            if (!Files.isSymbolicLink(k)) {
                Files.setLastModifiedTime(k, k.getFileName().toString().contains("young") ? FileTime.from(Instant.now()) : old);
            }
        }

        Path png = TestFiles.smoothPng(dir.resolve("in/b.png"), 16, 16);
        MainTest.Run r = run("encode", png.toString(), out.resolve("b.jpg").toString());
        assertEquals(0, r.status(), r.err());
        assertFalse(Files.exists(stale, java.nio.file.LinkOption.NOFOLLOW_LINKS), "stale temp file left");
        for (Path k : kept) {
            assertTrue(Files.exists(k, java.nio.file.LinkOption.NOFOLLOW_LINKS), k + " deleted");
        }
        assertTrue(Files.exists(out.resolve("b.jpg")));
    }

    @Test
    void noImageIoCacheFilesInTheTempDirectory() throws Exception {
        Path cache = Files.createDirectories(dir.resolve("cache"));
        Path png = TestFiles.smoothPng(dir.resolve("in.png"), 64, 48);
        ImageIO.setUseCache(true);
        ImageIO.setCacheDirectory(cache.toFile());
        try (WatchService watch = FileSystems.getDefault().newWatchService()) {
            cache.register(watch, StandardWatchEventKinds.ENTRY_CREATE);
            assertEquals(0, run("encode", png.toString(), dir.resolve("x.jpg").toString()).status());
            assertEquals(0, run("decode", dir.resolve("x.jpg").toString(), dir.resolve("x.png").toString()).status());
            WatchKey key = watch.poll(200, TimeUnit.MILLISECONDS);
            assertNull(key == null ? null : key.pollEvents().stream().map(e -> e.context().toString()).toList(),
                    "ImageIO wrote its stream cache to disk");
        } finally {
            ImageIO.setCacheDirectory(null);
            ImageIO.setUseCache(false); // as Main.run leaves it, not this test's true
        }
        try (Stream<Path> left = Files.list(cache)) {
            assertEquals(List.of(), left.toList());
        }
    }

    @Test
    void sigtermDuringABatchEndsQuietlyWithoutPartialOutputs() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/bin/sh")));
        // a batch long enough to be stopped in the middle: PNG output, the slow path through ImageIO
        Path in = Files.createDirectories(dir.resolve("in"));
        BufferedImage img = new BufferedImage(640, 480, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 480; y++) {
            for (int x = 0; x < 640; x++) {
                img.setRGB(x, y, (x * 7 ^ y * 13) * 0x010203);
            }
        }
        ImageIO.write(img, "png", dir.resolve("src.png").toFile());
        assertEquals(0, run("encode", "-q", "95", dir.resolve("src.png").toString(), in.resolve("a000.jpg").toString()).status());
        byte[] jpeg = Files.readAllBytes(in.resolve("a000.jpg"));
        for (int i = 1; i < 300; i++) {
            Files.write(in.resolve(String.format("a%03d.jpg", i)), jpeg);
        }
        Path out = dir.resolve("out");
        Process p = new ProcessBuilder("/bin/sh", "-c", "exec " + jpegmt("decode", "--threads", "2", "--format", "png", "-o", "out", "in"))
                .directory(dir.toFile()).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(dir.resolve("child.out").toFile()).redirectError(dir.resolve("child.err").toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
        while (System.nanoTime() < deadline && p.isAlive() && countPng(out) < 3) {
            Thread.sleep(20);
        }
        assertTrue(p.isAlive(), "the batch ended before it could be stopped");
        p.destroy(); // SIGTERM
        assertTrue(p.waitFor(1, TimeUnit.MINUTES));
        String err = Files.readString(dir.resolve("child.err"));
        assertEquals(143, p.exitValue(), err);
        assertEquals("", err, "stopping a batch is not an error to report");
        assertEquals(0, TestFiles.tempFiles(out), "temp file left");
        try (Stream<Path> files = Files.list(out)) {
            for (Path f : files.toList()) {
                BufferedImage png = ImageIO.read(f.toFile());
                assertTrue(png != null && png.getWidth() == 640 && png.getHeight() == 480, f + " is incomplete");
            }
        }
        assertTrue(countPng(out) < 300, "the batch was not stopped");
    }

    private static long countPng(Path out) throws IOException {
        if (!Files.isDirectory(out)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(out)) {
            return files.filter(f -> f.toString().endsWith(".png")).count();
        }
    }
}
