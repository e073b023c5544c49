package org.jpegmt.mt;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.jpegmt.core.InvalidJpegException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class ParallelScanScheduleTest {
    /** libjpeg's default colour script (ScanDependenciesTest), with made-up sizes in bytes. */
    private static final int[][] DEFAULT_AFTER = {{}, {}, {}, {}, {}, {1, 4}, {0}, {2}, {3}, {1, 4, 5}};
    private static final long[] DEFAULT_BYTES = {260, 260, 33, 31, 75, 670, 60, 133, 116, 1762};

    @Test
    void partsAreConsecutiveIntervalsOfAboutEqualBytes() {
        long[] even = new long[100];
        java.util.Arrays.fill(even, 10);
        assertArrayEquals(new int[] {0, 25, 50, 75, 100}, ParallelScanSchedule.parts(even, 4));
        assertArrayEquals(new int[] {0, 1, 2, 3}, ParallelScanSchedule.parts(new long[] {5, 5, 5}, 8), "one part per interval at most");
        assertArrayEquals(new int[] {0, 1}, ParallelScanSchedule.parts(new long[] {123}, 8), "one interval: one part");
        // one interval holds most of the bytes: it ends a part, no part is empty
        assertArrayEquals(new int[] {0, 2, 4}, ParallelScanSchedule.parts(new long[] {10, 100, 10, 10}, 4));
    }

    @Test
    void chainBytesAddTheLongestChainThatMustFollow() {
        long[] chain = ParallelScanSchedule.chainBytes(DEFAULT_AFTER, DEFAULT_BYTES);
        assertEquals(260 + 670 + 1762, chain[1], "Y 1-5, then both Y refinements");
        assertEquals(75 + 670 + 1762, chain[4]);
        assertEquals(260 + 60, chain[0], "DC, then its refinement");
        assertEquals(1762, chain[9], "the last scan: its own bytes");
        assertEquals(33 + 133, chain[2]);
    }

    /**
     * Every part runs once, and no part of a scan starts before every part of the scans it
     * follows has ended; the side task runs once.
     */
    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void partsRunOnceEachAndOnlyAfterTheScansTheyFollow() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            for (int round = 0; round < 20; round++) {
                long[][] segments = new long[DEFAULT_AFTER.length][];
                for (int i = 0; i < segments.length; i++) {
                    segments[i] = new long[i % 3 == 0 ? 7 : 1];
                    java.util.Arrays.fill(segments[i], DEFAULT_BYTES[i]);
                }
                AtomicLong clock = new AtomicLong();
                long[][] start = new long[segments.length][8];
                long[][] end = new long[segments.length][8];
                AtomicInteger[] runs = new AtomicInteger[segments.length];
                for (int i = 0; i < runs.length; i++) {
                    runs[i] = new AtomicInteger();
                }
                AtomicInteger side = new AtomicInteger();
                boolean ok = ParallelScanSchedule.run(DEFAULT_AFTER, segments, (scan, from, to) -> {
                    for (int s = from; s < to; s++) {
                        start[scan][s] = clock.incrementAndGet();
                        runs[scan].incrementAndGet();
                    }
                    Thread.yield();
                    for (int s = from; s < to; s++) {
                        end[scan][s] = clock.incrementAndGet();
                    }
                }, pool, 4, side::incrementAndGet);
                assertTrue(ok);
                assertEquals(1, side.get());
                for (int j = 0; j < segments.length; j++) {
                    assertEquals(segments[j].length, runs[j].get(), "scan " + j + ": each interval once");
                    for (int i : DEFAULT_AFTER[j]) {
                        for (int s = 0; s < segments[i].length; s++) {
                            for (int t = 0; t < segments[j].length; t++) {
                                assertTrue(end[i][s] < start[j][t], "scan " + j + " began before scan " + i + " ended");
                            }
                        }
                    }
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void independentScansRunAtOnce() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(1);
        try {
            // two independent scans: each waits until the other has started, which only two threads can do
            CountDownLatch both = new CountDownLatch(2);
            boolean ok = ParallelScanSchedule.run(new int[][] {{}, {}}, new long[][] {{1}, {1}}, (scan, from, to) -> {
                both.countDown();
                try {
                    if (!both.await(20, TimeUnit.SECONDS)) {
                        throw new AssertionError("scan " + scan + " ran alone");
                    }
                } catch (InterruptedException e) {
                    throw new AssertionError(e);
                }
            }, pool, 2, null);
            assertTrue(ok);
        } finally {
            pool.shutdownNow();
        }
    }

    /** After an unusual part, the schedule answers false only once no part is running any more. */
    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aFailedPartStopsTheScheduleAndNoPartRunsAfterItReturns() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            AtomicInteger running = new AtomicInteger();
            AtomicInteger started = new AtomicInteger();
            long[][] segments = {new long[40], new long[40]};
            java.util.Arrays.fill(segments[0], 1);
            java.util.Arrays.fill(segments[1], 1);
            boolean ok = ParallelScanSchedule.run(new int[][] {{}, {0}}, segments, (scan, from, to) -> {
                running.incrementAndGet();
                started.incrementAndGet();
                try {
                    Thread.sleep(2);
                    if (scan == 0 && from == 0) {
                        throw new InvalidJpegException("unusual", 0);
                    }
                } catch (InterruptedException e) {
                    throw new AssertionError(e);
                } finally {
                    running.decrementAndGet();
                }
            }, pool, 4, null);
            assertFalse(ok);
            assertEquals(0, running.get(), "a part still running after the schedule returned");
            Thread.sleep(50);
            assertEquals(0, running.get());
            assertTrue(started.get() < 32, "parts kept starting after the failure: " + started.get());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aBugInAPartIsThrownNotHidden() {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            assertThrows(IllegalStateException.class, () -> ParallelScanSchedule.run(new int[][] {{}, {}},
                    new long[][] {{1}, {1}}, (scan, from, to) -> {
                        throw new IllegalStateException("bug");
                    }, pool, 2, null));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aSaturatedExecutorLeavesTheWholeScheduleToTheCaller() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(1);
        CountDownLatch release = new CountDownLatch(1);
        try {
            pool.execute(() -> {
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            ConcurrentLinkedQueue<String> threads = new ConcurrentLinkedQueue<>();
            boolean ok = ParallelScanSchedule.run(DEFAULT_AFTER, new long[][] {{1}, {1}, {1}, {1}, {1}, {1}, {1}, {1},
                {1}, {1}}, (scan, from, to) -> threads.add(Thread.currentThread().getName()), pool, 4, null);
            assertTrue(ok);
            assertEquals(10, threads.size());
            assertEquals(List.of(Thread.currentThread().getName()), threads.stream().distinct().toList());
        } finally {
            release.countDown();
            pool.shutdownNow();
        }
    }
}
