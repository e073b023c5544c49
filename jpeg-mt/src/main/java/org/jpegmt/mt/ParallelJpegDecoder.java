package org.jpegmt.mt;

import java.util.Objects;
import java.util.concurrent.Executor;
import org.jpegmt.core.DecodeJob;
import org.jpegmt.core.DecoderOptions;
import org.jpegmt.core.JpegDecoder;
import org.jpegmt.core.JpegException;
import org.jpegmt.core.PixelImage;

/**
 * Decodes restart-marked JPEG files in parallel: one pass over the scan data
 * ({@link DecodeJob#segmentBounds()}) finds every {@code RSTn} marker, consecutive entropy-coded segments are grouped into bands balanced by
 * their size in bytes, and the bands are decoded on separate threads into disjoint rows of the
 * component planes. Each band then upsamples and colour-converts the MCU rows whose neighbours it
 * decoded itself (while they are in cache); the rows at band edges are converted, in parallel, once
 * every band is done. Conversion reads only finished planes, including the neighbouring chroma rows
 * that fancy upsampling needs, so the result is pixel-identical to {@link JpegDecoder}'s.
 *
 * <p>Files with no restart markers, several scans, or markers that are missing, extra or out of
 * order take the serial entropy path of jpeg-core, which handles damage exactly as libjpeg does
 * (warnings to the listener, or an exception in strict mode); upsampling and colour conversion
 * of each finished MCU row are then pipelined onto the other threads.
 *
 * <p>Immutable and thread-safe; the calling thread always takes part and never waits for a
 * task that has not started, so decoding from a task of the executor passed in cannot deadlock.
 */
public final class ParallelJpegDecoder {
    /**
     * Default of {@link #withParallelThreshold}: images below this many pixels are decoded
     * serially, because splitting them costs more than it gains.
     */
    public static final long DEFAULT_PARALLEL_THRESHOLD = Parallelism.DEFAULT_THRESHOLD;

    private final DecoderOptions options;
    private final Parallelism parallelism;

    /**
     * @param options decoder settings
     * @param threads how many threads may work on one image, including the caller (1 = serial)
     */
    public ParallelJpegDecoder(DecoderOptions options, int threads) {
        this(options, WorkerPool.SHARED, threads);
    }

    /**
     * @param options decoder settings
     * @param executor runs the bands other than the caller's; may be shared with other work
     * @param threads how many threads may work on one image, including the caller
     */
    public ParallelJpegDecoder(DecoderOptions options, Executor executor, int threads) {
        this(options, new Parallelism(executor, threads, DEFAULT_PARALLEL_THRESHOLD));
    }

    private ParallelJpegDecoder(DecoderOptions options, Parallelism parallelism) {
        this.options = Objects.requireNonNull(options, "options");
        this.parallelism = parallelism;
    }

    /** @return the decoder settings */
    public DecoderOptions options() {
        return options;
    }

    /**
     * @param pixels smallest {@code width * height} worth splitting across threads (0 = always
     *     split when the file allows it)
     * @return a copy with this threshold
     */
    public ParallelJpegDecoder withParallelThreshold(long pixels) {
        return new ParallelJpegDecoder(options, parallelism.withThreshold(pixels));
    }

    /** @return the parallel threshold in pixels */
    public long parallelThreshold() {
        return parallelism.threshold;
    }

    /** @return the most threads one decode uses, the caller included */
    public int threads() {
        return parallelism.threads;
    }

