package org.jpegmt.mt;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.jpegmt.core.internal.McuGrid;
import org.jpegmt.core.internal.StagedDecode;
import org.jpegmt.core.JpegException;

/**
 * The decode pipeline for single-scan files whose entropy-coded data cannot be split (no
 * restart markers, or damaged ones): the calling thread only entropy-decodes
 * ({@link StagedDecode#decodeNextRow}), and each MCU row's inverse DCT, followed by the
 * conversion of every output row whose three MCU rows are then transformed, is a task for
 * whichever thread is free: up to {@code helpers} runners on the executor, and the caller itself
 * whenever it would otherwise wait for a coefficient slot. So the two stages share the threads
 * however their costs compare.
 *
 * <p>The caller never waits for a task that has not started: it runs queued tasks itself, and
 * only parks (briefly) while every task it needs is running on a helper.
 */
final class StagedPipeline {
    private final StagedDecode staged;
    private final McuGrid grid;
    private final Executor executor;
    private final int helpers;
    private final int rows;
    /** MCU rows announced and not yet transformed by anyone. */
    private final ConcurrentLinkedQueue<Integer> queue = new ConcurrentLinkedQueue<>();
    private final AtomicIntegerArray transformed;
    private final AtomicIntegerArray converted;
    private final AtomicInteger active = new AtomicInteger();
    /** Tasks queued or running. */
    private final AtomicInteger pending = new AtomicInteger();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    /** MCU rows entropy-decoded so far (the next row to decode); the calling thread's only. */
    private int announced;

    private StagedPipeline(StagedDecode staged, Executor executor, int helpers) {
        this.staged = staged;
        this.grid = staged.grid();
        this.executor = executor;
        this.helpers = helpers;
        this.rows = grid.mcuRows();
        this.transformed = new AtomicIntegerArray(rows);
        this.converted = new AtomicIntegerArray(rows);
    }

    /**
     * Decodes the whole scan: entropy decoding on the calling thread, the inverse DCT and
     * conversion of each MCU row on whichever thread is free. Returns once the image is complete.
     *
     * @param staged the staged decode of a single-scan file
     * @param executor runs the helper tasks
     * @param helpers most helper tasks at once besides the caller
     * @throws JpegException as the serial decode (damage in strict mode)
     */
    static void run(StagedDecode staged, Executor executor, int helpers) throws JpegException {
        StagedPipeline p = new StagedPipeline(staged, executor, helpers);
        boolean greyRest = false; // the data ran out for good: the rest is a copied grey row
        try {
            while (staged.hasNextRow()) {
                if (staged.greyRestReady()) {
                    staged.skipGreyRest();
                    greyRest = true;
                    break;
                }
                // row r goes into the slot of row r - slots: that row must be transformed first
                p.awaitTransformed(p.announced - StagedDecode.COEFFICIENT_SLOTS);
                p.announce(staged.decodeNextRow());
            }
            staged.finish();
        } finally {
            p.finish(); // the image is complete once the queued rows are done
        }
        if (greyRest) {
            staged.repeatGreyRows(); // after every decoded row is transformed and converted
        }
    }

    private void announce(int mcuRow) {
        announced = mcuRow + 1;
        pending.incrementAndGet();
        queue.add(mcuRow);
        if (active.get() < helpers) {
            active.incrementAndGet();
            try {
                executor.execute(this::drain);
            } catch (RejectedExecutionException e) {
                active.decrementAndGet(); // the caller does the work
            }
        }
    }

    /** Runs queued tasks on the caller until row {@code r} (if it exists) is transformed. */
    private void awaitTransformed(int r) throws JpegException {
        if (r >= 0) {
            int spins = 0;
            while (transformed.get(r) == 0) {
                if (!runOne()) {
                    checkFailure();
                    // the row is being transformed on a helper: a fraction of a millisecond
                    if (++spins < 1000) {
                        Thread.onSpinWait();
                    } else {
                        LockSupport.parkNanos(this, 20_000L);
                    }
                }
            }
        }
        checkFailure();
    }

    private void drain() {
        try {
            while (runOne()) {
                // next
            }
        } finally {
            active.decrementAndGet();
        }
    }

    /** @return false if nothing was queued */
    private boolean runOne() {
        Integer r = queue.poll();
        if (r == null) {
            return false;
        }
        try {
            if (failure.get() == null) {
                transform(r);
            }
        } catch (Throwable t) {
            failure.compareAndSet(null, t);
        } finally {
            pending.decrementAndGet();
        }
        return true;
    }

    private void transform(int r) {
        staged.inverseTransform(r);
        transformed.set(r, 1);
        // MCU row c needs rows firstNeeded(c) .. lastNeeded(c); whoever completes the set converts.
        for (int c = grid.firstNeeded(r); c <= grid.lastNeeded(r); c++) {
            if (ready(c) && converted.compareAndSet(c, 0, 1)) {
                staged.convert(c);
            }
        }
    }

    private boolean ready(int c) {
        for (int k = grid.firstNeeded(c); k <= grid.lastNeeded(c); k++) {
            if (transformed.get(k) == 0) {
                return false;
            }
        }
        return true;
    }

    private void checkFailure() throws JpegException {
        Throwable t = failure.get();
        if (t instanceof JpegException e) {
            throw e;
        }
        if (t instanceof RuntimeException e) {
            throw e;
        }
        if (t instanceof Error e) {
            throw e;
        }
    }

    /**
     * After the scan (or after it failed): runs what is still queued, waits for the tasks running
     * on helpers, and rethrows a task's failure.
     */
    private void finish() throws JpegException {
        while (runOne()) {
            // the caller helps with the tail
        }
        while (pending.get() > 0) {
            LockSupport.parkNanos(this, 100_000L); // tasks in flight on helpers
        }
        checkFailure();
    }
}
