package org.jpegmt.mt;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;

/** The guided split of one image into parts, and how the encoder turns it into strips. */
class ParallelismTest {
    private static final Executor DIRECT = Runnable::run;

    @Test
    void cutsTakeAQuarterOfWhatRemainsWithTwoThreadsUntilUnderASixtyFourth() {
        double[] f = new Parallelism(DIRECT, 2, 0).cuts();
        // parts: 1/4 of the rest each time; 0.75^14 = 0.0178 is still >= 1/64, 0.75^15 is not
        assertEquals(14, f.length);
        for (int k = 0; k < f.length; k++) {
            assertEquals(1 - Math.pow(0.75, k + 1), f[k], 1e-12);
        }
    }

    @Test
    void cutsIncreaseAndStayInsideTheImageForManyThreads() {
        for (int t : new int[] {1, 3, 8, 64}) {
            double[] f = new Parallelism(DIRECT, t, 0).cuts();
            assertTrue(f.length >= 2 * t, "at least two parts per thread for " + t);
            assertTrue(f.length <= 16 * t);
            assertEquals(1.0 / (2 * t), f[0], 1e-12);
            for (int k = 1; k < f.length; k++) {
                assertTrue(f[k] > f[k - 1] && f[k] < 1);
            }
            assertTrue(1 - f[f.length - 1] >= 1.0 / (32 * t));
        }
    }

    @Test
    void encoderStripsEndAtTheNearestIntervalWithoutRepeats() {
        double[] quarters = {0.25, 0.5, 0.75};
        assertArrayEquals(new int[] {0, 3, 5, 8, 10}, ParallelJpegEncoder.split(10, quarters));
        assertArrayEquals(new int[] {0, 1, 2}, ParallelJpegEncoder.split(2, quarters));
        assertArrayEquals(new int[] {0, 1}, ParallelJpegEncoder.split(1, quarters));
    }
}
