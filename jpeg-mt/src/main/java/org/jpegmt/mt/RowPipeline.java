package org.jpegmt.mt;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.jpegmt.core.DecodeJob;
import org.jpegmt.core.PixelImage;

/**
 * The decode pipeline for files with several scans (single-scan files that cannot be split go
 * to {@link StagedPipeline}): the calling thread runs the serial entropy decoding and IDCT, and
 * hands each finished band of output rows (for several scans: the whole image, at the end) to
 * up to {@code helpers} other threads for upsampling and colour conversion.
 *
 * <p>Helper runners drain a queue and exit when it is empty; the producer starts a new runner
 * whenever fewer than {@code helpers} are active. At the end the caller converts whatever is
 * still queued itself and then waits only for bands that helpers are already converting, so it
 * never waits on a task that has not started.
 */
final class RowPipeline implements DecodeJob.RowSink {
    private final DecodeJob job;
    private final Executor executor;
    private final int helpers;
    private final ConcurrentLinkedQueue<int[]> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger active = new AtomicInteger();
    /** Bands handed over and not yet converted. */
    private final AtomicInteger pending = new AtomicInteger();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private volatile Thread waiter;
    private PixelImage out;

    RowPipeline(DecodeJob job, Executor executor, int helpers) {
        this.job = job;
        this.executor = executor;
        this.helpers = helpers;
    }

    @Override
    public void rowsReady(int y0, int y1, PixelImage image) {
        out = image;
        pending.incrementAndGet();
        queue.add(new int[] {y0, y1});
        if (active.get() < helpers) {
            active.incrementAndGet();
            try {
                executor.execute(this::drain);
            } catch (RejectedExecutionException e) {
                active.decrementAndGet(); // the caller converts it at the end
            }
        }
    }

    private void drain() {
        try {
            convertQueued();
        } finally {
            active.decrementAndGet();
        }
    }

    private void convertQueued() {
        int[] band;
        while ((band = queue.poll()) != null) {
            try {
                if (failure.get() == null) {
                    job.convertRows(band[0], band[1], out);
                }
            } catch (Throwable t) {
                failure.compareAndSet(null, t);
            } finally {
                if (pending.decrementAndGet() == 0) {
                    Thread w = waiter;
                    if (w != null) {
                        LockSupport.unpark(w);
                    }
                }
            }
        }
    }

    /** Called by the producer after the last band: converts what is left and waits for the rest. */
    void finish() {
        waiter = Thread.currentThread();
        convertQueued();
        while (pending.get() > 0) {
            LockSupport.parkNanos(this, 1_000_000L); // bands in flight on helpers: short waits
        }
        waiter = null;
        Throwable t = failure.get();
        if (t instanceof RuntimeException e) {
            throw e;
        }
        if (t instanceof Error e) {
            throw e;
        }
    }
}
