package org.jpegmt.bench;

import org.openjdk.jmh.infra.Blackhole;

/**
 * Two ways of doing the same work, timed back to back inside one JMH invocation, the order
 * alternating from one invocation to the next ({@link InterleavedSpeedupBenchmark},
 * {@link VersionAbBenchmark}): on a machine whose speed drifts over seconds, both sides of a
 * pair see the same machine.
 */
final class InterleavedPair {
    /** One side of a pair: a whole decode or encode. */
    @FunctionalInterface
    interface Side {
        Object run() throws Throwable;
    }

    private InterleavedPair() {
    }

    /**
     * @param secondFirst run {@code second} before {@code first}
     * @return nanoseconds spent by {@code first} and by {@code second}
     */
    static long[] time(Blackhole bh, boolean secondFirst, Side first, Side second) throws Throwable {
        long a;
        long b;
        if (secondFirst) {
            b = timed(bh, second);
            a = timed(bh, first);
        } else {
            a = timed(bh, first);
            b = timed(bh, second);
        }
        return new long[] {a, b};
    }

    private static long timed(Blackhole bh, Side side) throws Throwable {
        long t = System.nanoTime();
        bh.consume(side.run());
        return System.nanoTime() - t;
    }
}
