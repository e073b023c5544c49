package org.jpegmt.core.internal;

import org.jpegmt.core.InvalidJpegException;
import org.jpegmt.core.JpegException;

/**
 * One scan of a progressive file (T.81 G.1.1, G.1.2): its parameters checked as libjpeg checks
 * them, its tables resolved, and its MCU loop, which decodes every block of the scan into the
 * {@link CoefficientBuffer} through {@link ProgressiveHuffman}.
 *
 * <p>MCUs as in sequential scans (T.81 A.2): a DC scan may interleave components (h x v blocks
 * each per MCU over the frame's MCU grid, dummy blocks included); an AC scan has one component
 * and one block per MCU over that component's {@code wib x hib} blocks. Restart intervals count
 * these MCUs; at each boundary the DC predictors and the EOB run start again.
 *
 * <p>Running out of data follows libjpeg: the MCU in which the data ends is decoded with zero
 * bits, the next ones of DC first, AC first and AC refinement scans are left as they are until
 * a restart marker brings data back (DC refinement reads on: its zero bits change nothing).
 */
final class ProgressiveScan {
    final ScanHeader header;
    /** Frame index of each scan component. */
    private final int[] comps;
    private final HuffmanTable[] dc;
    private final HuffmanTable ac;
    private final int ss;
    private final int se;
    private final int ah;
    private final int al;
    final int mcusPerRow;
    final int mcuRows;
    /** Blocks per MCU horizontally / vertically, per scan component (1 x 1 when not interleaved). */
    private final int[] bw;
    private final int[] bh;
    /** Frame MCU rows (libjpeg's iMCU rows) per MCU row of this scan: v of the component, or 1. */
    private final int rowsPerImcu;
    private final int restartInterval;
    private final Warnings warn;

    private ProgressiveScan(FrameHeader frame, ScanHeader header, HuffmanTable[] dc, HuffmanTable ac,
            int restartInterval, Warnings warn) {
        this.header = header;
        this.comps = header.components();
        this.dc = dc;
        this.ac = ac;
        this.ss = header.ss();
        this.se = header.se();
        this.ah = header.ah();
        this.al = header.al();
        this.restartInterval = restartInterval;
        this.warn = warn;
        int n = comps.length;
        bw = new int[n];
        bh = new int[n];
        if (n == 1) {
            int c = comps[0];
            bw[0] = 1;
            bh[0] = 1;
            mcusPerRow = frame.wib(c);
            mcuRows = frame.hib(c);
            rowsPerImcu = frame.components()[c].v();
        } else {
            for (int i = 0; i < n; i++) {
                bw[i] = frame.components()[comps[i]].h();
                bh[i] = frame.components()[comps[i]].v();
            }
            mcusPerRow = frame.mcusX();
            mcuRows = frame.mcusY();
            rowsPerImcu = 1;
        }
    }

    /**
     * Checks a scan header and prepares its decode, in libjpeg's order (jdinput.c
     * start_input_pass, jdphuff.c start_pass): MCU size, quantisation tables latched, scan
     * parameters, progression bookkeeping (warnings), Huffman tables.
     *
     * @param latchedQuant per frame component, filled in at its first scan (T.81 G.1.1.1.2 allows
     *     tables to change between scans; a component keeps the one in force at its first scan)
     * @throws InvalidJpegException for what libjpeg refuses: more than 10 blocks per MCU, a missing
     *     table, or parameters T.81 G.1.1.1.1 forbids ("Invalid progressive parameters")
     */
    static ProgressiveScan forScan(FrameHeader frame, ScanHeader scan, MarkerReader markers, int[][] latchedQuant,
            Progression progression, Warnings warn) throws JpegException {
        long at = scan.dataOffset();
        int ns = scan.count();
        ScanDecoder.checkMcuSize(frame, scan);
        for (int c : scan.components()) {
            if (latchedQuant[c] == null) {
                int tq = frame.components()[c].tq();
                if (tq > 3 || markers.quant[tq] == null) {
                    throw new InvalidJpegException("quantization table " + tq + " was not defined", at);
                }
                latchedQuant[c] = markers.quant[tq].clone();
            }
        }
        int ss = scan.ss();
        int se = scan.se();
        int ah = scan.ah();
        int al = scan.al();
        // G.1.1.1.1: a DC scan codes position 0 only; an AC scan one component and a band within
        // 1..63; a refinement lowers Al by exactly one. libjpeg allows Al up to 13.
        boolean bad = ss == 0 ? se != 0 : ss > se || se > 63 || ns != 1;
        if ((ah != 0 && al != ah - 1) || al > 13 || bad) {
            throw new InvalidJpegException("Invalid progressive parameters Ss=" + ss + " Se=" + se + " Ah=" + ah
                    + " Al=" + al, at);
        }
        progression.startScan(scan.components(), ss, se, ah, al, warn, at);
        HuffmanTable[] dc = new HuffmanTable[ns];
        HuffmanTable ac = null;
        for (int i = 0; i < ns; i++) {
            if (ss == 0) {
                if (ah == 0) { // a DC refinement needs no table
                    dc[i] = table(markers.dcSpecs, scan.dcTables()[i], true, at);
                }
            } else {
                ac = table(markers.acSpecs, scan.acTables()[i], false, at);
            }
        }
        return new ProgressiveScan(frame, scan, dc, ac, markers.restartInterval, warn);
    }

