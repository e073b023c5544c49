package org.jpegmt.core.internal;

import org.jpegmt.core.JpegException;
import org.jpegmt.core.InvalidJpegException;

import java.util.Arrays;

/**
 * The MCU loop of one scan (T.81 F.2.2, A.2): decodes runs of MCUs from a {@link BitReader}
 * into the components' sample planes (DC prediction, dequantisation + IDCT per block).
 *
 * <p>Immutable once built: everything that changes while decoding lives in a {@link State}, one
 * per segment being decoded, so threads may decode different segments of the same scan at once
 * (they write disjoint blocks of the planes).
 *
 * <p>Interleaved scans (more than one component) have the frame's MCU grid and h x v blocks per
 * component per MCU; blocks past a component's real {@code wib x hib} (dummy blocks) are decoded
 * but not stored. A non-interleaved scan has one block per MCU on the component's own
 * {@code wib x hib} grid (T.81 A.2.2).
 */
final class ScanDecoder {
    /** Mutable state of one entropy-coded segment being decoded. */
    static final class State {
        final int[] coef = new int[64];
        final int[] ws = new int[64];
        /** {@link IdctVector} scratch, and the samples of a group that ends past the plane's last block. */
        int[] groupWs;
        byte[] groupTail;
        final int[] preds = new int[4];
        /** libjpeg's insufficient_data: set when an MCU ran past the data; later MCUs are grey. */
        boolean outOfData;

        /** Start of a segment: predictors to 0 (T.81 F.2.1.3.1), data flag cleared. */
        void restart() {
            Arrays.fill(preds, 0);
            outOfData = false;
        }
    }

    private final int n;
    private final int[] frameIndex;
    private final int[] bw;
    private final int[] bh;
    private final int[][] quant;
    private final HuffmanTable[] dc;
    private final HuffmanTable[] ac;
    private final int[] wib;
    private final int[] hib;
    final int mcusPerRow;
    final int mcuCount;
    /** Blocks in one MCU of this scan. */
    private final int blocksPerMcu;
    /**
     * {@link CoefficientRow} slot of block 0 of block row y of scan component i in an MCU row
     * ({@code [i][y]}); each such strip of {@code mcusPerRow * bw[i]} blocks starts a group.
     */
    private final int[][] stripSlot;
    private final int slotsPerRow;
    private final Warnings warn;

    /**
     * @param frameIndex frame index of each scan component
     */
    ScanDecoder(FrameHeader frame, int[] frameIndex, HuffmanTable[] dc, HuffmanTable[] ac, int[][] quant,
            Warnings warn) {
        this.n = frameIndex.length;
        this.frameIndex = frameIndex.clone();
        this.bw = new int[n];
        this.bh = new int[n];
        this.wib = new int[n];
        this.hib = new int[n];
        this.dc = dc;
        this.ac = ac;
        this.quant = quant;
        this.warn = warn;
        for (int i = 0; i < n; i++) {
            int c = frameIndex[i];
            FrameHeader.Component fc = frame.components()[c];
            bw[i] = n == 1 ? 1 : fc.h();
            bh[i] = n == 1 ? 1 : fc.v();
            wib[i] = frame.wib(c);
            hib[i] = frame.hib(c);
        }
        if (n == 1) {
            mcusPerRow = wib[0];
            mcuCount = wib[0] * hib[0];
        } else {
            mcusPerRow = frame.mcusX();
            mcuCount = frame.mcusX() * frame.mcusY();
        }
        int blocks = 0;
        for (int i = 0; i < n; i++) {
            blocks += bw[i] * bh[i];
        }
        blocksPerMcu = blocks;
        stripSlot = new int[n][];
        int slots = 0;
        for (int i = 0; i < n; i++) {
            stripSlot[i] = new int[bh[i]];
            for (int y = 0; y < bh[i]; y++) {
                stripSlot[i][y] = slots;
                slots += (mcusPerRow * bw[i] + 7) & ~7;
            }
        }
        slotsPerRow = slots;
    }

