package org.jpegmt.core.internal;

import org.jpegmt.core.PixelImage;
import org.jpegmt.core.PixelFormat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/** Deterministic synthetic test pictures, and PNM files for command-line tools. */
final class EncoderTestImages {
    private EncoderTestImages() {
    }

    /**
     * Smooth gradients, noise, sharp edges and saturated patches (pure red/blue, black,
     * white) so every coefficient size, long zero runs and 0xFF bytes all occur.
     */
    static PixelImage rgb(int w, int h, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        byte[] d = new byte[w * h * 3];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int i = (y * w + x) * 3;
                int r = (x * 255) / Math.max(1, w - 1);
                int g = (y * 255) / Math.max(1, h - 1);
                int b = 128 + (int) (100 * Math.sin((x + 2 * y) * 0.07));
                int noise = rnd.nextInt(41) - 20;
                int zone = ((x / 13) + (y / 11)) % 7;
                switch (zone) {
                    case 0: r = 255; g = 0; b = 0; break;           // pure red
                    case 1: r = 0; g = 0; b = 255; break;           // pure blue
                    case 2: r += noise; g += noise; b -= noise; break;
                    case 3: r = g = b = ((x ^ y) & 4) != 0 ? 255 : 0; break; // checkerboard edges
                    case 4: r = rnd.nextInt(256); g = rnd.nextInt(256); b = rnd.nextInt(256); break;
                    default: break;                                  // smooth
                }
                d[i] = (byte) clamp(r);
                d[i + 1] = (byte) clamp(g);
                d[i + 2] = (byte) clamp(b);
            }
        }
        return new PixelImage(w, h, PixelFormat.RGB, d);
    }

    /** A grey picture made the same way (the green-ish mix of {@link #rgb}). */
    static PixelImage gray(int w, int h, long seed) {
        PixelImage c = rgb(w, h, seed);
        byte[] d = new byte[w * h];
        for (int i = 0; i < d.length; i++) {
            d[i] = (byte) (((c.data()[3 * i] & 0xFF) + 2 * (c.data()[3 * i + 1] & 0xFF) + (c.data()[3 * i + 2] & 0xFF)) / 4);
        }
        return new PixelImage(w, h, PixelFormat.GRAY, d);
    }

    private static int clamp(int v) {
        return Math.max(0, Math.min(255, v));
    }

    /** Writes a binary PPM (RGB) or PGM (GRAY). */
    static void writePnm(PixelImage img, Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            String magic = img.format() == PixelFormat.GRAY ? "P5" : "P6";
            out.write((magic + "\n" + img.width() + " " + img.height() + "\n255\n").getBytes(StandardCharsets.US_ASCII));
            out.write(img.data());
        }
    }

    /** Reads a binary PPM/PGM as written by djpeg. */
    static PixelImage readPnm(Path file) throws IOException {
        byte[] b = Files.readAllBytes(file);
        int[] pos = {0};
        String magic = token(b, pos);
        int w = Integer.parseInt(token(b, pos));
        int h = Integer.parseInt(token(b, pos));
        token(b, pos);
        pos[0]++;
        PixelFormat f = magic.equals("P5") ? PixelFormat.GRAY : PixelFormat.RGB;
        byte[] data = java.util.Arrays.copyOfRange(b, pos[0], pos[0] + w * h * f.channels());
        return new PixelImage(w, h, f, data);
    }

    private static String token(byte[] b, int[] pos) {
        while (Character.isWhitespace(b[pos[0]])) {
            pos[0]++;
        }
        int s = pos[0];
        while (!Character.isWhitespace(b[pos[0]])) {
            pos[0]++;
        }
        return new String(b, s, pos[0] - s, StandardCharsets.US_ASCII);
    }
}
