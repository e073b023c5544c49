package org.jpegmt.mt;

import org.jpegmt.core.JpegException;
import org.jpegmt.core.PixelImage;
import org.jpegmt.core.internal.ProgressiveDecode;
import org.jpegmt.core.internal.ScanScript;

/**
 * The parallel schedule of a progressive file ({@link ProgressiveDecode}): first the scans are
 * entropy-decoded into the coefficients, independent scans and the restart intervals of a scan at
 * once ({@link ParallelScanSchedule}, after the look-ahead {@link ProgressiveDecode#locateScans}),
 * while a free thread allocates the output; a file with anything unusual in its scans is
 * decoded serially by the caller instead (each scan reading the coefficients the earlier ones
 * left, as libjpeg does, with its warnings and resynchronisation). Then the inverse DCT of
 * MCU-row bands and the upsampling and colour conversion of output-row bands run on every
 * thread, each phase over disjoint rows, so the pixels equal the serial decode's whatever the
 * thread count.
 */
final class ProgressiveSchedule {
    private ProgressiveSchedule() {
    }

    static PixelImage decode(ProgressiveDecode decode, Parallelism parallelism) throws JpegException {
        PixelImage[] output = new PixelImage[1];
        ScanScript script = decode.locateScans();
        if (script != null && ParallelScanSchedule.decode(script, parallelism.executor, parallelism.threads,
                () -> output[0] = decode.newOutput())) {
            decode.finishScans(script);
        } else {
            // unusual scans: serially, with the warnings; the output may be allocated already
            TaskRunner.runAll(parallelism.executor, parallelism.helpers(), 2, i -> {
                if (i == 0) {
                    decode.decodeScans();
                } else if (output[0] == null) {
                    output[0] = decode.newOutput();
                }
            });
        }
        PixelImage out = output[0]; // written before the schedule or runAll returned
        // Several parts per thread: rows differ in cost (smoothing, detail), and parts are claimed
        // by whichever thread is free.
        int rows = decode.mcuRows();
        int rowParts = Math.min(rows, parallelism.threads * 4);
        TaskRunner.runAll(parallelism.executor, parallelism.helpers(), rowParts,
                b -> decode.reconstructRows(part(rows, b, rowParts), part(rows, b + 1, rowParts)));
        int height = out.height();
        int outParts = Math.min(height, parallelism.threads * 4);
        TaskRunner.runAll(parallelism.executor, parallelism.helpers(), outParts,
                b -> decode.convertRows(part(height, b, outParts), part(height, b + 1, outParts), out));
        return out;
    }

    private static int part(int total, int b, int parts) {
        return (int) ((long) total * b / parts);
    }
}
