package org.jpegmt.core.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Metadata segment bodies made up for tests: a small Exif block, ICC profile chunks. */
final class MetadataSamples {
    private MetadataSamples() {
    }

    /**
     * An Exif APP1 body ("Exif\0\0" + big-endian TIFF): IFD0 with Orientation and an Exif
     * sub-IFD pointer; the sub-IFD with PixelXDimension as a SHORT and PixelYDimension as a LONG.
     */
    static byte[] exif(int width, int height, int orientation) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        o.writeBytes("Exif\0\0".getBytes(StandardCharsets.ISO_8859_1));
        int[] tiff = {
            'M', 'M', 0, 42, 0, 0, 0, 8, // header, IFD0 at 8
            0, 2, // IFD0: 2 entries
            0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, orientation, 0, 0, // Orientation SHORT
            0x87, 0x69, 0, 4, 0, 0, 0, 1, 0, 0, 0, 38, // ExifIFD pointer -> 38
            0, 0, 0, 0, // no IFD1
            0, 2, // Exif IFD at 38: 2 entries
            0xA0, 0x02, 0, 3, 0, 0, 0, 1, width >> 8, width & 0xFF, 0, 0, // PixelXDimension SHORT
            0xA0, 0x03, 0, 4, 0, 0, 0, 1, 0, 0, height >> 8, height & 0xFF, // PixelYDimension LONG
            0, 0, 0, 0};
        for (int b : tiff) {
            o.write(b);
        }
        return o.toByteArray();
    }

    /** @return an ICC profile of {@code size} made-up bytes split into {@code n} APP2 bodies */
    static byte[][] iccChunks(int size, int n) {
        byte[] profile = new byte[size];
        for (int i = 0; i < size; i++) {
            profile[i] = (byte) (i * 7);
        }
        byte[][] out = new byte[n][];
        int per = (size + n - 1) / n;
        for (int k = 0; k < n; k++) {
            int from = k * per;
            int to = Math.min(size, from + per);
            ByteArrayOutputStream o = new ByteArrayOutputStream();
            o.writeBytes("ICC_PROFILE\0".getBytes(StandardCharsets.ISO_8859_1));
            o.write(k + 1);
            o.write(n);
            o.write(profile, from, to - from);
            out[k] = o.toByteArray();
        }
        return out;
    }
}
