package org.jpegmt.mt;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.jpegmt.core.JpegException;
import org.jpegmt.core.internal.ScanScript;

/**
 * Decodes the scans of a progressive file on several threads at once, as far as the scan script
 * allows ({@link ScanScript#after}): a scan's parts become ready once every scan it follows is
 * decoded, and a scan with restart markers is cut into parts of consecutive restart intervals
 * ({@link #parts}) that run at once. Ready parts go to whichever thread is free, those on the
 * longest remaining chain of bytes first ({@link #chainBytes}), so the refinements of the
 * luminance, which usually wait for each other, start as early as they can.
 *
 * <p>Memory model: every part is claimed and reported done under one lock, and the scans that a
 * part follows were reported done before it was claimed, so their writes to the coefficients
 * happen-before its reads; the caller returns only once every part is done or, after a failure,
 * no part is running any more, so its reads after the call see every write.
 *
 * <p>Threads: the caller works too and returns only when nothing is left, so the schedule
 * completes even if no helper ever starts; a helper waits only for parts that other threads have
 * claimed and are running, never for one that has not started, so it cannot deadlock a
 * saturated executor.
 */
final class ParallelScanSchedule {
    /** Parts per thread a scan with restart markers is cut into at most: later parts even out the threads. */
    static final int PARTS_PER_THREAD = 4;

    /** A side task of the schedule, with no dependency, run when a thread has nothing better to do. */
    @FunctionalInterface
    interface SideTask {
        void run() throws JpegException;
    }

    /** Decodes restart intervals {@code [from, to)} of one scan ({@link ScanScript#decode}). */
    @FunctionalInterface
    interface PartDecoder {
        void decode(int scan, int from, int to) throws JpegException;
    }

    private final PartDecoder decoder;
    private final SideTask side;
    private final int[][] followers;
    private final int[] waitingFor;
    private final int[] partsLeft;
    private final int[][] partBounds;
    private final long[] chain;
    /** Ready parts: {scan, from, to}, scan -1 = the side task; longest chain first, then file order. */
    private final PriorityQueue<int[]> ready;
    private int left;
    private int running;
    private Throwable failure;

    private ParallelScanSchedule(int[][] after, long[][] segmentBytes, PartDecoder decoder, int threads,
            SideTask side) {
        this.decoder = decoder;
        this.side = side;
        int n = after.length;
        long[] bytes = new long[n];
        for (int i = 0; i < n; i++) {
            for (long b : segmentBytes[i]) {
                bytes[i] += b;
            }
        }
        chain = chainBytes(after, bytes);
        followers = followers(after);
        waitingFor = new int[n];
        partsLeft = new int[n];
        partBounds = new int[n][];
        ready = new PriorityQueue<>((a, b) -> a[0] < 0 || b[0] < 0 ? Integer.compare(b[0], a[0])
                : chain[a[0]] != chain[b[0]] ? Long.compare(chain[b[0]], chain[a[0]])
                : a[0] != b[0] ? Integer.compare(a[0], b[0]) : Integer.compare(a[1], b[1]));
        for (int i = 0; i < n; i++) {
            partBounds[i] = parts(segmentBytes[i], threads * PARTS_PER_THREAD);
            partsLeft[i] = partBounds[i].length - 1;
            left += partsLeft[i];
            waitingFor[i] = after[i].length;
            if (waitingFor[i] == 0) {
                release(i);
            }
        }
        if (side != null) {
            ready.add(new int[] {-1, 0, 0});
            left++;
        }
    }

    /**
     * Decodes every scan of {@code script} on the caller and up to {@code threads - 1} helpers,
     * and runs {@code side} on one of them too.
     *
     * @return true if every scan is decoded; false if a part met something unusual
     *     ({@link ScanScript#decode} threw a {@code JpegException}): no part is running any more,
     *     and the file must be decoded serially ({@code side} may or may not have run)
     */
    static boolean decode(ScanScript script, Executor executor, int threads, SideTask side) {
        int n = script.scans();
        int[][] after = new int[n][];
        long[][] segmentBytes = new long[n][];
        for (int i = 0; i < n; i++) {
            after[i] = script.after(i);
            segmentBytes[i] = new long[script.segments(i)];
            for (int s = 0; s < segmentBytes[i].length; s++) {
                segmentBytes[i][s] = script.bytes(i, s, s + 1);
            }
        }
        return run(after, segmentBytes, script::decode, executor, threads, side);
    }

    /**
     * {@link #decode} over any scan graph: the schedule itself, apart from the file.
     *
     * @param after per scan, the earlier scans it follows
     * @param segmentBytes per scan, the bytes of each of its restart intervals (at least one)
     */
    static boolean run(int[][] after, long[][] segmentBytes, PartDecoder decoder, Executor executor, int threads,
            SideTask side) {
        ParallelScanSchedule schedule = new ParallelScanSchedule(after, segmentBytes, decoder, threads, side);
        int helpers = Math.min(threads - 1, schedule.left - 1);
        for (int h = 0; h < helpers; h++) {
            try {
                executor.execute(schedule::work);
            } catch (RejectedExecutionException e) {
                break; // the caller does the rest
            }
        }
        schedule.work();
        return schedule.finish();
    }

