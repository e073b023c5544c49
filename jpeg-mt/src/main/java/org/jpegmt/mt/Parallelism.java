package org.jpegmt.mt;

import java.util.Objects;
import java.util.concurrent.Executor;

/**
 * How much parallelism one encode or decode may use: the executor for helper tasks, the number
 * of threads including the caller, and the image size below which splitting is not worth it.
 * Immutable; shared by {@link ParallelJpegEncoder} and {@link ParallelJpegDecoder}.
 */
final class Parallelism {
    /** Images below this many pixels are coded serially by default. */
    static final long DEFAULT_THRESHOLD = 64 * 1024;

    final Executor executor;
    final int threads;
    final long threshold;

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

    /**
     * Where to cut one image's work into parts, as cumulative fractions of the whole
     * (guided self-scheduling): each part takes {@code 1 / (2 * threads)} of the work not yet
     * cut, until what remains is under {@code 1 / (32 * threads)}, which is the last part. The
     * first parts are large (few boundaries to pay for), the last ones small, so threads that
     * claim parts as they become free finish within a small part of each other even when one
     * of them was slowed down. (With 2 threads: 15 parts, from 25% down to under 2% of the work;
     * the last part is what one thread may still be working on when the other runs out.)
     *
     * @return increasing fractions in (0, 1); the parts are the spans between 0, these and 1
     */
    double[] cuts() {
        double q = 1 - 1.0 / (2 * threads);
        double last = 1.0 / (32 * threads);
        double[] f = new double[16 * threads];
        int n = 0;
        double remaining = q;
        while (remaining >= last && n < f.length) {
            f[n++] = 1 - remaining;
            remaining *= q;
        }
        return java.util.Arrays.copyOf(f, n);
    }

    /** @return helper tasks to submit besides the caller */
    int helpers() {
        return threads - 1;
    }
}
