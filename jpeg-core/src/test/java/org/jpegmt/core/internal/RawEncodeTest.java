package org.jpegmt.core.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.jpegmt.core.EncoderOptions;
import org.jpegmt.core.JpegDecoder;
import org.jpegmt.core.JpegEncoder;
import org.jpegmt.core.PixelFormat;
import org.jpegmt.core.PixelImage;
import org.jpegmt.core.Subsampling;
import org.junit.jupiter.api.Test;

/**
 * {@link EncodeJob#createRaw}: samples coded as they are. Pinned against the normal encoder
 * (itself byte-identical to cjpeg): raw grey samples, and raw YCbCr samples made with cjpeg's
 * colour conversion, give the normal encoder's file without its JFIF APP0.
 */
class RawEncodeTest {
    private static final int JFIF_LENGTH = 2 + 16; // marker + length field + 14 bytes

    /** The encoder's file with the JFIF APP0 that follows SOI cut out. */
    private static byte[] withoutJfif(byte[] file) {
        assertEquals(0xE0, file[3] & 0xFF, "APP0 after SOI");
        byte[] out = new byte[file.length - JFIF_LENGTH];
        System.arraycopy(file, 0, out, 0, 2);
        System.arraycopy(file, 2 + JFIF_LENGTH, out, 2, out.length - 2);
        return out;
    }

    @Test
    void rawGreyEqualsGreyEncodeWithoutJfif() {
        for (int[] size : new int[][] {{1, 1}, {17, 9}, {64, 48}, {203, 77}}) {
            PixelImage grey = EncoderTestImages.gray(size[0], size[1], 3);
            for (EncoderOptions o : new EncoderOptions[] {EncoderOptions.defaults(),
                    EncoderOptions.defaults().withQuality(93).withRestartMcus(5),
                    EncoderOptions.defaults().withOptimizeHuffman(true).withRestartRows(1)}) {
                byte[] raw = EncodeJob.createRaw(grey.data(), size[0], size[1], new int[] {1}, 1, 1, new int[] {0}, o)
                        .encodeAll();
                assertArrayEquals(withoutJfif(new JpegEncoder(o).encode(grey)), raw, Arrays.toString(size) + " " + o);
            }
        }
    }

    @Test
    void rawYccEqualsRgbEncodeWithoutJfif() {
        int w = 77;
        int h = 45;
        PixelImage rgb = EncoderTestImages.rgb(w, h, 11);
        byte[] y = new byte[w * h];
        byte[] cb = new byte[w * h];
        byte[] cr = new byte[w * h];
        RgbToYcc.rowToYcc(rgb.data(), 0, w * h, y, cb, cr, 0);
        byte[] ycc = new byte[w * h * 3];
        for (int i = 0; i < w * h; i++) {
            ycc[3 * i] = y[i];
            ycc[3 * i + 1] = cb[i];
            ycc[3 * i + 2] = cr[i];
        }
        for (Subsampling s : new Subsampling[] {Subsampling.S444, Subsampling.S422, Subsampling.S420}) {
            EncoderOptions o = EncoderOptions.defaults().withSubsampling(s).withRestartRows(1);
            byte[] raw = EncodeJob.createRaw(ycc, w, h, new int[] {1, 2, 3}, s.lumaH(), s.lumaV(), new int[] {0, 1, 1},
                    o).encodeAll();
            assertArrayEquals(withoutJfif(new JpegEncoder(o).encode(rgb)), raw, s.toString());
        }
    }

    @Test
    void fourRawBandsComeBackAsStored() throws Exception {
        int w = 40;
        int h = 23;
        byte[] cmyk = new byte[w * h * 4];
        for (int i = 0; i < w * h; i++) {
            int x = i % w;
            int yy = i / w;
            for (int c = 0; c < 4; c++) {
                cmyk[4 * i + c] = (byte) (30 + 3 * x + 2 * yy + 20 * c);
            }
        }
        EncoderOptions o = EncoderOptions.defaults().withQuality(100);
        byte[] file = EncodeJob.createRaw(cmyk, w, h, new int[] {1, 2, 3, 4}, 1, 1, new int[] {0, 0, 0, 0}, o)
                .encodeAll();
        PixelImage back = new JpegDecoder().decode(file);
        assertEquals(PixelFormat.CMYK, back.format());
        int max = 0;
        for (int i = 0; i < cmyk.length; i++) {
            max = Math.max(max, Math.abs((back.data()[i] & 0xFF) - (cmyk[i] & 0xFF)));
        }
        assertTrue(max <= 2, "max difference " + max);
    }

    @Test
    void refusesWhatTheScanEncoderCannotCode() {
        EncoderOptions o = EncoderOptions.defaults();
        byte[] two = new byte[8 * 8 * 2];
        assertThrows(IllegalArgumentException.class,
                () -> EncodeJob.createRaw(new byte[8 * 8 * 5], 8, 8, new int[5], 1, 1, new int[5], o));
        assertThrows(IllegalArgumentException.class,
                () -> EncodeJob.createRaw(two, 8, 8, new int[] {1, 2}, 1, 2, new int[] {0, 1}, o));
        assertThrows(IllegalArgumentException.class,
                () -> EncodeJob.createRaw(two, 8, 8, new int[] {1, 2}, 1, 1, new int[] {0, 2}, o));
        assertThrows(IllegalArgumentException.class,
                () -> EncodeJob.createRaw(two, 8, 7, new int[] {1, 2}, 1, 1, new int[] {0, 1}, o));
    }
}
