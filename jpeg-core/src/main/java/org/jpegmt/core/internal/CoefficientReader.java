package org.jpegmt.core.internal;

import org.jpegmt.core.DecoderOptions;
import org.jpegmt.core.InvalidJpegException;
import org.jpegmt.core.JpegException;
import org.jpegmt.core.UnsupportedJpegException;

/**
 * Reads the quantised coefficients of a sequential (SOF0/SOF1) or progressive (SOF2) Huffman
 * file into a {@link CoefficientImage}: the decoder's own entropy decoding ({@link ScanCursor}
 * over {@link ScanDecoder#decodeCoefficients}, or {@link ProgressiveScan} for progressive
 * scans; restart resynchronisation and warnings included) with no dequantisation and no inverse
 * DCT. Blocks the data did not reach stay zero, as in libjpeg's coefficient arrays.
 *
 * <p>Two schedules: {@link #readAll} reads every scan serially; {@link #readSegments} reads a run
 * of the first scan's restart intervals, found by the marker pre-scan, so that disjoint runs can
 * be read on different threads (they fill disjoint blocks); progressive files are read serially.
 */
final class CoefficientReader {
    final byte[] data;
    final Warnings warn;
    final MarkerReader markers;
    final FrameHeader frame;
    final ScanHeader firstScan;
    final McuGrid firstGrid;
    /** The first scan's sequential decoder; null for a progressive file. */
    private final ScanDecoder firstDecoder;
    /** Per frame component: the quantisation table latched at its first scan. */
    private final int[][] latched;

    private CoefficientReader(byte[] data, Warnings warn, MarkerReader markers, ScanHeader scan) throws JpegException {
        this.data = data;
        this.warn = warn;
        this.markers = markers;
        this.frame = markers.frame;
        this.firstScan = scan;
        this.latched = new int[frame.count()][];
        this.firstDecoder = progressive() ? null : ScanDecoder.forScan(frame, scan, markers, latched, warn);
        this.firstGrid = McuGrid.forScan(frame, scan.components(), markers.restartInterval);
    }

    /**
     * Reads the headers up to the first scan, checking the decoder's limits and the memory the
     * coefficients will take against {@link DecoderOptions#maxMemory()} before anything is
     * allocated.
     */
    static CoefficientReader open(byte[] data, DecoderOptions options) throws JpegException {
        Warnings warn = new Warnings(options);
        MarkerReader markers = new MarkerReader(data, options, warn, false);
        markers.readSoi();
        ScanHeader scan = markers.readUntilScan();
        if (markers.frame == null) {
            throw new InvalidJpegException("no frame header (SOF) before the end of the image", markers.pos);
        }
        if (scan == null) {
            throw new InvalidJpegException("no scan (SOS) before the end of the image", markers.pos);
        }
        long need = CoefficientBuffer.bytes(markers.frame);
        if (need > options.maxMemory()) {
            throw new UnsupportedJpegException("the coefficients of a " + markers.frame.width() + "x"
                    + markers.frame.height() + " image need " + need + " bytes, over the limit of "
                    + options.maxMemory() + " (DecoderOptions.maxMemory)", scan.dataOffset());
        }
        if (CoefficientImage.largestArray(markers.frame) > Integer.MAX_VALUE - 8) {
            throw new UnsupportedJpegException("the coefficients of a " + markers.frame.width() + "x"
                    + markers.frame.height() + " image need an array over 2^31 entries", scan.dataOffset());
        }
        return new CoefficientReader(data, warn, markers, scan);
    }

    /** @return true for a progressive file (SOF2) */
    boolean progressive() {
        return frame.sof() == Markers.SOF2;
    }

    /** @return true if the first scan codes every component (a single interleaved scan, or a one-component frame) */
    boolean singleScan() {
        return firstScan.count() == frame.count() && distinct(firstScan.components());
    }

    private static boolean distinct(int[] comps) {
        for (int i = 0; i < comps.length; i++) {
            for (int j = 0; j < i; j++) {
                if (comps[i] == comps[j]) {
                    return false;
                }
            }
        }
        return true;
    }

    /** @return an empty coefficient image of the frame, its tables to be latched by the reads */
    CoefficientImage newImage() {
        return new CoefficientImage(frame, new int[frame.count()][]);
    }

    /**
     * @return the first scan's restart intervals as {@link SegmentScanner#find} gives them, or
     *     null when the file has several scans, no restart markers, or markers that are not
     *     clean (read such files with {@link #readAll})
     */
    int[] segmentBounds() {
        if (progressive() || !singleScan() || firstGrid.segments() < 2) {
            return null;
        }
        return SegmentScanner.find(data, firstScan.dataOffset(), firstGrid.segments());
    }

