package org.jpegmt.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class FdctTest {
    /** Textbook 2-D DCT-II (T.81 A.3.3) of (sample - 128), in doubles. */
    private static double[] reference(byte[] px) {
        double[] out = new double[64];
        for (int v = 0; v < 8; v++) {
            for (int u = 0; u < 8; u++) {
                double s = 0;
                for (int y = 0; y < 8; y++) {
                    for (int x = 0; x < 8; x++) {
                        s += ((px[y * 8 + x] & 0xFF) - 128) * Math.cos((2 * x + 1) * u * Math.PI / 16)
                                * Math.cos((2 * y + 1) * v * Math.PI / 16);
                    }
                }
                double cu = u == 0 ? Math.sqrt(0.5) : 1;
                double cv = v == 0 ? Math.sqrt(0.5) : 1;
                out[v * 8 + u] = 0.25 * cu * cv * s;
            }
        }
        return out;
    }

    @Test
    void forwardDctIsEightTimesTheTrueDctWithinRounding() {
        SplittableRandom rnd = new SplittableRandom(42);
        int[] ws = new int[64];
        double worst = 0;
        for (int t = 0; t < 2000; t++) {
            byte[] px = new byte[64];
            int kind = t % 4;
            for (int i = 0; i < 64; i++) {
                int v;
                switch (kind) {
                    case 0: v = rnd.nextInt(256); break;
                    case 1: v = (i % 8) * 32 + (i / 8) * 3; break;
                    case 2: v = rnd.nextBoolean() ? 255 : 0; break;
                    default: v = t & 1; v = v == 0 ? 0 : 255; break;
                }
                px[i] = (byte) v;
            }
            Fdct.forward(px, 0, 8, ws);
            double[] ref = reference(px);
            for (int i = 0; i < 64; i++) {
                worst = Math.max(worst, Math.abs(ws[i] - 8 * ref[i]));
            }
        }
        // 13-bit constants and two rounding steps: a few units of 8x scale at most
        assertTrue(worst <= 4, "largest deviation from 8 x reference DCT: " + worst);
    }

    @Test
    void flatBlockHasOnlyDc() {
        byte[] px = new byte[64];
        java.util.Arrays.fill(px, (byte) 200);
        int[] ws = new int[64];
        Fdct.forward(px, 0, 8, ws);
        assertEquals(8 * 8 * 72, ws[0]); // 8 x (8 x mean deviation 72)
        for (int i = 1; i < 64; i++) {
            assertEquals(0, ws[i]);
        }
    }

    /** The reciprocal multiply equals (|c| + 4q) / 8q, halves away from zero, for every input. */
    @Test
    void quantisationByReciprocalIsExactDivision() {
        int[] zz = new int[64];
        int[] table = new int[64];
        for (int q = 1; q <= 255; q++) {
            java.util.Arrays.fill(table, q);
            long[] quant = Fdct.quantizer(table);
            int d = 8 * q;
            for (int c = -32767; c <= 32767; c++) {
                int a = Math.abs(c);
                int expected = (a + d / 2) / d;
                expected = c < 0 ? -expected : expected;
                long bit = Fdct.quantize(c, 9, quant, zz); // natural 9 = zig-zag 4
                if (zz[4] != expected || (bit != 0) != (expected != 0)) {
                    assertEquals(expected, zz[4], "c=" + c + " q=" + q);
                    assertEquals(expected != 0 ? 1L << 59 : 0, bit, "mask bit, c=" + c);
                }
            }
        }
        // and through the block path: DC of a flat block, with the nonzero mask
        byte[] px = new byte[64];
        java.util.Arrays.fill(px, (byte) 255);
        java.util.Arrays.fill(table, 16);
        long mask = Fdct.forwardQuantize(px, 0, 8, new int[64], Fdct.quantizer(table), zz);
        assertEquals((64 * 127 + 64) / 128, zz[0]); // 8 x DC = 64 x 127, divisor 8 x 16
        assertEquals(1L << 63, mask);
    }
}
