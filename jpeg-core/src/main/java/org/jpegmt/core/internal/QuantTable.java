package org.jpegmt.core.internal;

/**
 * One quantisation table of a DQT segment (T.81 B.2.4.1).
 *
 * @param slot destination Tq (0..3)
 * @param precision 8 (Pq = 0) or 16 bits per entry
 * @param values the 64 entries in natural (row-major) order; a table the segment cut short is
 *     filled up with 1s, as libjpeg does
 */
public record QuantTable(int slot, int precision, int[] values) {

    /** @return bytes this table takes in a DQT segment when it is complete: Pq/Tq and 64 entries */
    int segmentBytes() {
        return 1 + 64 * (precision / 8);
    }
}
