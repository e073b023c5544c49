package org.jpegmt.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The progress bar: what it draws, that it fits a terminal line, and that it is silent when off. */
class ProgressTest {
    @Test
    void rendersCountPercentAndName() {
        assertEquals("[######..................] 1/4 files 25%  a.png", Progress.render(1, 4, "files", "a.png"));
        assertEquals("[########################] 4/4 files 100%", Progress.render(4, 4, "files", null));
    }

    @Test
    void longNamesAreCutFromTheLeftToFitEightyColumns() {
        String line = Progress.render(3, 10, "files", "x/".repeat(100) + "photo.png");
        assertTrue(line.length() <= 79, line);
        assertTrue(line.endsWith("photo.png"), line);
    }

    @Test
    void drawsWithCarriageReturnsAndErasesAtTheEnd() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Progress p = new Progress(new PrintStream(bytes, true, StandardCharsets.UTF_8), true, 2, "files");
        p.advance(1, "a");
        p.advance(1, "b");
        p.finish();
        String s = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(s.startsWith("\r[") && s.contains("2/2 files 100%") && s.endsWith("\r"), s);
        assertTrue(!s.contains("\n"), "never a newline");
    }

    @Test
    void disabledBarPrintsNothing() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Progress p = new Progress(new PrintStream(bytes, true, StandardCharsets.UTF_8), false, 2, "files");
        p.advance(2, "a");
        p.finish();
        assertEquals(0, bytes.size());
    }

    @Test
    void onlyBigSingleImagesGetAStepBar() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        EncodeCommand cmd = new EncodeCommand();
        cmd.stderr = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        cmd.terminal = true;
        ConvertCommand.Runner small = cmd.new Runner(null, 1, true);
        small.read(1_000_000, "small.png");
        small.step("small.jpg");
        small.finish();
        assertEquals(0, bytes.size(), "a small image draws nothing");

        ConvertCommand.Runner big = cmd.new Runner(null, 1, true);
        big.read(ConvertCommand.BIG_IMAGE_PIXELS, "big.png");
        big.step("big.png (encoded)");
        big.finish();
        String s = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(s.contains("1/3 steps") && s.contains("2/3 steps"), s);

        bytes.reset();
        cmd.quiet = true;
        ConvertCommand.Runner quiet = cmd.new Runner(null, 1, true);
        quiet.read(ConvertCommand.BIG_IMAGE_PIXELS, "big.png");
        quiet.finish();
        assertEquals(0, bytes.size(), "--quiet draws nothing");
    }
}
