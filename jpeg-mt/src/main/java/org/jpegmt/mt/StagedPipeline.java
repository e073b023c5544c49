package org.jpegmt.mt;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.jpegmt.core.internal.DecodeJob;
import org.jpegmt.core.JpegException;
import org.jpegmt.core.PixelImage;

/**
 * The decode pipeline for single-scan files whose entropy-coded data cannot be split (no
 * restart markers, or damaged ones): the calling thread only entropy-decodes
 * ({@link DecodeJob#decodeAllStaged}), and each MCU row's inverse DCT, followed by the
 * conversion of every output row whose three MCU rows are then transformed, is a task for
 * whichever thread is free: up to {@code helpers} runners on the executor, and the caller itself
 * whenever it would otherwise wait for a coefficient slot. So the two stages share the threads
 * however their costs compare.
 *
 * <p>The caller never waits for a task that has not started: it runs queued tasks itself, and
 * only parks (briefly) while every task it needs is running on a helper.
 */
final class StagedPipeline implements DecodeJob.CoefficientSink {
    private final DecodeJob job;
    private final Executor executor;
    private final int helpers;
    private final int rows;
    private final int rowHeight;
    private final int height;
    private final PixelImage out;
    /** MCU rows announced and not yet transformed by anyone. */
    private final ConcurrentLinkedQueue<Integer> queue = new ConcurrentLinkedQueue<>();
    private final AtomicIntegerArray transformed;
    private final AtomicIntegerArray converted;
    private final AtomicInteger active = new AtomicInteger();
    /** Tasks queued or running. */
    private final AtomicInteger pending = new AtomicInteger();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();

    StagedPipeline(DecodeJob job, Executor executor, int helpers) {
        this.job = job;
        this.executor = executor;
        this.helpers = helpers;
        this.rows = job.mcuRows();
        this.rowHeight = job.mcuRowHeight();
        this.out = job.allocateOutput();
        this.height = out.height();
        this.transformed = new AtomicIntegerArray(rows);
        this.converted = new AtomicIntegerArray(rows);
    }

    @Override
    public void rowDecoded(int mcuRow) throws JpegException {
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
        int reuse = mcuRow + 1 - DecodeJob.COEFFICIENT_SLOTS;
        if (reuse >= 0) {
            int spins = 0;
            while (transformed.get(reuse) == 0) {
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
        job.inverseTransformRow(r);
        transformed.set(r, 1);
        // Output rows of MCU row c need rows c - 1 .. c + 1; whoever completes the set converts.
        for (int c = Math.max(0, r - 1); c <= Math.min(rows - 1, r + 1); c++) {
            if (ready(c) && converted.compareAndSet(c, 0, 1)) {
                job.convertRows(c * rowHeight, Math.min(height, (c + 1) * rowHeight), out);
            }
        }
    }

    private boolean ready(int c) {
        return (c == 0 || transformed.get(c - 1) != 0) && transformed.get(c) != 0
                && (c == rows - 1 || transformed.get(c + 1) != 0);
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
     * Called by the producer after the scan (or after it failed): runs what is still queued,
     * waits for the tasks running on helpers, and rethrows a task's failure.
     */
    void finish() throws JpegException {
        while (runOne()) {
            // the caller helps with the tail
        }
        while (pending.get() > 0) {
            LockSupport.parkNanos(this, 100_000L); // tasks in flight on helpers
        }
        checkFailure();
    }
}
