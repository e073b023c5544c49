package org.jpegmt.mt;

import java.util.Objects;
import java.util.concurrent.Executor;
import org.jpegmt.core.DecoderOptions;
import org.jpegmt.core.JpegException;
import org.jpegmt.core.internal.McuGrid;
import org.jpegmt.core.internal.SymbolCounts;
import org.jpegmt.core.internal.TranscodeJob;
import org.jpegmt.core.internal.TranscodeOutput;

/**
 * Lossless transcoding ({@link TranscodeJob}, what {@code jpegtran} does) on several threads:
 * the source's coefficients are entropy-decoded by bands of its restart intervals where it has
 * clean restart markers (serially otherwise), and the output is coded in strips of its restart
 * intervals joined with RSTn, symbol counts for optimal tables gathered per strip and merged.
 * The output's restart interval comes from the settings, never from the thread count, so the
 * bytes are the serial transcode's (and jpegtran's) for any number of threads.
 *
 * <p>Its settings type lives in jpeg-core's internal package, exported to the jpegmt modules
 * only: this class serves the {@code jpegmt transcode} command. Immutable and thread-safe; the
 * calling thread takes part and never waits for a task that has not started.
 */
public final class ParallelJpegTranscoder {
    private final TranscodeJob.Settings settings;
    private final DecoderOptions options;
    private final Parallelism parallelism;

    /**
     * On jpeg-mt's shared worker pool.
     *
     * @param settings what to write (restart interval, tables, segments copied, transform)
     * @param options limits and warnings for reading the source
     * @param threads how many threads may work on one file, the caller included (1 = serial)
     */
    public ParallelJpegTranscoder(TranscodeJob.Settings settings, DecoderOptions options, int threads) {
        this(settings, options, WorkerPool.SHARED, threads);
    }

    /**
     * @param settings what to write (restart interval, tables, segments copied, transform)
     * @param options limits and warnings for reading the source
     * @param executor runs the parts other than the caller's
     * @param threads how many threads may work on one file, the caller included (1 = serial)
     */
    public ParallelJpegTranscoder(TranscodeJob.Settings settings, DecoderOptions options, Executor executor,
            int threads) {
        this(settings, options, new Parallelism(executor, threads));
    }

    private ParallelJpegTranscoder(TranscodeJob.Settings settings, DecoderOptions options, Parallelism parallelism) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.options = Objects.requireNonNull(options, "options");
        this.parallelism = parallelism;
    }

    /**
     * @param pixels smallest {@code width * height} worth splitting (0 = always split)
     * @return a copy with this threshold
     */
    public ParallelJpegTranscoder withParallelThreshold(long pixels) {
        return new ParallelJpegTranscoder(settings, options, parallelism.withThreshold(pixels));
    }

    /**
     * @param jpeg a sequential Huffman JPEG file (not copied; must not change during the call)
     * @return the transcoded file
     * @throws JpegException for files the transcoder refuses (progressive, arithmetic, ...)
     */
    public byte[] transcode(byte[] jpeg) throws JpegException {
        TranscodeJob job = TranscodeJob.open(jpeg, options, settings);
        McuGrid grid = job.sourceGrid();
        boolean split = parallelism.split(job.sourcePixels());
        double[] cuts = WorkPlan.cuts(parallelism.threads);
        int[] bounds = split ? job.sourceSegments() : null;
        int[] bands = bounds == null ? null : WorkPlan.decodeBands(bounds, cuts, grid.rowStarts(), grid.mcuRows());
        if (bands == null || bands.length < 3) {
            job.readSource();
        } else {
            TaskRunner.runAll(parallelism.executor, parallelism.helpers(), bands.length - 1,
                    b -> job.readSourceSegments(bounds, bands[b], bands[b + 1]));
        }
        TranscodeOutput out = job.output();
        int[] strips = WorkPlan.encodeStrips(out.intervalCount(), cuts);
        int n = strips.length - 1;
        if (!split || n < 2) {
            return out.encodeAll();
        }
        if (out.needsTables()) {
            SymbolCounts[] counts = new SymbolCounts[n];
            TranscodeOutput counting = out;
            TaskRunner.runAll(parallelism.executor, parallelism.helpers(), n, s -> {
                SymbolCounts c = counting.newCounts();
                counting.countSymbols(strips[s], strips[s + 1], c);
                counts[s] = c;
            });
            SymbolCounts all = out.newCounts();
            for (SymbolCounts c : counts) {
                all.add(c);
            }
            out = out.withTables(all);
        }
        byte[][] parts = new byte[n][];
        TranscodeOutput coding = out;
        TaskRunner.runAll(parallelism.executor, parallelism.helpers(), n,
                s -> parts[s] = coding.encodeIntervals(strips[s], strips[s + 1]));
        return Joined.of(out.header(), parts, out.trailer());
    }
}
