package org.jpegmt.core.awt;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.IndexColorModel;
import java.awt.image.WritableRaster;
import org.jpegmt.core.PixelFormat;
import org.jpegmt.core.PixelImage;
import org.junit.jupiter.api.Test;

/** {@link BufferedImages#fromBufferedImage}: which pixel format each kind of image becomes, and its samples. */
class BufferedImagesTest {
    private static final int W = 7;
    private static final int H = 3;
    /** 16-bit samples around the rounding edges of v * 255 / 65535. */
    private static final int[] SAMPLES16 = {0, 0x0080, 0x0081, 0x7F7F, 0x7FFF, 0x8000, 0x80FF, 0xFEFF, 0xFF7F, 0xFFFF};

    private static int sample16(int x, int y) {
        return SAMPLES16[(y * W + x) % SAMPLES16.length];
    }

    /** cjpeg's scaling of a 16-bit PPM (maxval 65535) to 8 bits. */
    private static int to8(int v) {
        return (int) Math.round(v * 255.0 / 65535.0);
    }

    @Test
    void sixteenBitGreyBecomesOneComponentGreyScaledTo8Bits() {
        BufferedImage img = new BufferedImage(W, H, BufferedImage.TYPE_USHORT_GRAY);
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                img.getRaster().setSample(x, y, 0, sample16(x, y));
            }
        }
        PixelImage p = BufferedImages.fromBufferedImage(img);
        assertEquals(PixelFormat.GRAY, p.format());
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                assertEquals(to8(sample16(x, y)), p.data()[y * W + x] & 0xFF, "at " + x + "," + y);
            }
        }
    }

    @Test
    void greyWithAlphaBecomesGreyWithItsStoredLevels() {
        for (int type : new int[] {DataBuffer.TYPE_BYTE, DataBuffer.TYPE_USHORT}) {
            ComponentColorModel cm = new ComponentColorModel(ColorSpace.getInstance(ColorSpace.CS_GRAY), true, false,
                    Transparency.TRANSLUCENT, type);
            WritableRaster r = cm.createCompatibleWritableRaster(W, H);
            int max = type == DataBuffer.TYPE_BYTE ? 255 : 65535;
            for (int y = 0; y < H; y++) {
                for (int x = 0; x < W; x++) {
                    r.setSample(x, y, 0, (x * 37 + y * 11) * max / 255 % (max + 1));
                    r.setSample(x, y, 1, x * max / W);
                }
            }
            PixelImage p = BufferedImages.fromBufferedImage(new BufferedImage(cm, r, false, null));
            assertEquals(PixelFormat.GRAY, p.format(), "data type " + type);
            for (int y = 0; y < H; y++) {
                for (int x = 0; x < W; x++) {
                    int v = r.getSample(x, y, 0);
                    assertEquals(max == 255 ? v : to8(v), p.data()[y * W + x] & 0xFF, "at " + x + "," + y);
                }
            }
        }
    }

    @Test
    void sixteenBitRgbAndRgbaBecomeRgbScaledTo8Bits() {
        for (boolean alpha : new boolean[] {false, true}) {
            ComponentColorModel cm = new ComponentColorModel(ColorSpace.getInstance(ColorSpace.CS_sRGB), alpha, false,
                    alpha ? Transparency.TRANSLUCENT : Transparency.OPAQUE, DataBuffer.TYPE_USHORT);
            WritableRaster r = cm.createCompatibleWritableRaster(W, H);
            for (int y = 0; y < H; y++) {
                for (int x = 0; x < W; x++) {
                    for (int c = 0; c < 3; c++) {
                        r.setSample(x, y, c, sample16((x + c) % W, y));
                    }
                    if (alpha) {
                        r.setSample(x, y, 3, 1000 * x);
                    }
                }
            }
            PixelImage p = BufferedImages.fromBufferedImage(new BufferedImage(cm, r, false, null));
            assertEquals(PixelFormat.RGB, p.format());
            for (int i = 0; i < W * H * 3; i++) {
                int x = i / 3 % W;
                int y = i / 3 / W;
                assertEquals(to8(r.getSample(x, y, i % 3)), p.data()[i] & 0xFF, "sample " + i + " alpha " + alpha);
            }
        }
    }

    /** 8-bit inputs give what they gave before 16-bit support: the stored bytes, or getRGB's. */
    @Test
    void eightBitImagesAreConvertedAsBefore() {
        int[] types = {BufferedImage.TYPE_BYTE_GRAY, BufferedImage.TYPE_3BYTE_BGR, BufferedImage.TYPE_INT_RGB,
            BufferedImage.TYPE_INT_ARGB, BufferedImage.TYPE_INT_BGR, BufferedImage.TYPE_4BYTE_ABGR,
            BufferedImage.TYPE_USHORT_565_RGB, BufferedImage.TYPE_BYTE_INDEXED};
        for (int type : types) {
            BufferedImage img = new BufferedImage(W, H, type);
            for (int y = 0; y < H; y++) {
                for (int x = 0; x < W; x++) {
                    img.setRGB(x, y, (x * 30) << 24 | (x * 36) << 16 | (y * 80) << 8 | ((x * y * 13) & 0xFF));
                }
            }
            PixelImage p = BufferedImages.fromBufferedImage(img);
            if (type == BufferedImage.TYPE_BYTE_GRAY) {
                assertEquals(PixelFormat.GRAY, p.format());
                byte[] expected = new byte[W * H];
                img.getRaster().getDataElements(0, 0, W, H, expected);
                assertArrayEquals(expected, p.data());
                continue;
            }
            assertEquals(PixelFormat.RGB, p.format(), "type " + type);
            byte[] expected = new byte[W * H * 3];
            for (int i = 0; i < W * H; i++) {
                int rgb = img.getRGB(i % W, i / W);
                expected[3 * i] = (byte) (rgb >> 16);
                expected[3 * i + 1] = (byte) (rgb >> 8);
                expected[3 * i + 2] = (byte) rgb;
            }
            assertArrayEquals(expected, p.data(), "type " + type);
        }
    }

    @Test
    void indexedGreyPaletteStaysRgb() {
        byte[] levels = new byte[256];
        for (int i = 0; i < 256; i++) {
            levels[i] = (byte) i;
        }
        BufferedImage img = new BufferedImage(W, H, BufferedImage.TYPE_BYTE_INDEXED,
                new IndexColorModel(8, 256, levels, levels, levels));
        assertEquals(PixelFormat.RGB, BufferedImages.fromBufferedImage(img).format());
    }
}