    /** Reads every scan, serially, into {@code into}; its quantisation tables are set from the latched ones. */
    void readAll(CoefficientImage into) throws JpegException {
        RestartResync resync = new RestartResync(data, warn, markers.eofSeen());
        if (progressive()) {
            readProgressive(into, resync);
            setTables(into);
            return;
        }
        ScanHeader scan = firstScan;
        ScanDecoder decoder = firstDecoder;
        McuGrid grid = firstGrid;
        int scans = 1;
        for (;;) {
            ScanCursor cursor = ScanCursor.serial(data, decoder, grid, warn, resync, scan.dataOffset());
            readRows(cursor, decoder, grid, scan.components(), into);
            markers.pos = cursor.finish();
            if (resync.eofSeen() || markers.eofSeen()) {
                break;
            }
            scan = markers.readUntilScan();
            if (scan == null) {
                break;
            }
            if (++scans > MultiScanDecode.MAX_SCANS) {
                warn.warn("more than " + MultiScanDecode.MAX_SCANS + " scans in a sequential file: the rest is ignored",
                        scan.dataOffset());
                break;
            }
            decoder = ScanDecoder.forScan(frame, scan, markers, latched, warn);
            grid = McuGrid.forScan(frame, scan.components(), markers.restartInterval);
        }
        setTables(into);
    }

    /**
     * Decodes every progressive scan ({@link ProgressiveDecode#decodeScans}, as the decoder does)
     * straight into the image's arrays, then clears the blocks past each component's edge: the
     * interleaved DC scans code those dummy blocks, but a transcode's padding must stay zero
     * ({@link CoefficientImage}).
     */
    private void readProgressive(CoefficientImage into, RestartResync resync) throws JpegException {
        ProgressiveDecode.decodeScans(data, markers, firstScan, into, resync, new Progression(frame.count()), latched,
                warn);
        for (int c = 0; c < frame.count(); c++) {
            int wib = frame.wib(c);
            int hib = frame.hib(c);
            short[] coef = into.coef[c];
            for (int by = 0; by < into.blocksHigh[c]; by++) {
                int from = by < hib ? wib : 0;
                java.util.Arrays.fill(coef, into.offset(c, from, by), into.offset(c, 0, by + 1), (short) 0);
            }
        }
    }

    /**
     * Reads restart intervals {@code [from, to)} of the single scan into {@code into}. Runs that
     * do not overlap may be read on different threads at once.
     *
     * @param bounds {@link #segmentBounds()}
     */
    void readSegments(int[] bounds, int from, int to, CoefficientImage into) throws JpegException {
        ScanCursor cursor = ScanCursor.segments(data, firstDecoder, firstGrid, warn, bounds, from, to);
        readRows(cursor, firstDecoder, firstGrid, firstScan.components(), into);
        cursor.finish();
        setTables(into);
    }

    private void setTables(CoefficientImage into) throws JpegException {
        for (int c = 0; c < frame.count(); c++) {
            if (latched[c] != null) {
                into.quant[c] = latched[c];
                continue;
            }
            // A component no scan codes: zero coefficients, and the table its slot holds now.
            int tq = frame.components()[c].tq();
            if (tq > 3 || markers.quant[tq] == null) {
                throw new InvalidJpegException("quantization table " + tq + " was not defined", markers.pos);
            }
            into.quant[c] = markers.quant[tq].clone();
        }
    }

    /** Decodes the cursor's MCUs row by row and moves each row's real blocks into the image. */
    private static void readRows(ScanCursor cursor, ScanDecoder decoder, McuGrid grid, int[] comps,
            CoefficientImage into) throws JpegException {
        ScanDecoder.CoefficientRow row = decoder.newCoefficientRow();
        int n = comps.length;
        int[] bw = new int[n];
        int[] bh = new int[n];
        for (int i = 0; i < n; i++) {
            FrameHeader.Component fc = into.frame.components()[comps[i]];
            bw[i] = n == 1 ? 1 : fc.h();
            bh[i] = n == 1 ? 1 : fc.v();
        }
        int perRow = grid.mcusPerRow();
        while (cursor.hasNextRow()) {
            int first = cursor.nextMcu();
            int my = cursor.decodeRow(null, row);
            int end = cursor.nextMcu();
            for (int mx = first - my * perRow; mx < end - my * perRow; mx++) {
                for (int i = 0; i < n; i++) {
                    int c = comps[i];
                    short[] dst = into.coef[c];
                    for (int y = 0; y < bh[i]; y++) {
                        for (int x = 0; x < bw[i]; x++) {
                            int s = decoder.slot(i, y, mx * bw[i] + x);
                            int last = row.last[s];
                            if (last == ScanDecoder.DUMMY) {
                                continue;
                            }
                            if (last != ScanDecoder.GREY) {
                                moveBlock(row.coef, ScanDecoder.CoefficientRow.base(s), dst,
                                        into.offset(c, mx * bw[i] + x, my * bh[i] + y), last);
                            }
                        }
                    }
                }
            }
        }
    }

    /**
     * Moves a block whose zig-zag positions 0..last may be nonzero from the row (natural
     * coefficient k at {@code src[srcBase + k * 8]}, {@link ScanDecoder.CoefficientRow}) into
     * {@code dst} (16-bit, as decoded), leaving the row's block zero for the next row.
     */
    private static void moveBlock(int[] src, int srcBase, short[] dst, int dstBase, int last) {
        if (last < 16) {
            int[] natural = ZigZag.NATURAL;
            for (int z = 0; z <= last; z++) {
                int k = natural[z];
                dst[dstBase + k] = (short) src[srcBase + k * 8];
                src[srcBase + k * 8] = 0;
            }
        } else {
            for (int k = 0; k < 64; k++) {
                dst[dstBase + k] = (short) src[srcBase + k * 8];
                src[srcBase + k * 8] = 0;
            }
        }
    }
}
