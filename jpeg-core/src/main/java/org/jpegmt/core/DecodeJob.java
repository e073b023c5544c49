package org.jpegmt.core;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Low-level decoding API for parallel schedulers (jpeg-mt); most callers want
 * {@link JpegDecoder#decode(byte[])}.
 *
 * <p>{@link #open} reads the headers up to the first scan and allocates one sample plane per
 * component (padded to whole MCUs). An entropy-coded segment (the data of one restart interval,
 * T.81 B.1.1.5 / F.2.1.3.1) is self-contained, so {@link #decodeSegment} may run for different
 * segments of the first scan on different threads: each call has its own scratch state and
 * writes only the planes' blocks of its own MCUs. {@link #convertRows} then upsamples and
 * colour-converts output rows from the planes, again safely in parallel for disjoint rows.
 *
 * <p>Which plane rows an output band needs: output rows {@code [y0, y1)} read the MCU rows that
 * cover them, plus, for components with vertical fancy upsampling (1x2 and 2x2 ratios), one
 * sample row above and below, i.e. the last row of the MCU row above and the first row of the
 * MCU row below. So convert the output rows of MCU rows {@code [r0, r1)} once MCU rows
 * {@code r0 - 1 .. r1} (clamped to the image) are decoded; {@link #mcuRowHeight()} gives the
 * output rows per MCU row.
 *
 * <p>{@link #decodeAll()} is the serial path built from the same two operations; it also
 * handles what segment decoding does not: misnumbered or missing restart markers (libjpeg's
 * resynchronisation), and files with several scans. A scheduler should fall back to it when the
 * markers of the first scan are not clean or {@link #singleScan()} is false.
 */
public final class DecodeJob {
    private static final int GRAY = 0;
    private static final int YCC = 1;
    private static final int RGB = 2;
    private static final int CMYK = 3;
    private static final int YCCK = 4;
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
    private final byte[][] planes;
    private final int[][] latchedQuant;
    private final int colorMode;
    private final PixelFormat format;
    private final int[] method;
    private final int[] rv;
    private final int[] dw;
    private final int[] dh;
    private final int[] planeWidth;
    private final int upsampledWidth;

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
        this.colorMode = colorMode(nc);
        this.format = nc == 1 ? PixelFormat.GRAY : nc == 3 ? PixelFormat.RGB : PixelFormat.CMYK;

        int hmax = frame.hmax();
        int vmax = frame.vmax();
        method = new int[nc];
        rv = new int[nc];
        dw = new int[nc];
        dh = new int[nc];
        planeWidth = new int[nc];
        int upw = 0;
        for (int c = 0; c < nc; c++) {
            FrameHeader.Component fc = frame.components()[c];
            int rh = hmax / fc.h();
            rv[c] = vmax / fc.v();
            dw[c] = frame.dw(c);
            dh[c] = frame.dh(c);
            planeWidth[c] = frame.planeWidth(c);
            method[c] = Upsampler.method(rh, rv[c], dw[c]);
            upw = Math.max(upw, dw[c] * rh);
        }
        upsampledWidth = upw;

        // Sizes were checked against maxPixels in the frame header, so these fit in an int.
        planes = new byte[nc][];
        boolean[] inFirst = new boolean[nc];
        for (int c : scan.components()) {
            inFirst[c] = true;
        }
        for (int c = 0; c < nc; c++) {
            planes[c] = new byte[planeWidth[c] * frame.planeHeight(c)];
            if (!inFirst[c]) {
                // A component whose scan never comes decodes as all-zero coefficients.
                Arrays.fill(planes[c], (byte) 128);
            }
        }
        latchedQuant = new int[nc][];
        firstDecoder = scanDecoder(scan);
    }

    /**
     * Reads the headers up to the first scan, checks the limits and allocates the planes.
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
        return 8 * rv[firstScan.components()[0]];
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
        return firstScan.count() == frame.count();
    }

    /** @return the output image's pixel format */
    public PixelFormat format() {
        return format;
    }

    /** @return a zero-filled output image of the right size and format */
    public PixelImage allocateOutput() {
        return PixelImage.allocate(frame.width(), frame.height(), format);
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
        int count = (int) Math.min(ri, mcuCount() - first);
        BitReader br = new BitReader(data);
        // Not limited to end: the reader stops at the marker there by itself, and reading
        // exactly as the serial path does gives the same warnings at the same offsets.
        br.reset(start, data.length);
        ScanDecoder.State st = new ScanDecoder.State();
        firstDecoder.decode(br, (int) first, count, st);
        if (br.ended && br.marker < 0) {
            warn.warn("Premature end of JPEG file", data.length);
        } else {
            // warns about junk before the marker, as restart() and endOfScan() do
            markerAfter(br, new MarkerReader(data, options, warn, false)); // own position: thread-safe
        }
    }

    /**
     * Finds the marker that ends a segment's data as libjpeg's process_restart and next_marker
     * do: whole bytes of data left unused in the bit buffer, and bytes skipped before the
     * marker, are junk (warning "extraneous bytes before marker").
     *
     * @param br the reader, after the segment's last MCU; must not have run into the data's end
     * @param m the marker reader to scan with; its {@code pos} ends up after the marker
     * @return the marker code
     */
    private int markerAfter(BitReader br, MarkerReader m) throws JpegException {
        int unused = br.unusedBytes();
        if (br.ended) {
            if (unused > 0) {
                warn.warn(Warnings.extraneous(unused, br.marker), br.position() - unused);
            }
            m.pos = br.markerPos + 1;
            return br.marker;
        }
        m.pos = br.position();
        return m.nextMarker(unused, br.position() - unused);
    }

    /**
     * Upsamples and colour-converts output rows {@code [y0, y1)} from the planes into
     * {@code out} (see the class comment for which MCU rows must be decoded first).
     */
    public void convertRows(int y0, int y1, PixelImage out) {
        int nc = frame.count();
        int w = frame.width();
        byte[][] scratch = new byte[nc][];
        byte[][] src = new byte[nc][];
        int[] off = new int[nc];
        for (int c = 0; c < nc; c++) {
            if (method[c] != Upsampler.NONE) {
                scratch[c] = new byte[upsampledWidth];
            }
        }
        byte[] dst = out.data();
        int stride = w * format.channels();
        int[] cs = new int[upsampledWidth + 2];
        if (colorMode == YCC && method[0] == Upsampler.NONE && method[1] == Upsampler.H2V2
                && method[2] == Upsampler.H2V2 && dw[1] == dw[2]) {
            convertRows420(y0, y1, dst, stride, cs);
            return;
        }
        for (int y = y0; y < y1; y++) {
            for (int c = 0; c < nc; c++) {
                rowSource(c, y, scratch[c], cs, src, off);
            }
            int o = y * stride;
            switch (colorMode) {
                case GRAY -> System.arraycopy(src[0], off[0], dst, o, w);
                case YCC -> ColorConverter.yccToRgb(src[0], off[0], src[1], off[1], src[2], off[2], w, dst, o);
                case RGB -> ColorConverter.interleave3(src[0], off[0], src[1], off[1], src[2], off[2], w, dst, o);
                case CMYK -> ColorConverter.interleave4(src, off, w, dst, o);
                default -> ColorConverter.ycckToCmyk(src, off, w, dst, o);
            }
        }
    }

    /** The 4:2:0 YCbCr fast path: fancy h2v2 fused with the colour conversion. */
    private void convertRows420(int y0, int y1, byte[] dst, int stride, int[] csb) {
        int[] csr = new int[csb.length];
        int w = frame.width();
        int cw = dw[1];
        int pw = planeWidth[1];
        for (int y = y0; y < y1; y++) {
            int j = y >> 1;
            int far = (y & 1) == 0 ? Math.max(j - 1, 0) : Math.min(j + 1, dh[1] - 1);
            Upsampler.columnSums(planes[1], j * pw, far * pw, cw, csb);
            Upsampler.columnSums(planes[2], j * pw, far * pw, cw, csr);
            ColorConverter.yccToRgbH2v2(planes[0], y * planeWidth[0], csb, csr, w, dst, y * stride);
        }
    }

    /** Points src[c]/off[c] at the (upsampled) samples of component c for output row y. */
    private void rowSource(int c, int y, byte[] tmp, int[] cs, byte[][] src, int[] off) {
        byte[] plane = planes[c];
        int pw = planeWidth[c];
        switch (method[c]) {
            case Upsampler.NONE -> {
                src[c] = plane;
                off[c] = y * pw;
                return;
            }
            case Upsampler.H2V1 -> Upsampler.h2v1(plane, y * pw, dw[c], tmp);
            case Upsampler.H1V2, Upsampler.H2V2 -> {
                int j = y >> 1;
                boolean upper = (y & 1) == 0;
                int far = upper ? Math.max(j - 1, 0) : Math.min(j + 1, dh[c] - 1);
                if (method[c] == Upsampler.H1V2) {
                    Upsampler.h1v2(plane, j * pw, far * pw, upper ? 1 : 2, dw[c], tmp);
                } else {
                    Upsampler.h2v2(plane, j * pw, far * pw, dw[c], cs, tmp);
                }
            }
            default -> Upsampler.box(plane, (y / rv[c]) * pw, dw[c], upsampledRatio(c), tmp);
        }
        src[c] = tmp;
        off[c] = 0;
    }

    private int upsampledRatio(int c) {
        return frame.hmax() / frame.components()[c].h();
    }

    /**
     * Receives bands of output rows whose planes are fully decoded, in order, on the decoding
     * thread. The sink must see to it that {@link #convertRows} runs for each band (now or on
     * another thread) before the image is used.
     */
    @FunctionalInterface
    public interface RowSink {
        /**
         * @param y0 first output row of the band
         * @param y1 end of the band (exclusive)
         * @param out the image the rows go to
         */
        void rowsReady(int y0, int y1, PixelImage out);
    }

    /**
     * Decodes the whole file serially: every scan, with libjpeg's restart resynchronisation.
     * Single-scan files are converted MCU row by MCU row right behind the entropy decoding.
     *
     * @return the image
     */
    public PixelImage decodeAll() throws JpegException {
        return decodeAll(this::convertRows);
    }

    /**
     * As {@link #decodeAll()}, but each band of output rows whose planes are ready goes to
     * {@code sink} instead of being converted here, so that a scheduler can overlap the serial
     * entropy decoding with upsampling and colour conversion on other threads. For single-scan
     * files the bands are the MCU rows, handed over one MCU row behind the decoding; for files
     * with several scans there is one band, at the end.
     *
     * @param sink converts (or arranges the conversion of) each band
     * @return the image; complete once the sink has converted every band
     */
    public PixelImage decodeAll(RowSink sink) throws JpegException {
        PixelImage out = allocateOutput();
        BitReader br = new BitReader(data);
        ScanDecoder.State st = new ScanDecoder.State();
        if (singleScan()) {
            decodeScan(firstDecoder, firstScan, firstRestartInterval, br, st, out, sink);
            return out;
        }
        ScanHeader scan = firstScan;
        ScanDecoder sd = firstDecoder;
        int ri = firstRestartInterval;
        int scans = 1;
        for (;;) {
            markers.pos = decodeScan(sd, scan, ri, br, st, null, null);
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
            sd = scanDecoder(scan);
            ri = markers.restartInterval;
        }
        sink.rowsReady(0, frame.height(), out);
        return out;
    }

    /**
     * One scan, serially. Segments are decoded with the same {@link ScanDecoder#decode} the
     * parallel path uses; the bit reader simply stops at each RSTn (markers are only looked at
     * in its slow refill path), so restart markers cost nothing on clean data.
     *
     * @return offset of the marker after the scan data (its FF byte), or the data length
     */
    private int decodeScan(ScanDecoder sd, ScanHeader scan, int ri, BitReader br, ScanDecoder.State st,
            PixelImage out, RowSink sink) throws JpegException {
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
                sd.decode(br, mcu, next - mcu, st);
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
                int next = restart(br, expected, st);
                expected = (expected + 1) & 7;
                br.reset(next, data.length);
            }
        }
        if (out != null && converted < frame.height()) {
            sink.rowsReady(converted, frame.height(), out);
        }
        return endOfScan(br);
    }

    /**
     * T.81 F.2.1.3.1 / libjpeg jdhuff.c process_restart + jdmarker.c resync: finds the marker
     * that should be RSTm and decides what to do when it is not.
     *
     * @return where the next segment's data starts (at a pending marker: the segment is empty)
     */
    private int restart(BitReader br, int m, ScanDecoder.State st) throws JpegException {
        int marker;
        int after;
        if (br.ended && br.marker < 0) {
            marker = eof();
            after = data.length;
        } else {
            marker = markerAfter(br, markers);
            after = markers.pos;
        }
        boolean pending = false;
        int rstm = MarkerReader.RST0 + m;
        if (marker != rstm) {
            warn.warn("Corrupt JPEG data: found marker " + Warnings.hex(marker) + " instead of RST" + m, after - 1);
            for (;;) {
                int action;
                if (marker < 0xC0) {
                    action = 2;
                } else if (marker < MarkerReader.RST0 || marker > MarkerReader.RST0 + 7) {
                    action = 3;
                } else if (marker == MarkerReader.RST0 + ((m + 1) & 7) || marker == MarkerReader.RST0 + ((m + 2) & 7)) {
                    action = 3;
                } else if (marker == MarkerReader.RST0 + ((m - 1) & 7) || marker == MarkerReader.RST0 + ((m - 2) & 7)) {
                    action = 2;
                } else {
                    action = 1;
                }
                if (action == 1) {
                    break;
                }
                if (action == 3) {
                    pending = true;
                    break;
                }
                if (after >= data.length) {
                    marker = eof();
                    after = data.length;
                    continue;
                }
                markers.pos = after;
                marker = markers.nextMarker();
                after = markers.pos;
            }
        }
        boolean wasOut = st.outOfData;
        st.restart();
        if (pending) {
            st.outOfData = wasOut;
            // Start the next segment at the marker itself: it ends that segment at once.
            return after >= data.length ? data.length : after - 2;
        }
        return after;
    }

    /** The end of the data where a marker was expected: libjpeg warns and inserts EOI. */
    private int eof() throws InvalidJpegException {
        if (!markers.eofSeen) {
            markers.eofSeen = true;
            warn.warn("Premature end of JPEG file", data.length);
        }
        return MarkerReader.EOI;
    }

    /** @return offset of the marker after a scan's data (at its FF), or the data length */
    private int endOfScan(BitReader br) throws JpegException {
        if (br.ended && br.marker < 0) {
            eof();
            return data.length;
        }
        int m = markerAfter(br, markers);
        if (br.ended) {
            return br.markerPos - 1;
        }
        return m == MarkerReader.EOI && markers.eofSeen ? data.length : markers.pos - 2;
    }

    /** Builds the decoder of a scan: latches quantisation tables, resolves Huffman tables. */
    private ScanDecoder scanDecoder(ScanHeader scan) throws JpegException {
        long at = scan.dataOffset();
        if (scan.ss() != 0 || scan.se() != 63 || scan.ah() != 0 || scan.al() != 0) {
            warn.warn("Invalid SOS parameters for sequential JPEG", at);
        }
        int ns = scan.count();
        if (ns > 1) {
            int blocks = 0;
            for (int c : scan.components()) {
                blocks += frame.components()[c].h() * frame.components()[c].v();
            }
            if (blocks > 10) {
                throw new InvalidJpegException("MCU of " + blocks + " blocks, at most 10 allowed", at);
            }
        }
        // Motion-JPEG: missing DHT slots 0 and 1 get the Annex K tables (libjpeg jstdhuff.c).
        if (markers.dcSpecs[0] == null) {
            markers.dcSpecs[0] = StandardTables.DC_LUMINANCE;
        }
        if (markers.dcSpecs[1] == null) {
            markers.dcSpecs[1] = StandardTables.DC_CHROMINANCE;
        }
        if (markers.acSpecs[0] == null) {
            markers.acSpecs[0] = StandardTables.AC_LUMINANCE;
        }
        if (markers.acSpecs[1] == null) {
            markers.acSpecs[1] = StandardTables.AC_CHROMINANCE;
        }
        HuffmanTable[] dc = new HuffmanTable[ns];
        HuffmanTable[] ac = new HuffmanTable[ns];
        int[][] q = new int[ns][];
        for (int i = 0; i < ns; i++) {
            int c = scan.components()[i];
            dc[i] = table(markers.dcSpecs, scan.dcTables()[i], true, at);
            ac[i] = table(markers.acSpecs, scan.acTables()[i], false, at);
            if (latchedQuant[c] == null) {
                int tq = frame.components()[c].tq();
                if (tq > 3 || markers.quant[tq] == null) {
                    throw new InvalidJpegException("quantization table " + tq + " was not defined", at);
                }
                latchedQuant[c] = markers.quant[tq].clone();
            }
            q[i] = latchedQuant[c];
        }
        return new ScanDecoder(frame, scan.components(), dc, ac, q, planes, warn);
    }

    private static HuffmanTable table(HuffmanSpec[] specs, int slot, boolean isDc, long at)
            throws InvalidJpegException {
        if (slot > 3 || specs[slot] == null) {
            throw new InvalidJpegException("Huffman table " + (isDc ? "DC" : "AC") + slot + " was not defined", at);
        }
        return HuffmanTable.build(specs[slot], isDc, at);
    }

    /** libjpeg jdapimin.c default_decompress_parms: which colour space the file is in. */
    private int colorMode(int nc) throws InvalidJpegException {
        if (nc == 1) {
            return GRAY;
        }
        if (nc == 3) {
            if (markers.jfif) {
                return YCC;
            }
            if (markers.adobeTransform >= 0) {
                if (markers.adobeTransform == 0) {
                    return RGB;
                }
                if (markers.adobeTransform != 1) {
                    warn.warn("Unknown Adobe color transform code " + markers.adobeTransform, -1);
                }
                return YCC;
            }
            FrameHeader.Component[] c = frame.components();
            if (c[0].id() == 'R' && c[1].id() == 'G' && c[2].id() == 'B') {
                return RGB;
            }
            return YCC;
        }
        if (markers.adobeTransform < 0 || markers.adobeTransform == 0) {
            return CMYK;
        }
        if (markers.adobeTransform != 2) {
            warn.warn("Unknown Adobe color transform code " + markers.adobeTransform, -1);
        }
        return YCCK;
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
