package org.jpegmt.cli;

import static org.jpegmt.cli.MainTest.run;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jpegmt.core.JpegDecoder;
import org.jpegmt.core.PixelImage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Batches: directories in, an output directory out, failures reported and skipped. */
class BatchTest {
    @TempDir
    Path dir;

    private static List<String> errorLines(MainTest.Run r) {
        return r.err().lines().filter(l -> l.startsWith("jpegmt: ") && !l.contains(" converted, ")).toList();
    }

    @Test
    void corruptFileInTheMiddleIsReportedOnceAndTheOthersAreConverted() throws Exception {
        Path in = dir.resolve("in");
        TestFiles.smoothPng(in.resolve("a.png"), 40, 30);
        TestFiles.corruptJpeg(in.resolve("b.jpg"));
        TestFiles.smoothPng(in.resolve("c.png"), 33, 17);
        TestFiles.smoothPng(in.resolve("sub/d.png"), 16, 16);
        Files.writeString(in.resolve("notes.txt"), "not an image");
        Path out = dir.resolve("out");

        MainTest.Run r = run("encode", "--threads", "2", in.toString(), "-o", out.toString());

        assertEquals(1, r.status(), r.err());
        List<String> errors = errorLines(r);
        assertEquals(1, errors.size(), r.err());
        assertTrue(errors.get(0).startsWith("jpegmt: " + in.resolve("b.jpg") + ": "), errors.get(0));
        assertFalse(r.err().contains("Exception"), r.err());
        assertTrue(r.err().contains("3 files converted, 1 failed"), r.err());
        for (String name : new String[] {"a.jpg", "c.jpg", "sub/d.jpg"}) {
            PixelImage img = new JpegDecoder().decode(Files.readAllBytes(out.resolve(name)));
            assertTrue(img.width() > 0, name);
        }
        assertFalse(Files.exists(out.resolve("b.jpg")), "no output for the corrupt input");
        assertFalse(Files.exists(out.resolve("notes.jpg")), "non-image files are not inputs");
        assertEquals(0, TestFiles.tempFiles(dir), "temp file left");
    }

    @Test
    void quietBatchPrintsOnlyTheFailures() throws Exception {
        Path in = dir.resolve("in");
        TestFiles.smoothPng(in.resolve("a.png"), 8, 8);
        TestFiles.corruptJpeg(in.resolve("b.jpeg"));
        MainTest.Run r = run("encode", "--quiet", in.toString(), "-o", dir.resolve("out").toString());
        assertEquals(1, r.status());
        assertEquals(1, r.err().lines().count(), r.err());
    }