    /** A copy that reports to {@code w} (the tables and geometry are shared: they never change). */
    ScanDecoder withWarnings(Warnings w) {
        return new ScanDecoder(this, w);
    }

    private ScanDecoder(ScanDecoder o, Warnings w) {
        this.n = o.n;
        this.frameIndex = o.frameIndex;
        this.bw = o.bw;
        this.bh = o.bh;
        this.quant = o.quant;
        this.dc = o.dc;
        this.ac = o.ac;
        this.wib = o.wib;
        this.hib = o.hib;
        this.mcusPerRow = o.mcusPerRow;
        this.mcuCount = o.mcuCount;
        this.blocksPerMcu = o.blocksPerMcu;
        this.stripSlot = o.stripSlot;
        this.slotsPerRow = o.slotsPerRow;
        this.warn = w;
    }

    /** @return blocks in one MCU of this scan, dummy blocks included (all are coded) */
    int blocksPerMcu() {
        return blocksPerMcu;
    }

    /** @return block rows of frame component c in one MCU row of this scan */
    int blockRowsPerMcuRow(int c) {
        for (int i = 0; i < n; i++) {
            if (frameIndex[i] == c) {
                return bh[i];
            }
        }
        return 1;
    }

    /**
     * Decodes MCUs {@code first .. first + count - 1} into the planes.
     */
    void decode(BitReader br, int first, int count, State st, Planes planes) throws InvalidJpegException {
        int mx = first % mcusPerRow;
        int my = first / mcusPerRow;
        for (int i = 0; i < count; i++) {
            if (st.outOfData) {
                greyMcu(mx, my, planes);
            } else {
                decodeMcu(br, mx, my, st, planes);
                afterMcu(br, st);
            }
            if (++mx == mcusPerRow) {
                mx = 0;
                my++;
            }
        }
    }

    /** What every decoded MCU may report: bad codes, and running out of data. */
    private void afterMcu(BitReader br, State st) throws InvalidJpegException {
        if (br.badCodes != 0) {
            br.clearBadCodes();
            warn.warn("Corrupt JPEG data: bad Huffman code", br.position());
        }
        if (br.overrun()) {
            st.outOfData = true;
            warn.warn("Corrupt JPEG data: premature end of data segment", br.markerPos);
        }
    }

    /** {@link CoefficientRow#last} of a block past the component's edge: decoded, not stored. */
    static final int DUMMY = -1;
    /** {@link CoefficientRow#last} of a block after the data ran out: every sample 128. */
    static final int GREY = -2;

    /**
     * The coefficients of one MCU row, between the entropy decoding and the inverse DCT
     * ({@link #decodeCoefficients} then {@link #inverseRow} or {@link #inverseRowVector}). Each
     * block row of each component in the MCU row is a strip of slots, one per block from left to
     * right, padded to whole groups of eight; the eight blocks of a group are interleaved (one
     * coefficient of all eight side by side, the layout of {@link IdctVector}): natural
     * coefficient n of slot s is at {@code coef[base(s) + n * 8]}. All zero between uses.
     */
    static final class CoefficientRow {
        final int[] coef;
        /** Per slot: zig-zag index of the last coefficient, {@link #DUMMY} or {@link #GREY}. */
        final int[] last;

        CoefficientRow(int slots) {
            coef = new int[slots * 64];
            last = new int[slots];
        }

        /** @return index of coefficient 0 of slot s */
        static int base(int s) {
            return ((s & ~7) << 6) + (s & 7);
        }
    }

    /**
     * @param i scan component
     * @param y block row of that component within the MCU row
     * @param bx block column of that component (MCU column * h + x)
     * @return the {@link CoefficientRow} slot of that block
     */
    int slot(int i, int y, int bx) {
        return stripSlot[i][y] + bx;
    }

    /** @return an empty coefficient row for this scan */
    CoefficientRow newCoefficientRow() {
        return new CoefficientRow(slotsPerRow);
    }

