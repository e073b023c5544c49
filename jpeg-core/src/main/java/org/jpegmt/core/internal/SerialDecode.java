package org.jpegmt.core.internal;

import org.jpegmt.core.JpegException;
import org.jpegmt.core.PixelImage;

/**
 * The serial decode of a single-scan file: one thread entropy-decodes the scan MCU row by MCU
 * row (libjpeg's restart resynchronisation included) into a ring of three MCU rows per
 * component, and upsamples and colour-converts each MCU row as soon as its neighbours are decoded
 * ({@link McuGrid}'s conversion lag), while the samples are still in cache. Memory: the output
 * plus three MCU rows.
 *
 * <p>Once the data has run out for good (a truncated file, or a header that claims far more
 * pixels than the data holds), the rest of the image is mid-grey: three grey MCU rows are decoded
 * and converted as usual, and the output rows after them are copies of a converted grey row
 * ({@link ScanContext#repeatGreyRows}), the same pixels in one pass.
 */
final class SerialDecode {
    private SerialDecode() {
    }

    /** Decodes the first (and only) scan of {@code ctx} into {@code out}. */
    static void decode(ScanContext ctx, PixelImage out) throws JpegException {
        McuGrid grid = ctx.grid;
        Planes ring = ctx.ring(3);
        ScanCursor cursor = ScanCursor.serial(ctx.data, ctx.firstDecoder, grid, ctx.warn, ctx.resync,
                ctx.firstScan.dataOffset());
        int converted = 0; // MCU rows [0, converted) are in the output
        int greyFrom = -1; // the first MCU row of the grey rest, once known
        while (cursor.hasNextRow()) {
            int next = cursor.nextMcu() / grid.mcusPerRow();
            if (greyFrom < 0 && next + 3 < grid.mcuRows() && cursor.restIsGrey()) {
                greyFrom = next;
            }
            if (greyFrom >= 0 && next == greyFrom + 3) {
                // rows greyFrom .. greyFrom + 2 are decoded and greyFrom + 1 converted: a grey row
                // between grey rows, the model of every row after it
                cursor.skipGreyRest();
                ctx.repeatGreyRows(greyFrom + 2, out);
                break;
            }
            int through = grid.convertibleThrough(cursor.decodeRow(ring, null));
            if (through >= converted) {
                ctx.convertMcuRows(ring, converted, through + 1, out);
                converted = through + 1;
            }
        }
        cursor.finish();
    }
}
