package org.jpegmt.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.jpegmt.core.PixelFormat;
import org.jpegmt.core.PixelImage;

/** Binary PGM (P5) and PPM (P6) with maxval 255, the formats djpeg and cjpeg speak. */
final class Pnm {
    private Pnm() {
    }

    /**
     * @return the file as its header and the image's own pixel array (not copied: a PPM body is
     *     exactly {@link PixelImage#data()})
     */
    static byte[][] parts(PixelImage image) {
        if (image.format() == PixelFormat.CMYK) {
            throw new IllegalArgumentException("PPM/PGM cannot hold CMYK; convert first");
        }
        String magic = image.format() == PixelFormat.GRAY ? "P5" : "P6";
        byte[] header = (magic + "\n" + image.width() + " " + image.height() + "\n255\n")
                .getBytes(StandardCharsets.US_ASCII);
        return new byte[][] {header, image.data()};
    }

    static boolean looksLikePnm(byte[] data) {
        return data.length >= 2 && data[0] == 'P' && (data[1] == '5' || data[1] == '6');
    }

    static PixelImage read(byte[] data) throws IOException {
        if (!looksLikePnm(data)) {
            throw new IOException("not a binary PGM/PPM file (expected P5 or P6)");
        }
        PixelFormat format = data[1] == '5' ? PixelFormat.GRAY : PixelFormat.RGB;
        int[] pos = {2};
        int width = number(data, pos);
        int height = number(data, pos);
        int maxval = number(data, pos);
        if (maxval != 255) {
            throw new IOException("only 8-bit PGM/PPM (maxval 255) is supported, got maxval " + maxval);
        }
        if (width < 1 || height < 1 || width > 65535 || height > 65535) {
            throw new IOException("PGM/PPM size " + width + "x" + height + " out of range 1..65535");
        }
        int start = pos[0] + 1; // exactly one whitespace byte after maxval
        long size = (long) width * height * format.channels();
        if (data.length - (long) start < size) {
            throw new IOException("PGM/PPM file is truncated: needs " + size + " pixel bytes, has "
                    + Math.max(0, data.length - start));
        }
        byte[] pixels = new byte[(int) size];
        System.arraycopy(data, start, pixels, 0, pixels.length);
        return new PixelImage(width, height, format, pixels);
    }

    private static int number(byte[] data, int[] pos) throws IOException {
        int p = pos[0];
        while (true) {
            if (p >= data.length) {
                throw new IOException("PGM/PPM header is truncated");
            }
            int c = data[p];
            if (c == '#') {
                while (p < data.length && data[p] != '\n') {
                    p++;
                }
            } else if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
                p++;
            } else {
                break;
            }
        }
        long value = 0;
        int digits = 0;
        while (p < data.length && data[p] >= '0' && data[p] <= '9') {
            value = value * 10 + (data[p] - '0');
            if (value > Integer.MAX_VALUE) {
                throw new IOException("PGM/PPM header number too large");
            }
            p++;
            digits++;
        }
        if (digits == 0) {
            throw new IOException("PGM/PPM header: expected a number at byte " + p);
        }
        pos[0] = p;
        return (int) value;
    }
}
