package org.jpegmt.mt;

/**
 * The pre-scan of parallel decoding: one pass over a scan's entropy-coded data that finds every
 * restart marker (T.81 B.2.1, {@code FF D0..D7}) and where the scan ends, so that the
 * entropy-coded segments between them can be decoded independently.
 *
 * <p>Inside entropy-coded data a 0xFF byte is followed by 0x00 (a stuffed data byte), by more
 * 0xFF (fill bytes), or by a marker. Any marker other than RSTn ends the scan (normally EOI or
 * the next scan's headers).
 */
final class RestartScanner {
    private RestartScanner() {
    }

    /** Where the segments of one scan lie. */
    static final class Segments {
        /** Offset of the first byte of segment i; {@code ends[i]} is one past its last byte. */
        final int[] starts;
        final int[] ends;
        /** True when the markers run RST0, RST1, ... RST7, RST0 ... without a gap. */
        final boolean inSequence;

        Segments(int[] starts, int[] ends, boolean inSequence) {
            this.starts = starts;
            this.ends = ends;
            this.inSequence = inSequence;
        }

        int count() {
            return starts.length;
        }
    }

    /**
     * @param data the file
     * @param start first byte of entropy-coded data (just after the SOS segment)
     * @param maxSegments stop and report (as not in sequence) once this many segments are found,
     *     so damaged data cannot make the scan allocate without bound
     * @return the segments, each ending where its terminating marker (RSTn, or whatever ends
     *     the scan) begins, fill bytes included
     */
    static Segments scan(byte[] data, int start, int maxSegments) {
        int capacity = 16;
        int[] starts = new int[capacity];
        int[] ends = new int[capacity];
        int count = 0;
        boolean inSequence = true;
        int segStart = start;
        int i = start;
        int n = data.length;
        while (true) {
            // Fast skip: the vast majority of bytes are not 0xFF.
            while (i < n && data[i] != (byte) 0xFF) {
                i++;
            }
            if (i >= n - 1) {
                i = n;
                break; // data ends without a marker: the last segment runs to the end
            }
            int markerPos = i;
            int j = i + 1;
            while (j < n && data[j] == (byte) 0xFF) {
                j++; // fill bytes
            }
            if (j >= n) {
                i = n;
                break;
            }
            int code = data[j] & 0xFF;
            if (code == 0x00) {
                i = j + 1; // stuffed 0xFF data byte
                continue;
            }
            if (code >= 0xD0 && code <= 0xD7) {
                if (count == capacity) {
                    capacity *= 2;
                    starts = java.util.Arrays.copyOf(starts, capacity);
                    ends = java.util.Arrays.copyOf(ends, capacity);
                }
                if (code - 0xD0 != (count & 7)) {
                    inSequence = false;
                }
                starts[count] = segStart;
                ends[count] = markerPos;
                count++;
                if (count >= maxSegments) {
                    return new Segments(java.util.Arrays.copyOf(starts, count), java.util.Arrays.copyOf(ends, count), false);
                }
                segStart = j + 1;
                i = j + 1;
                continue;
            }
            i = markerPos; // any other marker ends the scan
            break;
        }
        if (count == capacity) {
            starts = java.util.Arrays.copyOf(starts, capacity + 1);
            ends = java.util.Arrays.copyOf(ends, capacity + 1);
        }
        starts[count] = segStart;
        ends[count] = i;
        count++;
        return new Segments(java.util.Arrays.copyOf(starts, count), java.util.Arrays.copyOf(ends, count), inSequence);
    }
}
