package org.jpegmt.mt;

/** Joins a file's parts coded on different threads: header, the strips in order, trailer. */
final class Joined {
    private Joined() {
    }

    /** @return header, parts and trailer in one array */
    static byte[] of(byte[] header, byte[][] parts, byte[] trailer) {
        long size = header.length + trailer.length;
        for (byte[] p : parts) {
            size += p.length;
        }
        if (size > Integer.MAX_VALUE - 8) {
            throw new IllegalStateException("encoded image exceeds 2 GB");
        }
        byte[] out = new byte[(int) size];
        System.arraycopy(header, 0, out, 0, header.length);
        int pos = header.length;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, pos, p.length);
            pos += p.length;
        }
        System.arraycopy(trailer, 0, out, pos, trailer.length);
        return out;
    }
}
