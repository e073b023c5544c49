package org.jpegmt.conformance;

import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.zip.GZIPInputStream;
import org.jpegmt.core.PixelFormat;
import org.jpegmt.core.PixelImage;

/** Pixel plumbing shared by the checks: reference files, comparisons, test images. */
final class Pixels {
    private Pixels() {
    }

    /** Reads a binary PGM/PPM reference (optionally .gz), as djpeg writes them. */
    static PixelImage readPnm(Path file) throws IOException {
        byte[] data;
        try (InputStream in = file.toString().endsWith(".gz")
                ? new GZIPInputStream(Files.newInputStream(file)) : Files.newInputStream(file)) {
            data = in.readAllBytes();
        }
        if (data.length < 2 || data[0] != 'P' || (data[1] != '5' && data[1] != '6')) {
            throw new IOException(file + ": not a binary PGM/PPM");
        }
        PixelFormat format = data[1] == '5' ? PixelFormat.GRAY : PixelFormat.RGB;
        int[] pos = {2};
        int w = token(data, pos);
        int h = token(data, pos);
        int max = token(data, pos);
        if (max != 255) {
            throw new IOException(file + ": maxval " + max);
        }
        int start = pos[0] + 1;
        byte[] px = new byte[w * h * format.channels()];
        System.arraycopy(data, start, px, 0, px.length);
        return new PixelImage(w, h, format, px);
    }

    private static int token(byte[] d, int[] pos) {
        int p = pos[0];
        while (d[p] == ' ' || d[p] == '\n' || d[p] == '\r' || d[p] == '\t' || d[p] == '#') {
            if (d[p] == '#') {
                while (d[p] != '\n') {
                    p++;
                }
            }
            p++;
        }
        int v = 0;
        while (d[p] >= '0' && d[p] <= '9') {
            v = v * 10 + d[p++] - '0';
        }
        pos[0] = p;
        return v;
    }

    /** Largest absolute sample difference, or -1 when sizes or formats differ. */
    static int maxDiff(PixelImage a, PixelImage b) {
        if (a.width() != b.width() || a.height() != b.height() || a.format() != b.format()) {
            return -1;
        }
        byte[] x = a.data();
        byte[] y = b.data();
        int max = 0;
        for (int i = 0; i < x.length; i++) {
            max = Math.max(max, Math.abs((x[i] & 0xFF) - (y[i] & 0xFF)));
        }
        return max;
    }

    /** PSNR in dB over all samples (infinite when equal). */
    static double psnr(PixelImage a, PixelImage b) {
        byte[] x = a.data();
        byte[] y = b.data();
        double se = 0;
        for (int i = 0; i < x.length; i++) {
            int d = (x[i] & 0xFF) - (y[i] & 0xFF);
            se += d * d;
        }
        if (se == 0) {
            return Double.POSITIVE_INFINITY;
        }
        return 10 * Math.log10(255.0 * 255.0 * x.length / se);
    }

    /**
     * The samples of a BufferedImage as an RGB or GRAY PixelImage, read from its raster (not
     * through getRGB, which converts grey through a colour space).
     */
    static PixelImage fromRaster(BufferedImage img) {
        Raster r = img.getRaster();
        int w = img.getWidth();
        int h = img.getHeight();
        int bands = r.getNumBands();
        if (bands == 1) {
            int[] s = r.getSamples(0, 0, w, h, 0, (int[]) null);
            byte[] out = new byte[w * h];
            for (int i = 0; i < out.length; i++) {
                out[i] = (byte) s[i];
            }
            return new PixelImage(w, h, PixelFormat.GRAY, out);
        }
        byte[] out = new byte[w * h * 3];
        int[] px = r.getPixels(0, 0, w, h, (int[]) null);
        for (int i = 0, j = 0; i < w * h; i++, j += bands) {
            out[i * 3] = (byte) px[j];
            out[i * 3 + 1] = (byte) px[j + 1];
            out[i * 3 + 2] = (byte) px[j + 2];
        }
        return new PixelImage(w, h, PixelFormat.RGB, out);
    }

    /**
     * A deterministic synthetic photo-like image: smooth gradients, a sharp-edged disc,
     * saturated stripes and noise, so every codec stage sees realistic and extreme input.
     */
    static PixelImage synthetic(int w, int h, PixelFormat format, long seed) {
        Random rnd = new Random(seed);
        byte[] out = new byte[w * h * format.channels()];
        int cx = w / 3;
        int cy = h / 2;
        int r2 = Math.max(1, Math.min(w, h) / 4);
        r2 *= r2;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int noise = (int) (rnd.nextGaussian() * 6);
                int r = 40 + 180 * x / Math.max(1, w - 1) + noise;
                int g = 30 + 200 * y / Math.max(1, h - 1) - noise;
                int b = 128 + (int) (100 * Math.sin((x + 2 * y) * 0.07)) + noise;
                if ((x - cx) * (x - cx) + (y - cy) * (y - cy) < r2) {
                    r = 240;
                    g = 20;
                    b = 30;
                }
                if (x % 23 < 3) {
                    r = 10;
                    g = 10;
                    b = 250;
                }
                int i = (y * w + x) * format.channels();
                if (format == PixelFormat.GRAY) {
                    out[i] = (byte) clamp((r * 3 + g * 6 + b) / 10);
                } else {
                    out[i] = (byte) clamp(r);
                    out[i + 1] = (byte) clamp(g);
                    out[i + 2] = (byte) clamp(b);
                }
            }
        }
        return new PixelImage(w, h, format, out);
    }

    private static int clamp(int v) {
        return v < 0 ? 0 : Math.min(255, v);
    }

    static ByteArrayInputStream stream(byte[] b) {
        return new ByteArrayInputStream(b);
    }
}
