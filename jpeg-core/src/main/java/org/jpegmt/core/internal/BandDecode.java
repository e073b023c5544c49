package org.jpegmt.core.internal;

import java.util.concurrent.atomic.AtomicReferenceArray;
import org.jpegmt.core.JpegException;
import org.jpegmt.core.PixelImage;

/**
 * Parallel decoding of a single-scan file by bands: runs of entropy-coded segments (restart
 * intervals, self-contained by T.81 F.2.1.3.1) that start on MCU rows, found by the marker
 * pre-scan ({@link SegmentScanner}). Each band is decoded like the serial path: a ring of three
 * MCU rows per component, converted right behind the decoding while the samples are in cache.
 *
 * <p>Fancy upsampling needs one MCU row above and below, so a band does not convert its first MCU
 * row (unless it is the image's first) nor its last (unless it is the image's last): it keeps its
 * two first and two last MCU rows aside, and once the bands on both sides of a boundary are done,
 * {@link #convertEdge} converts the two MCU rows around it. Memory: the output plus a few MCU
 * rows per band. Different bands may be decoded on different threads at once; the result is
 * exactly the serial one.
 */
public final class BandDecode {
    private final ScanContext ctx;
    private final int[] bounds;
    private final PixelImage out;
    /** Per MCU row r: the MCU rows r - 2 .. r + 1 kept around a band boundary at r. */
    private final AtomicReferenceArray<Planes> edges;

    /**
     * @param bounds {@link SegmentScanner#find}'s segment bounds for {@link #decode}; null when the
     *     rows come from elsewhere ({@link #rows})
     */
    BandDecode(ScanContext ctx, int[] bounds, PixelImage out) {
        if (bounds != null && bounds.length != 2 * ctx.grid.segments()) {
            throw new IllegalArgumentException(bounds.length / 2 + " segment bounds for a scan of "
                    + ctx.grid.segments() + " segments");
        }
        this.ctx = ctx;
        this.bounds = bounds;
        this.out = out;
        this.edges = new AtomicReferenceArray<>(ctx.grid.mcuRows() + 1);
    }

    /**
     * Decodes segments {@code [from, to)} as one band and converts its rows into the output, but
     * for the rows around its boundaries with other bands ({@link #convertEdge}).
     *
     * @param from first segment of the band; must start an MCU row
     * @param to end segment (exclusive): the next band's first segment, or the segment count
     * @throws IllegalArgumentException if the band does not start and end on MCU rows, or covers
     *     fewer than two MCU rows without being the whole scan
     */
    public void decode(int from, int to) throws JpegException {
        McuGrid grid = ctx.grid;
        int segments = grid.segments();
        if (from < 0 || to > segments || from >= to || !grid.startsMcuRow(from)
                || (to < segments && !grid.startsMcuRow(to))) {
            throw new IllegalArgumentException("band [" + from + ", " + to + ") is not a run of whole MCU rows of "
                    + segments + " segments");
        }
        int rows = grid.mcuRows();
        int r0 = grid.rowOfSegment(from);
        int r1 = grid.rowOfSegment(to);
        if (r1 - r0 < 2 && !(r0 == 0 && r1 == rows)) {
            throw new IllegalArgumentException("band of MCU rows [" + r0 + ", " + r1 + ") is shorter than two rows");
        }
        ScanCursor cursor = ScanCursor.segments(ctx.data, ctx.firstDecoder, grid, ctx.warn, bounds, from, to);
        rows(r0, r1, ring -> cursor.decodeRow(ring, null));
        cursor.finish();
    }

    /** Where a band's MCU rows come from, in order: entropy-decoded, or from stored coefficients. */
    interface RowSource {
        /**
         * Puts the band's next MCU row into the ring (inverse DCT done).
         *
         * @return the row
         */
        int next(Planes ring) throws JpegException;
    }

    /**
     * The band of MCU rows {@code [r0, r1)} from {@code source}, converted into the output but
     * for the rows around its boundaries with other bands ({@link #convertEdgeRow}).
     */
    void rows(int r0, int r1, RowSource source) throws JpegException {
        rows(r0, r1, source, null);
    }

    /**
     * As {@link #rows(int, int, RowSource)}, but the band may end early: after each row (from its
     * second on, and while two rows are left below for the next band) {@code stop} says whether
     * it ends there.
     *
     * @param stop asked after each row; null to decode up to {@code r1}
     * @return the end of the band (exclusive)
     */
    int rows(int r0, int r1, RowSource source, java.util.function.BooleanSupplier stop) throws JpegException {
        McuGrid grid = ctx.grid;
        int rows = grid.mcuRows();
        Planes ring = ctx.ring(3);
        Planes startEdge = r0 > 0 ? edgePlanes(r0) : null;
        // The band's own rows: all but its first (when a band lies above) and its last (when one lies below).
        int converted = grid.bandFirstConverted(r0);
        int end = r1;
        for (int k = r0; k < end; k++) {
            int r = source.next(ring);
            if (startEdge != null && r == r0 + 1) {
                Planes.copyMcuRows(ring, startEdge, r0, r0 + 2, ctx.blockRowsPerMcuRow);
            }
            if (r < end - 1 && stop != null && r > r0 && rows - (r + 1) >= 2 && stop.getAsBoolean()) {
                end = r + 1;
            }
            boolean last = r == end - 1;
            if (last && end < rows) {
                Planes.copyMcuRows(ring, edgePlanes(end), end - 2, end, ctx.blockRowsPerMcuRow);
            }
            // before the last row, convertibleThrough(r) = r - 1 is never past the band's own rows
            int through = last ? Math.min(grid.bandLastConverted(end), grid.convertibleThrough(r))
                    : grid.convertibleThrough(r);
            if (through >= converted) {
                ctx.convertMcuRows(ring, converted, through + 1, out);
                converted = through + 1;
            }
        }
        return end;
    }

    /**
     * Converts the two MCU rows either side of the boundary where segment {@code segment} starts
     * a band, from the rows the bands on both sides kept aside. Call it once per boundary, after
     * both bands' {@link #decode} returned.
     *
     * @param segment the first segment of a band other than the first
     * @throws IllegalStateException if the bands around the boundary were not decoded
     */
    public void convertEdge(int segment) {
        convertEdgeRow(ctx.grid.rowOfSegment(segment));
    }

    /**
     * Converts the two MCU rows either side of the boundary where a band starting at MCU row
     * {@code r} meets the band above, once both bands are done ({@link #convertEdge}).
     */
    void convertEdgeRow(int r) {
        Planes edge = edges.getAndSet(r, null);
        if (edge == null || r == 0) {
            throw new IllegalStateException("no band boundary at MCU row " + r);
        }
        int[] rows = ctx.grid.edgeRows(r);
        ctx.convertMcuRows(edge, rows[0], rows[1] + 1, out);
    }

    /** @return the four MCU rows kept around the band boundary at MCU row r, made by whichever band comes first */
    private Planes edgePlanes(int r) {
        Planes p = edges.get(r);
        if (p == null) {
            Planes made = ctx.ring(4);
            p = edges.compareAndExchange(r, null, made);
            if (p == null) {
                p = made;
            }
        }
        return p;
    }
}
