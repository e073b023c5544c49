package org.jpegmt.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.jpegmt.core.JpegDecoder;
import org.jpegmt.core.PixelImage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The one real process: the root {@code ./jpegmt} launcher running the shaded jar (built by
 * {@code package}, which runs before this integration test; the launcher builds it itself if it
 * is missing, hence the generous timeout).
 */
class LauncherIT {
    @TempDir
    Path dir;

    @Test
    void launcherEncodesTheSampleInARealProcess() throws Exception {
        Path root = ReadmeExamplesTest.repoRoot();
        Path out = dir.resolve("sample.jpg");
        Process p = new ProcessBuilder(root.resolve("jpegmt").toString(), "encode", "--stats", "-q", "90",
                "samples/sample.png", out.toString())
                .directory(root.toFile()).redirectErrorStream(true).start();
        p.getOutputStream().close();
        boolean finished = p.waitFor(10, TimeUnit.MINUTES);
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!finished) {
            p.destroyForcibly();
        }
        assertTrue(finished, "./jpegmt did not finish in 10 minutes: " + output);
        assertEquals(0, p.exitValue(), output);
        assertTrue(output.contains("PSNR"), output);
        PixelImage img = new JpegDecoder().decode(Files.readAllBytes(out));
        assertEquals(1280, img.width());
    }

    /** With JPEGMT_VECTOR=1 the launcher adds jdk.incubator.vector, and the JVM's warning about it never shows. */
    @Test
    void launcherRunsTheVectorKernelsWithoutTheIncubatorWarning() throws Exception {
        Path root = ReadmeExamplesTest.repoRoot();
        ProcessBuilder pb = new ProcessBuilder(root.resolve("jpegmt").toString(), "--version")
                .directory(root.toFile()).redirectErrorStream(true);
        pb.environment().put("JPEGMT_VECTOR", "1");
        Process p = pb.start();
        p.getOutputStream().close();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(10, TimeUnit.MINUTES), output);
        assertEquals(0, p.exitValue(), output);
        assertTrue(output.contains("SIMD: Vector API"), output);
        assertFalse(output.contains("incubator modules"), output);
    }

    /** One-shot commands run the scalar kernels by default: cold, the vector ones are slower (see the launcher). */
    @Test
    void oneShotCommandsRunTheScalarKernels() throws Exception {
        Path root = ReadmeExamplesTest.repoRoot();
        ProcessBuilder pb = new ProcessBuilder(root.resolve("jpegmt").toString(), "--version")
                .directory(root.toFile()).redirectErrorStream(true);
        pb.environment().remove("JPEGMT_VECTOR");
        Process p = pb.start();
        p.getOutputStream().close();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(10, TimeUnit.MINUTES), output);
        assertEquals(0, p.exitValue(), output);
        assertTrue(output.contains("SIMD: off"), output);
        assertFalse(output.contains("WARNING"), output);
    }

    /**
     * stdin reaches java through the launcher when java runs as its child (with the vector
     * module: a background job would read /dev/null instead).
     */
    @Test
    void launcherPassesStdinToJava() throws Exception {
        Path root = ReadmeExamplesTest.repoRoot();
        byte[] jpeg = new org.jpegmt.core.JpegEncoder().encode(PixelImage.allocate(16, 8, org.jpegmt.core.PixelFormat.RGB));
        ProcessBuilder pb = new ProcessBuilder(root.resolve("jpegmt").toString(), "decode", "-", "-")
                .directory(root.toFile());
        pb.environment().put("JPEGMT_VECTOR", "1"); // the path where java is a child of the launcher
        Process p = pb.start();
        try (var in = p.getOutputStream()) {
            in.write(jpeg);
        }
        byte[] ppm = p.getInputStream().readAllBytes();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(10, TimeUnit.MINUTES), err);
        assertEquals(0, p.exitValue(), err);
        assertTrue(new String(ppm, 0, 9, StandardCharsets.US_ASCII).startsWith("P6\n16 8\n"), err);
    }

    /**
     * SIGTERM to the launcher's PID (kill, timeout) stops java too when java runs as its child (with
     * the vector module): nothing of it keeps running, and the exit status is 143 as for java
     * itself. java here waits on a stdin that stays open.
     */
    @Test
    void sigtermToTheLauncherStopsJava() throws Exception {
        Path root = ReadmeExamplesTest.repoRoot();
        ProcessBuilder pb = new ProcessBuilder(root.resolve("jpegmt").toString(), "decode", "-",
                dir.resolve("o.ppm").toString()).directory(root.toFile()).redirectErrorStream(true);
        pb.environment().put("JPEGMT_VECTOR", "1"); // the path where java is a child of the launcher
        Process p = pb.start();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
        while (javaOf(p).isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        List<ProcessHandle> java = javaOf(p);
        assertFalse(java.isEmpty(), "no java process under the launcher");
        Thread.sleep(500); // let the JVM install its signal handlers
        p.destroy(); // SIGTERM to the launcher only
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), "the launcher did not stop");
        for (ProcessHandle h : java) {
            h.onExit().get(30, TimeUnit.SECONDS);
            assertFalse(h.isAlive(), "java still runs after the launcher stopped");
        }
        assertEquals(143, p.exitValue());
        assertFalse(Files.exists(dir.resolve("o.ppm")));
        p.getOutputStream().close();
    }

    private static List<ProcessHandle> javaOf(Process p) {
        return p.descendants().filter(h -> h.info().command().map(c -> c.endsWith("java")).orElse(false))
                .collect(Collectors.toList());
    }
}
