package org.jpegmt.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.CyclicBarrier;

/**
 * Memory copy bandwidth with k threads at once (each copying its own 64 MB array; read + write
 * counted), the best of a few rounds. Run pinned to all the cores used; {@code bench/run.sh}
 * passes the figure to {@link ScalingModel} as the bandwidth ceiling of its projection.
 *
 * <pre>--threads k --out DIR</pre> writes {@code DIR/bandwidth.txt}: one number, GB/s.
 */
public final class BandwidthProbe {
    private BandwidthProbe() {
    }

    public static void main(String[] argv) throws Exception {
        Args args = new Args(argv);
        int threads = args.getInt("threads", Runtime.getRuntime().availableProcessors());
        Path out = Path.of(args.get("out", "bench/results/latest"));
        Files.createDirectories(out);
        double gbs = measure(threads, 64 << 20, 5) / 1e9;
        Files.writeString(out.resolve("bandwidth.txt"), String.format(Locale.ROOT, "%.2f%n", gbs));
        System.out.printf(Locale.ROOT, "copy bandwidth with %d threads: %.2f GB/s%n", threads, gbs);
    }

    /** @return bytes per second (read + write) of {@code threads} concurrent copies */
    static double measure(int threads, int bytes, int rounds) throws InterruptedException, IOException {
        byte[][] src = new byte[threads][bytes];
        byte[][] dst = new byte[threads][bytes];
        double best = Double.MAX_VALUE;
        for (int r = 0; r < rounds; r++) {
            CyclicBarrier start = new CyclicBarrier(threads + 1);
            Thread[] ts = new Thread[threads];
            for (int t = 0; t < threads; t++) {
                int i = t;
                ts[t] = new Thread(() -> {
                    try {
                        start.await();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                    System.arraycopy(src[i], 0, dst[i], 0, bytes);
                });
                ts[t].start();
            }
            try {
                start.await();
            } catch (java.util.concurrent.BrokenBarrierException e) {
                throw new IOException(e);
            }
            long t0 = System.nanoTime();
            for (Thread t : ts) {
                t.join();
            }
            best = Math.min(best, (System.nanoTime() - t0) / 1e9);
        }
        return 2.0 * bytes * threads / best;
    }
}
