package org.jpegmt.core.internal;

/**
 * libjpeg's inter-block smoothing of progressive images whose low AC coefficients are not fully
 * known (jdcoefct.c decompress_smooth_data, {@code do_block_smoothing}, on by default): before
 * the inverse DCT, zig-zag positions 1..5 of a block that are still zero and not fully known are
 * estimated from the DC values of the 5 x 5 blocks around it (T.81 K.8, extended); when no AC
 * data at all has arrived for a block row, positions 1..9 and the DC itself are estimated from a
 * Gaussian-like 5 x 5 kernel instead. Only the pixels of incomplete files (a truncated download,
 * a scan script that stops early) depend on it.
 *
 * <p>Facts of libjpeg-turbo 2.1.5 restated (its behaviour, not its code):
 * <ul>
 *   <li>which state applies: for MCU rows after the last one begun with data left
 *       ({@link Progression#lastGoodRow}), the state before the latest scan of the component,
 *       otherwise the state now ({@link Progression#smoothingLatch});
 *   <li>an estimate of position k is made only if the coefficient is 0 and bits[k] != 0; with
 *       Al = bits[k] > 0 its magnitude is capped at {@code 2^Al - 1};
 *   <li>{@code pred = ((Q << 7) + |num|) / (Q << 8)} in 64 bits, negated when num < 0, where
 *       {@code num = Q00 * (weighted sum of neighbour DCs)} and Q is the quantiser at the
 *       estimated position; stored as a 16-bit coefficient;
 *   <li>the neighbours come from five block rows; a row above the first of the component or
 *       below its last repeats the nearer one, but libjpeg decides this per MCU row: the row two
 *       above counts only if the block row is not the first of its MCU row's first two rows
 *       ({@code block_row > 1 || iMCU_row > 1}), the row two below only if
 *       {@code block_row < block_rows - 2 || iMCU_row + 1 < last iMCU row};
 *   <li>along a row the DCs slide through five registers per row, set at the row start to the
 *       first block; at the first block the right neighbour is loaded if there is one, and at
 *       every block the one two to the right if it is at most the last; registers not reloaded
 *       keep their shifted value (so an image two blocks wide sees the first block again at
 *       the far right).
 * </ul>
 * One instance per thread: the registers change as a row is walked.
 */
final class BlockSmoothing {
    private final CoefficientBuffer buf;
    private final FrameHeader frame;
    private final int[][] quant;
    private final int[][] latch;
    private final int lastGoodRow;
    private final int lastImcuRow;
    /** DC registers: row r (0 two above .. 4 two below), column j (0 two left .. 4 two right) at 5r + j. */
    private final int[] dc = new int[25];
    /** Offsets of the first block of the five rows in {@code coef}. */
    private final int[] rowBase = new int[5];
    private short[] coef;
    private int[] bits;
    private boolean changeDc;
    private int lastColumn;

    /**
     * @param latch {@link Progression#smoothingLatch}, not null
     * @param lastGoodRow {@link Progression#lastGoodRow}
     */
    BlockSmoothing(CoefficientBuffer buf, FrameHeader frame, int[][] quant, int[][] latch, int lastGoodRow) {
        this.buf = buf;
        this.frame = frame;
        this.quant = quant;
        this.latch = latch;
        this.lastGoodRow = lastGoodRow;
        this.lastImcuRow = frame.mcusY() - 1;
    }

    /** Prepares block row {@code by} of component c, to be walked from block 0 with {@link #smooth}. */
    void startRow(int c, int by) {
        int v = frame.components()[c].v();
        int imcu = by / v;
        int b = by % v;
        int blockRows = imcu < lastImcuRow ? v : frame.hib(c) - lastImcuRow * v;
        int prev = b > 0 || imcu > 0 ? by - 1 : by;
        int prev2 = b > 1 || imcu > 1 ? by - 2 : prev;
        int next = b < blockRows - 1 || imcu < lastImcuRow ? by + 1 : by;
        int next2 = b < blockRows - 2 || imcu + 1 < lastImcuRow ? by + 2 : next;
        coef = buf.coef[c];
        rowBase[0] = buf.offset(c, 0, prev2);
        rowBase[1] = buf.offset(c, 0, prev);
        rowBase[2] = buf.offset(c, 0, by);
        rowBase[3] = buf.offset(c, 0, next);
        rowBase[4] = buf.offset(c, 0, next2);
        for (int r = 0; r < 5; r++) {
            int d = coef[rowBase[r]];
            for (int j = 0; j < 5; j++) {
                dc[5 * r + j] = d;
            }
        }
        int n = frame.count();
        bits = imcu > lastGoodRow ? latch[n + c] : latch[c];
        changeDc = true;
        for (int k = 1; k < Progression.SAVED; k++) {
            changeDc &= bits[k] == -1;
        }
        lastColumn = frame.wib(c) - 1;
    }