    private static HuffmanTable table(HuffmanSpec[] specs, int slot, boolean isDc, long at)
            throws InvalidJpegException {
        HuffmanSpec spec = slot > 3 ? null : specs[slot];
        if (spec == null) {
            throw new InvalidJpegException("Huffman table " + (isDc ? "DC" : "AC") + slot + " was not defined", at);
        }
        return HuffmanTable.build(spec, isDc, at);
    }

    /** @return the MCUs of this scan */
    int mcuCount() {
        return mcusPerRow * mcuRows;
    }

    /** @return the frame MCU row (libjpeg's iMCU row) of the scan's last MCU */
    int lastRow() {
        return (mcuRows - 1) / rowsPerImcu;
    }

    /** @return restart intervals of the scan (T.81 B.2.4.4): 1 without restart markers */
    long segments() {
        return restartInterval == 0 ? 1 : (mcuCount() + (long) restartInterval - 1) / restartInterval;
    }

    /** @return true if this scan only adds to coefficients earlier scans began (Ah != 0) */
    boolean refinement() {
        return ah != 0;
    }

    /**
     * Decodes the whole scan serially, resynchronising at restarts as libjpeg does.
     *
     * @param progression where the last MCU row begun with data left is recorded
     * @return where the search for the next marker starts ({@link #endOfScan})
     */
    int decode(byte[] data, CoefficientBuffer buf, RestartResync resync, Progression progression)
            throws JpegException {
        BitReader br = new BitReader(data);
        br.reset(header.dataOffset(), data.length);
        ScanDecoder.State st = new ScanDecoder.State();
        int count = mcuCount();
        int interval = restartInterval;
        int left = interval;
        int expected = 0;
        int eobrun = 0;
        int mx = 0;
        int my = 0;
        for (int m = 0; m < count; m++) {
            if (!st.outOfData) {
                // libjpeg's last_good_iMCU_row, set before the MCU (and before a restart).
                progression.lastGoodRow = my / rowsPerImcu;
            }
            if (interval != 0) {
                if (left == 0) {
                    br.reset(resync.restart(br, expected, st), data.length);
                    expected = (expected + 1) & 7;
                    eobrun = 0;
                    left = interval;
                }
                left--;
            }
            if (!st.outOfData || (ss == 0 && ah != 0)) {
                eobrun = decodeMcu(br, buf, mx, my, st, eobrun);
                if (br.badCodes != 0) {
                    br.clearBadCodes();
                    warn.warn("Corrupt JPEG data: bad Huffman code", br.position());
                }
                if (!st.outOfData && br.overrun()) {
                    st.outOfData = true;
                    warn.warn("Corrupt JPEG data: premature end of data segment", br.markerPos);
                }
            }
            if (++mx == mcusPerRow) {
                mx = 0;
                my++;
            }
        }
        return endOfScan(br, data.length);
    }

