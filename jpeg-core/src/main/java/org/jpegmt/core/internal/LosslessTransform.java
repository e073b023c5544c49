package org.jpegmt.core.internal;

/**
 * The lossless transforms of a {@link CoefficientImage} that jpegtran offers (its
 * {@code -flip}, {@code -rotate}, {@code -transpose}, {@code -transverse}, with {@code -trim}):
 * blocks move, and inside each block the coefficients are transposed and the signs of odd rows or
 * columns flipped, since mirroring an 8x8 block turns its basis function {@code cos((2x+1)u pi/16)}
 * into {@code (-1)^u} times itself. No coefficient changes magnitude: the pixels are the source's
 * moved, exactly.
 *
 * <p>Every transform is "transpose or not, then mirror x or not, mirror y or not" in output
 * coordinates. Mirroring only covers whole MCUs (iMCUs): the partial MCU column at the right
 * edge (mirror x) or the partial MCU row at the bottom (mirror y) of the output cannot move to the
 * other side, where the image would then start with a partial MCU. jpegtran leaves those blocks
 * where they are (transposed if the transform transposes, but not mirrored), so without
 * {@code -trim} the edge strip of a rotated or flipped image shows the source's strip, unmirrored.
 * {@code -trim} drops that strip instead, making the output smaller by up to one MCU less a
 * pixel; an image smaller than one MCU in that direction is not trimmed. A transposition alone
 * never needs trimming.
 */
public final class LosslessTransform {
    /** The transforms, named as jpegtran's options. */
    public enum Kind {
        NONE(false, false, false),
        FLIP_HORIZONTAL(false, true, false),
        FLIP_VERTICAL(false, false, true),
        TRANSPOSE(true, false, false),
        TRANSVERSE(true, true, true),
        ROTATE_90(true, true, false),
        ROTATE_180(false, true, true),
        ROTATE_270(true, false, true);

        final boolean transpose;
        /** Mirror the output's x axis (after the transposition). */
        final boolean mirrorX;
        /** Mirror the output's y axis (after the transposition). */
        final boolean mirrorY;

        Kind(boolean transpose, boolean mirrorX, boolean mirrorY) {
            this.transpose = transpose;
            this.mirrorX = mirrorX;
            this.mirrorY = mirrorY;
        }
    }

    private LosslessTransform() {
    }

    /**
     * @param src the source's coefficients (one component: with a 1x1 frame,
     *     {@link CoefficientImage#withUnitSampling})
     * @param trim drop the partial edge MCUs that would have to move
     * @return the transformed coefficients ({@code src} itself for {@link Kind#NONE})
     */
    static CoefficientImage apply(CoefficientImage src, Kind kind, boolean trim) {
        if (kind == Kind.NONE) {
            return src;
        }
        FrameHeader sf = src.frame;
        int nc = sf.count();
        // Output frame before trimming: sizes and sampling factors swapped by a transposition.
        FrameHeader.Component[] comps = new FrameHeader.Component[nc];
        for (int c = 0; c < nc; c++) {
            FrameHeader.Component s = sf.components()[c];
            comps[c] = kind.transpose ? new FrameHeader.Component(s.id(), s.v(), s.h(), s.tq()) : s;
        }
        int width = kind.transpose ? sf.height() : sf.width();
        int height = kind.transpose ? sf.width() : sf.height();
        FrameHeader full = new FrameHeader(sf.sof(), sf.precision(), height, width, comps);
        int mcuW = 8 * full.hmax();
        int mcuH = 8 * full.vmax();
        // Whole MCUs in each direction: what mirroring covers.
        int mcuCols = width / mcuW;
        int mcuRows = height / mcuH;
        if (trim && kind.mirrorX && mcuCols > 0) {
            width = mcuCols * mcuW;
        }
        if (trim && kind.mirrorY && mcuRows > 0) {
            height = mcuRows * mcuH;
        }
        FrameHeader frame = new FrameHeader(sf.sof(), sf.precision(), height, width, comps);
        int[][] quant = new int[nc][];
        for (int c = 0; c < nc; c++) {
            quant[c] = kind.transpose ? transposed(src.quant[c]) : src.quant[c];
        }
        CoefficientImage dst = new CoefficientImage(frame, quant);
        for (int c = 0; c < nc; c++) {
            component(src, dst, c, kind, mcuCols * comps[c].h(), mcuRows * comps[c].v());
        }
        return dst;
    }

    /** A quantisation table follows its coefficients: transposed with them. */
    private static int[] transposed(int[] q) {
        int[] t = new int[64];
        for (int i = 0; i < 8; i++) {
            for (int j = 0; j < 8; j++) {
                t[j * 8 + i] = q[i * 8 + j];
            }
        }
        return t;
    }

    /**
     * Fills the real blocks of component c of {@code dst}. Output block (bx, by) comes from
     * source block (x', y') (transposed: column y', row x'), where x' = mirrorCols - 1 - bx inside
     * the mirrored columns and bx past them (the partial edge MCU, left in place), and the same
     * for y'.
     *
     * @param mirrorCols block columns of the component inside whole output MCUs
     * @param mirrorRows block rows of the component inside whole output MCUs
     */
    private static void component(CoefficientImage src, CoefficientImage dst, int c, Kind kind, int mirrorCols,
            int mirrorRows) {
        int wib = dst.frame.wib(c);
        int hib = dst.frame.hib(c);
        short[] in = src.coef[c];
        short[] out = dst.coef[c];
        // the four block maps (mirror x or not, mirror y or not), made once
        int[][] order = new int[4][64];
        boolean[][] negate = new boolean[4][64];
        for (int m = 0; m < 4; m++) {
            blockMap(kind.transpose, (m & 1) != 0, (m & 2) != 0, order[m], negate[m]);
        }
        for (int by = 0; by < hib; by++) {
            boolean flipY = kind.mirrorY && by < mirrorRows;
            int sy = flipY ? mirrorRows - 1 - by : by;
            for (int bx = 0; bx < wib; bx++) {
                boolean flipX = kind.mirrorX && bx < mirrorCols;
                int sx = flipX ? mirrorCols - 1 - bx : bx;
                int from = kind.transpose ? src.offset(c, sy, sx) : src.offset(c, sx, sy);
                int m = (flipX ? 1 : 0) | (flipY ? 2 : 0);
                int[] ord = order[m];
                boolean[] neg = negate[m];
                int to = dst.offset(c, bx, by);
                for (int k = 0; k < 64; k++) {
                    short v = in[from + ord[k]];
                    out[to + k] = neg[k] ? (short) -v : v;
                }
            }
        }
    }

    /**
     * For output position k = row * 8 + col of a block: the source position it takes
     * ({@code order[k]}) and whether its sign flips: odd columns for a mirrored x, odd rows for a
     * mirrored y, in output coordinates.
     */
    private static void blockMap(boolean transpose, boolean flipX, boolean flipY, int[] order, boolean[] negate) {
        for (int row = 0; row < 8; row++) {
            for (int col = 0; col < 8; col++) {
                int k = row * 8 + col;
                order[k] = transpose ? col * 8 + row : k;
                negate[k] = (flipX && (col & 1) == 1) ^ (flipY && (row & 1) == 1);
            }
        }
    }
}
