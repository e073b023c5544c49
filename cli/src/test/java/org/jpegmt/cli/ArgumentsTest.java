package org.jpegmt.cli;

import static org.jpegmt.cli.MainTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.jpegmt.core.JpegDecoder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Command lines a new user types (cjpeg, cp and ImageMagick habits) and what they must not do. */
class ArgumentsTest {
    @TempDir
    Path dir;

    /** Asserts a usage error: exit status 2 and exactly one line on standard error. */
    private static String oneLineUsageError(MainTest.Run r) {
        assertEquals(2, r.status(), r.err());
        assertEquals(1, r.err().lines().count(), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
        return r.err();
    }

    @Test
    void singleDashWordsAreRefusedWithAHintNotSplitIntoOptionClusters() throws Exception {
        Path in = TestFiles.smoothPng(dir.resolve("in.png"), 16, 16);
        Path out = dir.resolve("o/x.jpg");
        // cjpeg's -optimize used to be read as -o ptimize: a directory ./ptimize/ with in.jpg in it
        String err = oneLineUsageError(run("encode", "-optimize", in.toString(), out.toString()));
        assertTrue(err.contains("'-optimize'") && err.contains("did you mean --optimize?"), err);
        assertFalse(Files.exists(Path.of("ptimize")), "-optimize made a directory ./ptimize");
        assertFalse(Files.exists(out));

        err = oneLineUsageError(run("encode", "-outfile", out.toString(), in.toString()));
        assertTrue(err.contains("'-outfile'") && err.contains("last PATH"), err);
        assertFalse(Files.exists(Path.of("utfile")), "-outfile made a directory ./utfile");

        err = oneLineUsageError(run("encode", "-quality", "90", in.toString(), out.toString()));
        assertTrue(err.contains("did you mean --quality?"), err);
        err = oneLineUsageError(run("encode", "-q90", in.toString(), out.toString()));
        assertTrue(err.contains("did you mean -q 90?"), err);
        err = oneLineUsageError(run("decode", "-format", "png", out.toString(), dir.resolve("x.png").toString()));
        assertTrue(err.contains("did you mean --format?"), err);
        assertFalse(Files.exists(out));

        // one-letter options and long options still work
        MainTest.Run ok = run("encode", "-q", "90", "-f", "--optimize", in.toString(), out.toString());
        assertEquals(0, ok.status(), ok.err());
    }

    @Test
    void severalInputsIntoAMissingDirectoryAreRefusedAndNothingIsCreated() throws Exception {
        Path a = TestFiles.smoothPng(dir.resolve("a.png"), 8, 8);
        Path b = TestFiles.smoothPng(dir.resolve("b.png"), 8, 8);
        Path out = dir.resolve("new/out.jpg");
        // used to create a directory named out.jpg/ (cp refuses: "target is not a directory")
        String err = oneLineUsageErrorWithHelpHint(run("encode", a.toString(), b.toString(), out.toString()));
        assertTrue(err.contains("not a directory") && err.contains("-o DIR"), err);
        assertFalse(Files.exists(dir.resolve("new")), "nothing is created");

        // an existing directory as the last path, or -o DIR (created), still take several inputs
        Files.createDirectories(dir.resolve("there"));
        assertEquals(0, run("encode", a.toString(), b.toString(), dir.resolve("there").toString()).status());
        assertTrue(Files.exists(dir.resolve("there/a.jpg")) && Files.exists(dir.resolve("there/b.jpg")));
        assertEquals(0, run("encode", a.toString(), b.toString(), "-o", dir.resolve("made").toString()).status());
        assertTrue(Files.exists(dir.resolve("made/b.jpg")));
    }

    /** A usage error from the command's own checks: the message, then the pointer to --help. */
    private static String oneLineUsageErrorWithHelpHint(MainTest.Run r) {
        assertEquals(2, r.status(), r.err());
        assertEquals(2, r.err().lines().count(), r.err());
        assertTrue(r.err().lines().toList().get(1).contains("--help"), r.err());
        return r.err().lines().findFirst().orElseThrow();
    }

    @Test
    void encodeRefusesAnOutputNameThatIsNotJpeg() throws Exception {
        Path in = TestFiles.smoothPng(dir.resolve("in.png"), 16, 16);
        for (String name : new String[] {"out.png", "out.ppm", "out"}) {
            String err = oneLineUsageErrorWithHelpHint(run("encode", in.toString(), dir.resolve(name).toString()));
            assertTrue(err.contains(name) && err.contains(".jpg"), err);
            assertFalse(Files.exists(dir.resolve(name)), name + " was written");
        }
        for (String name : new String[] {"a.jpg", "b.JPEG", "c.jpe", "d.jfif"}) {
            MainTest.Run r = run("encode", in.toString(), dir.resolve(name).toString());
            assertEquals(0, r.status(), name + ": " + r.err());
        }
        MainTest.Run piped = run("encode", in.toString(), "-");
        assertEquals(0, piped.status(), piped.err());
        assertEquals(16, new JpegDecoder().decode(piped.out()).width());
    }

    @Test
    void decodeRefusesAFormatThatContradictsTheOutputName() throws Exception {
        Path jpg = dir.resolve("in.jpg");
        assertEquals(0, run("encode", TestFiles.smoothPng(dir.resolve("in.png"), 16, 16).toString(), jpg.toString()).status());
        // an output name that is none of decode's formats was already refused
        oneLineUsageErrorWithHelpHint(run("decode", jpg.toString(), dir.resolve("out.jpg").toString()));
        // --format png used to write PNG bytes into out.ppm
        String err = oneLineUsageErrorWithHelpHint(run("decode", "--format", "png", jpg.toString(),
                dir.resolve("out.ppm").toString()));
        assertTrue(err.contains("--format png") && err.contains(".ppm"), err);
        assertFalse(Files.exists(dir.resolve("out.ppm")));
        assertEquals(0, run("decode", "--format", "PNG", jpg.toString(), dir.resolve("out.png").toString()).status());
        assertEquals(0, run("decode", "--format", "ppm", jpg.toString(), dir.resolve("o.pnm").toString()).status(),
                ".pnm is any of PPM and PGM");
    }

    @Test
    void tiffFilesInADirectoryAreEncoded() throws Exception {
        Path png = TestFiles.smoothPng(dir.resolve("src.png"), 24, 20);
        Path in = dir.resolve("in");
        Files.createDirectories(in.resolve("sub"));
        assertTrue(ImageIO.write(ImageIO.read(png.toFile()), "tiff", in.resolve("a.tif").toFile()), "no TIFF writer");
        assertTrue(ImageIO.write(ImageIO.read(png.toFile()), "tiff", in.resolve("sub/b.TIFF").toFile()));
        MainTest.Run r = run("encode", "--quiet", in.toString(), "-o", dir.resolve("out").toString());
        assertEquals(0, r.status(), r.err());
        assertEquals(24, new JpegDecoder().decode(Files.readAllBytes(dir.resolve("out/a.jpg"))).width());
        assertEquals(20, new JpegDecoder().decode(Files.readAllBytes(dir.resolve("out/sub/b.jpg"))).height());
    }

    @Test
    void completionPrintsABashScriptForEveryCommand() {
        MainTest.Run r = run("completion");
        assertEquals(0, r.status(), r.err());
        String script = r.outText();
        assertTrue(script.contains("complete -F") && script.contains("jpegmt"), script);
        for (String word : new String[] {"encode", "decode", "info", "bench", "--optimize", "--restart-rows", "--tsv"}) {
            assertTrue(script.contains(word), word);
        }
        MainTest.Run help = run("completion", "--help");
        assertEquals(0, help.status());
        assertTrue(help.outText().contains("Examples:"), help.outText());
    }

    /** Clusters are no longer parsed, but --help still shows the one-letter flags together, as before issue 18. */
    @Test
    void helpUsageLinesStillListOneLetterFlagsTogether() {
        assertTrue(MainTest.run("--help").outText().startsWith("Usage: jpegmt [-hV] [COMMAND]"));
        assertTrue(MainTest.run("decode", "--help").outText().startsWith("Usage: jpegmt decode [-fhV] [--debug]"));
        assertTrue(MainTest.run("encode", "--help").outText().startsWith("Usage: jpegmt encode [-fhV] [--debug]"));
    }
}
