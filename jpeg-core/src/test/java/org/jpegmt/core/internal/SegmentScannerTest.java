package org.jpegmt.core.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The restart-marker pre-scan on hand-made byte strings (DecodeJobTest runs it on real files). */
class SegmentScannerTest {

    @Test
    void wordTestFindsAnFfByteExactly() {
        java.util.Random rnd = new java.util.Random(4);
        for (int i = 0; i < 200_000; i++) {
            long w = rnd.nextLong();
            if (i % 3 == 0) {
                w |= 0xFFL << (8 * rnd.nextInt(8)); // plant one
            }
            if (i % 5 == 0) {
                w &= ~(0x01L << (8 * rnd.nextInt(8))); // bytes like 0xFE next to others
            }
            boolean any = false;
            for (int b = 0; b < 8; b++) {
                any |= ((w >>> (8 * b)) & 0xFF) == 0xFF;
            }
            assertEquals(any, SegmentScanner.hasFF(w), Long.toHexString(w));
        }
        assertFalse(SegmentScanner.hasFF(0xFEFEFEFEFEFEFEFEL));
        assertTrue(SegmentScanner.hasFF(0x00000000000000FFL));
        assertTrue(SegmentScanner.hasFF(0xFF00000000000000L));
    }

    @Test
    void findsSegmentsAcrossStuffingFillAndWordBoundaries() {
        // 2 header bytes, then: 9 data bytes with a stuffed FF 00 at 7..8, RST0 after fill FF FF at 11..14,
        // 10 more data bytes, RST1, 3 bytes, EOI
        byte[] d = Fixtures.bytes(0xAA, 0xBB,
                1, 2, 3, 4, 5, 0xFF, 0x00, 6, 7, 0xFF, 0xFF, 0xFF, 0xD0,
                1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 0xFF, 0xD1,
                0x11, 0x22, 0x33, 0xFF, 0xD9);
        assertArrayEquals(new int[] {2, 11, 15, 25, 27, 30}, SegmentScanner.find(d, 2, 3));
        // one segment fewer or more than the scan needs, or out of order: null
        assertNull(SegmentScanner.find(d, 2, 2));
        assertNull(SegmentScanner.find(d, 2, 4));
        byte[] swapped = d.clone();
        swapped[14] = (byte) 0xD1;
        assertNull(SegmentScanner.find(swapped, 2, 3));
        // no marker after the last segment: truncated
        assertNull(SegmentScanner.find(java.util.Arrays.copyOf(d, 30), 2, 3));
    }
}
