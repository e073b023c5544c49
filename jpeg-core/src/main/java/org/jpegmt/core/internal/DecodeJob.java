package org.jpegmt.core.internal;

import java.util.ArrayList;
import java.util.List;
import org.jpegmt.core.DecoderOptions;
import org.jpegmt.core.InvalidJpegException;
import org.jpegmt.core.JpegDecoder;
import org.jpegmt.core.JpegException;
import org.jpegmt.core.JpegInfo;
import org.jpegmt.core.PixelImage;
import org.jpegmt.core.UnsupportedJpegException;

/**
 * One file to decode, opened: the headers up to the first scan are read and the limits checked.
 * The entry point of the decode strategies, each in its own file over a shared
 * {@link ScanContext}; a scheduler (jpeg-mt) picks one and drives it, and the strategies never
 * call back up into it. Most callers want {@link JpegDecoder#decode(byte[])}, which is
 * {@link #decodeAll()}.
 *
 * <ul>
 *   <li>{@link #decodeAll()}: serial ({@link SerialDecode}, or {@link MultiScanDecode} for files
 *       with several scans), libjpeg's restart resynchronisation included.
 *   <li>{@link #bands}: segments of the first scan ({@link #segmentBounds()}) decoded as bands
 *       of whole MCU rows on different threads ({@link BandDecode}).
 *   <li>{@link #staged}: serial entropy decoding with the inverse DCT and conversion of each MCU
 *       row left to other threads ({@link StagedDecode}).
 *   <li>{@link #scans}: every scan serially into whole planes, rows converted on any thread
 *       ({@link MultiScanDecode}).
 * </ul>
 *
 * <p>Use a job for one decode: one strategy, once. The output image comes from
 * {@link #newOutput()} (so a scheduler can allocate it while another thread scans for markers)
 * and is passed down to the strategy.
 */
public final class DecodeJob {
    /** The sequential file's shared context; null for a progressive file. */
    private final ScanContext ctx;
    /** The progressive file's decode (SOF2); null for a sequential file. */
    private final ProgressiveDecode progressive;

    private DecodeJob(ScanContext ctx, ProgressiveDecode progressive) {
        this.ctx = ctx;
        this.progressive = progressive;
    }

    /**
     * Reads the headers up to the first scan and checks the limits.
     *
     * @param jpeg the whole file (not copied; must not change while the job is used)
     * @param options decoder settings
     * @return the opened job
     * @throws JpegException for invalid or unsupported headers
     */
    public static DecodeJob open(byte[] jpeg, DecoderOptions options) throws JpegException {
        Warnings warn = new Warnings(options);
        MarkerReader markers = new MarkerReader(jpeg, options, warn, false);
        markers.readSoi();
        ScanHeader scan = markers.readUntilScan();
        if (scan == null) {
            if (markers.frame == null && markers.sawTables() && !markers.eofSeen()) {
                // T.81 B.5: a valid stream that only carries tables, for later abbreviated images.
                throw new UnsupportedJpegException("abbreviated table-specification datastream (no image)",
                        markers.pos);
            }
            if (markers.frame == null) {
                throw new InvalidJpegException("no frame header (SOF) before the end of the image", markers.pos);
            }
            throw new InvalidJpegException("no scan (SOS) before the end of the image", markers.pos);
        }
        if (markers.frame.sof() == Markers.SOF2) {
            return new DecodeJob(null, new ProgressiveDecode(jpeg, warn, markers, scan));
        }
        ScanContext ctx = new ScanContext(jpeg, options, warn, markers, scan);
        if (options.strict()) {
            requireEnoughData(ctx);
        }
        return new DecodeJob(ctx, null);
    }

    /**
     * Strict mode: refuses, before anything is allocated, a first scan whose entropy-coded data
     * cannot be complete. Every block costs at least two bits (a DC code and an AC code, each at
     * least one bit long, T.81 F.1.2), so a scan of B blocks needs at least B / 4 bytes; with
     * fewer bytes left in the file the decode must run out of data, which strict mode refuses
     * anyway, only later and after allocating the whole image (a few bytes claiming 65500 x 65500
     * pixels).
     */
    private static void requireEnoughData(ScanContext ctx) throws InvalidJpegException {
        long left = ctx.data.length - (long) ctx.firstScan.dataOffset();
        long blocks = blocks(ctx);
        if (left < bytesNeeded(blocks)) {
            throw new InvalidJpegException("scan data of " + left + " bytes is too short for a " + ctx.frame.width()
                    + "x" + ctx.frame.height() + " image: its " + blocks + " blocks need at least "
                    + bytesNeeded(blocks) + " bytes (strict mode)", ctx.firstScan.dataOffset());
        }
    }

    private static long blocks(ScanContext ctx) {
        return (long) ctx.grid.mcuCount() * ctx.firstDecoder.blocksPerMcu();
    }

    /** Every block costs at least two bits (a DC and an AC code of at least one bit each). */
    private static long bytesNeeded(long blocks) {
        return (blocks + 3) / 4;
    }

    /**
     * @return true if the file ends before the first scan's data could be complete (fewer bytes
     *     left than a quarter byte per block): decoding must run out of data, and a scheduler
     *     gains nothing by sharing the rows (most are a copied grey row; {@link SerialDecode})
     */
    public boolean scanDataTooShort() {
        if (progressive != null) {
            return false;
        }
        return ctx.data.length - (long) ctx.firstScan.dataOffset() < bytesNeeded(blocks(ctx));
    }

