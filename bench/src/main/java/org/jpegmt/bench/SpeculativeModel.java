package org.jpegmt.bench;

import java.util.Arrays;
import org.jpegmt.core.DecoderOptions;
import org.jpegmt.core.JpegException;
import org.jpegmt.core.PixelImage;
import org.jpegmt.core.internal.DecodeJob;
import org.jpegmt.core.internal.SpeculativeDecode;
import org.jpegmt.mt.ParallelJpegDecoder;
import org.jpegmt.mt.WorkPlan;

/**
 * The scaling model of speculative decoding (files without restart markers, issue 15), part of
 * {@link ScalingModel}: for a core count p it runs the phases of {@code SpeculativeSchedule} on
 * one thread with jpeg-mt's own plan for p threads ({@link WorkPlan#speculativePieces},
 * {@link WorkPlan#speculativeChunks}, {@link WorkPlan#speculativeBands},
 * {@link WorkPlan#speculativeStreamShare}) and times every part: each pre-scan piece and the
 * output's allocation (a part of that phase), each chunk with the boundary check that follows it
 * (the first chunk decoding its rows the serial way), each band's DC sums and reconstruction, and
 * the serial steps between (headers, assembly, end of scan). The projection
 * schedules the parts phase by phase on p workers (greedy, in order, a barrier between phases,
 * as the task runner does), no faster than the phase's memory traffic at the assumed bandwidth
 * (chunks: the entropy-coded bytes read and the coefficients written; reconstruction: the
 * coefficients read and the output written).
 *
 * <p>This projects; it does not measure p cores: the chunks' overlaps grow with p as measured
 * here, but the caches and memory bus of a bigger machine, and the task hand-offs, are not in it.
 */
final class SpeculativeModel {
    /** Part costs of one plan, in milliseconds. */
    static final class Parts {
        final int p;
        double open;
        double alloc;
        double[] pieces;
        double[] chunks;
        double assemble;
        double[] sums;
        double[] bands;
        double finish;
        long storedBytes;
        long scanBytes;
        long outputBytes;
        long twiceBytes;
        double serialDecode;

        Parts(int p) {
            this.p = p;
        }
    }

    private SpeculativeModel() {
    }

    /**
     * @return the fastest of {@code reps} timed passes (after two untimed ones) of every part of a
     *     speculative decode of {@code jpeg} planned for {@code p} threads
     */
    static Parts measure(byte[] jpeg, int p, int reps) throws JpegException {
        DecoderOptions o = DecoderOptions.defaults();
        Parts best = null;
        ParallelJpegDecoder serial = new ParallelJpegDecoder(o, 1);
        for (int r = -2; r < reps; r++) {
            Parts t = new Parts(p);
            long a = System.nanoTime();
            serial.decode(jpeg);
            t.serialDecode = ms(a);
            a = System.nanoTime();
            DecodeJob job = DecodeJob.open(jpeg, o);
            t.open = ms(a);
            a = System.nanoTime();
            PixelImage out = job.newOutput();
            t.alloc = ms(a);
            t.outputBytes = out.data().length;
            SpeculativeDecode sd = job.speculative(out);
            sd.cutPieces(WorkPlan.speculativePieces(p));
            t.pieces = new double[sd.pieces()];
            for (int k = 0; k < t.pieces.length; k++) {
                a = System.nanoTime();
                sd.scanPiece(k);
                t.pieces[k] = ms(a);
            }
            if (!sd.planChunks(WorkPlan.speculativeChunks(p), WorkPlan.speculativeStreamShare(p))) {
                throw new IllegalStateException("no speculative decode: " + sd.stats().fallback());
            }
            t.chunks = new double[sd.chunks()];
            for (int i = 0; i < t.chunks.length; i++) {
                a = System.nanoTime();
                sd.decodeChunk(i);
                t.chunks[i] = ms(a);
            }
            for (int i = 0; i < t.chunks.length - 1; i++) {
                a = System.nanoTime();
                sd.meetNext(i);
                t.chunks[i + 1] += ms(a); // run by whoever decoded the second of the two chunks
            }
            a = System.nanoTime();
            if (!sd.assemble(WorkPlan.speculativeBands(p))) {
                throw new IllegalStateException("no speculative decode: " + sd.stats().fallback());
            }
            t.assemble = ms(a);
            t.sums = new double[sd.bands()];
            for (int k = 0; k < t.sums.length; k++) {
                a = System.nanoTime();
                sd.sumDc(k);
                t.sums[k] = ms(a);
            }
            t.bands = new double[sd.bands()];
            for (int k = 0; k < t.bands.length; k++) {
                a = System.nanoTime();
                sd.reconstruct(k);
                t.bands[k] = ms(a);
            }
            for (int k = 0; k < t.bands.length; k++) {
                if (sd.edgeAbove(k)) {
                    a = System.nanoTime();
                    sd.convertEdge(k);
                    t.bands[k] += ms(a);
                }
            }
            a = System.nanoTime();
            sd.finish();
            t.finish = ms(a);
            t.storedBytes = sd.stats().storedBytes();
            t.twiceBytes = sd.stats().bytesDecodedTwice();
            t.scanBytes = jpeg.length - job.scanDataOffset();
            if (r >= 0) {
                best = best == null ? t : min(best, t);
            }
        }
        return best;
    }

