package org.jpegmt.mt;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.jpegmt.core.internal.McuGrid;
import org.junit.jupiter.api.Test;

/** The one plan of jpeg-mt: guided cuts, decode bands over segments, encode strips over intervals. */
class WorkPlanTest {
    /** Segment i is bytes [12i, 12i + 10): equal sizes, a 2-byte marker between. */
    private static int[] equalSegments(int n) {
        int[] b = new int[2 * n];
        for (int i = 0; i < n; i++) {
            b[2 * i] = 12 * i;
            b[2 * i + 1] = 12 * i + 10;
        }
        return b;
    }

    /** Segments of these sizes, each starting where the one before ends (markers counted in). */
    private static int[] contiguous(int... sizes) {
        int[] b = new int[2 * sizes.length];
        int at = 0;
        for (int i = 0; i < sizes.length; i++) {
            b[2 * i] = at;
            at += sizes[i];
            b[2 * i + 1] = at;
        }
        return b;
    }

    private static int[] upTo(int n) {
        int[] r = new int[n];
        for (int i = 0; i < n; i++) {
            r[i] = i;
        }
        return r;
    }

    @Test
    void cutsTakeAQuarterOfWhatRemainsWithTwoThreadsUntilUnderASixtyFourth() {
        double[] f = WorkPlan.cuts(2);
        // parts: 1/4 of the rest each time; 0.75^14 = 0.0178 is still >= 1/64, 0.75^15 is not: 14 cuts, 15 parts
        assertEquals(14, f.length);
        for (int k = 0; k < f.length; k++) {
            assertEquals(1 - Math.pow(0.75, k + 1), f[k], 1e-12);
        }
    }

    @Test
    void cutsHalveWhatRemainsWithOneThreadWhileItIsAtLeastAThirtySecond() {
        assertArrayEquals(new double[] {0.5, 0.75, 0.875, 0.9375, 0.96875}, WorkPlan.cuts(1), 1e-12);
    }

