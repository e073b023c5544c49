package org.jpegmt.core.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link IdctVector} gives the bytes {@link Idct} gives block by block (with the shortcuts
 * {@link ScanDecoder} takes: DC-only, 4x4), over random groups of eight blocks with every
 * {@code last}, and leaves the group's coefficients zero.
 */
class IdctVectorTest {
    @BeforeEach
    void vectorKernelsAvailable() {
        assumeTrue(Simd.VECTOR, "needs --add-modules jdk.incubator.vector (the build's default test execution adds it)");
    }

    /** The scalar samples of block j of a group, as ScanDecoder's scalar path computes them. */
    private static byte[] scalar(int[][] blocks, int[] lasts, int[] q) {
        byte[] out = new byte[8 * 64];
        for (int j = 0; j < 8; j++) {
            int[] coef = blocks[j].clone();
            if (lasts[j] == 0) {
                byte v = Idct.dcOnly(coef[0], q[0]);
                for (int r = 0; r < 8; r++) {
                    Arrays.fill(out, r * 64 + j * 8, r * 64 + j * 8 + 8, v);
                }
            } else if (lasts[j] <= Idct.LAST_4X4) {
                Idct.inverse4x4(coef, q, new int[64], out, j * 8, 64);
            } else {
                Idct.inverse(coef, q, new int[64], out, j * 8, 64);
            }
        }
        return out;
    }

    /**
     * Random coefficients at zig-zag positions 0..last, the one at last nonzero; those of
     * coefficient row 0 within +-rowZeroRange.
     */
    private static int[] block(Random rnd, int last, int range, int rowZeroRange) {
        int[] coef = new int[64];
        for (int z = 0; z <= last; z++) {
            if (z == last || rnd.nextInt(3) == 0) {
                int m = ZigZag.NATURAL[z] < 8 ? rowZeroRange : range;
                int v = rnd.nextInt(2 * m + 1) - m;
                coef[ZigZag.NATURAL[z]] = v == 0 && z == last ? 1 : v;
            }
        }
        return coef;
    }

    /** Runs one group; returns true when the vector path applied (exact, or DC-only). */
    private static boolean check(Random rnd, int[] lasts, int range, int rowZeroRange, int[] q, String what) {
        int[][] blocks = new int[8][];
        int max = 0;
        int[] coef = new int[3 * 512]; // the group in the middle, neighbours must stay untouched
        Arrays.fill(coef, 0, 512, 7);
        Arrays.fill(coef, 1024, 1536, 7);
        for (int j = 0; j < 8; j++) {
            blocks[j] = block(rnd, lasts[j], range, rowZeroRange);
            max = Math.max(max, lasts[j]);
            for (int n = 0; n < 64; n++) {
                coef[512 + n * 8 + j] = blocks[j][n];
            }
        }
        if (max > 0 && !IdctVector.exact(coef, 512, q)) {
            return false;
        }
        byte[] got = new byte[8 * 64];
        IdctVector.group(coef, 512, q, max, new int[512], got, 0, 64);
        assertArrayEquals(scalar(blocks, lasts, q), got, what);
        for (int i = 0; i < coef.length; i++) {
            assertEquals(i >= 512 && i < 1024 ? 0 : 7, coef[i], what + ": coefficient int " + i);
        }
        return true;
    }

    @Test
    void groupsEqualTheScalarBlocksForEveryLast() {
        Random rnd = new Random(3);
        for (int trial = 0; trial < 3000; trial++) {
            int[] q = new int[64];
            for (int k = 0; k < 64; k++) {
                q[k] = 1 + rnd.nextInt(trial % 3 == 0 ? 255 : 16);
            }
            int[] lasts = new int[8];
            int cap = switch (trial % 4) {
                case 0 -> 0;
                case 1 -> Idct.LAST_4X4;
                default -> 63;
            };
            for (int j = 0; j < 8; j++) {
                lasts[j] = rnd.nextInt(cap + 1);
            }
            lasts[trial % 8] = trial % 4 >= 2 ? trial % 64 : Math.min(cap, trial % 64);
            int range = trial % 5 == 0 ? 1023 : 60;
            assertTrue(check(rnd, lasts, range, range, q, "trial " + trial + " lasts " + Arrays.toString(lasts)),
                    "trial " + trial + ": in range, so exact");
        }
    }

    @Test
    void extremeCoefficientsAreExactOrRefused() {
        // Corrupt data: 15-bit coefficients times 16-bit quantisers, where the int arithmetic
        // wraps. The vector path must either give the scalar bytes or say it cannot.
        Random rnd = new Random(4);
        int refused = 0;
        int applied = 0;
        for (int trial = 0; trial < 2000; trial++) {
            int[] q = new int[64];
            for (int k = 0; k < 64; k++) {
                q[k] = 1 + rnd.nextInt(trial % 2 == 0 ? 65535 : 255);
            }
            int[] lasts = new int[8];
            for (int j = 0; j < 8; j++) {
                lasts[j] = rnd.nextInt(64);
            }
            // Half the trials keep row 0 small enough (|x0| < 2^18 with q < 256) to be accepted.
            if (check(rnd, lasts, 32767, trial % 4 == 1 ? 1000 : 32767, q, "trial " + trial)) {
                applied++;
            } else {
                refused++;
            }
        }
        assertTrue(refused > 0, "some groups are outside the exact range");
        assertTrue(applied > 0, "some groups are inside it");
    }

    @Test
    void exactRefusesAWrappingDcOnlyColumn() {
        // Column 1 with DC only and x0 = 2^18: the scalar shortcut x0 << 2 and the kernel differ.
        int[] coef = new int[512];
        int[] q = new int[64];
        Arrays.fill(q, 1);
        coef[1 * 8 + 5] = 1 << 18;
        assertFalse(IdctVector.exact(coef, 0, q));
        coef[1 * 8 + 5] = (1 << 18) - 1;
        assertTrue(IdctVector.exact(coef, 0, q));
        coef[1 * 8 + 5] = -(1 << 18);
        assertTrue(IdctVector.exact(coef, 0, q));
    }
}
