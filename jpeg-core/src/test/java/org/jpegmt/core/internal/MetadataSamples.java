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
        return exif(width, height, orientation, true);
    }

    /** The same Exif body in either TIFF byte order. */
    static byte[] exif(int width, int height, int orientation, boolean bigEndian) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        o.writeBytes("Exif\0\0".getBytes(StandardCharsets.ISO_8859_1));
        byte[] t = new byte[80];
        java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(t)
                .order(bigEndian ? java.nio.ByteOrder.BIG_ENDIAN : java.nio.ByteOrder.LITTLE_ENDIAN);
        b.put(bigEndian ? (byte) 'M' : (byte) 'I').put(bigEndian ? (byte) 'M' : (byte) 'I').putShort((short) 42).putInt(8);
        b.putShort((short) 2); // IFD0: 2 entries
        b.putShort((short) 0x0112).putShort((short) 3).putInt(1).putShort((short) orientation).putShort((short) 0);
        b.putShort((short) 0x8769).putShort((short) 4).putInt(1).putInt(38); // Exif IFD at 38
        b.putInt(0); // no IFD1
        b.putShort((short) 2); // Exif IFD: 2 entries
        b.putShort((short) 0xA002).putShort((short) 3).putInt(1).putShort((short) width).putShort((short) 0);
        b.putShort((short) 0xA003).putShort((short) 4).putInt(1).putInt(height);
        b.putInt(0);
        o.write(t, 0, b.position());
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