    /**
     * Entropy-decodes MCUs {@code first .. first + count - 1}, all in one MCU row, into
     * {@code row} (same warnings as {@link #decode}); {@link #inverseRow} finishes them.
     */
    void decodeCoefficients(BitReader br, int first, int count, State st, CoefficientRow row)
            throws InvalidJpegException {
        int my = first / mcusPerRow;
        int mx0 = first % mcusPerRow;
        int[] coef = st.coef;
        for (int m = 0; m < count; m++) {
            boolean grey = st.outOfData;
            for (int i = 0; i < n; i++) {
                int bx0 = (mx0 + m) * bw[i];
                for (int y = 0; y < bh[i]; y++) {
                    boolean rowReal = my * bh[i] + y < hib[i];
                    int s = stripSlot[i][y] + bx0;
                    for (int x = 0; x < bw[i]; x++, s++) {
                        boolean real = rowReal && bx0 + x < wib[i];
                        if (grey) {
                            row.last[s] = real ? GREY : DUMMY;
                        } else if (real) {
                            int last = HuffmanDecoder.decodeBlock(br, dc[i], ac[i], row.coef, CoefficientRow.base(s),
                                    ZigZag.NATURAL_X8, st.preds, i);
                            row.last[s] = Math.min(last, 63);
                        } else {
                            int last = HuffmanDecoder.decodeBlock(br, dc[i], ac[i], coef, 0, ZigZag.NATURAL, st.preds, i);
                            row.last[s] = DUMMY;
                            clearBlock(coef, last);
                        }
                    }
                }
            }
            if (!grey) {
                afterMcu(br, st);
            }
        }
    }

