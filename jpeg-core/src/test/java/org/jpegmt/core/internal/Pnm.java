package org.jpegmt.core.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;

/** Reads the corpus references: binary PGM (P5) and PPM (P6), maxval 255, optionally gzipped. */
final class Pnm {
    final int width;
    final int height;
    final int channels;
    final byte[] data;

    private Pnm(int width, int height, int channels, byte[] data) {
        this.width = width;
        this.height = height;
        this.channels = channels;
        this.data = data;
    }

    static Pnm read(Path file) throws IOException {
        byte[] raw = Files.readAllBytes(file);
        if (file.toString().endsWith(".gz")) {
            try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(raw))) {
                raw = in.readAllBytes();
            }
        }
        int[] p = {0};
        String magic = token(raw, p);
        int w = Integer.parseInt(token(raw, p));
        int h = Integer.parseInt(token(raw, p));
        int max = Integer.parseInt(token(raw, p));
        if (max != 255) {
            throw new IOException("maxval " + max + " in " + file);
        }
        p[0]++; // single whitespace after maxval
        int ch = magic.equals("P5") ? 1 : 3;
        return new Pnm(w, h, ch, Arrays.copyOfRange(raw, p[0], p[0] + w * h * ch));
    }

    private static String token(byte[] b, int[] p) {
        int i = p[0];
        while (Character.isWhitespace(b[i]) || b[i] == '#') {
            if (b[i] == '#') {
                while (b[i] != '\n') {
                    i++;
                }
            }
            i++;
        }
        int s = i;
        while (!Character.isWhitespace(b[i])) {
            i++;
        }
        p[0] = i;
        return new String(b, s, i - s, java.nio.charset.StandardCharsets.US_ASCII);
    }
}
