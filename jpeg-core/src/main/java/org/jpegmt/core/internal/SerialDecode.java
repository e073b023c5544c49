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
 * pixels than the data holds), the rest of the image is mid-grey: a few grey MCU rows are decoded
 * and converted as usual, and the output rows after them are copies of a converted grey row
 * ({@link ScanCursor#greyRestReady}, {@link ScanContext#repeatGreyRows}), the same pixels in one pass.
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
        while (cursor.hasNextRow()) {
            if (cursor.greyRestReady()) {
                cursor.skipGreyRest();
                ctx.repeatGreyRows(cursor.greyCopyFrom(), out);
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
