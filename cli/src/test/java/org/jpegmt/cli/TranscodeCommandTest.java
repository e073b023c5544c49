package org.jpegmt.cli;

import static org.jpegmt.cli.MainTest.run;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jpegmt.core.JpegDecoder;
import org.jpegmt.core.JpegInfo;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code jpegmt transcode}: defaults, jpegtran's bytes, pipes, batches, usage errors. */
class TranscodeCommandTest {
    private static final Path JPEGTRAN = Path.of("/usr/bin/jpegtran");

    @TempDir
    Path dir;

    /** A 4:2:0 JPEG without restart markers, made by our encoder. */
    private Path source(String name, int w, int h) throws Exception {
        Path png = TestFiles.smoothPng(dir.resolve(name + ".png"), w, h);
        Path jpg = dir.resolve(name);
        MainTest.Run r = run("encode", "--restart-rows", "0", "-q", "90", png.toString(), jpg.toString());
        assertEquals(0, r.status(), r.err());
        return jpg;
    }

    private static byte[] jpegtran(Path in, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(JPEGTRAN.toString()));
        cmd.addAll(List.of(args));
        cmd.add(in.toString());
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        byte[] out = p.getInputStream().readAllBytes();
        assertEquals(0, p.waitFor(), "jpegtran " + cmd);
        return out;
    }

    @Test
    void defaultAddsOneRestartIntervalPerMcuRowAndKeepsThePixels() throws Exception {
        Path in = source("a.jpg", 333, 257);
        Path out = dir.resolve("b.jpg");
        MainTest.Run r = run("transcode", in.toString(), out.toString());
        assertEquals(0, r.status(), r.err());
        JpegDecoder d = new JpegDecoder();
        JpegInfo before = d.readInfo(Files.readAllBytes(in));
        JpegInfo after = d.readInfo(Files.readAllBytes(out));
        assertEquals(0, before.restartInterval());
        assertEquals((333 + 15) / 16, after.restartInterval(), "one MCU row of 4:2:0 MCUs");
        assertArrayEquals(d.decode(Files.readAllBytes(in)).data(), d.decode(Files.readAllBytes(out)).data());
    }

    @Test
    void sameBytesAsJpegtranForTheSameOptions() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(JPEGTRAN), "jpegtran not installed (libjpeg-turbo-progs)");
        Path in = source("a.jpg", 123, 77);
        String[][] pairs = {
            {"", "-restart 1"},
            {"--restart-rows 0", ""},
            {"--restart-rows 0 --optimize --copy all", "-optimize -copy all"},
            {"--restart-mcus 5 --copy none", "-restart 5B -copy none"},
        };
        for (String[] p : pairs) {
            Path out = dir.resolve("o.jpg");
            List<String> args = new ArrayList<>(List.of("transcode", "-f"));
            if (!p[0].isEmpty()) {
                args.addAll(List.of(p[0].split(" ")));
            }
            args.add(in.toString());
            args.add(out.toString());
            MainTest.Run r = run(args.toArray(new String[0]));
            assertEquals(0, r.status(), r.err());
            String[] jt = p[1].isEmpty() ? new String[0] : p[1].split(" ");
            assertArrayEquals(jpegtran(in, jt), Files.readAllBytes(out), String.join(" ", p));
        }
    }

    @Test
    void standardInToStandardOutGivesTheFileOutput() throws Exception {
        Path in = source("a.jpg", 64, 40);
        Path out = dir.resolve("b.jpg");
        assertEquals(0, run("transcode", "--optimize", in.toString(), out.toString()).status());
        MainTest.Run r = run(Files.readAllBytes(in), "transcode", "--optimize", "-", "-");
        assertEquals(0, r.status(), r.err());
        assertArrayEquals(Files.readAllBytes(out), r.out());
    }

    @Test
    void batchGoesOnPastABadFile() throws Exception {
        Path inDir = dir.resolve("in");
        Files.createDirectories(inDir.resolve("sub"));
        Files.copy(source("x.jpg", 40, 30), inDir.resolve("a.jpg"));
        Files.copy(source("y.jpg", 17, 9), inDir.resolve("sub/b.jpg"));
        TestFiles.corruptJpeg(inDir.resolve("c.jpg"));
        Path out = dir.resolve("out");
        MainTest.Run r = run("transcode", "--threads", "2", inDir.toString(), "-o", out.toString());
        assertEquals(1, r.status(), r.err());
        assertTrue(Files.isRegularFile(out.resolve("a.jpg")));
        assertTrue(Files.isRegularFile(out.resolve("sub/b.jpg")));
        assertFalse(Files.exists(out.resolve("c.jpg")));
        assertTrue(r.err().contains("c.jpg"), r.err());
        assertEquals(0, TestFiles.tempFiles(dir));
    }

    @Test
    void existingOutputNeedsForce() throws Exception {
        Path in = source("a.jpg", 16, 16);
        Path out = Files.writeString(dir.resolve("b.jpg"), "keep me");
        MainTest.Run r = run("transcode", in.toString(), out.toString());
        assertEquals(1, r.status());
        assertEquals("keep me", Files.readString(out));
        assertEquals(0, run("transcode", "--force", in.toString(), out.toString()).status());
    }

    @Test
    void badOptionsAreUsageErrors() throws Exception {
        Path in = source("a.jpg", 16, 16);
        String out = dir.resolve("b.jpg").toString();
        String[][] bad = {
            {"--rotate", "45"}, {"--flip", "diagonal"}, {"--copy", "some"}, {"--restart-rows", "1", "--restart-mcus", "2"},
            {"--rotate", "90", "--transpose"}, {"--restart-rows", "-1"},
        };
        for (String[] b : bad) {
            List<String> args = new ArrayList<>(List.of("transcode"));
            args.addAll(List.of(b));
            args.add(in.toString());
            args.add(out);
            MainTest.Run r = run(args.toArray(new String[0]));
            assertEquals(2, r.status(), String.join(" ", b) + ": " + r.err());
        }
        assertEquals(2, run("transcode", in.toString(), dir.resolve("b.png").toString()).status());
    }
}
