package org.jpegmt.mt;

import org.jpegmt.core.JpegException;
import org.jpegmt.core.PixelImage;
import org.jpegmt.core.internal.ProgressiveDecode;

/**
 * The parallel schedule of a progressive file ({@link ProgressiveDecode}): the scans are
 * entropy-decoded serially by the caller (each scan reads the coefficients the earlier ones left,
 * as libjpeg does), while a helper allocates the output; then the inverse DCT of MCU-row bands and
 * the upsampling and colour conversion of output-row bands run on every thread, each phase over
 * disjoint rows, so the pixels equal the serial decode's whatever the thread count.
 */
final class ProgressiveSchedule {
    private ProgressiveSchedule() {
    }

    static PixelImage decode(ProgressiveDecode decode, Parallelism parallelism) throws JpegException {
        PixelImage[] output = new PixelImage[1];
        TaskRunner.runAll(parallelism.executor, parallelism.helpers(), 2, i -> {
            if (i == 0) {
                decode.decodeScans();
            } else {
                output[0] = decode.newOutput();
            }
        });
        PixelImage out = output[0]; // written before runAll returned
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
