package org.jpegmt.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.jpegmt.core.JpegDecoder;
import org.jpegmt.core.JpegInfo;
import org.jpegmt.core.PixelImage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** End-to-end tests of the command through its entry point, in process. */
class MainTest {
    @TempDir
    Path dir;

    /** The result of one run: exit status and what went to stdout/stderr. */
    record Run(int status, byte[] out, String err) {
        String outText() {
            return new String(out, StandardCharsets.UTF_8);
        }
    }

    static Run run(byte[] stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Main.run(new ByteArrayInputStream(stdin), out, new PrintStream(err, true, StandardCharsets.UTF_8), args);
        return new Run(status, out.toByteArray(), err.toString(StandardCharsets.UTF_8));
    }

    static Run run(String... args) {
        return run(new byte[0], args);
    }

    private Path png(String name, int w, int h) throws Exception {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                img.setRGB(x, y, (x * 255 / w) << 16 | (y * 255 / h) << 8 | ((x ^ y) & 0xFF));
            }
        }
        Path p = dir.resolve(name);
        ImageIO.write(img, "png", p.toFile());
        return p;
    }

    @Test
    void encodeThenDecodeRoundTripsThroughFiles() throws Exception {
        Path in = png("in.png", 67, 45);
        Path jpg = dir.resolve("out.jpg");
        Run enc = run("encode", "-q", "90", "-s", "444", in.toString(), jpg.toString());
        assertEquals(0, enc.status(), enc.err());
        JpegInfo info = new JpegDecoder().readInfo(Files.readAllBytes(jpg));
        assertEquals(67, info.width());
        assertEquals("4:4:4", info.subsampling());
        assertTrue(info.restartInterval() > 0, "one restart marker per MCU row by default");

        Path ppm = dir.resolve("out.ppm");
        Run dec = run("decode", jpg.toString(), ppm.toString());
        assertEquals(0, dec.status(), dec.err());
        assertTrue(new String(Files.readAllBytes(ppm), 0, 2, StandardCharsets.US_ASCII).equals("P6"));
    }

    @Test
    void refusesToOverwriteWithoutForce() throws Exception {
        Path in = png("in.png", 16, 16);
        Path jpg = dir.resolve("out.jpg");
        Files.writeString(jpg, "precious");
        Run r = run("encode", in.toString(), jpg.toString());
        assertEquals(1, r.status());
        assertTrue(r.err().contains("--force"), r.err());
        assertEquals("precious", Files.readString(jpg));
        assertEquals(0, run("encode", "--force", in.toString(), jpg.toString()).status());
        assertFalse(Files.readString(jpg, StandardCharsets.ISO_8859_1).equals("precious"));
    }

    @Test
    void corruptInputFailsWithOneLineAndLeavesNoFile() throws Exception {
        Path bad = dir.resolve("bad.jpg");
        Files.write(bad, new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xC0, 0, 11, 8, (byte) 0xFF});
        Path out = dir.resolve("bad.ppm");
        Run r = run("decode", bad.toString(), out.toString());
        assertEquals(1, r.status());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().startsWith("jpegmt: "), r.err());
        assertFalse(Files.exists(out));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(0, files.filter(p -> p.getFileName().toString().endsWith(".tmp")).count(), "temp file left");
        }
    }

    @Test
    void usageErrorsExitWithTwo() {
        assertEquals(2, run("encode", "only-one-arg").status());
        assertEquals(2, run("encode", "--quality").status());
        assertEquals(2, run("frobnicate").status());
    }

    @Test
    void badOptionValueIsAnErrorNotACrash() throws Exception {
        Path in = png("in.png", 8, 8);
        Run r = run("encode", "-q", "0", in.toString(), dir.resolve("x.jpg").toString());
        assertTrue(r.status() != 0);
        assertTrue(r.err().contains("quality"), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
    }

    @Test
    void stdinToStdout() throws Exception {
        Path in = png("in.png", 20, 10);
        Run enc = run(Files.readAllBytes(in), "encode", "-", "-");
        assertEquals(0, enc.status(), enc.err());
        PixelImage img = new JpegDecoder().decode(enc.out());
        assertEquals(20, img.width());
        Run dec = run(enc.out(), "decode", "-", "-");
        assertEquals(0, dec.status(), dec.err());
        assertTrue(dec.outText().startsWith("P6\n20 10\n255\n"));
        assertEquals(20 * 10 * 3 + "P6\n20 10\n255\n".length(), dec.out().length);
    }

    @Test
    void outputNeverReplacesItsInput() throws Exception {
        Path in = png("same.png", 8, 8);
        byte[] before = Files.readAllBytes(in);
        Run r = run("encode", "--force", in.toString(), in.toString());
        assertTrue(r.status() != 0); // 2 since encode refuses a .png output name
        assertArrayEquals(before, Files.readAllBytes(in));

        Path jpg = dir.resolve("same.jpg"); // re-encoding a JPEG over itself
        assertEquals(0, run("encode", in.toString(), jpg.toString()).status());
        byte[] jpeg = Files.readAllBytes(jpg);
        assertEquals(1, run("encode", "--force", jpg.toString(), jpg.toString()).status());
        assertArrayEquals(jpeg, Files.readAllBytes(jpg));
    }

    @Test
    void infoDescribesAFile() throws Exception {
        Path in = png("in.png", 40, 30);
        Path jpg = dir.resolve("i.jpg");
        run("encode", in.toString(), jpg.toString());
        Run r = run("info", jpg.toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(r.outText().contains("40x30"), r.outText());
        assertTrue(r.outText().contains("4:2:0"), r.outText());
    }
}
