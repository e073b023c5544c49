package org.jpegmt.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * Runs past the end of a scan's band (damaged data that libjpeg decodes silently) are counted,
 * so a concurrent decode of scans can refuse them; in-band blocks are not.
 */
class ProgressiveHuffmanTest {
    /** Codes of 2 bits: 00 = EOB, 01 = run 6 size 1, 10 = run 0 size 1. */
    private static final HuffmanTable AC = table();

    private static HuffmanTable table() {
        int[] counts = new int[16];
        counts[1] = 3;
        try {
            return HuffmanTable.build(new HuffmanSpec(counts, new int[] {0x00, 0x61, 0x01}), false, 0);
        } catch (org.jpegmt.core.InvalidJpegException e) {
            throw new AssertionError(e);
        }
    }

    private static BitReader reader(int... bytes) {
        byte[] data = new byte[bytes.length + 8];
        for (int i = 0; i < bytes.length; i++) {
            data[i] = (byte) bytes[i];
        }
        BitReader br = new BitReader(data);
        br.reset(0, data.length);
        return br;
    }

    @Test
    void aFirstScanRunPastSeIsCountedAndStoredWhereLibjpegStoresIt() {
        short[] coef = new short[64];
        BitReader br = reader(0b0111_1111); // run 6 size 1 "+1" from k = 1: lands on k = 7, past Se = 5
        ProgressiveHuffman.acFirst(br, AC, coef, 0, 1, 5, 0);
        assertEquals(1, br.strayRuns);
        assertEquals(1, coef[ZigZag.NATURAL[7]]);
    }

    @Test
    void aFirstScanThatFillsItsBandExactlyIsNotStray() {
        short[] coef = new short[64];
        // five times "10 1" (run 0, +1) over k = 1..5, then padding
        BitReader br = reader(0b1011_0110, 0b1101_1011, 0b0111_1111);
        ProgressiveHuffman.acFirst(br, AC, coef, 0, 1, 5, 0);
        assertEquals(0, br.strayRuns);
        for (int k = 1; k <= 5; k++) {
            assertEquals(1, coef[ZigZag.NATURAL[k]], "k " + k);
        }
        assertEquals(0, coef[ZigZag.NATURAL[6]]);
    }

    @Test
    void aRefinementRunPastSeIsCounted() {
        short[] coef = new short[64];
        BitReader br = reader(0b0111_1111); // run 6, new coefficient "+1": passes zeros 1..5, stores at k = 6
        ProgressiveHuffman.acRefine(br, AC, coef, 0, 1, 5, 0, 0);
        assertEquals(1, br.strayRuns);
        assertEquals(1, coef[ZigZag.NATURAL[6]]);
    }

    @Test
    void aRefinementEndingWithEobIsNotStray() {
        short[] coef = new short[64];
        BitReader br = reader(0b1010_0111); // "10 1": +1 at k = 1; "00": EOB
        ProgressiveHuffman.acRefine(br, AC, coef, 0, 1, 5, 0, 0);
        assertEquals(0, br.strayRuns);
        assertEquals(1, coef[ZigZag.NATURAL[1]]);
    }
}
