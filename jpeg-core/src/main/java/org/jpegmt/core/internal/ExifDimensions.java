package org.jpegmt.core.internal;

/**
 * Rewrites the PixelXDimension and PixelYDimension tags (0xA002, 0xA003) of the Exif sub-IFD of
 * an Exif APP1 body, as jpegtran does when a transform changes the image size and the Exif
 * segment comes first: each tag found becomes a LONG of count 1 holding the new value (a SHORT
 * tag turns into a LONG in place: same 12-byte entry). Orientation and everything else stay as
 * they are. Like jpegtran it gives up quietly on anything unexpected: not TIFF, offsets over
 * 16 bits, entries past the end, an IFD0 without an Exif pointer, a sub-IFD of fewer than two
 * entries.
 */
final class ExifDimensions {
    /** "Exif\0\0" before the TIFF header. */
    private static final int TIFF = 6;

    private ExifDimensions() {
    }

    /**
     * @param body an APP1 body starting with "Exif\0\0"
     * @return a copy with the dimensions rewritten (or unchanged where the structure is not as expected)
     */
    static byte[] rewrite(byte[] body, int width, int height) {
        byte[] b = body.clone();
        int len = b.length - TIFF;
        if (len < 12) {
            return b;
        }
        boolean big;
        if (u8(b, 0) == 'I' && u8(b, 1) == 'I') {
            big = false;
        } else if (u8(b, 0) == 'M' && u8(b, 1) == 'M') {
            big = true;
        } else {
            return b;
        }
        if (u16(b, 2, big) != 42 || u16(b, big ? 4 : 6, big) != 0) {
            return b; // not TIFF, or an IFD0 offset over 16 bits
        }
        int ifd = u16(b, big ? 6 : 4, big);
        if (ifd > len - 2) {
            return b;
        }
        int tags = u16(b, ifd, big);
        if (tags == 0) {
            return b;
        }
        int entry = ifd + 2;
        for (;;) {
            if (entry > len - 12) {
                return b;
            }
            if (u16(b, entry, big) == 0x8769) {
                break; // the Exif sub-IFD pointer
            }
            if (--tags == 0) {
                return b;
            }
            entry += 12;
        }
        if (u16(b, entry + (big ? 8 : 10), big) != 0) {
            return b; // sub-IFD offset over 16 bits
        }
        int sub = u16(b, entry + (big ? 10 : 8), big);
        if (sub > len - 2) {
            return b;
        }
        tags = u16(b, sub, big);
        if (tags < 2) {
            return b;
        }
        entry = sub + 2;
        do {
            if (entry > len - 12) {
                return b;
            }
            int tag = u16(b, entry, big);
            if (tag == 0xA002 || tag == 0xA003) {
                int value = (tag == 0xA002 ? width : height) & 0xFFFF;
                put16(b, entry + 2, 4, big); // type LONG
                put16(b, entry + (big ? 4 : 6), 0, big); // count 1, as a 32-bit number
                put16(b, entry + (big ? 6 : 4), 1, big);
                put16(b, entry + (big ? 8 : 10), 0, big); // the value, as a 32-bit number
                put16(b, entry + (big ? 10 : 8), value, big);
            }
            entry += 12;
        } while (--tags != 0);
        return b;
    }

    private static int u8(byte[] b, int at) {
        return b[TIFF + at] & 0xFF;
    }

    private static int u16(byte[] b, int at, boolean big) {
        int x = u8(b, at);
        int y = u8(b, at + 1);
        return big ? x << 8 | y : y << 8 | x;
    }

    private static void put16(byte[] b, int at, int v, boolean big) {
        b[TIFF + at] = (byte) (big ? v >> 8 : v);
        b[TIFF + at + 1] = (byte) (big ? v : v >> 8);
    }
}
