package org.jpegmt.robustness;

import java.util.Random;
import org.jpegmt.core.EncoderOptions;
import org.jpegmt.core.JpegEncoder;
import org.jpegmt.core.PixelFormat;
import org.jpegmt.core.PixelImage;
import org.jpegmt.core.Subsampling;

/** Test images and files made by our own encoder (nothing third-party is committed). */
final class Images {
    private Images() {
    }

    /** A smooth picture with some texture, deterministic for a seed. */
    static PixelImage picture(int w, int h, PixelFormat format, long seed) {
        Random r = new Random(seed);
        int ch = format.channels();
        byte[] px = new byte[w * h * ch];
        int fx = 1 + r.nextInt(7);
        int fy = 1 + r.nextInt(7);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                for (int c = 0; c < ch; c++) {
                    double v = 128 + 60 * Math.sin((x * fx + c * 17) / 9.0) + 50 * Math.cos((y * fy - c * 5) / 7.0);
                    px[(y * w + x) * ch + c] = (byte) Math.max(0, Math.min(255, (int) v + r.nextInt(9) - 4));
                }
            }
        }
        return new PixelImage(w, h, format, px);
    }

    static byte[] jpeg(int w, int h, Subsampling sub, int quality, int restartRows, long seed) {
        EncoderOptions o = EncoderOptions.defaults().withSubsampling(sub).withQuality(quality).withRestartRows(restartRows);
        return new JpegEncoder(o).encode(picture(w, h, PixelFormat.RGB, seed));
    }

    /** @return offset of the first byte after the SOS segment */
    static int scanData(byte[] jpeg) {
        for (int i = 2; i + 3 < jpeg.length; i++) {
            if (jpeg[i] == (byte) 0xFF && jpeg[i + 1] == (byte) 0xDA) {
                return i + 2 + (((jpeg[i + 2] & 0xFF) << 8) | (jpeg[i + 3] & 0xFF));
            }
        }
        throw new IllegalArgumentException("no SOS");
    }

    /** @return offset of the first SOS marker (its FF) */
    static int sos(byte[] jpeg) {
        for (int i = 2; i + 1 < jpeg.length; i++) {
            if (jpeg[i] == (byte) 0xFF && jpeg[i + 1] == (byte) 0xDA) {
                return i;
            }
        }
        throw new IllegalArgumentException("no SOS");
    }
}