    /** @return the scan component of each block of an MCU, in coding order (T.81 A.2.3) */
    int[] blockComponents() {
        int[] comp = new int[blocksPerMcu];
        int b = 0;
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < bw[i] * bh[i]; k++) {
                comp[b++] = i;
            }
        }
        return comp;
    }

    /**
     * Which blocks of an MCU a decoder cannot tell apart by parsing: blocks b and b' get the same
     * class when the Huffman tables of the blocks from b on, round the MCU, equal those from b' on.
     * Where components share tables (RGB, CMYK) a decoder that started at a guessed MCU phase may
     * parse exactly as the true one without its phase being right; it is then right in all that
     * decoding depends on ({@link SpeculativeChunk}).
     *
     * @return per block of the MCU, the smallest block index of its class
     */
    int[] parseClasses() {
        int[] comp = blockComponents();
        int nb = blocksPerMcu;
        int[] cls = new int[nb];
        for (int b = 0; b < nb; b++) {
            cls[b] = b;
            for (int a = 0; a < b; a++) {
                boolean same = true;
                for (int t = 0; t < nb && same; t++) {
                    int x = comp[(a + t) % nb];
                    int y = comp[(b + t) % nb];
                    same = HuffmanTable.sameCode(dc[x], dc[y]) && HuffmanTable.sameCode(ac[x], ac[y]);
                }
                if (same) {
                    cls[b] = cls[a];
                    break;
                }
            }
        }
        return cls;
    }

    /**
     * Entropy-decodes one block of scan component i into {@code coef} from {@code base} on, in
     * zig-zag order (those 64 entries must be zero), predictor {@code preds[i]} updated as
     * {@link #decode} does.
     *
     * @return zig-zag index of the last coefficient written, at most 63
     */
    int decodeBlockZigZag(BitReader br, int i, int[] coef, int base, int[] preds) {
        return Math.min(63, HuffmanDecoder.decodeBlock(br, dc[i], ac[i], coef, base, ZigZag.ZIGZAG, preds, i));
    }

    /**
     * Fills {@code row} with MCUs {@code mx0 .. mx1 - 1} of MCU row {@code my} from stored blocks,
     * as {@link #decodeCoefficients} would have (dummy blocks are taken from the store and
     * dropped); {@link #transformRow} finishes them.
     */
    void storedRow(int my, int mx0, int mx1, SpeculativeDecode.BlockCursor blocks, CoefficientRow row) {
        int[] coef = row.coef;
        for (int mx = mx0; mx < mx1; mx++) {
            for (int i = 0; i < n; i++) {
                int bx0 = mx * bw[i];
                for (int y = 0; y < bh[i]; y++) {
                    boolean rowReal = my * bh[i] + y < hib[i];
                    int s = stripSlot[i][y] + bx0;
                    for (int x = 0; x < bw[i]; x++, s++) {
                        if (rowReal && bx0 + x < wib[i]) {
                            row.last[s] = blocks.copyNext(coef, CoefficientRow.base(s), i);
                        } else {
                            blocks.skip(i);
                            row.last[s] = DUMMY;
                        }
                    }
                }
            }
        }
    }

    /** Zeroes a block whose zig-zag positions 0..last may be nonzero. */
    private static void clearBlock(int[] coef, int last) {
        if (last <= Idct.LAST_4X4) {
            int[] natural = ZigZag.NATURAL;
            for (int z = 0; z <= last; z++) {
                coef[natural[z]] = 0;
            }
        } else {
            Arrays.fill(coef, 0);
        }
    }

    /** @return plane offset of block row y of scan component i in MCU row my */
    private int stripOffset(int i, int y, int my, Planes planes) {
        int c = frameIndex[i];
        return ((my * bh[i] + y) % planes.blockRows[c]) * 8 * planes.stride[c];
    }

    /** {@link #inverseRowVector} when {@link Simd#VECTOR}, else {@link #inverseRow}. */
    void transformRow(int my, CoefficientRow row, State st, Planes planes) {
        transformRow(my, 0, mcusPerRow, row, st, planes);
    }

    /**
     * {@link #transformRow} of MCUs {@code mx0 .. mx1 - 1} only.
     *
     * @param mx0 a multiple of 8
     * @param mx1 a multiple of 8, or the row's MCU count
     */
    void transformRow(int my, int mx0, int mx1, CoefficientRow row, State st, Planes planes) {
        if (Simd.VECTOR) {
            inverseRowVector(my, mx0, mx1, row, st, planes);
        } else {
            inverseRow(my, mx0, mx1, row, st, planes);
        }
    }

    /**
     * The inverse DCT of MCU row {@code my} from {@code row} into the planes, exactly as
     * {@link #decode} would have written it, block by block; leaves {@code row} all zero again.
     */
    void inverseRow(int my, CoefficientRow row, State st, Planes planes) {
        inverseRow(my, 0, mcusPerRow, row, st, planes);
    }

    /** {@link #inverseRow} of MCUs {@code mx0 .. mx1 - 1} only. */
    void inverseRow(int my, int mx0, int mx1, CoefficientRow row, State st, Planes planes) {
        for (int i = 0; i < n; i++) {
            byte[] plane = planes.data[frameIndex[i]];
            int stride = planes.stride[frameIndex[i]];
            for (int y = 0; y < bh[i]; y++) {
                int off = stripOffset(i, y, my, planes);
                int s = stripSlot[i][y] + mx0 * bw[i];
                for (int bx = mx0 * bw[i]; bx < mx1 * bw[i]; bx++, s++) {
                    inverseBlock(row, s, quant[i], st, plane, off + bx * 8, stride);
                }
            }
        }
    }

    /** The inverse DCT of slot s into the plane (nothing for a dummy block); zeroes the slot. */
    private static void inverseBlock(CoefficientRow row, int s, int[] q, State st, byte[] plane, int off, int stride) {
        int last = row.last[s];
        int base = CoefficientRow.base(s);
        if (last == DUMMY) {
            return;
        }
        if (last == GREY) {
            fill(plane, off, stride, (byte) 128);
        } else if (last == 0) {
            fill(plane, off, stride, Idct.dcOnly(row.coef[base], q[0]));
            row.coef[base] = 0;
        } else {
            // Into one natural-order block for the scalar kernel, leaving the slot zero.
            int[] coef = st.coef;
            int[] src = row.coef;
            int[] natural = ZigZag.NATURAL;
            int end = last <= Idct.LAST_4X4 ? last : 63;
            for (int z = 0; z <= end; z++) {
                int k = natural[z];
                coef[k] = src[base + k * 8];
                src[base + k * 8] = 0;
            }
            if (last <= Idct.LAST_4X4) {
                Idct.inverse4x4(coef, q, st.ws, plane, off, stride);
            } else {
                Idct.inverse(coef, q, st.ws, plane, off, stride);
            }
            clearBlock(coef, last);
        }
    }

    /**
     * {@link #inverseRow} of MCUs {@code mx0 .. mx1 - 1} of the row through {@link IdctVector},
     * eight blocks at a time (use only when {@link Simd#VECTOR}); a group whose coefficients are
     * out of its exact range ({@link IdctVector#exact}) goes block by block through the scalar
     * kernel.
     *
     * @param mx0 a multiple of 8 (groups of eight blocks start there in every component)
     * @param mx1 a multiple of 8, or the row's MCU count
     */
    void inverseRowVector(int my, int mx0, int mx1, CoefficientRow row, State st, Planes planes) {
        if (st.groupWs == null) {
            st.groupWs = new int[512];
            st.groupTail = new byte[512];
        }
        int[] ws = st.groupWs;
        for (int i = 0; i < n; i++) {
            byte[] plane = planes.data[frameIndex[i]];
            int stride = planes.stride[frameIndex[i]];
            int[] q = quant[i];
            for (int y = 0; y < bh[i]; y++) {
                if (my * bh[i] + y >= hib[i]) {
                    continue; // a row of dummy blocks: nothing stored, coefficients already zero
                }
                int off = stripOffset(i, y, my, planes);
                int s0 = stripSlot[i][y];
                int bxEnd = Math.min(wib[i], mx1 * bw[i]);
                for (int bx = mx0 * bw[i]; bx < bxEnd; bx += 8) {
                    int s = s0 + bx;
                    int blocks = Math.min(8, bxEnd - bx);
                    int last = 0;
                    for (int j = 0; j < blocks; j++) {
                        last = Math.max(last, row.last[s + j]); // DUMMY and GREY are negative
                    }
                    int gb = CoefficientRow.base(s);
                    if (last > 0 && !IdctVector.exact(row.coef, gb, q)) {
                        for (int j = 0; j < blocks; j++) {
                            inverseBlock(row, s + j, q, st, plane, off + (bx + j) * 8, stride);
                        }
                    } else if (blocks == 8) {
                        IdctVector.group(row.coef, gb, q, last, ws, plane, off + bx * 8, stride);
                    } else {
                        // The group ends past the plane's last block: through a 64-byte-wide scratch.
                        byte[] tail = st.groupTail;
                        IdctVector.group(row.coef, gb, q, last, ws, tail, 0, 64);
                        for (int r = 0; r < 8; r++) {
                            System.arraycopy(tail, r * 64, plane, off + r * stride + bx * 8, blocks * 8);
                        }
                    }
                }
            }
        }
    }

    private void decodeMcu(BitReader br, int mx, int my, State st, Planes planes) {
        int[] coef = st.coef;
        for (int i = 0; i < n; i++) {
            HuffmanTable dct = dc[i];
            HuffmanTable act = ac[i];
            int[] q = quant[i];
            int c = frameIndex[i];
            byte[] plane = planes.data[c];
            int stride = planes.stride[c];
            int ringRows = planes.blockRows[c];
            int h = bw[i];
            int v = bh[i];
            for (int y = 0; y < v; y++) {
                int by = my * v + y;
                int rowOff = (by % ringRows) * 8 * stride;
                for (int x = 0; x < h; x++) {
                    int bx = mx * h + x;
                    int last = HuffmanDecoder.decodeBlock(br, dct, act, coef, 0, ZigZag.NATURAL, st.preds, i);
                    if (bx < wib[i] && by < hib[i]) {
                        int off = rowOff + bx * 8;
                        if (last == 0) {
                            fill(plane, off, stride, Idct.dcOnly(coef[0], q[0]));
                        } else if (last <= Idct.LAST_4X4) {
                            Idct.inverse4x4(coef, q, st.ws, plane, off, stride);
                        } else {
                            Idct.inverse(coef, q, st.ws, plane, off, stride);
                        }
                    }
                    clearBlock(coef, last);
                }
            }
        }
    }

    /** An MCU after the data ran out: all coefficients zero, so every sample is 128. */
    private void greyMcu(int mx, int my, Planes planes) {
        for (int i = 0; i < n; i++) {
            int c = frameIndex[i];
            int stride = planes.stride[c];
            for (int y = 0; y < bh[i]; y++) {
                int by = my * bh[i] + y;
                for (int x = 0; x < bw[i]; x++) {
                    int bx = mx * bw[i] + x;
                    if (bx < wib[i] && by < hib[i]) {
                        fill(planes.data[c], (by % planes.blockRows[c]) * 8 * stride + bx * 8, stride, (byte) 128);
                    }
                }
            }
        }
    }

    private static void fill(byte[] plane, int off, int stride, byte v) {
        for (int r = 0; r < 8; r++, off += stride) {
            Arrays.fill(plane, off, off + 8, v);
        }
    }

    /**
     * T.81 B.2.3: an interleaved scan's MCU holds at most 10 blocks (sequential and progressive
     * scans alike).
     */
    static void checkMcuSize(FrameHeader frame, ScanHeader scan) throws InvalidJpegException {
        if (scan.count() > 1) {
            int blocks = 0;
            for (int c : scan.components()) {
                blocks += frame.components()[c].h() * frame.components()[c].v();
            }
            if (blocks > 10) {
                throw new InvalidJpegException("MCU of " + blocks + " blocks, at most 10 allowed", scan.dataOffset());
            }
        }
    }

    /**
     * Builds the decoder of a scan: checks the MCU size, latches quantisation tables (a
     * component keeps the table in force at its first scan), resolves Huffman tables (Annex K
     * tables in empty slots 0 and 1, as libjpeg does for Motion-JPEG).
     *
     * @param latchedQuant per frame component, filled in here on its first scan
     */
    static ScanDecoder forScan(FrameHeader frame, ScanHeader scan, MarkerReader markers, int[][] latchedQuant,
            Warnings warn) throws JpegException {
        long at = scan.dataOffset();
        if (scan.ss() != 0 || scan.se() != 63 || scan.ah() != 0 || scan.al() != 0) {
            warn.warn("Invalid SOS parameters for sequential JPEG", at);
        }
        int ns = scan.count();
        checkMcuSize(frame, scan);
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
        return new ScanDecoder(frame, scan.components(), dc, ac, q, warn);
    }

    /**
     * The Huffman table in a slot. Motion-JPEG files leave out DHT: empty slots 0 and 1 take the
     * Annex K tables, as libjpeg does (jstdhuff.c); the reader's slots are left as they are.
     */
    private static HuffmanTable table(HuffmanSpec[] specs, int slot, boolean isDc, long at)
            throws InvalidJpegException {
        HuffmanSpec spec = slot > 3 ? null : specs[slot];
        if (spec == null && slot <= 1) {
            spec = isDc ? (slot == 0 ? StandardTables.DC_LUMINANCE : StandardTables.DC_CHROMINANCE)
                    : (slot == 0 ? StandardTables.AC_LUMINANCE : StandardTables.AC_CHROMINANCE);
        }
        if (spec == null) {
            throw new InvalidJpegException("Huffman table " + (isDc ? "DC" : "AC") + slot + " was not defined", at);
        }
        return HuffmanTable.of(spec, isDc, at);
    }
}
