package org.jpegmt.imageio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import javax.imageio.ImageIO;
import javax.imageio.stream.ImageInputStream;
import org.jpegmt.core.awt.BufferedImages;
import org.jpegmt.core.EncoderOptions;
import org.jpegmt.core.JpegDecoder;
import org.jpegmt.core.JpegEncoder;

/** Generated pictures, jpegmt encodes of them, and sample-exact image comparison. */
final class TestImages {
    private TestImages() {
    }

    /** Smooth colour ramps and waves with a little deterministic texture. */
    static BufferedImage rgb(int w, int h) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int r = x * 255 / Math.max(1, w - 1);
                int g = y * 255 / Math.max(1, h - 1);
                int b = (int) (128 + 90 * Math.sin(x / 5.0) * Math.cos(y / 7.0)) + ((x * y) & 7);
                img.setRGB(x, y, (r << 16) | (g << 8) | b);
            }
        }
        return img;
    }

    /** A grey ramp with texture, as {@code TYPE_BYTE_GRAY}. */
    static BufferedImage gray(int w, int h) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                img.getRaster().setSample(x, y, 0, ((x + y) * 3 + ((x * y) & 31)) & 0xFF);
            }
        }
        return img;
    }

    static byte[] encode(BufferedImage img, EncoderOptions options) {
        return new JpegEncoder(options).encode(BufferedImages.fromBufferedImage(img));
    }

    /** jpegmt's own decode, as the plugin must return it. */
    static BufferedImage decode(byte[] jpeg) throws IOException {
        return BufferedImages.toBufferedImage(new JpegDecoder().decode(jpeg));
    }

    static ImageInputStream stream(byte[] bytes) throws IOException {
        return ImageIO.createImageInputStream(new ByteArrayInputStream(bytes));
    }

    static byte[] concat(byte[] a, byte[] b) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(a);
        out.writeBytes(b);
        return out.toByteArray();
    }

    /** Same size, same number of bands, same samples (colour models aside). */
    static void assertSamplesEqual(BufferedImage expected, BufferedImage actual, String what) {
        assertEquals(expected.getWidth(), actual.getWidth(), what + ": width");
        assertEquals(expected.getHeight(), actual.getHeight(), what + ": height");
        Raster e = expected.getRaster();
        Raster a = actual.getRaster();
        assertEquals(e.getNumBands(), a.getNumBands(), what + ": bands");
        int w = expected.getWidth();
        for (int y = 0; y < expected.getHeight(); y++) {
            int[] er = e.getPixels(0, y, w, 1, (int[]) null);
            int[] ar = a.getPixels(0, y, w, 1, (int[]) null);
            final int row = y;
            assertArrayEquals(er, ar, () -> what + ": row " + row);
        }
    }

    /**
     * The expected result of reading {@code full} with a source region and subsampling,
     * computed pixel by pixel.
     */
    static BufferedImage crop(BufferedImage full, int x0, int y0, int w, int h, int xs, int ys) {
        int dw = (w + xs - 1) / xs;
        int dh = (h + ys - 1) / ys;
        BufferedImage out = new BufferedImage(dw, dh, full.getType());
        int[] px = new int[full.getRaster().getNumBands()];
        for (int y = 0; y < dh; y++) {
            for (int x = 0; x < dw; x++) {
                full.getRaster().getPixel(x0 + x * xs, y0 + y * ys, px);
                out.getRaster().setPixel(x, y, px);
            }
        }
        return out;
    }
}