    @Test
    void cutsIncreaseAndStayInsideTheImageForManyThreads() {
        for (int t : new int[] {1, 3, 8, 64}) {
            double[] f = WorkPlan.cuts(t);
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
    void cutsRefuseFewerThanOneThread() {
        assertThrows(IllegalArgumentException.class, () -> WorkPlan.cuts(0));
    }

    @Test
    void encodeStripsEndAtTheNearestIntervalWithoutRepeats() {
        double[] quarters = {0.25, 0.5, 0.75};
        // round(2.5) = 3, 5, round(7.5) = 8
        assertArrayEquals(new int[] {0, 3, 5, 8, 10}, WorkPlan.encodeStrips(10, quarters));
        // 0.5 -> 1, 1.0 -> 1 (repeat), 1.5 -> 2 (the end)
        assertArrayEquals(new int[] {0, 1, 2}, WorkPlan.encodeStrips(2, quarters));
        // 0.25 -> 0 (the start), 0.5 -> 1 (the end): one strip
        assertArrayEquals(new int[] {0, 1}, WorkPlan.encodeStrips(1, quarters));
        // two threads' cuts over 10 intervals: round(2.5) = 3, round(4.375) = 4, 5.78 -> 6, 6.84 -> 7,
        // 7.63 -> 8, 8.22 -> 8 (repeat), 8.67 -> 9, then 9 again and 10 (the end) until the cuts run out
        assertArrayEquals(new int[] {0, 3, 4, 6, 7, 8, 9, 10}, WorkPlan.encodeStrips(10, WorkPlan.cuts(2)));
    }

    @Test
    void decodeBandsAreCutAtByteFractionsOnlyAtMcuRowsLeavingFourRowsEach() {
        assertEquals(4, WorkPlan.MIN_BAND_ROWS);
        int[] oneRowEach = upTo(20);
        double[] quarters = {0.25, 0.5, 0.75};
        // 238 bytes: cuts where 12 s first reaches 59.5, 119, 178.5
        assertArrayEquals(new int[] {0, 5, 10, 15, 20}, WorkPlan.decodeBands(equalSegments(20), quarters, oneRowEach, 20));
        // half-row segments: odd ones start inside a row and cannot start a band
        int[] halfRows = new int[20];
        for (int i = 0; i < 20; i++) {
            halfRows[i] = i % 2 == 0 ? i / 2 : -1;
        }
        assertArrayEquals(new int[] {0, 10, 20}, WorkPlan.decodeBands(equalSegments(20), new double[] {0.5}, halfRows, 10));
        // seven rows cannot make two bands of four rows
        assertArrayEquals(new int[] {0, 7}, WorkPlan.decodeBands(equalSegments(7), quarters, oneRowEach, 7));
        // many cuts: never a band under four rows, the last one included
        double[] many = new double[63];
        for (int i = 0; i < many.length; i++) {
            many[i] = (i + 1) / 64.0;
        }
        assertArrayEquals(new int[] {0, 4, 8, 12, 16, 20}, WorkPlan.decodeBands(equalSegments(20), many, oneRowEach, 20));
        assertArrayEquals(new int[] {0, 4, 8, 12, 18}, WorkPlan.decodeBands(equalSegments(18), many, oneRowEach, 18));
        // segments of eight rows each
        assertArrayEquals(new int[] {0, 2, 4}, WorkPlan.decodeBands(equalSegments(4), new double[] {0.5}, new int[] {0, 8, 16, 24}, 30));
        // a single segment is a single band
        assertArrayEquals(new int[] {0, 1}, WorkPlan.decodeBands(equalSegments(1), quarters, new int[] {0}, 20));
    }

    @Test
    void decodeBandsFollowTheGuidedCutsBalancedByBytes() {
        // twenty one-row segments of 10 bytes, two threads (cuts at 50, 87.5, 115.6, 136.7 ... of 200 bytes),
        // bands of at least four rows: 50 -> cut at 5; 90 passes 87.5 -> cut at 9; 120 is only three rows past
        // 9, 130 -> cut at 13; 170 would leave three rows
        int[] even = new int[20];
        Arrays.fill(even, 10);
        assertArrayEquals(new int[] {0, 5, 9, 13, 20}, WorkPlan.decodeBands(contiguous(even), WorkPlan.cuts(2), upTo(20), 20));
        // one thread (cuts at 70, 105, 122.5 ... of 140 bytes): the big first row reaches 70 but row 1 is too
        // close to the start; row 4 (100 bytes) is the first place four rows from both ends
        assertArrayEquals(new int[] {0, 4, 8}, WorkPlan.decodeBands(contiguous(70, 10, 10, 10, 10, 10, 10, 10),
                WorkPlan.cuts(1), upTo(8), 8));
        // two segments per MCU row: cuts only where a row starts
        int[] halves = new int[16];
        Arrays.fill(halves, 10);
        assertArrayEquals(new int[] {0, 8, 16}, WorkPlan.decodeBands(contiguous(halves), WorkPlan.cuts(1),
                new McuGrid(4, 8, 2, 8, 64).rowStarts(), 8));
    }

    @Test
    void plansStartAtZeroEndAtTheCountAndNeverBreakTheBandRules() {
        Random random = new Random(13);
        for (int trial = 0; trial < 500; trial++) {
            int threads = 1 + random.nextInt(16);
            int perRow = 1 + random.nextInt(20);
            int rows = 1 + random.nextInt(80);
            int interval = 1 + random.nextInt(3 * perRow);
            int n = (int) (((long) rows * perRow + interval - 1) / interval);
            int[] sizes = new int[n];
            for (int s = 0; s < n; s++) {
                sizes[s] = 1 + random.nextInt(200);
            }
            int[] rowStarts = new McuGrid(perRow, rows, interval, 8, 8 * rows).rowStarts();
            assertEquals(n, rowStarts.length);
            String what = "trial " + trial;
            int[] bands = WorkPlan.decodeBands(contiguous(sizes), WorkPlan.cuts(threads), rowStarts, rows);
            assertEquals(0, bands[0], what);
            assertEquals(n, bands[bands.length - 1], what);
            int lastRow = 0;
            for (int b = 1; b < bands.length - 1; b++) {
                assertTrue(bands[b] > bands[b - 1], what);
                int r = rowStarts[bands[b]];
                assertTrue(r >= 0, what + ": band " + b + " starts inside an MCU row");
                assertTrue(r - lastRow >= WorkPlan.MIN_BAND_ROWS, what + ": band " + (b - 1) + " too short");
                lastRow = r;
            }
            assertTrue(bands.length == 2 || rows - lastRow >= WorkPlan.MIN_BAND_ROWS, what + ": last band too short");
            int[] strips = WorkPlan.encodeStrips(n, WorkPlan.cuts(threads));
            assertEquals(0, strips[0], what);
            assertEquals(n, strips[strips.length - 1], what);
            for (int s = 1; s < strips.length; s++) {
                assertTrue(strips[s] > strips[s - 1], what + ": strip " + s + " repeats");
            }
        }
    }
}
