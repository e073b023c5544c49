package org.jpegmt.core.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class UpsamplerAndColorTest {
    @Test
    void methodFollowsDjpeg() {
        assertEquals(Upsampler.NONE, Upsampler.method(1, 1, 5));
        assertEquals(Upsampler.H2V1, Upsampler.method(2, 1, 3));
        assertEquals(Upsampler.BOX, Upsampler.method(2, 1, 2));
        assertEquals(Upsampler.H1V2, Upsampler.method(1, 2, 1));
        assertEquals(Upsampler.H2V2, Upsampler.method(2, 2, 3));
        assertEquals(Upsampler.BOX, Upsampler.method(2, 2, 2));
        assertEquals(Upsampler.BOX, Upsampler.method(4, 1, 100));
    }

    @Test
    void h2v1UsesBiasOneThenTwoAndReplicatesEdges() {
        byte[] out = new byte[6];
        Upsampler.h2v1(Fixtures.bytes(0, 100, 200), 0, 3, out);
        // out[1] = (0 + 100 + 2) >> 2 = 25; out[2] = (300 + 0 + 1) >> 2 = 75;
        // out[3] = (300 + 200 + 2) >> 2 = 125; out[4] = (600 + 100 + 1) >> 2 = 175
        assertArrayEquals(Fixtures.bytes(0, 25, 75, 125, 175, 200), out);
    }

    @Test
    void h1v2UsesBiasOneAboveAndTwoBelow() {
        byte[] rows = Fixtures.bytes(10, 20, 30, 40);
        byte[] out = new byte[2];
        Upsampler.h1v2(rows, 2, 0, 1, 2, out); // near row 1 (30, 40), far row 0: (90 + 10 + 1) >> 2
        assertArrayEquals(Fixtures.bytes(25, 35), out);
        Upsampler.h1v2(rows, 0, 2, 2, 2, out); // near row 0, far row 1: (30 + 30 + 2) >> 2
        assertArrayEquals(Fixtures.bytes(15, 25), out);
    }

    @Test
    void h2v2UsesBiasEightThenSeven() {
        byte[] rows = Fixtures.bytes(0, 16, 32, 48, 64, 80);
        byte[] out = new byte[6];
        int[] cs = new int[5];
        Upsampler.h2v2(rows, 0, 3, 3, cs, out);
        // cs = 3 * near + far = 48, 112, 176; out[0] = (4*48 + 8) >> 4 = 12
        // out[1] = (3*48 + 112 + 7) >> 4 = 16; out[2] = (336 + 48 + 8) >> 4 = 24
        // out[3] = (336 + 176 + 7) >> 4 = 32; out[4] = (528 + 112 + 8) >> 4 = 40; out[5] = (704 + 7) >> 4 = 44
        assertArrayEquals(Fixtures.bytes(12, 16, 24, 32, 40, 44), out);
    }

    @Test
    void boxReplicates() {
        byte[] out = new byte[6];
        Upsampler.box(Fixtures.bytes(1, 2), 0, 2, 3, out);
        assertArrayEquals(Fixtures.bytes(1, 1, 1, 2, 2, 2), out);
    }

    @Test
    void yccToRgbMatchesLibjpegFixedPoint() {
        byte[] out = new byte[9];
        ColorConverter.yccToRgb(Fixtures.bytes(128, 0, 255), 0, Fixtures.bytes(128, 255, 0), 0, Fixtures.bytes(128, 255, 0), 0, 3, out, 0);
        // grey stays grey; Y 0 Cb Cr 255: R = 0 + ((91881*127 + 32768) >> 16) = 178,
        // G = 0 + ((-22554*127 - 46802*127 + 32768) >> 16) -> negative -> 0, B = 225
        // Y 255 Cb Cr 0: R = 255 - 179 = 76, G = 255 + 135 -> 255, B = 255 - 227 = 28
        assertArrayEquals(Fixtures.bytes(128, 128, 128, 178, 0, 225, 76, 255, 28), out);
    }

    @Test
    void fusedFancyColourEqualsTheTwoSteps() {
        java.util.Random rnd = new java.util.Random(5);
        int dw = 9;
        int w = 17;
        byte[] cb = new byte[2 * dw];
        byte[] cr = new byte[2 * dw];
        byte[] y = new byte[w];
        rnd.nextBytes(cb);
        rnd.nextBytes(cr);
        rnd.nextBytes(y);
        byte[] ucb = new byte[2 * dw];
        byte[] ucr = new byte[2 * dw];
        int[] cs = new int[dw + 2];
        Upsampler.h2v2(cb, 0, dw, dw, cs, ucb);
        Upsampler.h2v2(cr, 0, dw, dw, cs, ucr);
        byte[] want = new byte[3 * w];
        ColorConverter.yccToRgb(y, 0, ucb, 0, ucr, 0, w, want, 0);
        int[] csb = new int[dw + 2];
        int[] csr = new int[dw + 2];
        Upsampler.columnSums(cb, 0, dw, dw, csb);
        Upsampler.columnSums(cr, 0, dw, dw, csr);
        byte[] got = new byte[3 * w];
        ColorConverter.yccToRgbFancy(y, 0, csb, csr, w, 8, 7, 4, got, 0);
        assertArrayEquals(want, got);

        Upsampler.h2v1(cb, 0, dw, ucb);
        Upsampler.h2v1(cr, 0, dw, ucr);
        ColorConverter.yccToRgb(y, 0, ucb, 0, ucr, 0, w, want, 0);
        Upsampler.padded(cb, 0, dw, csb);
        Upsampler.padded(cr, 0, dw, csr);
        ColorConverter.yccToRgbFancy(y, 0, csb, csr, w, 1, 2, 2, got, 0);
        assertArrayEquals(want, got, "h2v1");
    }
}
