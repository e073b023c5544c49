package org.jpegmt.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class IdctTest {
    private static final int[] FLAT = new int[64];

    static {
        java.util.Arrays.fill(FLAT, 1);
    }

    /** T.81 A.3.3 in doubles: s(y,x) = 1/4 sum C(u)C(v) S(v,u) cos((2x+1)u pi/16) cos((2y+1)v pi/16) + 128. */
    static int[] reference(int[] coef, int[] q) {
        int[] out = new int[64];
        for (int y = 0; y < 8; y++) {
            for (int x = 0; x < 8; x++) {
                double s = 0;
                for (int v = 0; v < 8; v++) {
                    for (int u = 0; u < 8; u++) {
                        double cu = u == 0 ? Math.sqrt(0.5) : 1;
                        double cv = v == 0 ? Math.sqrt(0.5) : 1;
                        s += cu * cv * coef[v * 8 + u] * q[v * 8 + u]
                                * Math.cos((2 * x + 1) * u * Math.PI / 16) * Math.cos((2 * y + 1) * v * Math.PI / 16);
                    }
                }
                out[y * 8 + x] = (int) Math.max(0, Math.min(255, Math.round(s / 4 + 128)));
            }
        }
        return out;
    }

    private static int[] run(int[] coef, int[] q) {
        byte[] out = new byte[64];
        Idct.inverse(coef, q, new int[64], out, 0, 8);
        int[] r = new int[64];
        for (int i = 0; i < 64; i++) {
            r[i] = out[i] & 0xFF;
        }
        return r;
    }

    @Test
    void randomBlocksAreWithinOneOfTheExactTransform() {
        Random rnd = new Random(1);
        // Values kept in the valid range (|t| < 512), where libjpeg clamps instead of wrapping.
        int[] q = new int[64];
        java.util.Arrays.fill(q, 2);
        for (int n = 0; n < 2000; n++) {
            int[] coef = new int[64];
            int count = 1 + rnd.nextInt(20);
            for (int i = 0; i < count; i++) {
                int k = ZigZag.NATURAL[rnd.nextInt(n % 2 == 0 ? 64 : 10)];
                coef[k] = rnd.nextInt(61) - 30;
            }
            coef[0] = rnd.nextInt(401) - 200;
            int[] want = reference(coef, q);
            int[] got = run(coef, q);
            for (int i = 0; i < 64; i++) {
                assertTrue(Math.abs(want[i] - got[i]) <= 1, "block " + n + " sample " + i + ": " + got[i] + " vs " + want[i]);
            }
        }
    }

    @Test
    void dcOnlyBlocksAreFlatAndMatchTheShortcut() {
        // ws = dc << 2, t = (ws + 16) >> 5: DC 8 (q 1) gives 1 + 128.
        int[] coef = new int[64];
        coef[0] = 8;
        int[] got = run(coef, FLAT);
        for (int v : got) {
            assertEquals(129, v);
        }
        assertEquals(129, Idct.dcOnly(8, 1) & 0xFF);
        for (int dc = -2048; dc < 2048; dc += 7) {
            coef[0] = dc;
            assertEquals(run(coef, FLAT)[37], Idct.dcOnly(dc, 1) & 0xFF, "dc " + dc);
        }
        assertEquals(128, run(new int[64], FLAT)[0]);
    }

    @Test
    void extremeValuesSaturateInsideTheValidRangeAndWrapOutsideLikeC() {
        int[] coef = new int[64];
        coef[0] = 1023; // t = (4092 + 16) >> 5 = 128 -> 255
        assertEquals(255, run(coef, FLAT)[0]);
        coef[0] = -1024; // t = -128 -> 0
        assertEquals(0, run(coef, FLAT)[63]);
        int[] q8 = FLAT.clone();
        q8[0] = 8;
        coef[0] = 1023; // t = 1023: outside [-512, 511], wraps through libjpeg's range table to 127
        assertEquals(127, run(coef, q8)[0]);
    }

    @Test
    void aSingleAcCoefficientGivesACosineRamp() {
        int[] coef = new int[64];
        coef[1] = 64; // horizontal frequency 1: decreasing left to right, same on every row
        int[] got = run(coef, FLAT);
        for (int x = 1; x < 8; x++) {
            assertTrue(got[x] < got[x - 1]);
        }
        for (int y = 1; y < 8; y++) {
            for (int x = 0; x < 8; x++) {
                assertEquals(got[x], got[y * 8 + x]);
            }
        }
        assertEquals(reference(coef, FLAT)[0], got[0], 1);
    }
}