    /** One thread's loop: claim a ready part, run it, report it; until nothing is left or a part failed. */
    private void work() {
        boolean interrupted = false;
        int[] part = null;
        Throwable failed = null;
        for (;;) {
            synchronized (this) {
                if (part != null) {
                    running--;
                    done(part, failed);
                    notifyAll();
                }
                part = null;
                while (left > 0 && failure == null && (part = ready.poll()) == null) {
                    try {
                        wait(); // for a running part, whose end releases others
                    } catch (InterruptedException e) {
                        interrupted = true;
                    }
                }
                if (part == null) {
                    break;
                }
                running++;
            }
            failed = null;
            try {
                if (part[0] < 0) {
                    side.run();
                } else {
                    decoder.decode(part[0], part[1], part[2]);
                }
            } catch (Throwable t) {
                failed = t;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** Under the lock: part ended, with {@code failed} or not; releases the scans it completes. */
    private void done(int[] part, Throwable failed) {
        left--;
        if (failed != null) {
            if (failure == null) {
                failure = failed;
            }
            return;
        }
        int i = part[0];
        if (i >= 0 && --partsLeft[i] == 0) {
            for (int j : followers[i]) {
                if (--waitingFor[j] == 0) {
                    release(j);
                }
            }
        }
    }

    /** Under the lock: scan {@code i}'s parts are ready. */
    private void release(int i) {
        int[] b = partBounds[i];
        for (int p = 0; p + 1 < b.length; p++) {
            ready.add(new int[] {i, b[p], b[p + 1]});
        }
    }

    /** The caller, after its own loop: waits until no part runs, then tells how it went. */
    private synchronized boolean finish() {
        boolean interrupted = false;
        while (running > 0) {
            try {
                wait();
            } catch (InterruptedException e) {
                interrupted = true; // the claimed parts are running; finish waiting for them
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (failure == null) {
            return true;
        }
        if (failure instanceof JpegException) {
            return false;
        }
        if (failure instanceof RuntimeException e) {
            throw e;
        }
        if (failure instanceof Error e) {
            throw e;
        }
        throw new IllegalStateException(failure);
    }

    /**
     * Cuts a scan's restart intervals into at most {@code maxParts} runs of consecutive ones of
     * about equal bytes: a part ends after the interval whose end reaches the next
     * {@code k / maxParts} of the bytes.
     *
     * @param segmentBytes entropy-coded bytes of each interval (at least one)
     * @return part boundaries as interval indexes: first 0, last the interval count, increasing
     */
    static int[] parts(long[] segmentBytes, int maxParts) {
        int n = segmentBytes.length;
        int count = Math.max(1, Math.min(n, maxParts));
        long total = 0;
        for (long b : segmentBytes) {
            total += b;
        }
        int[] bounds = new int[count + 1];
        int p = 1; // next boundary
        int k = 1; // next target: k / count of the bytes
        long sum = 0;
        for (int s = 0; s < n - 1 && k < count; s++) {
            sum += segmentBytes[s];
            if (sum * count >= total * k) {
                bounds[p++] = s + 1;
                while (k < count && sum * count >= total * k) {
                    k++; // one large interval may pass several targets
                }
            }
        }
        bounds[p] = n;
        return Arrays.copyOf(bounds, p + 1);
    }

    /**
     * The priority of each scan: its bytes plus the most bytes along any chain of scans that must
     * follow it (the "bottom level" of list scheduling), which no number of threads can shorten.
     *
     * @param after {@link ScanScript#after} of each scan (earlier scans only)
     * @param bytes each scan's entropy-coded bytes
     */
    static long[] chainBytes(int[][] after, long[] bytes) {
        int n = bytes.length;
        long[] chain = bytes.clone();
        for (int j = n - 1; j >= 0; j--) {
            for (int i : after[j]) {
                chain[i] = Math.max(chain[i], bytes[i] + chain[j]);
            }
        }
        return chain;
    }

    /** @return for each scan, the later scans that follow it */
    private static int[][] followers(int[][] after) {
        List<List<Integer>> f = new ArrayList<>();
        for (int i = 0; i < after.length; i++) {
            f.add(new ArrayList<>());
        }
        for (int j = 0; j < after.length; j++) {
            for (int i : after[j]) {
                f.get(i).add(j);
            }
        }
        int[][] out = new int[after.length][];
        for (int i = 0; i < after.length; i++) {
            out[i] = f.get(i).stream().mapToInt(Integer::intValue).toArray();
        }
        return out;
    }
}
