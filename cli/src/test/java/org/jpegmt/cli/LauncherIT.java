package org.jpegmt.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
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

    /** The launcher adds jdk.incubator.vector, and the JVM's warning about it never shows. */
    @Test
    void launcherRunsTheVectorKernelsWithoutTheIncubatorWarning() throws Exception {
        Path root = ReadmeExamplesTest.repoRoot();
        Process p = new ProcessBuilder(root.resolve("jpegmt").toString(), "--version")
                .directory(root.toFile()).redirectErrorStream(true).start();
        p.getOutputStream().close();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(10, TimeUnit.MINUTES), output);
        assertEquals(0, p.exitValue(), output);
        assertTrue(output.contains("SIMD: Vector API"), output);
        assertFalse(output.contains("incubator modules"), output);
    }
}
