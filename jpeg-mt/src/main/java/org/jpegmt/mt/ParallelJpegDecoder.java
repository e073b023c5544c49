package org.jpegmt.mt;

import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.jpegmt.core.internal.BandDecode;
import org.jpegmt.core.internal.DecodeJob;
import org.jpegmt.core.internal.MultiScanDecode;
import org.jpegmt.core.internal.SpeculativeDecode;
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
 * <p>Files without restart markers (single scan, at least {@link #withSpeculationThreshold} bytes
 * of scan data, within {@link DecoderOptions#maxMemory()}) are entropy-decoded speculatively
 * ({@link SpeculativeSchedule}): the data is cut into chunks at byte offsets, every chunk is
 * decoded at once from a guessed state, the boundaries are verified where two decoders agree, the
 * DC predictors are fixed afterwards, and the image is reconstructed in parallel bands from the
 * stored coefficients. The result is the serial decoder's, or, when anything is unusual (damage,
 * truncation, data after the last block), the file goes to the serial entropy path before
 * anything is written or warned. {@link #decodeReporting} says which happened, with counters.
 *
 * <p>Files with markers that are missing, extra or out of order, restart intervals that end on an
 * MCU row too rarely to cut bands, and scans too small to speculate take the serial entropy path
 * of jpeg-core, which handles damage exactly as libjpeg does (warnings to the listener, or an
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

    /**
     * Default of {@link #withSpeculationThreshold}: scans with less entropy-coded data than this
     * are entropy-decoded serially (the staged path), because the chunks' overlaps and the
     * barriers between the phases cost more than they gain.
     */
    public static final int DEFAULT_SPECULATION_THRESHOLD = SpeculativeDecode.MIN_SCAN_BYTES;

    private final DecoderOptions options;
    private final Parallelism parallelism;
    private final long speculationThreshold;

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
        this(options, parallelism, DEFAULT_SPECULATION_THRESHOLD);
    }

    private ParallelJpegDecoder(DecoderOptions options, Parallelism parallelism, long speculationThreshold) {
        this.options = Objects.requireNonNull(options, "options");
        this.parallelism = parallelism;
        this.speculationThreshold = speculationThreshold;
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
        return new ParallelJpegDecoder(options, parallelism.withThreshold(pixels), speculationThreshold);
    }

    /**
     * @param bytes smallest scan (bytes from its first entropy-coded byte to the end of the file)
     *     whose entropy decoding is split speculatively when it has no restart markers (0 = any)
     * @return a copy with this threshold
     * @throws IllegalArgumentException if {@code bytes < 0}
     */
    public ParallelJpegDecoder withSpeculationThreshold(long bytes) {
        if (bytes < 0) {
            throw new IllegalArgumentException("speculation threshold must be >= 0, got " + bytes);
        }
        return new ParallelJpegDecoder(options, parallelism, bytes);
    }

    /** @return the speculation threshold in bytes */
    public long speculationThreshold() {
        return speculationThreshold;
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
        return decodeReporting(jpeg).image();
    }

    /**
     * {@link #decode}, saying how: the strategy taken and, for a file decoded speculatively (or
     * handed back to the serial path after trying), the speculation's counters.
     *
     * @param jpeg a whole JPEG file
     * @return the image and how it was decoded
     * @throws JpegException as {@link JpegDecoder#decode(byte[])}
     */
    public DecodeReport decodeReporting(byte[] jpeg) throws JpegException {
        DecodeJob job = DecodeJob.open(jpeg, options);
        if (job.progressive() != null) {
            // progressive (SOF2): scans at once where the script allows, then reconstruction and conversion in row bands
            if (parallelism.split((long) job.info().width() * job.info().height())) {
                return DecodeReport.of(ProgressiveSchedule.decode(job.progressive(), parallelism),
                        DecodeReport.Strategy.PROGRESSIVE);
            }
            return DecodeReport.of(job.decodeAll(), DecodeReport.Strategy.SERIAL);
        }
        Path path = path(job);
        if (path == Path.SERIAL) {
            return DecodeReport.of(job.decodeAll(), DecodeReport.Strategy.SERIAL);
        }
        if (path == Path.STAGED) {
            return pipelined(job, job.newOutput());
        }
        if (path == Path.SPECULATIVE) {
            SpeculativeDecode sd = job.speculative(null);
            PixelImage[] out = new PixelImage[1];
            boolean done = SpeculativeSchedule.run(sd, parallelism, () -> out[0] = job.newOutput());
            if (out[0] == null) {
                out[0] = job.newOutput(); // the pre-scan failed before the output was made
            }
            if (done) {
                return DecodeReport.speculative(out[0], DecodeReport.Strategy.SPECULATIVE, sd.stats());
            }
            // handed over before warning anything: the serial entropy path decodes it all
            return DecodeReport.speculative(pipelined(job, out[0]).image(), DecodeReport.Strategy.STAGED, sd.stats());
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
        return DecodeReport.of(out, DecodeReport.Strategy.RESTART_BANDS);
    }

    /** How {@link #decode} goes about a file, as far as the headers tell. */
    private enum Path {
        /** One thread, an image under the threshold, or data too short for the image: jpeg-core's serial decoder. */
        SERIAL,
        /** Serial entropy decoding, with the inverse DCT and conversion shared ({@link #pipelined}). */
        STAGED,
        /** No restart markers: speculative entropy decoding in chunks ({@link SpeculativeSchedule}), else staged. */
        SPECULATIVE,
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
        if (!job.singleScan()) {
            return Path.STAGED;
        }
        if (job.restartInterval() != 0) {
            return Path.BANDS;
        }
        // Speculation pays for its chunk overlaps and barriers only on enough data, and keeps the
        // coefficients of the whole scan: within maxMemory, or the staged path (whole planes) it is.
        long dataBytes = job.fileLength() - (long) job.scanDataOffset();
        long memory = job.outputBytes() + job.speculativeBytes();
        return dataBytes >= speculationThreshold && memory <= options.maxMemory() ? Path.SPECULATIVE
                : Path.STAGED;
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
     * How {@link #decodeReporting} would decode this file, as far as its headers and the marker
     * pre-scan tell (a speculative decode may still hand a damaged file to the staged path).
     * Decodes nothing.
     *
     * @param jpeg a whole JPEG file
     * @return the planned strategy
     * @throws JpegException if the headers are invalid or unsupported
     */
    public DecodeReport.Strategy plannedStrategy(byte[] jpeg) throws JpegException {
        DecodeJob job = DecodeJob.open(jpeg, options);
        boolean split = parallelism.split((long) job.info().width() * job.info().height());
        if (job.progressive() != null) {
            return split ? DecodeReport.Strategy.PROGRESSIVE : DecodeReport.Strategy.SERIAL;
        }
        switch (path(job)) {
            case SERIAL:
                return DecodeReport.Strategy.SERIAL;
            case SPECULATIVE:
                return DecodeReport.Strategy.SPECULATIVE;
            case BANDS:
                if (bandsFor(job, job.segmentBounds()) != null) {
                    return DecodeReport.Strategy.RESTART_BANDS;
                }
                return DecodeReport.Strategy.STAGED;
            default:
                return job.singleScan() ? DecodeReport.Strategy.STAGED : DecodeReport.Strategy.MULTI_SCAN;
        }
    }

    /**
     * Serial entropy decoding. Single-scan files are staged: the inverse DCT and conversion of
     * each MCU row are shared between the threads while the caller decodes on. Files with several
     * scans are decoded scan by scan into whole planes, then converted in parallel row bands.
     */
    private DecodeReport pipelined(DecodeJob job, PixelImage out) throws JpegException {
        if (job.singleScan()) {
            StagedPipeline.run(job.staged(out), parallelism.executor, parallelism.helpers());
            return DecodeReport.of(out, DecodeReport.Strategy.STAGED);
        }
        MultiScanDecode scans = job.scans();
        scans.decodeScans();
        // whole planes: any rows convert on their own, so plain equal parts of the output rows
        int height = out.height();
        int parts = Math.min(height, parallelism.threads * 4);
        TaskRunner.runAll(parallelism.executor, parallelism.helpers(), parts,
                b -> scans.convertRows((int) ((long) height * b / parts), (int) ((long) height * (b + 1) / parts), out));
        return DecodeReport.of(out, DecodeReport.Strategy.MULTI_SCAN);
    }
}
