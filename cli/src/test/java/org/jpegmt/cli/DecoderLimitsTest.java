package org.jpegmt.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 18, decompression bombs: the decoder limits on the command line, and strict mode's early refusal. */
class DecoderLimitsTest {
    @TempDir
    Path dir;

    private Path jpeg(String name, int w, int h) throws Exception {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                img.setRGB(x, y, (x * 7) << 16 | (y * 3) << 8 | ((x ^ y) & 0xFF));
            }
        }
        Path png = dir.resolve(name + ".png");
        ImageIO.write(img, "png", png.toFile());
        Path jpg = dir.resolve(name + ".jpg");
        MainTest.Run r = MainTest.run("encode", "--restart-rows", "0", png.toString(), jpg.toString());
        assertEquals(0, r.status(), r.err());
        return jpg;
    }

    /** One error line naming the file, and no output file. */
    private void assertRefused(MainTest.Run r, Path out, String reason) {
        assertEquals(1, r.status(), "a refused input fails (1), it is no usage error (2)");
        String[] lines = r.err().strip().split("\n");
        assertEquals(1, lines.length, r.err());
        assertTrue(lines[0].startsWith("jpegmt: "), r.err());
        assertTrue(lines[0].contains(reason), r.err());
        assertFalse(Files.exists(out), "nothing written for a refused input");
    }

    @Test
    void maxPixelsRefusesALargerImage() throws Exception {
        Path jpg = jpeg("a", 100, 80);
        Path out = dir.resolve("a.ppm");
        assertRefused(MainTest.run("decode", "--max-pixels", "7999", jpg.toString(), out.toString()), out,
                "over the limit of 7999");
        MainTest.Run ok = MainTest.run("decode", "--max-pixels", "8000", jpg.toString(), out.toString());
        assertEquals(0, ok.status(), ok.err());
    }

    @Test
    void aBadLimitIsOneUsageErrorBeforeAnyFile() throws Exception {
        Path a = jpeg("d", 16, 16);
        Path b = jpeg("e", 16, 16);
        for (String[] args : new String[][] {
            {"decode", "--max-pixels", "0", a.toString(), b.toString(), "-o", dir.resolve("o").toString()},
            {"info", "--max-memory", "0", a.toString()},
            {"encode", "--max-pixels-per-byte", "0", a.toString(), dir.resolve("x.jpg").toString()},
        }) {
            MainTest.Run r = MainTest.run(args);
            assertEquals(2, r.status(), r.err());
            assertEquals(1, r.err().lines().filter(l -> l.contains("must be at least 1")).count(), r.err());
        }
        assertFalse(Files.exists(dir.resolve("o")));
    }

    @Test
    void maxMemoryRefusesAnImageThatNeedsMore() throws Exception {
        Path jpg = jpeg("b", 100, 80);
        Path out = dir.resolve("b.ppm");
        assertRefused(MainTest.run("decode", "--max-memory", "20000", jpg.toString(), out.toString()), out,
                "over the limit of 20000");
    }

    /** A small JPEG whose frame header claims 12000 x 12000 pixels. */
    private Path bomb() throws Exception {
        byte[] data = Files.readAllBytes(jpeg("c", 16, 16));
        for (int i = 0; i + 8 < data.length; i++) {
            if ((data[i] & 0xFF) == 0xFF && (data[i + 1] & 0xFF) == 0xC0) { // SOF0: claim 12000 x 12000
                data[i + 5] = (byte) (12000 >> 8);
                data[i + 6] = (byte) (12000 & 0xFF);
                data[i + 7] = (byte) (12000 >> 8);
                data[i + 8] = (byte) (12000 & 0xFF);
                break;
            }
        }
        Path bomb = dir.resolve("bomb.jpg");
        Files.write(bomb, data);
        return bomb;
    }

    @Test
    void decompressionBombIsRefusedByDefaultForItsPixelsPerByte() throws Exception {
        Path bomb = bomb();
        Path out = dir.resolve("bomb.ppm");
        assertRefused(MainTest.run("decode", bomb.toString(), out.toString()), out, "pixels per byte");
    }

    @Test
    void decompressionBombIsRefusedInStrictModeBeforeDecoding() throws Exception {
        Path bomb = bomb();
        Path out = dir.resolve("bomb.ppm");
        assertRefused(MainTest.run("decode", "--strict", "--max-pixels-per-byte", "1000000000", bomb.toString(),
                out.toString()), out, "too short for a 12000x12000 image");
    }
}
