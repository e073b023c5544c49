package org.jpegmt.cli;

import static org.jpegmt.cli.MainTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code encode --stats} figures and {@code bench} output. */
class StatsAndBenchTest {
    private static final Pattern STATS = Pattern.compile(
            ": (\\d+) bytes, ([0-9.]+) bpp, ratio ([0-9.]+):1, PSNR ([0-9.]+) dB, MSE ([0-9.]+)");
    private static final Pattern TSV = Pattern.compile(
            "(encode|decode)\t(jpegmt|imageio)\t(\\d+)\t(\\d+\\.\\d{2})\t(\\d+\\.\\d{2})\t(\\d+\\.\\d{2})");

    @TempDir
    Path dir;

    @Test
    void statsAreSaneForASmoothImageAtQuality90() throws Exception {
        Path png = TestFiles.smoothPng(dir.resolve("smooth.png"), 160, 120);
        Path jpg = dir.resolve("smooth.jpg");
        MainTest.Run r = run("encode", "--stats", "-q", "90", png.toString(), jpg.toString());
        assertEquals(0, r.status(), r.err());
        Matcher m = STATS.matcher(r.outText());
        assertTrue(m.find(), r.outText());
        long bytes = Long.parseLong(m.group(1));
        assertEquals(Files.size(jpg), bytes);
        assertEquals(bytes * 8.0 / (160 * 120), Double.parseDouble(m.group(2)), 0.001);
        assertEquals(160 * 120 * 3.0 / bytes, Double.parseDouble(m.group(3)), 0.05);
        double psnr = Double.parseDouble(m.group(4));
        double mse = Double.parseDouble(m.group(5));
        assertTrue(psnr > 30, "PSNR " + psnr);
        assertEquals(10 * Math.log10(255.0 * 255 / mse), psnr, 0.01);
        assertTrue(mse > 0 && mse < 10, "MSE " + mse);

        // lower quality: smaller file, more error
        MainTest.Run low = run("encode", "--stats", "-q", "30", png.toString(), dir.resolve("low.jpg").toString());
        Matcher ml = STATS.matcher(low.outText());
        assertTrue(ml.find(), low.outText());
        assertTrue(Long.parseLong(ml.group(1)) < bytes);
        assertTrue(Double.parseDouble(ml.group(4)) < psnr);
    }

    @Test
    void statsGoToStandardErrorWhenTheImageGoesToStandardOutput() throws Exception {
        Path png = TestFiles.smoothPng(dir.resolve("s.png"), 32, 32);
        MainTest.Run r = run(Files.readAllBytes(png), "encode", "--stats", "-s", "gray", "-", "-");
        assertEquals(0, r.status(), r.err());
        assertTrue(STATS.matcher(r.err()).find(), r.err());
        assertEquals(0xFF, r.out()[0] & 0xFF);
        assertEquals(0xD8, r.out()[1] & 0xFF);
    }

    @Test
    void benchTsvHasOneLinePerMeasurement() throws Exception {
        Path png = TestFiles.smoothPng(dir.resolve("b.png"), 64, 48);
        Path jpg = dir.resolve("b.jpg");
        assertEquals(0, run("encode", png.toString(), jpg.toString()).status());
        MainTest.Run r = run("bench", "--tsv", "--threads", "1,2", "--warmup", "1", "--iterations", "3",
                "--min-time", "0", jpg.toString());
        assertEquals(0, r.status(), r.err());
        List<String> lines = r.outText().lines().toList();
        assertEquals(6, lines.size(), r.outText());
        int imageio = 0;
        for (String line : lines) {
            Matcher m = TSV.matcher(line);
            assertTrue(m.matches(), "format: " + line);
            double median = Double.parseDouble(m.group(4));
            assertTrue(Double.parseDouble(m.group(5)) <= median && median <= Double.parseDouble(m.group(6)), line);
            assertTrue(median > 0, line);
            if (m.group(2).equals("imageio")) {
                assertEquals("1", m.group(3), line);
                imageio++;
            }
        }
        assertEquals(2, imageio, "javax.imageio decode and encode");
        assertEquals(List.of("decode", "decode", "decode", "encode", "encode", "encode"),
                lines.stream().map(l -> l.split("\t")[0]).toList());
    }

    @Test
    void benchTextShowsSpeedupAndJavaVersion() throws Exception {
        Path png = TestFiles.smoothPng(dir.resolve("b.png"), 40, 40);
        MainTest.Run r = run("bench", "--warmup", "0", "--iterations", "1", "--min-time", "0", "-s", "444",
                "--threads", "1,2", png.toString());
        assertEquals(0, r.status(), r.err());
        String t = r.outText();
        assertTrue(t.contains("java.version " + System.getProperty("java.version")), t);
        assertTrue(t.contains("vs 1 thread") && t.contains("1.00x"), t);
        assertTrue(t.toLowerCase(Locale.ROOT).contains("imageio"), t);
    }

    @Test
    void benchRejectsBadCounts() throws Exception {
        Path png = TestFiles.smoothPng(dir.resolve("b.png"), 8, 8);
        assertEquals(2, run("bench", "--threads", "0", png.toString()).status());
        assertEquals(2, run("bench", "--iterations", "0", png.toString()).status());
    }
}
