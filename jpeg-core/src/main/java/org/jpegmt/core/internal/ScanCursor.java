package org.jpegmt.core.internal;

import org.jpegmt.core.JpegException;

/**
 * The one MCU-row loop of the decoder: entropy-decodes a run of restart intervals of a scan, one
 * MCU row per call, into sample planes or into a row of coefficients. Every strategy drives one
 * (the serial and staged decodes over a whole scan, each band over its segments), so the
 * interval arithmetic and the restart handling live only here.
 *
 * <p>Two ways to cross a restart boundary (T.81 F.2.1.3.1):
 * <ul>
 *   <li>{@link #serial}: read on from where the interval ended, find the marker that should be
 *       RSTm and resynchronise as libjpeg does when it is not ({@link RestartResync});
 *   <li>{@link #segments}: jump to the next segment's first byte, known from the marker pre-scan
 *       ({@link SegmentScanner}), after the same end-of-segment checks the serial path makes.
 * </ul>
 * Either way, MCUs are decoded in the same runs (split at row and interval ends) by the same
 * {@link ScanDecoder}, so the pixels and the warnings are the same.
 *
 * <p>Not thread-safe: one cursor per thread.
 */
final class ScanCursor {
    private final byte[] data;
    private final ScanDecoder decoder;
    private final McuGrid grid;
    private final Warnings warn;
    private final BitReader br;
    private final ScanDecoder.State st = new ScanDecoder.State();
    /**
     * With the vector kernels, a whole MCU row decoded into planes goes through coefficients
     * first ({@link ScanDecoder#inverseRowVector} wants eight blocks at a time); null until then.
     */
    private ScanDecoder.CoefficientRow rowCoefficients;
    /** Serial mode: resynchronises at each boundary; null in segment mode. */
    private final RestartResync resync;
    /** Segment mode: {@link SegmentScanner#find} bounds. */
    private final int[] bounds;
    /** End (exclusive) of the MCUs this cursor decodes. */
    private final int end;
    private int mcu;
    private int segment;
    private int segmentEnd;
    /** Serial mode: m of the RSTm marker expected next. */
    private int expectedRestart;
    /**
     * Grey MCU rows decoded as usual once the data has run out for good, before the rest is
     * skipped: the first two and the one below them make the second a grey row between grey rows,
     * whose converted output is the model of every row after it ({@link ScanContext#repeatGreyRows}).
     */
    private static final int GREY_MODEL_ROWS = 3;
    /** The first MCU row of the grey rest, once known; -1 before. */
    private int greyFrom = -1;

    private ScanCursor(byte[] data, ScanDecoder decoder, McuGrid grid, Warnings warn, RestartResync resync,
            int[] bounds, int from, int to) {
        this.data = data;
        this.decoder = decoder;
        this.grid = grid;
        this.warn = warn;
        this.resync = resync;
        this.bounds = bounds;
        this.br = new BitReader(data);
        this.segment = from;
        this.mcu = grid.segmentStart(from);
        this.end = grid.segmentStart(to);
        this.segmentEnd = grid.segmentEnd(from);
    }

    /**
     * @param dataOffset first entropy-coded byte of the scan
     * @return a cursor over the whole scan that resynchronises like libjpeg at each restart
     */
    static ScanCursor serial(byte[] data, ScanDecoder decoder, McuGrid grid, Warnings warn, RestartResync resync,
            int dataOffset) {
        ScanCursor c = new ScanCursor(data, decoder, grid, warn, resync, null, 0, grid.segments());
        c.br.reset(dataOffset, data.length);
        return c;
    }

    /**
     * @param bounds {@link SegmentScanner#find}: segment i is {@code data[bounds[2i], bounds[2i+1])}
     * @param from first segment
     * @param to end segment (exclusive)
     * @return a cursor over segments {@code [from, to)} of the scan
     */
    static ScanCursor segments(byte[] data, ScanDecoder decoder, McuGrid grid, Warnings warn, int[] bounds,
            int from, int to) {
        ScanCursor c = new ScanCursor(data, decoder, grid, warn, null, bounds, from, to);
        c.startSegment(from);
        return c;
    }

    /** @return true while MCU rows are left */
    boolean hasNextRow() {
        return mcu < end;
    }

    /**
     * Call before each row (it latches where the grey rest starts). True once the data has run out for good (inside the segment that runs
     * to the end of this cursor, so no restart can bring data back), {@link #GREY_MODEL_ROWS} grey
     * rows have been decoded since, and rows are left: the caller then converts what those rows
     * allow, calls {@link #skipGreyRest()} and fills the output from {@link #greyCopyFrom()} on.
     */
    boolean greyRestReady() {
        int next = mcu / grid.mcusPerRow();
        if (greyFrom < 0 && next + GREY_MODEL_ROWS < grid.mcuRows() && st.outOfData && segmentEnd >= end) {
            greyFrom = next;
        }
        return greyFrom >= 0 && next == greyFrom + GREY_MODEL_ROWS;
    }

