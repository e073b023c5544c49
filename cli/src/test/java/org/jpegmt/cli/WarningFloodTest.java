package org.jpegmt.cli;

import static org.jpegmt.cli.MainTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.jpegmt.core.DecoderOptions;
import org.jpegmt.core.JpegDecoder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Issue 18, "warning floods": a damaged file shows its first warning and a count of the others
 * on one line, every warning with --verbose and none with --quiet, per file in a batch, and
 * never on the progress bar's line.
 */
class WarningFloodTest {
    @TempDir
    Path dir;

    /** A JPEG with a restart marker every MCU row, cut in the middle of its scan. */
    private Path truncatedJpeg(String name) throws Exception {
        Path png = TestFiles.smoothPng(dir.resolve("src").resolve(name + ".png"), 256, 256);
        Path whole = dir.resolve("src").resolve(name + ".jpg");
        assertEquals(0, run("encode", "-q", "90", png.toString(), whole.toString()).status());
        byte[] jpeg = Files.readAllBytes(whole);
        Path cut = dir.resolve("in").resolve(name + ".jpg");
        Files.createDirectories(cut.getParent());
        return Files.write(cut, Arrays.copyOf(jpeg, jpeg.length / 2));
    }

    /** How many warnings the library reports for the file. */
    private static long libraryWarnings(Path jpeg) throws Exception {
        AtomicLong n = new AtomicLong();
        new JpegDecoder(DecoderOptions.defaults().withWarningListener((m, o) -> n.incrementAndGet()))
                .decode(Files.readAllBytes(jpeg));
        return n.get();
    }

    private static List<String> warningLines(String err) {
        return err.lines().filter(l -> l.contains(": warning: ")).toList();
    }

    @Test
    void truncatedJpegPrintsItsFirstWarningAndACountInsteadOfAFlood() throws Exception {
        Path cut = truncatedJpeg("t");
        long total = libraryWarnings(cut);
        assertTrue(total > 3, "the test file should raise many warnings, got " + total);

        MainTest.Run r = run("decode", cut.toString(), dir.resolve("t.ppm").toString());

        assertEquals(0, r.status(), r.err());
        List<String> lines = warningLines(r.err());
        assertEquals(1, lines.size(), r.err());
        assertEquals(1, r.err().lines().count(), r.err());
        String line = lines.get(0);
        assertTrue(line.startsWith("jpegmt: " + cut + ": warning: "), line);
        assertTrue(line.endsWith(" (and " + (total - 1) + " more warnings; --verbose shows them)"), line);
    }

    @Test
    void verbosePrintsEveryWarningAndQuietNone() throws Exception {
        Path cut = truncatedJpeg("t");
        long total = libraryWarnings(cut);

        MainTest.Run verbose = run("decode", "--verbose", cut.toString(), dir.resolve("v.ppm").toString());
        assertEquals(0, verbose.status(), verbose.err());
        assertEquals(total, warningLines(verbose.err()).size(), verbose.err());
        assertTrue(!verbose.err().contains("more warning"), verbose.err());

        MainTest.Run quiet = run("decode", "--quiet", cut.toString(), dir.resolve("q.ppm").toString());
        assertEquals(0, quiet.status(), quiet.err());
        assertEquals("", quiet.err());

        MainTest.Run encode = run("encode", "--quiet", cut.toString(), dir.resolve("q.jpg").toString());
        assertEquals(0, encode.status(), encode.err());
        assertEquals("", encode.err());
    }

    @Test
    void reEncodingADamagedJpegWarnsOnceToo() throws Exception {
        Path cut = truncatedJpeg("t");
        MainTest.Run r = run("encode", cut.toString(), dir.resolve("re.jpg").toString());
        assertEquals(0, r.status(), r.err());
        assertEquals(1, warningLines(r.err()).size(), r.err());
        assertTrue(r.err().contains("more warnings; --verbose shows them)"), r.err());
    }

    @Test
    void batchCountsWarningsPerFileOnOneLineEach() throws Exception {
        Path a = truncatedJpeg("a");
        Path b = truncatedJpeg("b");
        Files.copy(dir.resolve("src/a.jpg"), dir.resolve("in/good.jpg"));
        long perFile = libraryWarnings(a);

        MainTest.Run r = run("decode", "--threads", "2", dir.resolve("in").toString(), "-o", dir.resolve("out").toString());

        assertEquals(0, r.status(), r.err());
        List<String> lines = warningLines(r.err());
        assertEquals(2, lines.size(), r.err());
        for (Path p : List.of(a, b)) {
            String mine = "jpegmt: " + p + ": warning: ";
            List<String> own = lines.stream().filter(l -> l.startsWith(mine)).toList();
            assertEquals(1, own.size(), r.err());
            assertTrue(own.get(0).endsWith(" (and " + (perFile - 1) + " more warnings; --verbose shows them)"), own.get(0));
        }
        assertTrue(r.err().contains("3 files converted, 0 failed"), r.err());
    }

    /** What a terminal shows of one line: each carriage return goes back to column 0 and overwrites. */
    private static String onScreen(String line) {
        StringBuilder screen = new StringBuilder();
        int col = 0;
        for (char c : line.toCharArray()) {
            if (c == '\r') {
                col = 0;
            } else {
                if (col < screen.length()) {
                    screen.setCharAt(col, c);
                } else {
                    screen.append(c);
                }
                col++;
            }
        }
        return screen.toString().stripTrailing();
    }

    /** With the bar drawn (a terminal), every warning starts its own line once the bar is erased. */
    @Test
    void warningsNeverLandOnTheProgressBarLine() throws Exception {
        truncatedJpeg("a");
        truncatedJpeg("b");
        truncatedJpeg("c");
        for (String verbosity : new String[] {"--threads=2", "--verbose"}) {
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            DecodeCommand cmd = new DecodeCommand();
            cmd.streams(new ByteArrayInputStream(new byte[0]), new ByteArrayOutputStream(),
                    new PrintStream(err, true, StandardCharsets.UTF_8));
            cmd.terminal = true;
            int status = new CommandLine(cmd).execute(verbosity, "-o", dir.resolve("out" + verbosity).toString(),
                    dir.resolve("in").toString());
            String text = err.toString(StandardCharsets.UTF_8);
            assertEquals(0, status, text);
            assertTrue(text.contains("files "), "the bar was drawn: " + text);
            int warnings = 0;
            for (String line : text.split("\n")) {
                String seen = onScreen(line);
                if (seen.contains(": warning: ")) {
                    warnings++;
                    assertTrue(seen.startsWith("jpegmt: ") && !seen.contains(" files "),
                            "warning printed on the bar's line: " + line.replace("\r", "\\r"));
                }
            }
            assertTrue(warnings >= 3, text);
        }
    }
}
