package org.jpegmt.core.internal;

import org.jpegmt.core.JpegDecoder;
import org.jpegmt.core.DecoderOptions;
import org.jpegmt.core.PixelImage;
import org.jpegmt.core.PixelFormat;
import org.jpegmt.core.JpegInfo;
import org.jpegmt.core.JpegException;
import org.jpegmt.core.InvalidJpegException;
import org.jpegmt.core.UnsupportedJpegException;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Low-level decoding API for parallel schedulers (jpeg-mt); most callers want
 * {@link JpegDecoder#decode(byte[])}.
 *
 * <p>{@link #open} reads the headers up to the first scan and checks the limits. An
 * entropy-coded segment (the data of one restart interval, T.81 B.1.1.5 / F.2.1.3.1) is
 * self-contained, so segments of the first scan may be decoded on different threads.
 * {@link #segmentBounds()} finds them. Two ways to use that:
 *
 * <ul>
 *   <li><b>Bands</b> (what jpeg-mt does): cut the segments into bands that start on MCU rows
 *       ({@link #startsMcuRow}) and cover at least two MCU rows each; {@link #decodeBand} decodes
 *       a band and converts its rows into the output right behind the decoding, in a ring of
 *       three MCU rows, exactly as the serial path does; once the bands on both sides of a
 *       boundary are done, {@link #convertBandEdge} converts the two MCU rows around it. Memory:
 *       the output plus a few MCU rows per band.
 *   <li><b>Segments and rows</b>: {@link #decodeSegment} writes the blocks of one segment's MCUs
 *       into whole per-component sample planes (one byte per sample, padded to whole MCUs,
 *       allocated on first use); {@link #convertRows} then upsamples and colour-converts output
 *       rows from the planes, safely in parallel for disjoint rows. Any segment order works.
 * </ul>
 *
 * <p>Which plane rows an output band needs: output rows {@code [y0, y1)} read the MCU rows that
 * cover them, plus, for components with vertical fancy upsampling (1x2 and 2x2 ratios), one
 * sample row above and below, i.e. the last row of the MCU row above and the first row of the
 * MCU row below. So convert the output rows of MCU rows {@code [r0, r1)} once MCU rows
 * {@code r0 - 1 .. r1} (clamped to the image) are decoded; {@link #mcuRowHeight()} gives the
 * output rows per MCU row.
 *
 * <p>{@link #decodeAll()} is the serial path built from the same segment decoding and row
 * conversion (single-scan files keep only a ring of three MCU rows per plane, converted right
 * behind the entropy decoding). It also handles what segment decoding does not: misnumbered or
 * missing restart markers (libjpeg's resynchronisation) and files with several scans. A
 * scheduler should fall back to it when {@link #segmentBounds()} is null or {@link #singleScan()}
 * is false; for a single-scan file, {@link #decodeAllStaged} does the same serial entropy
 * decoding but leaves each MCU row's inverse DCT and conversion to the scheduler, so that other
 * threads can share them. Use a job for one decode: one of the {@code decodeAll} methods once,
 * or the segment or band operations.
 */
public final class DecodeJob {
    /**
     * Most scans decoded in one file. A sequential file codes each component in exactly one
     * scan (at most 4); every further scan would decode the whole image again, so a hostile
     * file of many empty scans could take time out of all proportion to its size.
     */
    static final int MAX_SCANS = 16;

    private final byte[] data;
    private final DecoderOptions options;
    private final Warnings warn;
    private final MarkerReader markers;
    private final FrameHeader frame;
    private final ScanHeader firstScan;
    private final ScanDecoder firstDecoder;
    private final int firstRestartInterval;
    private final JpegInfo info;
    private final boolean[] inFirstScan;
    private final int[][] latchedQuant;
    private final RowConverter rows;
    private final RestartResync resync;
    /** Whole planes, allocated on first use (segment decoding, several scans). */
    private volatile Planes whole;
    /** The output image, allocated on first use. */
    private volatile PixelImage output;
    /** Coefficient rows of the staged decode; set before any row is announced. */
    private volatile ScanDecoder.CoefficientRow[] coefficientSlots;
    /** Block rows of each component in one MCU row of the first scan. */
    private final int[] blockRowsPerMcuRow;
    /** Per MCU row r: the MCU rows r - 2 .. r + 1 kept around a band boundary at r ({@link #decodeBand}). */
    private final AtomicReferenceArray<Planes> edges;

    private DecodeJob(byte[] data, DecoderOptions options) throws JpegException {
        this.data = data;
        this.options = options;
        this.warn = new Warnings(options);
        this.markers = new MarkerReader(data, options, warn, false);
        markers.readSoi();
        ScanHeader scan = markers.readUntilScan();
        if (scan == null) {
            if (markers.frame == null && markers.sawTables() && !markers.eofSeen) {
                // T.81 B.5: a valid stream that only carries tables, for later abbreviated images.
                throw new UnsupportedJpegException("abbreviated table-specification datastream (no image)",
                        markers.pos);
            }
            if (markers.frame == null) {
                throw new InvalidJpegException("no frame header (SOF) before the end of the image", markers.pos);
            }
            throw new InvalidJpegException("no scan (SOS) before the end of the image", markers.pos);
        }
        this.frame = markers.frame;
        this.firstScan = scan;
        this.firstRestartInterval = markers.restartInterval;
        this.info = makeInfo(frame, markers);
        int nc = frame.count();
        this.rows = new RowConverter(frame, markers, warn);
        this.resync = new RestartResync(data, markers, warn);

        inFirstScan = new boolean[nc];
        for (int c : scan.components()) {
            inFirstScan[c] = true;
        }
        latchedQuant = new int[nc][];
        firstDecoder = ScanDecoder.forScan(frame, scan, markers, latchedQuant, warn);
        blockRowsPerMcuRow = new int[nc];
        for (int c = 0; c < nc; c++) {
            blockRowsPerMcuRow[c] = firstDecoder.blockRowsPerMcuRow(c);
        }
        edges = new AtomicReferenceArray<>(mcuRows() + 1);
    }

    /** @return the whole planes, allocated (thread-safely) on the first call */
    private Planes wholePlanes() {
        Planes p = whole;
        if (p == null) {
            synchronized (this) {
                p = whole;
                if (p == null) {
                    p = Planes.whole(frame);
                    for (int c = 0; c < frame.count(); c++) {
                        if (!inFirstScan[c]) {
                            // A component whose scan never comes decodes as all-zero coefficients.
                            Arrays.fill(p.data[c], (byte) 128);
                        }
                    }
                    whole = p;
                }
            }
        }
        return p;
    }

    /**
     * Reads the headers up to the first scan and checks the limits. The planes (one byte per
     * sample and component) are allocated when first needed.
     *
     * @param jpeg the whole file (not copied; must not change while the job is used)
     * @param options decoder settings
     * @return a job ready for {@link #decodeSegment} or {@link #decodeAll}
     * @throws JpegException for invalid or unsupported headers
     */
    public static DecodeJob open(byte[] jpeg, DecoderOptions options) throws JpegException {
        return new DecodeJob(jpeg, options);
    }

    /** @return what the headers say */
    public JpegInfo info() {
        return info;
    }

    /** @return number of MCUs in the first scan */
    public int mcuCount() {
        return firstDecoder.mcuCount;
    }

    /** @return MCUs per MCU row in the first scan */
    public int mcusPerRow() {
        return firstDecoder.mcusPerRow;
    }

    /** @return output rows covered by one MCU row of the first scan */
    public int mcuRowHeight() {
        if (firstScan.count() > 1) {
            return 8 * frame.vmax();
        }
        return 8 * rows.rv(firstScan.components()[0]);
    }

    /** @return restart interval in MCUs in force for the first scan (0 = one segment) */
    public int restartInterval() {
        return firstRestartInterval;
    }

    /** @return offset of the first entropy-coded byte of the first scan */
    public int scanDataOffset() {
        return firstScan.dataOffset();
    }

    /** @return true if the first scan holds every component, so its segments cover the image */
    public boolean singleScan() {
        // Not just a count: a damaged scan may name one component twice and miss another.
        for (boolean in : inFirstScan) {
            if (!in) {
                return false;
            }
        }
        return true;
    }

    /**
     * Finds the entropy-coded segments of the first scan: one pass over its bytes, skipping
     * {@code FF 00} stuffing and {@code FF} fill, stopping at the first marker that is not RSTn.
     *
     * @return {@code bounds} with segment i in {@code jpeg[bounds[2i], bounds[2i+1])}, ready for
     *     {@link #decodeSegment}; or null when the markers are not clean (not RST0, RST1, ...
     *     in order, or not exactly one per interval boundary): decode such files with
     *     {@link #decodeAll()}, which resynchronises as libjpeg does
     */
    public int[] segmentBounds() {
        int ri = firstRestartInterval == 0 ? mcuCount() : firstRestartInterval;
        return SegmentScanner.find(data, scanDataOffset(), (mcuCount() + (long) ri - 1) / ri);
    }

    /** @return the output image's pixel format */
    public PixelFormat format() {
        return rows.format();
    }

    /**
     * The job's output image: allocated (zero-filled) on the first call, the same image on every
     * later call, so a scheduler may allocate it on one thread while another scans for segments,
     * and {@link #decodeAll} then decodes into it. Thread-safe.
     *
     * @return the output image of the right size and format
     */
    public PixelImage allocateOutput() {
        PixelImage o = output;
        if (o == null) {
            synchronized (this) {
                o = output;
                if (o == null) {
                    o = PixelImage.allocate(frame.width(), frame.height(), rows.format());
                    output = o;
                }
            }
        }
        return o;
    }

    /**
     * Decodes restart interval {@code index} of the first scan, MCUs
     * {@code index * Ri .. min((index + 1) * Ri, mcuCount) - 1}, from the entropy-coded bytes
     * {@code jpeg[start, end)} (end = the offset of the RSTn marker that closes it, or of the
     * marker after the scan). Damage is handled as libjpeg does inside one interval: if the data
     * runs out, the rest of the interval is mid-grey (with a warning). What the serial path
     * reports where the interval ends is reported here too: junk bytes left before the marker
     * ("extraneous bytes"), or the end of the file where a marker should be.
     */
    public void decodeSegment(int index, int start, int end) throws JpegException {
        int ri = firstRestartInterval == 0 ? mcuCount() : firstRestartInterval;
        long first = (long) index * ri;
        if (index < 0 || first >= mcuCount()) {
            throw new IllegalArgumentException("segment " + index + " is outside the scan");
        }
        if (start < 0 || start > end || end > data.length) {
            throw new IllegalArgumentException("bad segment bounds [" + start + ", " + end + ")");
        }
        int count = (int) Math.min(ri, mcuCount() - first);
        BitReader br = new BitReader(data);
        // Not limited to end: the reader stops at the marker there by itself, and reading
        // exactly as the serial path does gives the same warnings at the same offsets.
        br.reset(start, data.length);
        ScanDecoder.State st = new ScanDecoder.State();
        firstDecoder.decode(br, (int) first, count, st, wholePlanes());
        endSegment(br);
    }

    /** What the serial path reports where a segment ends: the end of the file, or junk before the marker. */
    private void endSegment(BitReader br) throws JpegException {
        if (br.ended && br.marker < 0) {
            warn.warn("Premature end of JPEG file", data.length);
        } else {
            // warns about junk before the marker, as the serial restart and end of scan do
            RestartResync.markerAfter(br, new MarkerReader(data, options, warn, false), warn); // own reader: thread-safe
        }
    }

    /**
     * @param segment index of a segment of the first scan
     * @return true if the segment starts an MCU row, so that a band may start there
     *     ({@link #decodeBand})
     */
    public boolean startsMcuRow(int segment) {
        return (long) segment * interval() % mcusPerRow() == 0;
    }

    /** @return MCU rows of the first scan */
    public int mcuRows() {
        return mcuCount() / mcusPerRow();
    }

    /** @return MCU row in which segment {@code segment} starts */
    public int mcuRowOf(int segment) {
        return (int) ((long) segment * interval() / mcusPerRow());
    }

    private int interval() {
        return firstRestartInterval == 0 ? mcuCount() : firstRestartInterval;
    }

    /**
     * Decodes segments {@code [from, to)} of the first scan as one band and converts its rows
     * into {@code out} right behind the decoding, in a ring of three MCU rows per plane, as the
     * serial path does: the band's memory stays small and its samples are converted while they
     * are in cache. Fancy upsampling needs one MCU row above and below, so the band's first MCU
     * row (unless it is the image's first) and last (unless it is the image's last) are not
     * converted here: the band keeps its two first and two last MCU rows aside, and once the
     * bands on both sides of a boundary are done, {@link #convertBandEdge} converts the two MCU
     * rows around it. Bands must start on an MCU row ({@link #startsMcuRow}) and end where the
     * next band starts or at the end of the scan, and cover at least two MCU rows unless one band
     * covers the whole scan. Different bands may be decoded at the same time on different threads.
     *
     * @param bounds {@link #segmentBounds()}
     * @param from first segment of the band
     * @param to end segment (exclusive)
     * @param out from {@link #allocateOutput()}, shared by all bands
     * @throws IllegalArgumentException if the band does not start and end on MCU rows or is too short
     */
    public void decodeBand(int[] bounds, int from, int to, PixelImage out) throws JpegException {
        int ri = interval();
        int perRow = mcusPerRow();
        int total = mcuCount();
        int segments = (int) ((total + (long) ri - 1) / ri);
        if (from < 0 || to > segments || from >= to || bounds.length != 2 * segments
                || !startsMcuRow(from) || (to < segments && !startsMcuRow(to))) {
            throw new IllegalArgumentException("band [" + from + ", " + to + ") is not a run of whole MCU rows of "
                    + segments + " segments");
        }
        int r0 = mcuRowOf(from);
        int r1 = to == segments ? mcuRows() : mcuRowOf(to);
        int rowsTotal = mcuRows();
        if (r1 - r0 < 2 && !(r0 == 0 && r1 == rowsTotal)) {
            throw new IllegalArgumentException("band of MCU rows [" + r0 + ", " + r1 + ") is shorter than two rows");
        }
        Planes ring = Planes.ring(frame, blockRowsPerMcuRow, 3);
        Planes startEdge = r0 > 0 ? edgePlanes(r0) : null;
        Planes endEdge = r1 < rowsTotal ? edgePlanes(r1) : null;
        int rowHeight = mcuRowHeight();
        int height = frame.height();
        BitReader br = new BitReader(data);
        ScanDecoder.State st = new ScanDecoder.State();
        for (int s = from; s < to; s++) {
            if (bounds[2 * s] < 0 || bounds[2 * s] > data.length) {
                throw new IllegalArgumentException("bad segment start " + bounds[2 * s]);
            }
            // Not limited to the segment's end: see decodeSegment.
            br.reset(bounds[2 * s], data.length);
            st.restart();
            int mcu = (int) ((long) s * ri);
            int end = (int) Math.min(total, (long) mcu + ri);
            while (mcu < end) {
                int rowEnd = (mcu / perRow + 1) * perRow;
                int next = Math.min(end, rowEnd);
                firstDecoder.decode(br, mcu, next - mcu, st, ring);
                mcu = next;
                if (mcu != rowEnd) {
                    continue;
                }
                int r = mcu / perRow - 1; // MCU row r is complete
                if (startEdge != null && r == r0 + 1) {
                    Planes.copyMcuRows(ring, startEdge, r0, r0 + 2, blockRowsPerMcuRow);
                }
                if (endEdge != null && r == r1 - 1) {
                    Planes.copyMcuRows(ring, endEdge, r1 - 2, r1, blockRowsPerMcuRow);
                }
                // MCU row r - 1 has its neighbours now, unless it is the band's first row and
                // its upper neighbour belongs to the band before.
                int c = r - 1;
                if (c >= r0 && (c > r0 || r0 == 0)) {
                    rows.convert(ring, c * rowHeight, Math.min(height, (c + 1) * rowHeight), out);
                }
                if (r == rowsTotal - 1 && (r > r0 || r0 == 0)) {
                    rows.convert(ring, r * rowHeight, height, out); // the image's last row: no row below
                }
            }
            endSegment(br);
        }
    }

    /**
     * Converts the output rows of the two MCU rows either side of the boundary where segment
     * {@code segment} starts a band, from the rows the bands on both sides kept aside. Call it
     * once for each boundary, after both bands' {@link #decodeBand} returned.
     *
     * @param segment the first segment of a band other than the first
     * @param out the image the bands write to
     * @throws IllegalStateException if the bands around the boundary were not decoded
     */
    public void convertBandEdge(int segment, PixelImage out) {
        int r = mcuRowOf(segment);
        Planes edge = edges.getAndSet(r, null);
        if (edge == null || r == 0) {
            throw new IllegalStateException("no band boundary at segment " + segment);
        }
        int rowHeight = mcuRowHeight();
        rows.convert(edge, (r - 1) * rowHeight, Math.min(frame.height(), (r + 1) * rowHeight), out);
    }

    /** @return the four MCU rows kept around the band boundary at MCU row r, made by whichever band comes first */
    private Planes edgePlanes(int r) {
        Planes p = edges.get(r);
        if (p == null) {
            Planes made = Planes.ring(frame, blockRowsPerMcuRow, 4);
            p = edges.compareAndExchange(r, null, made);
            if (p == null) {
                p = made;
            }
        }
        return p;
    }

    /**
     * Upsamples and colour-converts output rows {@code [y0, y1)} from the planes into
     * {@code out} (see the class comment for which MCU rows must be decoded first).
     */
    public void convertRows(int y0, int y1, PixelImage out) {
        rows.convert(wholePlanes(), y0, y1, out);
    }

    /** Receives output rows whose planes are decoded, in order, on the decoding thread. */
    @FunctionalInterface
    interface RowSink {
        void rowsReady(int y0, int y1, PixelImage out);
    }

    /**
     * Decodes the whole file serially: every scan, with libjpeg's restart resynchronisation.
     * Single-scan files are converted MCU row by MCU row right behind the entropy decoding, in a
     * ring of three MCU rows per plane.
     *
     * @return the image
     */
    public PixelImage decodeAll() throws JpegException {
        PixelImage out = allocateOutput();
        if (!singleScan()) {
            decodeScans();
            convertRows(0, frame.height(), out);
            return out;
        }
        Planes ring = Planes.ring(frame, blockRowsPerMcuRow, 3);
        decodeScan(firstDecoder, firstScan, firstRestartInterval, new BitReader(data), new ScanDecoder.State(), ring,
                out, (y0, y1, img) -> rows.convert(ring, y0, y1, img));
        return out;
    }

    /**
     * Decodes every scan serially into whole planes (libjpeg's restart resynchronisation, the
     * same warnings as {@link #decodeAll()}) and converts nothing: afterwards
     * {@link #convertRows} may run for any rows, on any threads (a scheduler's path for files with
     * several scans).
     */
    public void decodeScans() throws JpegException {
        Planes planes = wholePlanes();
        BitReader br = new BitReader(data);
        ScanDecoder.State st = new ScanDecoder.State();
        ScanHeader scan = firstScan;
        ScanDecoder sd = firstDecoder;
        int ri = firstRestartInterval;
        int scans = 1;
        for (;;) {
            markers.pos = decodeScan(sd, scan, ri, br, st, planes, null, null);
            if (markers.eofSeen) {
                break;
            }
            scan = markers.readUntilScan();
            if (scan == null) {
                break;
            }
            if (++scans > MAX_SCANS) {
                warn.warn("more than " + MAX_SCANS + " scans in a sequential file: the rest is ignored",
                        scan.dataOffset());
                break;
            }
            sd = ScanDecoder.forScan(frame, scan, markers, latchedQuant, warn);
            ri = markers.restartInterval;
        }
    }

    /** MCU rows of coefficients the staged decode keeps ({@link #decodeAllStaged}). */
    public static final int COEFFICIENT_SLOTS = 6;

    /**
     * Receives MCU rows whose coefficients are entropy-decoded, in order, on the decoding thread
     * ({@link #decodeAllStaged}).
     */
    @FunctionalInterface
    public interface CoefficientSink {
        /**
         * MCU row {@code mcuRow} is entropy-decoded; {@link #inverseTransformRow} may run for it
         * now, on any thread. Before returning, the sink must see to it that
         * {@code inverseTransformRow(mcuRow + 1 - COEFFICIENT_SLOTS)} has completed (when that
         * row exists), because the next row's coefficients go into that row's slot.
         *
         * @param mcuRow the row
         * @throws JpegException to stop the decode (for example when a transform failed)
         */
        void rowDecoded(int mcuRow) throws JpegException;
    }

    /**
     * The decode of a single-scan file in two stages, for a scheduler that overlaps them: this
     * thread only entropy-decodes (with libjpeg's restart resynchronisation and the same
     * warnings as {@link #decodeAll()}), MCU row by MCU row, into {@link #COEFFICIENT_SLOTS}
     * rows of coefficients, and hands each row to {@code sink}; the inverse DCT
     * ({@link #inverseTransformRow}, into whole planes) and the conversion ({@link #convertRows},
     * once MCU rows r - 1 .. r + 1 are transformed) may then run on other threads. The image is
     * complete once every row is transformed and converted.
     *
     * @param sink schedules the later stages
     * @return the output image ({@link #allocateOutput()})
     * @throws IllegalStateException if the file has several scans ({@link #singleScan()} false)
     */
    public PixelImage decodeAllStaged(CoefficientSink sink) throws JpegException {
        if (!singleScan()) {
            throw new IllegalStateException("staged decoding needs a single-scan file");
        }
        PixelImage out = allocateOutput();
        ScanDecoder.CoefficientRow[] slots = new ScanDecoder.CoefficientRow[COEFFICIENT_SLOTS];
        for (int i = 0; i < slots.length; i++) {
            slots[i] = firstDecoder.newCoefficientRow();
        }
        coefficientSlots = slots;
        wholePlanes();
        BitReader br = new BitReader(data);
        decodeScan(firstDecoder, firstScan, firstRestartInterval, br, new ScanDecoder.State(), null, null, null, sink);
        return out;
    }

    /**
     * The inverse DCT of MCU row {@code mcuRow} from its coefficient slot into the planes (staged
     * decode). Rows may be transformed on different threads at once.
     *
     * @param mcuRow a row that {@link CoefficientSink#rowDecoded} has announced and that was not
     *     transformed yet
     */
    public void inverseTransformRow(int mcuRow) {
        firstDecoder.inverseRow(mcuRow, coefficientSlots[mcuRow % COEFFICIENT_SLOTS], new ScanDecoder.State(),
                wholePlanes());
    }

    /**
     * One scan, serially. Segments are decoded with the same {@link ScanDecoder#decode} the
     * parallel path uses; the bit reader simply stops at each RSTn (markers are only looked at
     * in its slow refill path), so restart markers cost nothing on clean data.
     *
     * @return offset of the marker after the scan data (its FF byte), or the data length
     */
    private int decodeScan(ScanDecoder sd, ScanHeader scan, int ri, BitReader br, ScanDecoder.State st,
            Planes planes, PixelImage out, RowSink sink) throws JpegException {
        return decodeScan(sd, scan, ri, br, st, planes, out, sink, null);
    }

    /** As above; with {@code staged} set, MCU rows are only entropy-decoded, into the coefficient slots. */
    private int decodeScan(ScanDecoder sd, ScanHeader scan, int ri, BitReader br, ScanDecoder.State st,
            Planes planes, PixelImage out, RowSink sink, CoefficientSink staged) throws JpegException {
        int total = sd.mcuCount;
        int perRow = sd.mcusPerRow;
        int interval = ri == 0 ? total : ri;
        int rowHeight = out != null ? mcuRowHeight() : 0;
        int converted = 0;
        br.reset(scan.dataOffset(), data.length);
        st.restart();
        int expected = 0;
        int mcu = 0;
        while (mcu < total) {
            int segEnd = (int) Math.min(total, (long) mcu + interval);
            while (mcu < segEnd) {
                int rowEnd = (mcu / perRow + 1) * perRow;
                int next = Math.min(segEnd, rowEnd);
                if (staged != null) {
                    sd.decodeCoefficients(br, mcu, next - mcu, st, coefficientSlots[(mcu / perRow) % COEFFICIENT_SLOTS]);
                    mcu = next;
                    if (mcu == rowEnd) {
                        staged.rowDecoded(mcu / perRow - 1);
                    }
                    continue;
                }
                sd.decode(br, mcu, next - mcu, st, planes);
                mcu = next;
                if (out != null && mcu == rowEnd) {
                    // MCU row r is complete: the output rows of row r - 1 now have all they need.
                    int y1 = Math.min(frame.height(), (mcu / perRow - 1) * rowHeight);
                    if (y1 > converted) {
                        sink.rowsReady(converted, y1, out);
                        converted = y1;
                    }
                }
            }
            if (mcu < total) {
                int next = resync.restart(br, expected, st);
                expected = (expected + 1) & 7;
                br.reset(next, data.length);
            }
        }
        if (out != null && converted < frame.height()) {
            sink.rowsReady(converted, frame.height(), out);
        }
        return resync.endOfScan(br);
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
}
