package org.jpegmt.cli;

import static org.jpegmt.cli.MainTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.WritableRaster;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.jpegmt.core.JpegDecoder;
import org.jpegmt.core.JpegInfo;
import org.jpegmt.core.PixelFormat;
import org.jpegmt.core.PixelImage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 18: a 16-bit greyscale PNG was encoded as a 3-component 4:2:0 JPEG, grey+alpha too, and
 * alpha was dropped without a word.
 */
class DeepAndAlphaInputTest {
    private static final int W = 64;
    private static final int H = 48;

    private static final String ALPHA = ": warning: alpha channel dropped: JPEG has no transparency";

    @TempDir
    Path dir;

    /** Standard error is exactly one line saying that the file's alpha channel was dropped. */
    private static void assertAlphaReported(Path png, String err) {
        assertEquals(1, err.lines().count(), err);
        assertTrue(err.startsWith("jpegmt: " + png + ALPHA), err);
    }

    /** A 16-bit level for each pixel: a smooth ramp, so q100 reproduces it within a level or two. */
    private static int level16(int x, int y) {
        return (x * 700 + y * 400) % 65536;
    }

    private static Path writePng(Path file, BufferedImage img) throws Exception {
        assertTrue(ImageIO.write(img, "png", file.toFile()));
        return file;
    }

    private static BufferedImage greyAlpha(int dataType, boolean translucent) {
        ComponentColorModel cm = new ComponentColorModel(ColorSpace.getInstance(ColorSpace.CS_GRAY), true, false,
                Transparency.TRANSLUCENT, dataType);
        WritableRaster r = cm.createCompatibleWritableRaster(W, H);
        int max = dataType == DataBuffer.TYPE_BYTE ? 255 : 65535;
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                r.setSample(x, y, 0, max == 255 ? level16(x, y) >> 8 : level16(x, y));
                r.setSample(x, y, 1, translucent && x < 8 ? 0 : max);
            }
        }
        return new BufferedImage(cm, r, false, null);
    }

    private PixelImage encodeAndDecode(Path png, MainTest.Run[] result) throws Exception {
        Path jpg = dir.resolve(png.getFileName() + ".jpg");
        MainTest.Run r = run("encode", "-q", "100", png.toString(), jpg.toString());
        result[0] = r;
        assertEquals(0, r.status(), r.err());
        byte[] jpeg = Files.readAllBytes(jpg);
        JpegInfo info = new JpegDecoder().readInfo(jpeg);
        PixelImage img = new JpegDecoder().decode(jpeg);
        assertEquals(img.format().channels(), info.components().size());
        return img;
    }

    /** Mean absolute difference between the decoded grey and the 16-bit levels scaled to 8 bits. */
    private static double greyError(PixelImage img) {
        double sum = 0;
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                sum += Math.abs((img.data()[y * W + x] & 0xFF) - (level16(x, y) + 128) / 257);
            }
        }
        return sum / (W * H);
    }

    @Test
    void sixteenBitGreyPngIsEncodedAsOneComponentGrey() throws Exception {
        BufferedImage g = new BufferedImage(W, H, BufferedImage.TYPE_USHORT_GRAY);
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                g.getRaster().setSample(x, y, 0, level16(x, y));
            }
        }
        MainTest.Run[] r = new MainTest.Run[1];
        PixelImage img = encodeAndDecode(writePng(dir.resolve("g16.png"), g), r);
        assertEquals(PixelFormat.GRAY, img.format(), "components of a 16-bit grey PNG");
        assertTrue(greyError(img) < 1.5, "grey levels are the high bytes, not gamma-converted: error " + greyError(img));
        assertEquals("", r[0].err());
    }

    @Test
    void greyWithAlphaPngIsEncodedAsGreyAndTheAlphaIsReportedOnce() throws Exception {
        for (int type : new int[] {DataBuffer.TYPE_BYTE, DataBuffer.TYPE_USHORT}) {
            Path png = writePng(dir.resolve("ga" + type + ".png"), greyAlpha(type, true));
            MainTest.Run[] r = new MainTest.Run[1];
            PixelImage img = encodeAndDecode(png, r);
            assertEquals(PixelFormat.GRAY, img.format(), "grey+alpha, data type " + type);
            assertTrue(greyError(img) < 1.5, "grey levels kept: error " + greyError(img));
            assertAlphaReported(png, r[0].err());
        }
    }

    @Test
    void sixteenBitRgbPngIsEncodedAsColour() throws Exception {
        ComponentColorModel cm = new ComponentColorModel(ColorSpace.getInstance(ColorSpace.CS_sRGB), false, false,
                Transparency.OPAQUE, DataBuffer.TYPE_USHORT);
        WritableRaster r = cm.createCompatibleWritableRaster(W, H);
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                r.setSample(x, y, 0, level16(x, y));
                r.setSample(x, y, 1, level16(x, y));
                r.setSample(x, y, 2, level16(x, y));
            }
        }
        MainTest.Run[] run = new MainTest.Run[1];
        PixelImage img = encodeAndDecode(writePng(dir.resolve("rgb16.png"), new BufferedImage(cm, r, false, null)), run);
        assertEquals(PixelFormat.RGB, img.format());
        assertEquals("", run[0].err());
    }

    @Test
    void droppedAlphaIsReportedOncePerFileAndNotWithQuiet() throws Exception {
        BufferedImage argb = new BufferedImage(W, H, BufferedImage.TYPE_INT_ARGB);
        BufferedImage opaque = new BufferedImage(W, H, BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                argb.setRGB(x, y, (x * 4) << 24 | x << 16 | y << 8 | 99);
                opaque.setRGB(x, y, 0xFF000000 | x << 16 | y << 8 | 99);
            }
        }
        Path in = dir.resolve("in");
        Files.createDirectories(in);
        Path a = writePng(in.resolve("a.png"), argb);
        writePng(in.resolve("b.png"), opaque);
        writePng(in.resolve("c.png"), argb);

        MainTest.Run one = run("encode", a.toString(), dir.resolve("a.jpg").toString());
        assertEquals(0, one.status(), one.err());
        assertAlphaReported(a, one.err());

        MainTest.Run batch = run("encode", "--threads", "2", in.toString(), "-o", dir.resolve("out").toString());
        assertEquals(0, batch.status(), batch.err());
        assertEquals(2, batch.err().lines().filter(l -> l.contains(ALPHA)).count(), batch.err());
        assertTrue(!batch.err().contains("b.png"), "an opaque alpha channel loses nothing: " + batch.err());

        MainTest.Run quiet = run("encode", "--quiet", a.toString(), dir.resolve("q.jpg").toString());
        assertEquals(0, quiet.status(), quiet.err());
        assertEquals("", quiet.err());
    }
}
