package org.jpegmt.mt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;

/** When one image is split across threads at all; how it is cut is {@link WorkPlanTest}'s. */
class ParallelismTest {
    private static final Executor DIRECT = Runnable::run;

    @Test
    void splitsOnlyWithTwoThreadsOrMoreAndFromTheThresholdOn() {
        assertFalse(new Parallelism(DIRECT, 1, 0).split(Long.MAX_VALUE));
        Parallelism two = new Parallelism(DIRECT, 2, 100);
        assertFalse(two.split(99));
        assertTrue(two.split(100));
        assertTrue(two.withThreshold(0).split(0));
        assertEquals(1, two.helpers());
    }

    @Test
    void defaultThresholdIsSixtyFourKiPixelsForBothCodecs() {
        Parallelism p = new Parallelism(DIRECT, 4);
        assertEquals(64 * 1024, p.threshold);
        assertEquals(p.threshold, ParallelJpegDecoder.DEFAULT_PARALLEL_THRESHOLD);
        assertEquals(p.threshold, ParallelJpegEncoder.DEFAULT_PARALLEL_THRESHOLD);
        assertFalse(p.split(64 * 1024 - 1));
        assertTrue(p.split(64 * 1024));
    }

    @Test
    void refusesNoThreadsANegativeThresholdAndNoExecutor() {
        assertThrows(IllegalArgumentException.class, () -> new Parallelism(DIRECT, 0));
        assertThrows(IllegalArgumentException.class, () -> new Parallelism(DIRECT, 2, -1));
        assertThrows(NullPointerException.class, () -> new Parallelism(null, 2));
    }
}
