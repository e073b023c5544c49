package org.jpegmt.core.internal;

import org.jpegmt.core.InvalidJpegException;

/**
 * A position in the file from which the next marker is found as libjpeg's {@code next_marker}
 * does (jdmarker.c): bytes that are not {@code FF}, and {@code FF 00} pairs, are junk (one
 * warning, "extraneous bytes before marker"); {@code FF} fill bytes are skipped silently; at the
 * end of the data it answers EOI, with a warning the first time (libjpeg inserts a fake EOI).
 *
 * <p>The header reader and each restart resynchronisation have their own cursor, so neither
 * moves the other's position. Not thread-safe.
 */
final class MarkerCursor {
    private final byte[] d;
    private final Warnings warn;
    /** The next byte to look at. */
    int pos;
    /** Set once the end of the data was met where a marker was expected. */
    boolean eofSeen;

    MarkerCursor(byte[] data, Warnings warn, int pos) {
        this.d = data;
        this.warn = warn;
        this.pos = pos;
    }

    /** @return the next marker code; {@link #pos} is after it */
    int next() throws InvalidJpegException {
        return next(0, pos);
    }

    /**
     * As {@link #next()}, after {@code discardedBefore} junk bytes already skipped (libjpeg adds
     * the whole bytes left in the bit buffer at the end of a segment to its count).
     *
     * @param reportAt offset the warning gives for the first junk byte
     */
    int next(int discardedBefore, int reportAt) throws InvalidJpegException {
        int discarded = discardedBefore;
        int p = pos;
        for (;;) {
            while (p < d.length && d[p] != (byte) 0xFF) {
                p++;
                discarded++;
            }
            while (p < d.length && d[p] == (byte) 0xFF) {
                p++;
            }
            if (p >= d.length) {
                pos = d.length;
                endOfData();
                return Markers.EOI;
            }
            int c = d[p] & 0xFF;
            p++;
            if (c != 0) {
                pos = p;
                if (discarded > 0) {
                    warn.warn(Warnings.extraneous(discarded, c), reportAt);
                }
                return c;
            }
            discarded += 2;
        }
    }

    /** The end of the data where a marker was expected: warns the first time (libjpeg's fake EOI). */
    void endOfData() throws InvalidJpegException {
        if (!eofSeen) {
            eofSeen = true;
            warn.warn("Premature end of JPEG file", d.length);
        }
    }
}
