package org.jpegmt.core.internal;

/**
 * The MCU grid of one scan and the arithmetic every schedule of it shares (T.81 A.2, B.2.4.4,
 * E.1.4): MCUs per row and in all, restart intervals (entropy-coded segments) and the MCUs each
 * covers, the MCU row a segment starts in, and which output rows an MCU row releases.
 *
 * <p>An interleaved scan (several components) has the frame's grid, {@code ceil(X / 8Hmax) x
 * ceil(Y / 8Vmax)} MCUs; a non-interleaved one has one block per MCU over its component's own
 * {@code wib x hib} blocks (T.81 A.2.2).
 *
 * <p><b>Conversion lag.</b> Fancy upsampling of MCU row {@code c} reads the last sample row of
 * MCU row {@code c - 1} and the first of {@code c + 1}, so MCU row {@code c} can be upsampled and
 * colour-converted once rows {@link #firstNeeded}{@code (c) .. }{@link #lastNeeded}{@code (c)} are
 * decoded: one MCU row behind the entropy decoding, and the last row as soon as it is decoded.
 *
 * <p>Immutable.
 */
public final class McuGrid {
    private final int mcusPerRow;
    private final int mcuRows;
    private final int interval;
    private final int segments;
    private final int rowHeight;
    private final int height;

    /**
     * @param mcusPerRow MCUs per MCU row
     * @param mcuRows MCU rows
     * @param restartInterval MCUs per restart interval, 0 for none (one segment)
     * @param rowHeight output rows one MCU row covers
     * @param height output rows of the image
     */
    public McuGrid(int mcusPerRow, int mcuRows, int restartInterval, int rowHeight, int height) {
        if (mcusPerRow < 1 || mcuRows < 1 || restartInterval < 0 || rowHeight < 1 || height < 1) {
            throw new IllegalArgumentException("bad MCU grid: " + mcusPerRow + " x " + mcuRows + " MCUs, interval "
                    + restartInterval + ", rows of " + rowHeight + " of " + height);
        }
        this.mcusPerRow = mcusPerRow;
        this.mcuRows = mcuRows;
        int count = mcusPerRow * mcuRows;
        this.interval = restartInterval == 0 ? count : restartInterval;
        this.segments = (int) ((count + (long) interval - 1) / interval);
        this.rowHeight = rowHeight;
        this.height = height;
    }

    /**
     * @param frame the frame header
     * @param scanComponents frame indexes of the scan's components
     * @param restartInterval MCUs per restart interval in force for the scan, 0 for none
     * @return the scan's grid
     */
    static McuGrid forScan(FrameHeader frame, int[] scanComponents, int restartInterval) {
        if (scanComponents.length > 1) {
            return new McuGrid(frame.mcusX(), frame.mcusY(), restartInterval, 8 * frame.vmax(), frame.height());
        }
        int c = scanComponents[0];
        int rowHeight = 8 * (frame.vmax() / frame.components()[c].v());
        return new McuGrid(frame.wib(c), frame.hib(c), restartInterval, rowHeight, frame.height());
    }

    /** @return MCUs per MCU row */
    public int mcusPerRow() {
        return mcusPerRow;
    }

    /** @return MCU rows */
    public int mcuRows() {
        return mcuRows;
    }

    /** @return MCUs in the scan */
    public int mcuCount() {
        return mcusPerRow * mcuRows;
    }

    /** @return MCUs per restart interval (the last may be shorter); {@link #mcuCount()} without restarts */
    public int interval() {
        return interval;
    }

    /** @return restart intervals (entropy-coded segments) in the scan, 1 without restarts */
    public int segments() {
        return segments;
    }

    /** @return first MCU of segment {@code s} */
    public int segmentStart(int s) {
        return (int) Math.min(mcuCount(), (long) s * interval);
    }

    /** @return end MCU (exclusive) of segment {@code s} */
    public int segmentEnd(int s) {
        return (int) Math.min(mcuCount(), ((long) s + 1) * interval);
    }

    /** @return true if segment {@code s} starts an MCU row (where a band of rows may start) */
    public boolean startsMcuRow(int s) {
        return (long) s * interval % mcusPerRow == 0;
    }

    /** @return the MCU row in which segment {@code s} starts ({@link #mcuRows()} for s = segments) */
    public int rowOfSegment(int s) {
        return s >= segments ? mcuRows : (int) ((long) s * interval / mcusPerRow);
    }

    /**
     * @return per segment, the MCU row it starts (where a band may start), or -1 if it starts
     *     inside an MCU row
     */
    public int[] rowStarts() {
        int[] rows = new int[segments];
        for (int s = 0; s < segments; s++) {
            rows[s] = startsMcuRow(s) ? rowOfSegment(s) : -1;
        }
        return rows;
    }

    /** @return the end (exclusive) of the MCU row that holds MCU {@code mcu} */
    public int rowEnd(int mcu) {
        return (mcu / mcusPerRow + 1) * mcusPerRow;
    }

    /** @return output rows one MCU row covers */
    public int rowHeight() {
        return rowHeight;
    }

    /** @return first output row of MCU row {@code r} */
    public int outputStart(int r) {
        return Math.min(height, r * rowHeight);
    }

    /** @return end (exclusive) of the output rows of MCU row {@code r}, clipped to the image */
    public int outputEnd(int r) {
        return Math.min(height, (r + 1) * rowHeight);
    }

    /** @return the first MCU row that must be decoded before MCU row {@code r} is converted */
    public int firstNeeded(int r) {
        return Math.max(0, r - 1);
    }

    /** @return the last MCU row that must be decoded before MCU row {@code r} is converted */
    public int lastNeeded(int r) {
        return Math.min(mcuRows - 1, r + 1);
    }

    /**
     * The first MCU row a band of MCU rows starting at {@code r0} converts itself: a band with
     * another above leaves its first row to the edge between them ({@link #edgeRows}), whose
     * conversion needs the last row of the band above.
     */
    public int bandFirstConverted(int r0) {
        return r0 > 0 ? r0 + 1 : 0;
    }

    /** The last MCU row a band ending before MCU row {@code r1} converts itself (see {@link #bandFirstConverted}). */
    public int bandLastConverted(int r1) {
        return r1 < mcuRows ? r1 - 2 : mcuRows - 1;
    }

    /**
     * The MCU rows converted at the edge between two bands, the later starting at MCU row
     * {@code r} (above 0): {@code r - 1} and {@code r}, once both bands are decoded.
     *
     * @return {first, last}
     */
    public int[] edgeRows(int r) {
        return new int[] {r - 1, r};
    }

    /**
     * @param decoded MCU rows {@code 0 .. decoded} are decoded (in order)
     * @return the last MCU row that can be converted now ({@code decoded - 1}, or {@code decoded}
     *     once it is the last row), -1 for none
     */
    public int convertibleThrough(int decoded) {
        return decoded == mcuRows - 1 ? decoded : decoded - 1;
    }
}
