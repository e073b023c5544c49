package org.jpegmt.mt;

import java.util.Random;
import org.jpegmt.core.PixelFormat;
import org.jpegmt.core.PixelImage;

/** Deterministic test pictures: gradients, a hard-edged block and noise. */
final class MtTestImages {
    private MtTestImages() {
    }

    static PixelImage make(int w, int h, PixelFormat format, long seed) {
        Random rnd = new Random(seed);
        int ch = format.channels();
        byte[] px = new byte[w * h * ch];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                boolean block = x > w / 4 && x < w / 2 && y > h / 3 && y < 2 * h / 3;
                for (int c = 0; c < ch; c++) {
                    int v = block ? (c == 0 ? 230 : 25) : (x * (c + 1) * 97 / Math.max(1, w) + y * 131 / Math.max(1, h)) & 0xFF;
                    v += (int) (rnd.nextGaussian() * 5);
                    px[(y * w + x) * ch + c] = (byte) Math.max(0, Math.min(255, v));
                }
            }
        }
        return new PixelImage(w, h, format, px);
    }
}