    /**
     * @param jpeg a whole JPEG file
     * @return the decoded image, identical to {@code new JpegDecoder(options).decode(jpeg)}
     * @throws JpegException as {@link JpegDecoder#decode(byte[])}
     */
    public PixelImage decode(byte[] jpeg) throws JpegException {
        DecodeJob job = DecodeJob.open(jpeg, options);
        long pixels = (long) job.info().width() * job.info().height();
        if (!parallelism.split(pixels)) {
            return job.decodeAll();
        }
        if (!job.singleScan() || job.restartInterval() == 0) {
            return pipelined(job);
        }
        int[] segments = job.segmentBounds();
        if (segments == null || segments.length < 4) {
            return pipelined(job); // damaged or unusual markers: the serial path resyncs like libjpeg
        }
        int[] bands = bands(segments, Math.min(segments.length / 2, parallelism.threads * 4));
        PixelImage out = job.allocateOutput();
        int height = out.height();
        int rowHeight = job.mcuRowHeight();
        int mcuRows = (height + rowHeight - 1) / rowHeight;
        int perRow = job.mcusPerRow();
        long ri = job.restartInterval();
        // MCU rows a band converts itself, right after decoding them (planes still in cache): those
        // whose neighbour rows, needed by fancy upsampling, are decoded by the same band.
        boolean[] done = new boolean[mcuRows];
        try {
            TaskRunner.runAll(parallelism.executor, parallelism.helpers(), bands.length - 1, b -> {
                for (int s = bands[b]; s < bands[b + 1]; s++) {
                    job.decodeSegment(s, segments[2 * s], segments[2 * s + 1]);
                }
                long firstMcu = bands[b] * ri;
                long endMcu = Math.min(bands[b + 1] * ri, job.mcuCount());
                int fullFrom = (int) ((firstMcu + perRow - 1) / perRow);
                int fullTo = endMcu == job.mcuCount() ? mcuRows : (int) (endMcu / perRow);
                int from = fullFrom == 0 ? 0 : fullFrom + 1;
                int to = fullTo == mcuRows ? mcuRows : fullTo - 1;
                if (from < to) {
                    job.convertRows(from * rowHeight, Math.min(height, to * rowHeight), out);
                    for (int r = from; r < to; r++) {
                        done[r] = true; // written by this task only; read after runAll's barrier
                    }
                }
            });
            int[] rest = remainingRanges(done);
            TaskRunner.runAll(parallelism.executor, parallelism.helpers(), rest.length / 2, r -> job.convertRows(
                    rest[2 * r] * rowHeight, Math.min(height, rest[2 * r + 1] * rowHeight), out));
        } catch (JpegException | RuntimeException | Error e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("parallel decode failed", e);
        }
        return out;
    }

    /** @return [from, to) pairs of the MCU rows not yet converted */
    static int[] remainingRanges(boolean[] done) {
        int[] ranges = new int[done.length + 1];
        int n = 0;
        for (int r = 0; r < done.length; r++) {
            if (!done[r] && (r == 0 || done[r - 1])) {
                ranges[n++] = r;
            }
            if (!done[r] && (r == done.length - 1 || done[r + 1])) {
                ranges[n++] = r + 1;
            }
        }
        return java.util.Arrays.copyOf(ranges, n);
    }

    /** Serial entropy decoding, with upsampling and colour conversion on other threads. */
    private PixelImage pipelined(DecodeJob job) throws JpegException {
        RowPipeline pipeline = new RowPipeline(job, parallelism.executor, parallelism.helpers());
        PixelImage out;
        try {
            out = job.decodeAll(pipeline);
        } finally {
            pipeline.finish();
        }
        return out;
    }

    /**
     * Groups consecutive segments into at most {@code parts} bands of about equal byte size.
     *
     * @param segments {@link DecodeJob#segmentBounds()}: segment i is bytes
     *     {@code [segments[2i], segments[2i+1])}
     * @return band boundaries as segment indexes, first 0, last the segment count
     */
    static int[] bands(int[] segments, int parts) {
        int n = segments.length / 2;
        long total = segments[2 * n - 1] - (long) segments[0];
        int[] b = new int[parts + 1];
        int band = 1;
        for (int s = 0; s < n && band < parts; s++) {
            long done = segments[2 * s + 1] - (long) segments[0];
            if (done * parts >= total * band) {
                b[band++] = s + 1;
            }
        }
        while (band <= parts) {
            b[band++] = n;
        }
        // drop empty bands
        int k = 1;
        for (int i = 1; i <= parts; i++) {
            if (b[i] > b[k - 1]) {
                b[k++] = b[i];
            }
        }
        return java.util.Arrays.copyOf(b, k);
    }
}
