package org.jpegmt.mt;

import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.jpegmt.core.internal.BandDecode;
import org.jpegmt.core.internal.DecodeJob;
import org.jpegmt.core.internal.MultiScanDecode;
import org.jpegmt.core.DecoderOptions;
import org.jpegmt.core.JpegDecoder;
import org.jpegmt.core.JpegException;
import org.jpegmt.core.PixelImage;

/**
 * Decodes restart-marked JPEG files in parallel: one pass over the scan data
 * ({@link DecodeJob#segmentBounds()}, overlapped with the zero-filling of the output) finds every
 * {@code RSTn} marker, and consecutive entropy-coded segments are grouped into bands that start
 * on MCU rows and are balanced by their size in bytes. Each band is decoded on one thread by
 * {@link BandDecode#decode}, which upsamples and colour-converts its MCU rows right behind the
 * decoding, in a ring of three MCU rows as the serial decoder does; the two MCU rows around each
 * boundary between bands are converted by whichever of the two bands finishes last
 * ({@link BandDecode#convertEdge}), from rows both kept aside. Fancy upsampling thus reads the
 * real neighbouring chroma rows, and the result is pixel-identical to {@link JpegDecoder}'s.
 *
 * <p>Files with no restart markers, markers that are missing, extra or out of order, or restart
 * intervals that end on an MCU row too rarely to cut bands take the serial entropy path of
 * jpeg-core, which handles damage exactly as libjpeg does (warnings to the listener, or an
 * exception in strict mode). It is staged ({@link DecodeJob#staged}): the caller only
 * entropy-decodes, and the inverse DCT and conversion of each MCU row are shared between the
 * threads. Files with several scans are decoded scan by scan, and converted in parallel row
 * bands at the end. Progressive files decode their independent scans, and the restart intervals
 * of each scan, at once, unless something in their scans is unusual, then reconstruct and
 * convert in row bands ({@link ProgressiveSchedule}).
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
        this(options, new Parallelism(executor, threads));
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
        if (job.progressive() != null) {
            // progressive (SOF2): scans at once where the script allows, then reconstruction and conversion in row bands
            return parallelism.split((long) job.info().width() * job.info().height())
                    ? ProgressiveSchedule.decode(job.progressive(), parallelism) : job.decodeAll();
        }
        Path path = path(job);
        if (path == Path.SERIAL) {
            return job.decodeAll();
        }
        if (path == Path.STAGED) {
            return pipelined(job, job.newOutput());
        }
        // The scan for restart markers and the zero-filling of the output (each a few ms on a
        // 20 MP image) overlap; a path that does not use bands still decodes into that output.
        int[][] found = new int[1][];
        PixelImage[] output = new PixelImage[1];
        TaskRunner.runAll(parallelism.executor, parallelism.helpers(), 2, i -> {
            if (i == 0) {
                found[0] = job.segmentBounds();
            } else {
                output[0] = job.newOutput();
            }
        });
        int[] segments = found[0]; // written before runAll returned
        PixelImage out = output[0];
        int[] bands = bandsFor(job, segments);
        if (bands == null) {
            return pipelined(job, out);
        }
        BandDecode decode = job.bands(segments, out);
        int count = bands.length - 1;
        // Boundary b (between bands b - 1 and b) is converted by whichever of the two finishes last.
        AtomicIntegerArray pending = new AtomicIntegerArray(count);
        for (int b = 1; b < count; b++) {
            pending.set(b, 2);
        }
        TaskRunner.runAll(parallelism.executor, parallelism.helpers(), count, b -> {
            decode.decode(bands[b], bands[b + 1]);
            if (b > 0 && pending.decrementAndGet(b) == 0) {
                decode.convertEdge(bands[b]);
            }
            if (b + 1 < count && pending.decrementAndGet(b + 1) == 0) {
                decode.convertEdge(bands[b + 1]);
            }
        });
        return out;
    }

    /** How {@link #decode} goes about a file, as far as the headers tell. */
    private enum Path {
        /** One thread, an image under the threshold, or data too short for the image: jpeg-core's serial decoder. */
        SERIAL,
        /** Serial entropy decoding, with the inverse DCT and conversion shared ({@link #pipelined}). */
        STAGED,
        /** Bands if the restart markers are clean and allow two ({@link #bandsFor}), else staged. */
        BANDS
    }

    /** The decision {@link #decode} and {@link #decodesInBands} share, up to the marker pre-scan. */
    private Path path(DecodeJob job) {
        if (!parallelism.split((long) job.info().width() * job.info().height()) || job.scanDataTooShort()) {
            // a file whose data cannot cover its image (truncated, or a header claiming far more
            // pixels than the data holds) decodes serially: most of it is a copied grey row, and the
            // staged path would allocate whole planes for nothing
            return Path.SERIAL;
        }
        return job.singleScan() && job.restartInterval() != 0 ? Path.BANDS : Path.STAGED;
    }

    /**
     * @param segments {@link DecodeJob#segmentBounds()}
     * @return the bands to decode in parallel ({@link WorkPlan#decodeBands}), or null if the
     *     file must take the serial entropy path: damaged or unusual markers (the serial path
     *     resyncs like libjpeg), or too few MCU-row boundaries between segments to cut two bands at
     */
    private int[] bandsFor(DecodeJob job, int[] segments) {
        if (segments == null || segments.length < 4) {
            return null;
        }
        int[] bands = WorkPlan.decodeBands(segments, WorkPlan.cuts(parallelism.threads), job.grid().rowStarts(),
                job.grid().mcuRows());
        return bands.length < 3 ? null : bands;
    }

    /**
     * Whether {@link #decode} splits the entropy decoding of this file into bands decoded in
     * parallel, rather than taking the serial entropy path (which still shares the inverse DCT
     * and conversion between the threads). Reads the headers and scans for the restart markers;
     * decodes nothing.
     *
     * @param jpeg a whole JPEG file
     * @return true if decoding would use bands with this decoder's threads and threshold
     * @throws JpegException if the headers are invalid or unsupported
     */
    public boolean decodesInBands(byte[] jpeg) throws JpegException {
        DecodeJob job = DecodeJob.open(jpeg, options);
        return job.progressive() == null && path(job) == Path.BANDS && bandsFor(job, job.segmentBounds()) != null;
    }

    /**
     * Serial entropy decoding. Single-scan files are staged: the inverse DCT and conversion of
     * each MCU row are shared between the threads while the caller decodes on. Files with several
     * scans are decoded scan by scan into whole planes, then converted in parallel row bands.
     */
    private PixelImage pipelined(DecodeJob job, PixelImage out) throws JpegException {
        if (job.singleScan()) {
            StagedPipeline.run(job.staged(out), parallelism.executor, parallelism.helpers());
            return out;
        }
        MultiScanDecode scans = job.scans();
        scans.decodeScans();
        // whole planes: any rows convert on their own, so plain equal parts of the output rows
        int height = out.height();
        int parts = Math.min(height, parallelism.threads * 4);
        TaskRunner.runAll(parallelism.executor, parallelism.helpers(), parts,
                b -> scans.convertRows((int) ((long) height * b / parts), (int) ((long) height * (b + 1) / parts), out));
        return out;
    }
}
