package org.jpegmt.core.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class QuantTablesTest {
    @Test
    void quality50IsTheAnnexKTable() {
        assertArrayEquals(StandardTables.LUMINANCE_QUANT, QuantTables.luminance(50));
        assertArrayEquals(StandardTables.CHROMINANCE_QUANT, QuantTables.chrominance(50));
    }

    @Test
    void quality75HalvesWithRounding() {
        int[] q = QuantTables.luminance(75);
        for (int i = 0; i < 64; i++) {
            assertEquals((StandardTables.LUMINANCE_QUANT[i] * 50 + 50) / 100, q[i]);
        }
        // hand-checked IJG values: 16 -> 8, 11 -> 6, 61 -> 31, 99 -> 50
        assertEquals(8, q[0]);
        assertEquals(6, q[1]);
        assertEquals(31, q[7]);
        assertEquals(50, QuantTables.chrominance(75)[63]);
    }

    @Test
    void quality100IsAllOnes() {
        for (int v : QuantTables.luminance(100)) {
            assertEquals(1, v);
        }
        for (int v : QuantTables.chrominance(100)) {
            assertEquals(1, v);
        }
    }

    @Test
    void quality1ClampsTo255WithBaseline() {
        assertEquals(5000, QuantTables.scaleFactor(1));
        int[] q = QuantTables.luminance(1);
        assertEquals(255, q[0]); // 16 * 50 = 800 -> 255
        for (int v : q) {
            assertEquals(255, v);
        }
        // without the baseline clamp the IJG limit is 32767 and low qualities exceed 255
        assertEquals(800, QuantTables.scaled(StandardTables.LUMINANCE_QUANT, 1, false)[0]);
        assertEquals(263, QuantTables.scaled(StandardTables.LUMINANCE_QUANT, 23, false)[53]); // 121*217/100
    }

    @Test
    void scaleFactorFollowsIjgFormula() {
        assertEquals(100, QuantTables.scaleFactor(50));
        assertEquals(50, QuantTables.scaleFactor(75));
        assertEquals(0, QuantTables.scaleFactor(100));
        assertEquals(217, QuantTables.scaleFactor(23));
        assertEquals(208, QuantTables.scaleFactor(24));
    }
}