    private static Parts min(Parts a, Parts b) {
        Parts m = new Parts(a.p);
        m.open = Math.min(a.open, b.open);
        m.alloc = Math.min(a.alloc, b.alloc);
        m.pieces = min(a.pieces, b.pieces);
        m.chunks = min(a.chunks, b.chunks);
        m.assemble = Math.min(a.assemble, b.assemble);
        m.sums = min(a.sums, b.sums);
        m.bands = min(a.bands, b.bands);
        m.finish = Math.min(a.finish, b.finish);
        m.serialDecode = Math.min(a.serialDecode, b.serialDecode);
        m.storedBytes = a.storedBytes;
        m.scanBytes = a.scanBytes;
        m.outputBytes = a.outputBytes;
        m.twiceBytes = a.twiceBytes;
        return m;
    }

    private static double[] min(double[] a, double[] b) {
        double[] m = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            m[i] = Math.min(a[i], b[i]);
        }
        return m;
    }

    private static double ms(long since) {
        return (System.nanoTime() - since) / 1e6;
    }

    /** @return the serial steps: headers, assembly, end of scan (the output is made during the pre-scan) */
    static double serialMs(Parts t) {
        return t.open + t.assemble + t.finish;
    }

    /** @return the sum of every part: the work of a speculative decode on one thread */
    static double workMs(Parts t) {
        return serialMs(t) + t.alloc + sum(t.pieces) + sum(t.chunks) + sum(t.sums) + sum(t.bands);
    }

    /** @return the projected time on p workers at the given bandwidth (bytes per second), and whether memory bounds it */
    static double[] projectMs(Parts t, double bandwidth) {
        double[] prescan = Arrays.copyOf(t.pieces, t.pieces.length + 1);
        prescan[t.pieces.length] = t.alloc; // one more part of the phase, as SpeculativeSchedule runs it
        double scan = ScalingModel.makespan(prescan, t.p);
        double chunkWork = ScalingModel.makespan(t.chunks, t.p);
        double chunkBw = (t.scanBytes + t.storedBytes) / bandwidth * 1e3;
        double sums = ScalingModel.makespan(t.sums, t.p);
        double bandWork = ScalingModel.makespan(t.bands, t.p);
        double bandBw = (t.storedBytes + t.outputBytes) / bandwidth * 1e3;
        boolean limited = chunkBw > chunkWork || bandBw > bandWork;
        double total = serialMs(t) + scan + Math.max(chunkWork, chunkBw) + sums + Math.max(bandWork, bandBw);
        return new double[] {total, limited ? 1 : 0};
    }

    static double sum(double[] a) {
        return Arrays.stream(a).sum();
    }
}
