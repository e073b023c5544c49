package org.jpegmt.core.internal;

import org.jpegmt.core.JpegException;
import org.jpegmt.core.PixelImage;

/**
 * The decode of a single-scan file in stages, for a scheduler that overlaps them when the
 * entropy-coded data cannot be split (no restart markers, or damaged ones): one thread calls
 * {@link #decodeNextRow} (serial entropy decoding, libjpeg's restart resynchronisation, the same
 * warnings as the serial decode), which leaves each MCU row's coefficients in one of
 * {@link #COEFFICIENT_SLOTS} slots; {@link #inverseTransform} (into whole planes) and
 * {@link #convert} may then run on any threads. The image is complete once every row is
 * transformed and converted.
 *
 * <p>The scheduler keeps two rules: MCU row {@code r} may be decoded only once row
 * {@code r - COEFFICIENT_SLOTS} is transformed (its slot is reused), and MCU row {@code c} may be
 * converted only once rows {@link McuGrid#firstNeeded}{@code (c) .. }{@link McuGrid#lastNeeded}{@code (c)}
 * are transformed.
 */
public final class StagedDecode {
    /** MCU rows of coefficients kept between the entropy decoding and the inverse DCT. */
    public static final int COEFFICIENT_SLOTS = 6;

    private final ScanContext ctx;
    private final PixelImage out;
    private final Planes planes;
    private final ScanDecoder.CoefficientRow[] slots;
    private final ScanCursor cursor;

    StagedDecode(ScanContext ctx, PixelImage out) {
        this.ctx = ctx;
        this.out = out;
        this.planes = Planes.whole(ctx.frame);
        this.slots = new ScanDecoder.CoefficientRow[COEFFICIENT_SLOTS];
        for (int i = 0; i < slots.length; i++) {
            slots[i] = ctx.firstDecoder.newCoefficientRow();
        }
        this.cursor = ScanCursor.serial(ctx.data, ctx.firstDecoder, ctx.grid, ctx.warn, ctx.resync,
                ctx.firstScan.dataOffset());
    }

    /** @return the scan's MCU grid (rows, conversion lag) */
    public McuGrid grid() {
        return ctx.grid;
    }

    /** @return true while MCU rows are left to entropy-decode */
    public boolean hasNextRow() {
        return cursor.hasNextRow();
    }

    /**
     * Entropy-decodes the next MCU row into its coefficient slot (on the one decoding thread).
     *
     * @return the row decoded; {@link #inverseTransform} may now run for it
     */
    public int decodeNextRow() throws JpegException {
        int row = cursor.nextMcu() / ctx.grid.mcusPerRow();
        return cursor.decodeRow(null, slots[row % COEFFICIENT_SLOTS]);
    }

    /**
     * Call before each row: true once the data has run out for good and enough grey rows are
     * decoded to model the rest ({@link ScanCursor#greyRestReady}); then call
     * {@link #skipGreyRest()} instead of decoding, and {@link #repeatGreyRows()} once every row
     * decoded so far is transformed and converted as far as its neighbours allow.
     */
    public boolean greyRestReady() {
        return cursor.greyRestReady();
    }

    /** Ends the entropy decoding early, once {@link #greyRestReady()}. */
    public void skipGreyRest() {
        cursor.skipGreyRest();
    }

    /** Fills the output of the skipped rows (and of the last grey row decoded) with copies of a grey row. */
    public void repeatGreyRows() {
        ctx.repeatGreyRows(cursor.greyCopyFrom(), out);
    }

    /** After the last row: the end-of-scan checks and their warnings (on the decoding thread). */
    public void finish() throws JpegException {
        cursor.finish();
    }

    /**
     * The inverse DCT of MCU row {@code r} from its slot into the planes. Rows may be transformed
     * on different threads at once.
     *
     * @param r a row {@link #decodeNextRow} returned that was not transformed yet
     */
    public void inverseTransform(int r) {
        ctx.firstDecoder.transformRow(r, slots[r % COEFFICIENT_SLOTS], new ScanDecoder.State(), planes);
    }

    /** Upsamples and colour-converts the output rows of MCU row {@code r} from the planes. */
    public void convert(int r) {
        ctx.convertMcuRows(planes, r, r + 1, out);
    }
}
