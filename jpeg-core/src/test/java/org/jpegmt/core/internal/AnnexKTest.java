package org.jpegmt.core.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class AnnexKTest {
    @Test
    void quality50IsTheBaseTableAndQuality100IsAllOnes() {
        int[] k1 = AnnexK.scaledQuantTable(false, 50, true);
        assertEquals(16, k1[0]);
        assertEquals(99, k1[63]);
        assertEquals(17, AnnexK.scaledQuantTable(true, 50, true)[0]);
        int[] ones = new int[64];
        Arrays.fill(ones, 1);
        assertArrayEquals(ones, AnnexK.scaledQuantTable(true, 100, true));
        // q1: 99 * 5000 / 100 = 4950, clamped to 255 for baseline, kept otherwise
        assertEquals(255, AnnexK.scaledQuantTable(true, 1, true)[63]);
        assertEquals(4950, AnnexK.scaledQuantTable(true, 1, false)[63]);
    }

    @Test
    void standardHuffmanTablesAreRecognisedAndOthersAreNot() {
        assertEquals("K.3 luminance DC", AnnexK.standardHuffmanName(0,
                StandardTables.DC_LUMINANCE.counts(), StandardTables.DC_LUMINANCE.symbols()));
        assertEquals("K.3 chrominance AC", AnnexK.standardHuffmanName(1,
                StandardTables.AC_CHROMINANCE.counts(), StandardTables.AC_CHROMINANCE.symbols()));
        int[] symbols = StandardTables.AC_LUMINANCE.symbols();
        symbols[5] ^= 1;
        assertNull(AnnexK.standardHuffmanName(1, StandardTables.AC_LUMINANCE.counts(), symbols));
        assertNull(AnnexK.standardHuffmanName(1, StandardTables.DC_LUMINANCE.counts(), StandardTables.DC_LUMINANCE.symbols()));
    }

    @Test
    void zigZagIsAPermutationAndACopy() {
        int[] z = AnnexK.zigZagToNatural();
        assertEquals(64, z.length);
        int[] sorted = z.clone();
        Arrays.sort(sorted);
        for (int i = 0; i < 64; i++) {
            assertEquals(i, sorted[i]);
        }
        z[0] = 42;
        assertEquals(0, AnnexK.zigZagToNatural()[0]);
    }
}