    /**
     * Moves past the MCUs left without decoding them, once {@link #greyRestReady()}: grey MCUs
     * do not touch the bit reader, so {@link #finish()} reports exactly what it would have.
     */
    void skipGreyRest() {
        if (!greyRestReady()) {
            throw new IllegalStateException("MCUs with data are left");
        }
        mcu = end;
    }

    /** @return after {@link #skipGreyRest()}: the first MCU row whose output is a copy of a grey row */
    int greyCopyFrom() {
        return greyFrom + GREY_MODEL_ROWS - 1;
    }

    /** @return the bit reader, where the next MCU starts (a speculative decode reads on from there) */
    BitReader reader() {
        return br;
    }

    /** @return the DC predictors of the scan components at the next MCU */
    int[] predictors() {
        return st.preds;
    }

    /** @return the next MCU to decode */
    int nextMcu() {
        return mcu;
    }

    /**
     * Decodes the rest of the current MCU row, into {@code planes} (inverse DCT included) or, when
     * {@code coefficients} is not null, only entropy-decoded into it.
     *
     * @return the MCU row completed
     */
    int decodeRow(Planes planes, ScanDecoder.CoefficientRow coefficients) throws JpegException {
        if (coefficients == null && Simd.VECTOR && mcu % grid.mcusPerRow() == 0 && grid.rowEnd(mcu) <= end) {
            return decodeRowVector(planes);
        }
        int rowEnd = Math.min(end, grid.rowEnd(mcu));
        while (mcu < rowEnd) {
            if (mcu == segmentEnd) {
                nextSegment();
            }
            int next = Math.min(segmentEnd, rowEnd);
            if (coefficients == null) {
                decoder.decode(br, mcu, next - mcu, st, planes);
            } else {
                decoder.decodeCoefficients(br, mcu, next - mcu, st, coefficients);
            }
            mcu = next;
        }
        return (mcu - 1) / grid.mcusPerRow();
    }

    /**
     * MCUs per step of {@link #decodeRowVector}: a multiple of 8, so each step covers whole
     * groups of eight blocks of every component, and few enough that the step's coefficients
     * (8 MCUs of 4:2:0: 12 KB) are still in cache for the inverse DCT.
     */
    private static final int VECTOR_STEP = 8;

    /** {@link #decodeRow} into planes with the vector inverse DCT: a whole MCU row, in steps. */
    private int decodeRowVector(Planes planes) throws JpegException {
        if (rowCoefficients == null) {
            rowCoefficients = decoder.newCoefficientRow();
        }
        int rowStart = mcu;
        int rowEnd = grid.rowEnd(mcu);
        int row = rowStart / grid.mcusPerRow();
        while (mcu < rowEnd) {
            int stepEnd = Math.min(rowEnd, mcu + VECTOR_STEP);
            int from = mcu - rowStart;
            while (mcu < stepEnd) {
                if (mcu == segmentEnd) {
                    nextSegment();
                }
                int next = Math.min(segmentEnd, stepEnd);
                decoder.decodeCoefficients(br, mcu, next - mcu, st, rowCoefficients);
                mcu = next;
            }
            decoder.inverseRowVector(row, from, mcu - rowStart, rowCoefficients, st, planes);
        }
        return row;
    }

    /** Crosses the restart boundary after the current segment. */
    private void nextSegment() throws JpegException {
        if (resync != null) {
            int next = resync.restart(br, expectedRestart, st);
            expectedRestart = (expectedRestart + 1) & 7;
            br.reset(next, data.length);
        } else {
            RestartResync.endOfSegment(br, data, warn);
            startSegment(segment + 1);
        }
        segment++;
        segmentEnd = grid.segmentEnd(segment);
    }

    private void startSegment(int s) {
        if (bounds[2 * s] < 0 || bounds[2 * s] > data.length) {
            throw new IllegalArgumentException("bad segment start " + bounds[2 * s]);
        }
        // Not limited to the segment's end: the reader stops at the marker there by itself, and
        // reading exactly as the serial path does gives the same warnings at the same offsets.
        br.reset(bounds[2 * s], data.length);
        st.restart();
    }

    /**
     * After the last row: the end-of-scan (serial) or end-of-segment checks and their warnings.
     *
     * @return serial mode: offset of the marker after the scan data (its FF byte), or the data
     *     length; segment mode: -1
     */
    int finish() throws JpegException {
        if (resync != null) {
            return resync.endOfScan(br);
        }
        RestartResync.endOfSegment(br, data, warn);
        return -1;
    }
}
