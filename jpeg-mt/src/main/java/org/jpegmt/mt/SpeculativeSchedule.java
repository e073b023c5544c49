package org.jpegmt.mt;

import java.util.concurrent.atomic.AtomicIntegerArray;
import org.jpegmt.core.JpegException;
import org.jpegmt.core.PixelImage;
import org.jpegmt.core.internal.SpeculativeDecode;

/**
 * Runs a {@link SpeculativeDecode} on the threads: the pre-scan in pieces, the chunks (each
 * chunk's boundary check with the next starts as soon as both are decoded, by whichever thread
 * finished the second), the DC sums and the reconstruction bands (the rows around each boundary
 * converted by whichever of the two bands finishes last). Between the phases the threads meet;
 * each phase is cut into more parts than threads ({@link WorkPlan#speculativeChunks} and the
 * like), so a thread slowed by the machine delays it by a part, not by its share.
 */
final class SpeculativeSchedule {
    private SpeculativeSchedule() {
    }

    /**
     * @param output makes the output image (run on some thread while the pre-scan runs)
     * @return false if the decode handed over to the serial path (nothing was warned)
     */
    static boolean run(SpeculativeDecode sd, Parallelism p, java.util.function.Supplier<PixelImage> output)
            throws JpegException {
        int threads = p.threads;
        sd.cutPieces(WorkPlan.speculativePieces(threads));
        // the pre-scan's pieces, and the allocation of the output (zero-filling it) as one more part
        int pieces = sd.pieces();
        PixelImage[] out = new PixelImage[1];
        TaskRunner.runAll(p.executor, p.helpers(), pieces + 1, k -> {
            if (k == pieces) {
                out[0] = output.get();
            } else {
                sd.scanPiece(k);
            }
        });
        sd.output(out[0]); // written before runAll returned
        if (!sd.planChunks(WorkPlan.speculativeChunks(threads), WorkPlan.speculativeStreamShare(threads))) {
            return false;
        }
        int chunks = sd.chunks();
        // chunk i's boundary check needs chunks i and i + 1: whoever decodes the second of them runs it
        AtomicIntegerArray pending = new AtomicIntegerArray(chunks);
        for (int i = 0; i < chunks - 1; i++) {
            pending.set(i, 2);
        }
        // a check that must look past the next chunk (it never agreed) may find a later chunk not
        // decoded yet: it stops, and goes on once every chunk is
        AtomicIntegerArray waiting = new AtomicIntegerArray(chunks);
        TaskRunner.runAll(p.executor, p.helpers(), chunks, i -> {
            sd.decodeChunk(i);
            if (i > 0 && pending.decrementAndGet(i - 1) == 0 && !sd.meetNext(i - 1)) {
                waiting.set(i - 1, 1);
            }
            if (i < chunks - 1 && pending.decrementAndGet(i) == 0 && !sd.meetNext(i)) {
                waiting.set(i, 1);
            }
        });
        int[] rest = java.util.stream.IntStream.range(0, chunks).filter(i -> waiting.get(i) == 1).toArray();
        TaskRunner.runAll(p.executor, p.helpers(), rest.length, k -> {
            if (!sd.meetNext(rest[k])) {
                throw new IllegalStateException("boundary check of chunk " + rest[k] + " waits after every chunk was decoded");
            }
        });
        if (!sd.assemble(WorkPlan.speculativeBands(threads))) {
            return false;
        }
        int bands = sd.bands();
        TaskRunner.runAll(p.executor, p.helpers(), bands, sd::sumDc);
        // the boundary above band k: converted by whichever of its two sides finishes last (above the
        // first band, the rows the first chunk streamed are done already)
        AtomicIntegerArray edges = new AtomicIntegerArray(bands);
        for (int k = 0; k < bands; k++) {
            edges.set(k, k == 0 ? 1 : 2);
        }
        TaskRunner.runAll(p.executor, p.helpers(), bands, k -> {
            sd.reconstruct(k);
            if (sd.edgeAbove(k) && edges.decrementAndGet(k) == 0) {
                sd.convertEdge(k);
            }
            if (k + 1 < bands && edges.decrementAndGet(k + 1) == 0) {
                sd.convertEdge(k + 1);
            }
        });
        sd.finish();
        return true;
    }
}
