package org.jpegmt.core.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ScanDependenciesTest {
    /** A scan header of components {@code comps} over zig-zag positions ss..se (tables and offset irrelevant). */
    private static ScanHeader scan(int[] comps, int ss, int se, int ah, int al) {
        return new ScanHeader(comps, new int[comps.length], new int[comps.length], ss, se, ah, al, 0);
    }

    private static ScanHeader dc(int ah, int al, int... comps) {
        return scan(comps, 0, 0, ah, al);
    }

    private static ScanHeader ac(int comp, int ss, int se, int ah, int al) {
        return scan(new int[] {comp}, ss, se, ah, al);
    }

    @Test
    void libjpegsDefaultColourScriptHasFiveIndependentScansAndAChainOfThree() {
        // jcparam.c jpeg_simple_progression for YCbCr: Y = 0, Cb = 1, Cr = 2
        List<ScanHeader> script = List.of(
                dc(0, 1, 0, 1, 2), // 0: DC first, interleaved
                ac(0, 1, 5, 0, 2), // 1: Y 1-5
                ac(2, 1, 63, 0, 1), // 2: Cr
                ac(1, 1, 63, 0, 1), // 3: Cb
                ac(0, 6, 63, 0, 2), // 4: Y 6-63
                ac(0, 1, 63, 2, 1), // 5: Y refinement
                dc(1, 0, 0, 1, 2), // 6: DC refinement
                ac(2, 1, 63, 1, 0), // 7: Cr refinement
                ac(1, 1, 63, 1, 0), // 8: Cb refinement
                ac(0, 1, 63, 1, 0)); // 9: Y refinement
        int[][] after = ScanDependencies.of(script);
        int[][] expected = {{}, {}, {}, {}, {}, {1, 4}, {0}, {2}, {3}, {1, 4, 5}};
        for (int i = 0; i < expected.length; i++) {
            assertArrayEquals(expected[i], after[i], "scan " + i);
        }
    }

    @Test
    void disjointBandsOfOneComponentAreIndependentAndOverlappingOnesAreNot() {
        assertFalse(ScanDependencies.overlap(ac(0, 1, 5, 0, 0), ac(0, 6, 63, 0, 0)));
        assertTrue(ScanDependencies.overlap(ac(0, 1, 5, 0, 0), ac(0, 5, 63, 0, 0)), "position 5 shared");
        assertTrue(ScanDependencies.overlap(ac(0, 6, 63, 0, 0), ac(0, 1, 6, 0, 0)), "position 6 shared");
        assertTrue(ScanDependencies.overlap(ac(0, 10, 20, 0, 0), ac(0, 1, 63, 0, 0)), "band inside band");
    }

    @Test
    void scansOfDifferentComponentsAreIndependentEvenOverTheSameBand() {
        assertFalse(ScanDependencies.overlap(ac(1, 1, 63, 0, 0), ac(2, 1, 63, 0, 0)));
        assertFalse(ScanDependencies.overlap(dc(0, 0, 0), dc(0, 0, 1)));
    }

    @Test
    void dcAndAcScansNeverShareACoefficient() {
        assertFalse(ScanDependencies.overlap(dc(0, 1, 0, 1, 2), ac(0, 1, 63, 0, 0)));
        assertFalse(ScanDependencies.overlap(dc(1, 0, 0, 1, 2), ac(0, 1, 1, 2, 1)));
    }

    @Test
    void anInterleavedDcScanFollowsEveryEarlierDcScanOfItsComponents() {
        // non-interleaved first scans, then one interleaved refinement of all three
        List<ScanHeader> script = List.of(dc(0, 1, 0), dc(0, 1, 1), ac(0, 1, 63, 0, 0), dc(0, 1, 2), dc(1, 0, 0, 1, 2));
        int[][] after = ScanDependencies.of(script);
        assertArrayEquals(new int[] {}, after[3]);
        assertArrayEquals(new int[] {0, 1, 3}, after[4]);
    }

    @Test
    void aRepeatedFirstScanOfTheSameBandFollowsTheEarlierOne() {
        // an inconsistent script (libjpeg warns), still decoded in file order where it matters
        int[][] after = ScanDependencies.of(List.of(ac(0, 1, 63, 0, 0), ac(0, 1, 63, 0, 0)));
        assertArrayEquals(new int[] {0}, after[1]);
    }
}
