package org.jpegmt.core.internal;

import org.jpegmt.core.DecoderOptions;
import org.jpegmt.core.JpegInfo;
import org.jpegmt.core.PixelImage;

/**
 * What every decode strategy of one file needs, read once from its headers up to the first scan:
 * the data, the frame, the first scan with its decoder and MCU grid, and the row converter.
 * {@link DecodeJob} builds it and hands it to the strategy files ({@link SerialDecode},
 * {@link BandDecode}, {@link StagedDecode}, {@link MultiScanDecode}), which share nothing else.
 *
 * <p>Immutable, except the marker reader, which only the serial paths use (one thread): the
 * resynchronisation at restarts and the reading of later scans move it.
 */
final class ScanContext {
    final byte[] data;
    final DecoderOptions options;
    final Warnings warn;
    final MarkerReader markers;
    final FrameHeader frame;
    final ScanHeader firstScan;
    final ScanDecoder firstDecoder;
    final McuGrid grid;
    final RowConverter converter;
    final RestartResync resync;
    final JpegInfo info;
    /** Block rows of each component in one MCU row of the first scan. */
    final int[] blockRowsPerMcuRow;
    /** Per frame component: true if the first scan codes it. */
    final boolean[] inFirstScan;
    /** Per frame component: the quantisation table latched at its first scan (T.81 G.1.1.1.2 / libjpeg). */
    final int[][] latchedQuant;

    ScanContext(byte[] data, DecoderOptions options, Warnings warn, MarkerReader markers, ScanHeader scan)
            throws org.jpegmt.core.JpegException {
        this.data = data;
        this.options = options;
        this.warn = warn;
        this.markers = markers;
        this.frame = markers.frame;
        this.firstScan = scan;
        this.info = DecodeJob.makeInfo(frame, markers);
        int nc = frame.count();
        this.converter = new RowConverter(frame, markers, warn);
        this.resync = new RestartResync(data, warn, markers.eofSeen());
        inFirstScan = new boolean[nc];
        for (int c : scan.components()) {
            inFirstScan[c] = true;
        }
        latchedQuant = new int[nc][];
        firstDecoder = ScanDecoder.forScan(frame, scan, markers, latchedQuant, warn);
        grid = McuGrid.forScan(frame, scan.components(), markers.restartInterval);
        blockRowsPerMcuRow = new int[nc];
        for (int c = 0; c < nc; c++) {
            blockRowsPerMcuRow[c] = firstDecoder.blockRowsPerMcuRow(c);
        }
    }

    /** @return true if the first scan holds every component, so its segments cover the image */
    boolean singleScan() {
        // Not just a count: a damaged scan may name one component twice and miss another.
        for (boolean in : inFirstScan) {
            if (!in) {
                return false;
            }
        }
        return true;
    }

    /** @return a ring of {@code mcuRows} MCU rows of the first scan's components */
    Planes ring(int mcuRows) {
        return Planes.ring(frame, blockRowsPerMcuRow, mcuRows);
    }

    /**
     * Once the data has run out for good, every MCU row from {@code from} on is mid-grey, and so
     * are its neighbours: the output rows of MCU rows {@code [from, end)} are then copies of the
     * first output row of MCU row {@code from - 1} (converted already, itself between grey rows),
     * which costs one copy per row instead of the upsampling and colour conversion.
     */
    void repeatGreyRows(int from, PixelImage out) {
        int stride = out.stride();
        byte[] data = out.data();
        int src = grid.outputStart(from - 1) * stride;
        for (int y = grid.outputStart(from); y < frame.height(); y++) {
            System.arraycopy(data, src, data, y * stride, stride);
        }
    }

    /** Converts the output rows of MCU rows {@code [r0, r1)} of the first scan from {@code planes} into {@code out}. */
    void convertMcuRows(Planes planes, int r0, int r1, PixelImage out) {
        int y0 = grid.outputStart(r0);
        int y1 = grid.outputEnd(r1 - 1);
        if (y1 > y0) {
            converter.convert(planes, y0, y1, out);
        }
    }
}