    @Test
    void decodeBatchKeepsRelativePathsAndTakesTheFormat() throws Exception {
        Path in = dir.resolve("jpegs");
        for (String name : new String[] {"x.png", "deep/er/y.png"}) {
            Path png = TestFiles.smoothPng(dir.resolve("src").resolve(name), 24, 20);
            Path jpg = in.resolve(name.replace(".png", ".jpg"));
            Files.createDirectories(jpg.getParent());
            assertEquals(0, run("encode", png.toString(), jpg.toString()).status());
        }
        Path out = dir.resolve("png");
        MainTest.Run r = run("decode", "--format", "png", "-o", out.toString(), in.toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(Files.exists(out.resolve("x.png")));
        assertTrue(Files.exists(out.resolve("deep/er/y.png")));
        assertEquals(0, run("decode", "-o", dir.resolve("ppm").toString(), in.toString()).status());
        assertTrue(Files.readString(dir.resolve("ppm/deep/er/y.ppm"), java.nio.charset.StandardCharsets.ISO_8859_1)
                .startsWith("P6\n24 20\n"));
    }

    @Test
    void lastPathIsTheOutputDirectoryForSeveralInputs() throws Exception {
        Path a = TestFiles.smoothPng(dir.resolve("a.png"), 8, 8);
        Path b = TestFiles.smoothPng(dir.resolve("b.png"), 8, 8);
        Path out = Files.createDirectories(dir.resolve("out")); // it must exist, as with cp
        MainTest.Run r = run("encode", a.toString(), b.toString(), out.toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(Files.exists(out.resolve("a.jpg")) && Files.exists(out.resolve("b.jpg")));
    }

    @Test
    void batchNeverOverwritesWithoutForce() throws Exception {
        Path in = dir.resolve("in");
        TestFiles.smoothPng(in.resolve("a.png"), 8, 8);
        Path out = dir.resolve("out");
        Files.createDirectories(out);
        Files.writeString(out.resolve("a.jpg"), "precious");
        MainTest.Run r = run("encode", in.toString(), "-o", out.toString());
        assertEquals(1, r.status());
        assertTrue(r.err().contains("--force"), r.err());
        assertEquals("precious", Files.readString(out.resolve("a.jpg")));
        assertEquals(0, run("encode", "--force", in.toString(), "-o", out.toString()).status());
        assertFalse(Files.readString(out.resolve("a.jpg"), java.nio.charset.StandardCharsets.ISO_8859_1).equals("precious"));
    }

    @Test
    void outputDirectoryInsideTheInputIsNotReadBack() throws Exception {
        Path in = dir.resolve("photos");
        TestFiles.smoothPng(in.resolve("a.png"), 8, 8);
        Path out = in.resolve("jpeg");
        assertEquals(0, run("encode", in.toString(), "-o", out.toString()).status());
        MainTest.Run again = run("encode", "--force", in.toString(), "-o", out.toString());
        assertEquals(0, again.status(), again.err());
        assertTrue(again.err().contains("1 file converted"), again.err());
        assertFalse(Files.exists(out.resolve("jpeg")));
    }

    @Test
    void batchNeverWritesOverOneOfItsInputs() throws Exception {
        Path in = dir.resolve("in");
        TestFiles.smoothPng(in.resolve("a.png"), 8, 8);
        assertEquals(0, run("encode", in.resolve("a.png").toString(), in.resolve("a.jpg").toString()).status());
        byte[] jpg = Files.readAllBytes(in.resolve("a.jpg"));
        // a.png -> in/a.jpg would replace the input a.jpg, and a.jpg -> a.jpg is itself
        MainTest.Run r = run("encode", "--force", in.toString(), "-o", in.toString());
        assertEquals(1, r.status());
        assertArrayEquals(jpg, Files.readAllBytes(in.resolve("a.jpg")));
    }

    @Test
    void threadCountDoesNotChangeTheBytes() throws Exception {
        Path png = TestFiles.smoothPng(dir.resolve("big.png"), 300, 260);
        assertEquals(0, run("encode", "--threads", "1", png.toString(), dir.resolve("t1.jpg").toString()).status());
        assertEquals(0, run("encode", "--threads", "3", png.toString(), dir.resolve("t3.jpg").toString()).status());
        assertArrayEquals(Files.readAllBytes(dir.resolve("t1.jpg")), Files.readAllBytes(dir.resolve("t3.jpg")));
        MainTest.Run d1 = run("decode", "--threads", "1", dir.resolve("t1.jpg").toString(), "-");
        MainTest.Run d3 = run("decode", "--threads", "3", dir.resolve("t1.jpg").toString(), "-");
        assertArrayEquals(d1.out(), d3.out());
    }

    @Test
    void standardStreamsAreForSingleFilesOnly() throws Exception {
        Path a = TestFiles.smoothPng(dir.resolve("a.png"), 8, 8);
        assertEquals(2, run("encode", "-", "-o", dir.resolve("o").toString()).status());
        assertEquals(2, run("encode", a.toString(), a.toString(), "-").status());
        assertEquals(2, run("encode", "--threads", "0", a.toString(), dir.resolve("x.jpg").toString()).status());
        assertEquals(2, run("decode", "--format", "tiff", a.toString(), dir.resolve("x.tif").toString()).status());
        assertEquals(2, run("encode", a.toString()).status());
        assertEquals(2, run("encode", a.toString(), "-o", a.toString()).status(), "-o names a file");
    }

    @Test
    void missingInputInABatchIsOneLineAndTheRestGoesOn() throws Exception {
        Path a = TestFiles.smoothPng(dir.resolve("a.png"), 8, 8);
        MainTest.Run r = run("encode", dir.resolve("nope.png").toString(), a.toString(), "-o", dir.resolve("o").toString());
        assertEquals(1, r.status());
        assertEquals(1, errorLines(r).size(), r.err());
        assertTrue(errorLines(r).get(0).contains("nope.png: no such file"), r.err());
        assertTrue(Files.exists(dir.resolve("o/a.jpg")));
    }

    @Test
    void stackTracesOnlyWithDebug() throws Exception {
        Path bad = TestFiles.corruptJpeg(dir.resolve("bad.jpg"));
        MainTest.Run plain = run("decode", bad.toString(), dir.resolve("x.ppm").toString());
        assertFalse(plain.err().contains("\tat "), plain.err());
        MainTest.Run debug = run("decode", "--debug", bad.toString(), dir.resolve("x.ppm").toString());
        assertEquals(1, debug.status());
        assertTrue(debug.err().contains("\tat org.jpegmt"), debug.err());
    }

    @Test
    void everyCommandHasHelpWithExamplesAndTheVersion() {
        for (String cmd : new String[] {"encode", "decode", "info", "bench"}) {
            MainTest.Run r = run(cmd, "--help");
            assertEquals(0, r.status(), cmd);
            assertTrue(r.outText().contains("Examples:"), cmd + ": " + r.outText());
        }
        MainTest.Run v = run("--version");
        assertEquals(0, v.status());
        assertTrue(v.outText().startsWith("jpegmt "), v.outText());
    }
}