    /**
     * Smooths block {@code bx} of the row begun with {@link #startRow}; call for bx = 0, 1, ...
     * in turn.
     *
     * @param block the block's coefficients, natural order, changed in place
     * @param q the component's quantisation table
     */
    void smooth(int bx, int[] block, int[] q) {
        int[] d = dc;
        if (bx == 0 && bx < lastColumn) {
            for (int r = 0; r < 5; r++) {
                d[5 * r + 3] = coef[rowBase[r] + 64];
            }
        }
        if (bx + 1 < lastColumn) {
            int off = (bx + 2) << 6;
            for (int r = 0; r < 5; r++) {
                d[5 * r + 4] = coef[rowBase[r] + off];
            }
        }
        long q00 = q[0];
        // DCnn below: libjpeg's names, DC01..DC25 row by row; DCrc = d[5 * (r - 1) + (c - 1)].
        int dc01 = d[0], dc02 = d[1], dc03 = d[2], dc04 = d[3], dc05 = d[4];
        int dc06 = d[5], dc07 = d[6], dc08 = d[7], dc09 = d[8], dc10 = d[9];
        int dc11 = d[10], dc12 = d[11], dc13 = d[12], dc14 = d[13], dc15 = d[14];
        int dc16 = d[15], dc17 = d[16], dc18 = d[17], dc19 = d[18], dc20 = d[19];
        int dc21 = d[20], dc22 = d[21], dc23 = d[22], dc24 = d[23], dc25 = d[24];
        boolean g = changeDc;
        // Weights: libjpeg-turbo 2.1.5's kernels (Gaussian-like when no AC is known, else 1-D
        // five-tap differences along the row, the column, or both).
        estimate(block, 1, bits[1], q00, q[1], g
                ? -dc01 - dc02 + dc04 + dc05 - 3 * dc06 + 13 * dc07 - 13 * dc09 + 3 * dc10 - 3 * dc11
                        + 38 * dc12 - 38 * dc14 + 3 * dc15 - 3 * dc16 + 13 * dc17 - 13 * dc19 + 3 * dc20 - dc21
                        - dc22 + dc24 + dc25
                : -7 * dc11 + 50 * dc12 - 50 * dc14 + 7 * dc15);
        estimate(block, 8, bits[2], q00, q[8], g
                ? -dc01 - 3 * dc02 - 3 * dc03 - 3 * dc04 - dc05 - dc06 + 13 * dc07 + 38 * dc08 + 13 * dc09
                        - dc10 + dc16 - 13 * dc17 - 38 * dc18 - 13 * dc19 + dc20 + dc21 + 3 * dc22 + 3 * dc23
                        + 3 * dc24 + dc25
                : -7 * dc03 + 50 * dc08 - 50 * dc18 + 7 * dc23);
        estimate(block, 16, bits[3], q00, q[16], g
                ? dc03 + 2 * dc07 + 7 * dc08 + 2 * dc09 - 5 * dc12 - 14 * dc13 - 5 * dc14 + 2 * dc17 + 7 * dc18
                        + 2 * dc19 + dc23
                : -dc03 + 13 * dc08 - 24 * dc13 + 13 * dc18 - dc23);
        estimate(block, 9, bits[4], q00, q[9], g
                ? -dc01 + dc05 + 9 * dc07 - 9 * dc09 - 9 * dc17 + 9 * dc19 + dc21 - dc25
                : dc10 + dc16 - 10 * dc17 + 10 * dc19 - dc02 - dc20 + dc22 - dc24 + dc04 - dc06 + 10 * dc07
                        - 10 * dc09);
        estimate(block, 2, bits[5], q00, q[2], g
                ? 2 * dc07 - 5 * dc08 + 2 * dc09 + dc11 + 7 * dc12 - 14 * dc13 + 7 * dc14 + dc15 + 2 * dc17
                        - 5 * dc18 + 2 * dc19
                : -dc11 + 13 * dc12 - 24 * dc13 + 13 * dc14 - dc15);
        if (g) {
            estimate(block, 3, bits[6], q00, q[3], dc07 - dc09 + 2 * dc12 - 2 * dc14 + dc17 - dc19);
            estimate(block, 10, bits[7], q00, q[10], dc07 - 3 * dc08 + dc09 - dc17 + 3 * dc18 - dc19);
            estimate(block, 17, bits[8], q00, q[17], dc07 - dc09 - 3 * dc12 + 3 * dc14 + dc17 - dc19);
            estimate(block, 24, bits[9], q00, q[24], dc07 + 2 * dc08 + dc09 - dc17 - 2 * dc18 - dc19);
            long num = q00 * (-2 * dc01 - 6 * dc02 - 8 * dc03 - 6 * dc04 - 2 * dc05 - 6 * dc06 + 6 * dc07
                    + 42 * dc08 + 6 * dc09 - 6 * dc10 - 8 * dc11 + 42 * dc12 + 152 * dc13 + 42 * dc14 - 8 * dc15
                    - 6 * dc16 + 6 * dc17 + 42 * dc18 + 6 * dc19 - 6 * dc20 - 2 * dc21 - 6 * dc22 - 8 * dc23
                    - 6 * dc24 - 2 * dc25);
            block[0] = predict(num, q00, 0);
        }
        for (int r = 0; r < 25; r += 5) {
            d[r] = d[r + 1];
            d[r + 1] = d[r + 2];
            d[r + 2] = d[r + 3];
            d[r + 3] = d[r + 4];
        }
    }

    /** Estimates natural position {@code pos} if it is zero and not fully known ({@code al != 0}). */
    private static void estimate(int[] block, int pos, int al, long q00, int q, int weighted) {
        if (al != 0 && block[pos] == 0) {
            block[pos] = predict(q00 * weighted, q, al);
        }
    }

    /** The rounded quotient num / (128 Q), its magnitude capped at 2^al - 1 when al > 0, as a JCOEF. */
    private static int predict(long num, long q, int al) {
        long mag = (((q << 7) + Math.abs(num)) / (q << 8));
        int pred = (int) mag;
        if (al > 0 && pred >= (1 << al)) {
            pred = (1 << al) - 1;
        }
        return (short) (num >= 0 ? pred : -pred);
    }
}