    /**
     * Decodes restart intervals {@code [from, to)} of the scan from their known bounds, without
     * resynchronisation: the concurrent schedule's unit of work. Only for data where the serial
     * {@link #decode} would meet nothing unusual: {@code probe} throws at the first warning that
     * decode would give, and so does a run past the band ({@link BitReader#strayRuns}), which
     * would store a coefficient where a concurrently decoded scan may write. Records nothing in
     * the {@link Progression}; touches only this scan's band of its components in {@code buf}.
     *
     * @param bounds {@link SegmentScanner#find}: segment i is {@code data[bounds[2i], bounds[2i+1])}
     * @param probe warnings that throw ({@link Warnings#probe})
     * @return when {@code to} is the last segment, where the serial decode's marker search after
     *     the scan would start ({@link #endOfScan}); otherwise -1
     * @throws JpegException where the serial decode would warn or throw, or on a stray run
     */
    int decodeSegments(byte[] data, CoefficientBuffer buf, int[] bounds, int from, int to, Warnings probe)
            throws JpegException {
        BitReader br = new BitReader(data);
        ScanDecoder.State st = new ScanDecoder.State();
        int count = mcuCount();
        int interval = restartInterval == 0 ? count : restartInterval;
        for (int s = from; s < to; s++) {
            br.reset(bounds[2 * s], data.length);
            st.restart();
            int m = s * interval;
            int end = Math.min(count, m + interval);
            int mx = m % mcusPerRow;
            int my = m / mcusPerRow;
            int eobrun = 0;
            for (; m < end; m++) {
                eobrun = decodeMcu(br, buf, mx, my, st, eobrun);
                if (br.badCodes != 0) {
                    probe.warn("Corrupt JPEG data: bad Huffman code", br.position());
                }
                if (br.overrun()) {
                    probe.warn("Corrupt JPEG data: premature end of data segment", br.markerPos);
                }
                if (++mx == mcusPerRow) {
                    mx = 0;
                    my++;
                }
            }
            if (br.strayRuns != 0) {
                throw new InvalidJpegException("run past the end of the spectral band (Se=" + se + ")", br.position());
            }
            if (end < count) {
                RestartResync.endOfSegment(br, data, probe); // what the serial restart checks
            }
        }
        return to * (long) interval >= count ? endOfScan(br, data.length) : -1;
    }

    /**
     * Where the marker search after the scan starts. libjpeg does not count the bytes left in its
     * bit buffer at the end of a progressive scan as junk (no finish_pass in jdphuff.c; only
     * restarts discard them), so the search starts after the last byte the reader loaded: at the
     * marker that stopped it, or at the end of the data (the marker reader then reports the
     * premature end of the file once).
     */
    private static int endOfScan(BitReader br, int length) {
        if (br.ended) {
            return br.marker < 0 ? length : br.markerPos - 1;
        }
        return br.position();
    }

    /** Decodes MCU (mx, my). @return the EOB run left */
    private int decodeMcu(BitReader br, CoefficientBuffer buf, int mx, int my, ScanDecoder.State st, int eobrun)
            throws InvalidJpegException {
        if (ss != 0) {
            int c = comps[0];
            short[] coef = buf.coef[c];
            int base = buf.offset(c, mx, my);
            if (ah == 0) {
                if (eobrun > 0) {
                    return eobrun - 1;
                }
                return ProgressiveHuffman.acFirst(br, ac, coef, base, ss, se, al);
            }
            return ProgressiveHuffman.acRefine(br, ac, coef, base, ss, se, al, eobrun);
        }
        for (int i = 0; i < comps.length; i++) {
            int c = comps[i];
            short[] coef = buf.coef[c];
            for (int y = 0; y < bh[i]; y++) {
                for (int x = 0; x < bw[i]; x++) {
                    int base = buf.offset(c, mx * bw[i] + x, my * bh[i] + y);
                    if (ah == 0) {
                        st.preds[i] = ProgressiveHuffman.dcFirst(br, dc[i], st.preds[i], coef, base, al);
                    } else {
                        ProgressiveHuffman.dcRefine(br, coef, base, al);
                    }
                }
            }
        }
        return eobrun;
    }
}
