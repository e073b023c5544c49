package org.jpegmt.core.internal;

import java.util.Arrays;
import org.jpegmt.core.JpegException;
import org.jpegmt.core.PixelImage;

/**
 * The decode of a file whose first scan does not hold every component (non-interleaved, or
 * several scans): every scan is entropy-decoded serially into whole planes (libjpeg's restart
 * resynchronisation, the same warnings as the single-scan path), then output rows are converted
 * from the planes, in any order and on any threads ({@link #convertRows}).
 */
public final class MultiScanDecode {
    /**
     * Most scans decoded in one file. A sequential file codes each component in exactly one
     * scan (at most 4); every further scan would decode the whole image again, so a hostile
     * file of many empty scans could take time out of all proportion to its size.
     */
    static final int MAX_SCANS = 16;

    private final ScanContext ctx;
    private final Planes planes;

    MultiScanDecode(ScanContext ctx) {
        this.ctx = ctx;
        this.planes = Planes.whole(ctx.frame);
        for (int c = 0; c < ctx.frame.count(); c++) {
            if (!ctx.inFirstScan[c]) {
                // A component whose scan never comes decodes as all-zero coefficients.
                Arrays.fill(planes.data[c], (byte) 128);
            }
        }
    }

    /** Decodes every scan into the planes; call once, on one thread, before {@link #convertRows}. */
    public void decodeScans() throws JpegException {
        MarkerReader markers = ctx.markers;
        ScanHeader scan = ctx.firstScan;
        ScanDecoder decoder = ctx.firstDecoder;
        McuGrid grid = ctx.grid;
        int scans = 1;
        for (;;) {
            ScanCursor cursor = ScanCursor.serial(ctx.data, decoder, grid, ctx.warn, ctx.resync, scan.dataOffset());
            while (cursor.hasNextRow()) {
                cursor.decodeRow(planes, null);
            }
            markers.pos = cursor.finish();
            if (ctx.resync.eofSeen() || markers.eofSeen()) {
                break;
            }
            scan = markers.readUntilScan();
            if (scan == null) {
                break;
            }
            if (++scans > MAX_SCANS) {
                ctx.warn.warn("more than " + MAX_SCANS + " scans in a sequential file: the rest is ignored",
                        scan.dataOffset());
                break;
            }
            decoder = ScanDecoder.forScan(ctx.frame, scan, markers, ctx.latchedQuant, ctx.warn);
            grid = McuGrid.forScan(ctx.frame, scan.components(), markers.restartInterval);
        }
    }

    /**
     * Upsamples and colour-converts output rows {@code [y0, y1)} from the planes into {@code out}.
     * Disjoint rows may be converted on different threads at once, after {@link #decodeScans}.
     */
    public void convertRows(int y0, int y1, PixelImage out) {
        ctx.converter.convert(planes, y0, y1, out);
    }
}
