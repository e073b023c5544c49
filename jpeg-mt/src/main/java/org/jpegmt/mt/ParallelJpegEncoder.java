package org.jpegmt.mt;

import java.util.Objects;
import java.util.concurrent.Executor;
import org.jpegmt.core.internal.EncodeJob;
import org.jpegmt.core.EncoderOptions;
import org.jpegmt.core.JpegEncoder;
import org.jpegmt.core.PixelImage;
import org.jpegmt.core.internal.SymbolCounts;

/**
 * Encodes horizontal strips of an image on separate threads and joins them with restart
 * markers. Colour conversion, downsampling, DCT, quantisation and Huffman coding of a strip all
 * happen on the thread that encodes it. The restart interval comes from the
 * {@link EncoderOptions} (one MCU row by default), never from the thread count, so the output
 * is byte-identical to {@link JpegEncoder}'s for any number of threads.
 *
 * <p>With {@link EncoderOptions#optimizeHuffman()}, symbol statistics are gathered per strip in
 * parallel, merged, the tables built once, and then the strips are encoded in parallel. With
 * restarts off there is a single entropy-coded segment and the image is encoded serially.
 *
 * <p>Immutable and thread-safe. The calling thread always takes part, and it never waits for a
 * task that has not started, so calling {@code encode} from a task of the very executor passed
 * in cannot deadlock.
 */
public final class ParallelJpegEncoder {
    /**
     * Default of {@link #withParallelThreshold}: images below this many pixels are encoded
     * serially, because splitting them costs more than it gains.
     */
    public static final long DEFAULT_PARALLEL_THRESHOLD = Parallelism.DEFAULT_THRESHOLD;

    private final EncoderOptions options;
    private final Parallelism parallelism;

    /**
     * @param options encoder settings
     * @param threads how many threads may work on one image, including the caller (1 = serial)
     */
    public ParallelJpegEncoder(EncoderOptions options, int threads) {
        this(options, WorkerPool.SHARED, threads);
    }

    /**
     * @param options encoder settings
     * @param executor runs the strips other than the caller's; may be shared with other work
     * @param threads how many threads may work on one image, including the caller
     */
    public ParallelJpegEncoder(EncoderOptions options, Executor executor, int threads) {
        this(options, new Parallelism(executor, threads));
    }

    private ParallelJpegEncoder(EncoderOptions options, Parallelism parallelism) {
        this.options = Objects.requireNonNull(options, "options");
        this.parallelism = parallelism;
    }

    /** @return the encoder settings */
    public EncoderOptions options() {
        return options;
    }

    /**
     * @param pixels smallest {@code width * height} worth splitting across threads (0 = always
     *     split when the file allows it)
     * @return a copy with this threshold
     */
    public ParallelJpegEncoder withParallelThreshold(long pixels) {
        return new ParallelJpegEncoder(options, parallelism.withThreshold(pixels));
    }

    /** @return the parallel threshold in pixels */
    public long parallelThreshold() {
        return parallelism.threshold;
    }

    /** @return the most threads one encode uses, the caller included */
    public int threads() {
        return parallelism.threads;
    }

    /**
     * @param image RGB or GRAY pixels
     * @return a complete JPEG file, the same bytes as {@code new JpegEncoder(options).encode(image)}
     */
    public byte[] encode(PixelImage image) {
        EncodeJob job = EncodeJob.create(image, options);
        if (!parallelism.split((long) image.width() * image.height())) {
            return job.encodeAll();
        }
        int[] bounds = WorkPlan.encodeStrips(job.intervalCount(), WorkPlan.cuts(parallelism.threads));
        int strips = bounds.length - 1;
        if (strips < 2) {
            return job.encodeAll(); // one restart interval (or none): one segment
        }
        if (job.needsTables()) {
            SymbolCounts[] counts = new SymbolCounts[strips];
            EncodeJob counting = job;
            TaskRunner.runAll(parallelism.executor, parallelism.helpers(), strips, s -> {
                SymbolCounts c = counting.newCounts();
                counting.countSymbols(bounds[s], bounds[s + 1], c);
                counts[s] = c;
            });
            SymbolCounts all = job.newCounts();
            for (SymbolCounts c : counts) {
                all.add(c);
            }
            job = job.withTables(all);
        }
        byte[][] parts = new byte[strips][];
        EncodeJob coding = job;
        TaskRunner.runAll(parallelism.executor, parallelism.helpers(), strips, s -> parts[s] = coding.encodeIntervals(bounds[s], bounds[s + 1]));
        return Joined.of(job.header(), parts, job.trailer());
    }
}
