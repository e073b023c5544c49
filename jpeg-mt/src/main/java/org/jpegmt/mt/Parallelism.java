package org.jpegmt.mt;

import java.util.Objects;
import java.util.concurrent.Executor;

/**
 * How much parallelism one encode or decode may use: the executor for helper tasks, the number
 * of threads including the caller, and the image size below which splitting is not worth it.
 * Immutable; shared by {@link ParallelJpegEncoder} and {@link ParallelJpegDecoder}, which cut
 * the work as {@link WorkPlan} says.
 */
final class Parallelism {
    /** Images below this many pixels are coded serially by default. */
    static final long DEFAULT_THRESHOLD = 64 * 1024;

    final Executor executor;
    final int threads;
    final long threshold;

    /** With the default threshold. */
    Parallelism(Executor executor, int threads) {
        this(executor, threads, DEFAULT_THRESHOLD);
    }

    Parallelism(Executor executor, int threads, long threshold) {
        this.executor = Objects.requireNonNull(executor, "executor");
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        if (threshold < 0) {
            throw new IllegalArgumentException("threshold must be >= 0, got " + threshold);
        }
        this.threads = threads;
        this.threshold = threshold;
    }

    Parallelism withThreshold(long pixels) {
        return new Parallelism(executor, threads, pixels);
    }

    /** @return whether an image of this size should be split across threads */
    boolean split(long pixels) {
        return threads > 1 && pixels >= threshold;
    }

    /** @return helper tasks to submit besides the caller */
    int helpers() {
        return threads - 1;
    }
}
