package org.jpegmt.mt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class TaskRunnerTest {
    @Test
    void everyTaskRunsExactlyOnce() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            AtomicIntegerArray runs = new AtomicIntegerArray(1000);
            TaskRunner.runAll(pool, 3, 1000, i -> runs.incrementAndGet(i));
            for (int i = 0; i < 1000; i++) {
                assertEquals(1, runs.get(i), "task " + i);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void callersInsideASaturatedPoolDoNotDeadlock() throws Exception {
        // Both pool threads are busy running callers that themselves use the same pool:
        // the helpers they submit can never start, so the callers must do all the work.
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> outer = new ArrayList<>();
            for (int c = 0; c < 4; c++) {
                outer.add(pool.submit(() -> {
                    AtomicIntegerArray runs = new AtomicIntegerArray(64);
                    TaskRunner.runAll(pool, 8, 64, i -> runs.incrementAndGet(i));
                    int sum = 0;
                    for (int i = 0; i < 64; i++) {
                        sum += runs.get(i);
                    }
                    return sum;
                }));
            }
            for (Future<Integer> f : outer) {
                assertEquals(64, f.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void rejectedHelpersLeaveTheWorkToTheCaller() throws Exception {
        ExecutorService pool = Executors.newSingleThreadExecutor();
        pool.shutdown();
        AtomicIntegerArray runs = new AtomicIntegerArray(10);
        TaskRunner.runAll(pool, 4, 10, i -> runs.incrementAndGet(i));
        for (int i = 0; i < 10; i++) {
            assertEquals(1, runs.get(i));
        }
    }

    @Test
    void firstFailureIsRethrown() {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            IOException e = assertThrows(IOException.class, () -> TaskRunner.runAll(pool, 2, 50, i -> {
                if (i == 17) {
                    throw new IOException("task 17 failed");
                }
            }));
            assertTrue(e.getMessage().contains("17"));
        } finally {
            pool.shutdownNow();
        }
    }
}
