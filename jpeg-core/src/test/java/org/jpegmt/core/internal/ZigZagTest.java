package org.jpegmt.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ZigZagTest {
    @Test
    void firstSixtyFourArePermutationAlongAntiDiagonals() {
        boolean[] seen = new boolean[64];
        int prevDiag = 0;
        for (int k = 0; k < 64; k++) {
            int n = ZigZag.NATURAL[k];
            assertTrue(!seen[n], "repeated " + n);
            seen[n] = true;
            int diag = n / 8 + n % 8;
            assertTrue(diag == prevDiag || diag == prevDiag + 1, "jump at " + k);
            prevDiag = diag;
        }
        assertEquals(1, ZigZag.NATURAL[1]);
        assertEquals(8, ZigZag.NATURAL[2]);
        assertEquals(16, ZigZag.NATURAL[3]);
        assertEquals(63, ZigZag.NATURAL[63]);
    }

    @Test
    void overshootLandsOnTheLastCoefficient() {
        for (int k = 64; k < ZigZag.NATURAL.length; k++) {
            assertEquals(63, ZigZag.NATURAL[k]);
        }
        assertTrue(ZigZag.NATURAL.length >= 64 + 15);
    }
}