    /**
     * Reads the headers up to the first scan without decoding (any SOFn is described).
     *
     * @param jpeg a JPEG file, or at least its headers
     * @param options decoder settings
     * @return what the headers say
     * @throws InvalidJpegException if no valid frame header is found
     */
    public static JpegInfo readInfo(byte[] jpeg, DecoderOptions options) throws JpegException {
        MarkerReader markers = new MarkerReader(jpeg, options, new Warnings(options), true);
        markers.readSoi();
        markers.readUntilScan();
        if (markers.frame == null) {
            throw new InvalidJpegException("no frame header (SOF) found", markers.pos);
        }
        return makeInfo(markers.frame, markers);
    }

    static JpegInfo makeInfo(FrameHeader frame, MarkerReader markers) {
        List<JpegInfo.Component> comps = new ArrayList<>();
        for (FrameHeader.Component c : frame.components()) {
            comps.add(new JpegInfo.Component(c.id(), c.h(), c.v(), c.tq()));
        }
        return new JpegInfo(frame.width(), frame.height(), frame.precision(), frame.sof(), comps,
                markers.restartInterval, markers.jfif, markers.adobeTransform);
    }

    /** @return what the headers say */
    public JpegInfo info() {
        return progressive != null ? progressive.info() : ctx.info;
    }

    /**
     * @return the decode of a progressive file (SOF2), whose phases a scheduler runs in order;
     *     null for a sequential file, which the other strategies decode
     */
    public ProgressiveDecode progressive() {
        return progressive;
    }

    /** @return the MCU grid of the first scan: rows, restart intervals, conversion lag */
    public McuGrid grid() {
        requireSequential("MCU-grid");
        return ctx.grid;
    }

    /** @return restart interval in MCUs in force for the first scan (0 = one segment) */
    public int restartInterval() {
        return info().restartInterval();
    }

    /** @return offset of the first entropy-coded byte of the first scan */
    public int scanDataOffset() {
        requireSequential("segment");
        return ctx.firstScan.dataOffset();
    }

    /**
     * @return true if the first scan holds every component, so that {@link #bands} and
     *     {@link #staged} apply; false: {@link #scans} or {@link #decodeAll()}
     */
    public boolean singleScan() {
        return progressive == null && ctx.singleScan();
    }

    /**
     * Finds the entropy-coded segments of the first scan: one pass over its bytes, skipping
     * {@code FF 00} stuffing and {@code FF} fill, stopping at the first marker that is not RSTn.
     *
     * @return {@code bounds} with segment i in {@code jpeg[bounds[2i], bounds[2i+1])}, for
     *     {@link #bands}; or null when the markers are not clean (not RST0, RST1, ... in order,
     *     or not exactly one per interval boundary): decode such files serially, which
     *     resynchronises as libjpeg does
     */
    public int[] segmentBounds() {
        return SegmentScanner.find(ctx.data, scanDataOffset(), ctx.grid.segments());
    }

    /** @return a new, zero-filled output image of the file's size and pixel format */
    public PixelImage newOutput() {
        if (progressive != null) {
            return progressive.newOutput();
        }
        return PixelImage.allocate(ctx.frame.width(), ctx.frame.height(), ctx.converter.format());
    }

    /**
     * Decodes the whole file serially: every scan, with libjpeg's restart resynchronisation.
     *
     * @return the image
     */
    public PixelImage decodeAll() throws JpegException {
        if (progressive != null) {
            return progressive.decodeAll();
        }
        PixelImage out = newOutput();
        if (ctx.singleScan()) {
            SerialDecode.decode(ctx, out);
        } else {
            MultiScanDecode scans = scans();
            scans.decodeScans();
            scans.convertRows(0, out.height(), out);
        }
        return out;
    }

    /**
     * @param bounds {@link #segmentBounds()}
     * @param out the output every band writes to
     * @return the band decode of the first scan
     * @throws IllegalStateException if the file has several scans
     */
    public BandDecode bands(int[] bounds, PixelImage out) {
        requireSingleScan("band");
        return new BandDecode(ctx, bounds, out);
    }

    /**
     * @param out the output
     * @return the staged decode of the first scan
     * @throws IllegalStateException if the file has several scans
     */
    public StagedDecode staged(PixelImage out) {
        requireSingleScan("staged");
        return new StagedDecode(ctx, out);
    }

    /** @return the most bytes a {@link #speculative} decode's stored coefficients may take */
    public long speculativeBytes() {
        requireSequential("speculative");
        return SpeculativeDecode.worstCaseBytes(blocks(ctx));
    }

    /** @return bytes of the file */
    public int fileLength() {
        requireSequential("file");
        return ctx.data.length;
    }

    /** @return bytes of the decoded image of a sequential file */
    public long outputBytes() {
        requireSequential("output");
        return (long) ctx.frame.width() * ctx.frame.height() * ctx.converter.format().channels();
    }

    /**
     * @param out the output the reconstruction writes to; null to give it later
     *     ({@link SpeculativeDecode#output})
     * @return the speculative decode of the first scan (no restart markers needed)
     * @throws IllegalStateException if the file has several scans
     */
    public SpeculativeDecode speculative(PixelImage out) {
        requireSingleScan("speculative");
        return new SpeculativeDecode(ctx, out);
    }

    /** @return the decode of every scan into whole planes, for files with several scans (or any file) */
    public MultiScanDecode scans() {
        requireSequential("multi-scan");
        return new MultiScanDecode(ctx);
    }

    /** @return the shared context of a sequential file (tests) */
    ScanContext context() {
        requireSequential("context");
        return ctx;
    }

    private void requireSequential(String strategy) {
        if (progressive != null) {
            throw new IllegalStateException(strategy + " decoding needs a sequential file; see progressive()");
        }
    }

    private void requireSingleScan(String strategy) {
        if (!singleScan()) {
            throw new IllegalStateException(strategy + " decoding needs a single-scan file");
        }
    }
}
