package org.jpegmt.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BitReaderTest {
    private static BitReader reader(int... bytes) {
        byte[] d = new byte[bytes.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = (byte) bytes[i];
        }
        BitReader br = new BitReader(d);
        br.reset(0, d.length);
        br.fill();
        return br;
    }

    @Test
    void readsMostSignificantBitFirst() {
        BitReader br = reader(0b1010_0000, 0x0F, 1, 2, 3, 4, 5, 6, 7, 8, 9);
        assertEquals(1, br.take(1));
        assertEquals(0, br.take(1));
        assertEquals(0b10, br.take(2));
        assertEquals(0x00F, br.take(12));
        assertEquals(1, br.take(8));
        assertFalse(br.overrun());
    }

    @Test
    void stuffedZeroAfterFfIsDropped() {
        BitReader br = reader(0xFF, 0x00, 0x12, 0xFF, 0x00, 0xFF, 0x00, 0x34);
        assertEquals(0xFF, br.take(8));
        assertEquals(0x12, br.take(8));
        assertEquals(0xFFFF, br.take(16));
        assertEquals(0x34, br.take(8));
        assertFalse(br.overrun());
    }

    @Test
    void fillBytesBeforeStuffingAreSkipped() {
        // FF FF FF 00 is one data byte FF (libjpeg skips FF fill bytes before the 00).
        BitReader br = reader(0x55, 0xFF, 0xFF, 0xFF, 0x00, 0x66);
        assertEquals(0x55, br.take(8));
        assertEquals(0xFF, br.take(8));
        assertEquals(0x66, br.take(8));
    }

    @Test
    void markerEndsTheDataAndZeroBitsFollow() {
        BitReader br = reader(0xAB, 0xFF, 0xD3, 0x77, 0x88);
        assertEquals(0xAB, br.take(8));
        assertTrue(br.ended);
        assertEquals(0xD3, br.marker);
        assertEquals(2, br.markerPos);
        assertFalse(br.overrun());
        assertEquals(0, br.take(5));
        assertTrue(br.overrun(), "bits used past the marker");
    }

    @Test
    void endOfDataIsLikeAMarker() {
        BitReader br = reader(0xC0);
        assertEquals(0b11, br.take(2));
        assertEquals(0, br.take(6));
        assertFalse(br.overrun());
        br.take(1);
        assertTrue(br.overrun());
        assertEquals(-1, br.marker);
    }

    @Test
    void fastRefillTakesWholeWords() {
        int[] bytes = new int[40];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (i * 7 + 1) & 0xFF; // never 0xFF for i < 40
        }
        BitReader br = reader(bytes);
        for (int i = 0; i < bytes.length; i++) {
            if (br.bits < 32) {
                br.fill();
            }
            assertEquals(bytes[i], br.take(8), "byte " + i);
        }
        assertFalse(br.overrun());
    }

    @Test
    void fillWhenFullChangesNothing() {
        int[] bytes = new int[24];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = 0x11 * (i % 15);
        }
        BitReader br = reader(bytes);
        long acc = br.acc;
        int bits = br.bits;
        br.fill();
        br.fill();
        assertEquals(acc, br.acc);
        assertEquals(bits, br.bits);
        for (int i = 0; i < bytes.length; i++) {
            br.fill();
            assertEquals(bytes[i], br.take(8), "byte " + i);
        }
    }
}
