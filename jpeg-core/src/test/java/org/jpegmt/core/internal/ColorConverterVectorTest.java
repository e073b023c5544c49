package org.jpegmt.core.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The vector kernels give the same bytes as their scalar references, on random rows of every width up to 300. */
class ColorConverterVectorTest {
    @BeforeEach
    void vectorKernelsAvailable() {
        assumeTrue(Simd.VECTOR, "needs --add-modules jdk.incubator.vector (the build's default test execution adds it)");
    }

    @Test
    void columnSumsEqualTheScalarOnes() {
        Random rnd = new Random(1);
        for (int dw = 1; dw <= 150; dw++) {
            byte[] in = new byte[3 * dw + 7];
            rnd.nextBytes(in);
            int[] want = new int[dw + 2];
            int[] got = new int[dw + 2];
            Upsampler.columnSums(in, 3, dw + 5, dw, want);
            ColorConverterVector.columnSums(in, 3, dw + 5, dw, got);
            assertArrayEquals(want, got, "dw " + dw);
        }
    }

    @Test
    void fancyColourEqualsTheScalarOneForH2V2AndH2V1() {
        Random rnd = new Random(2);
        for (int n = 1; n <= 300; n++) {
            int dw = (n + 1) / 2;
            int[] csb = new int[dw + 2];
            int[] csr = new int[dw + 2];
            byte[] y = new byte[n + 5];
            rnd.nextBytes(y);
            for (int h2v2 = 0; h2v2 < 2; h2v2++) {
                for (int i = 0; i < dw + 2; i++) {
                    // h2v2: column sums 3 near + far (0..1020); h2v1: samples (0..255)
                    csb[i] = rnd.nextInt(h2v2 == 1 ? 1021 : 256);
                    csr[i] = rnd.nextInt(h2v2 == 1 ? 1021 : 256);
                }
                int even = h2v2 == 1 ? 8 : 1;
                int odd = h2v2 == 1 ? 7 : 2;
                int shift = h2v2 == 1 ? 4 : 2;
                byte[] want = new byte[3 * n + 11];
                byte[] got = new byte[3 * n + 11];
                ColorConverter.yccToRgbFancy(y, 5, csb, csr, n, even, odd, shift, want, 4);
                ColorConverterVector.yccToRgbFancy(y, 5, csb, csr, n, even, odd, shift, new int[n], new int[n], got, 4);
                assertArrayEquals(want, got, "n " + n + " h2v2 " + h2v2);
            }
        }
    }
}
