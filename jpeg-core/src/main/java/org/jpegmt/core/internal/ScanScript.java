package org.jpegmt.core.internal;

import java.util.ArrayList;
import java.util.List;
import org.jpegmt.core.InvalidJpegException;
import org.jpegmt.core.JpegException;

/**
 * The scans of a progressive file, located and checked before any is decoded, so that a
 * scheduler can decode independent scans ({@link ScanDependencies}), and the restart intervals
 * of each ({@link SegmentScanner}), on different threads into one {@link CoefficientBuffer}.
 *
 * <p>{@link #locate} reads ahead with a copy of the header reader: each scan header checked and
 * its decoder prepared in file order, as the serial decode does ({@link ProgressiveScan#forScan}:
 * the quantisation tables latched, the Huffman tables and restart interval in force at that
 * scan, the progression bookkeeping); the end of its entropy-coded data found by the marker
 * pre-scan; then the segments up to the next scan header (DHT, DQT, DRI, ...). Its own
 * {@link Progression} and tables, so the decode it looks ahead for is left as it was.
 *
 * <p>Only the plain case is taken: the look-ahead and every later {@link #decode} report
 * through {@link Warnings#probe}, which throws where the serial decode would warn. So a file
 * with anything unusual (truncation, a misnumbered or missing restart marker, junk before a
 * marker, a bad Huffman code, an inconsistent script, too many scans, a table cut short) makes
 * {@link #locate} answer null or {@link #decode} throw, and the caller decodes it again
 * serially ({@link ProgressiveDecode#decodeScans}), which warns, resynchronises and smooths as
 * libjpeg does. A file without any of that decodes to the same coefficients either way: each
 * segment from the same first byte with the same tables, predictors and EOB run (both reset at
 * restart markers), and scans that touch the same coefficients in file order.
 */
public final class ScanScript {
    private final byte[] data;
    private final CoefficientBuffer buf;
    private final Warnings probe;
    private final ProgressiveScan[] scans;
    /** Per scan: {@link SegmentScanner#find} bounds of its restart intervals. */
    private final int[][] bounds;
    /** Per scan: the first FF of the marker after its data, where the look-ahead read on from. */
    private final int[] dataEnd;
    private final int[][] after;
    /** The bookkeeping of every scan, in file order, as the serial decode leaves it. */
    final Progression progression;
    /** Per frame component: the quantisation table latched at its first scan. */
    final int[][] latchedQuant;

    private ScanScript(byte[] data, CoefficientBuffer buf, Warnings probe, List<ProgressiveScan> scans,
            List<int[]> bounds, int[] dataEnd, Progression progression, int[][] latchedQuant) {
        this.data = data;
        this.buf = buf;
        this.probe = probe;
        this.scans = scans.toArray(new ProgressiveScan[0]);
        this.bounds = bounds.toArray(new int[0][]);
        this.dataEnd = dataEnd;
        this.progression = progression;
        this.latchedQuant = latchedQuant;
        List<ScanHeader> headers = new ArrayList<>();
        for (ProgressiveScan s : scans) {
            headers.add(s.header);
        }
        this.after = ScanDependencies.of(headers);
    }

    /**
     * Looks ahead at every scan of the file from {@code first} on.
     *
     * @param markers the header reader at the first scan's data; not moved
     * @param warn the decode's warnings (only its strictness is used: nothing is reported)
     * @param buf where {@link #decode} puts the coefficients, zero
     * @return the scans, or null if the file is not plain (see the class comment)
     */
    static ScanScript locate(byte[] data, MarkerReader markers, ScanHeader first, Warnings warn,
            CoefficientBuffer buf) {
        if (markers.eofSeen()) {
            return null; // the serial decode stops after the first scan
        }
        Warnings probe = warn.probe();
        MarkerReader reader = markers.copy(probe);
        FrameHeader frame = markers.frame;
        Progression progression = new Progression(frame.count());
        int[][] latched = new int[frame.count()][];
        List<ProgressiveScan> scans = new ArrayList<>();
        List<int[]> bounds = new ArrayList<>();
        int[] ends = new int[ProgressiveDecode.MAX_SCANS];
        try {
            ScanHeader scan = first;
            while (scan != null) {
                if (scans.size() >= ProgressiveDecode.MAX_SCANS) {
                    return null; // the serial decode warns and ignores the rest
                }
                ProgressiveScan s = ProgressiveScan.forScan(frame, scan, reader, latched, progression, probe);
                int start = scan.dataOffset();
                long segments = s.segments();
                // Every restart marker takes two bytes: more intervals than that means data cut short
                // (and keeps a hostile DRI from sizing the bounds).
                if (start >= data.length || segments > (data.length - start) / 2 + 1) {
                    return null;
                }
                int[] b = SegmentScanner.find(data, start, segments);
                if (b == null) {
                    return null; // restart markers missing, misnumbered or extra, or no marker after the data
                }
                ends[scans.size()] = b[b.length - 1];
                scans.add(s);
                bounds.add(b);
                reader.pos = b[b.length - 1];
                scan = reader.readUntilScan();
            }
        } catch (JpegException unusual) {
            return null;
        }
        return new ScanScript(data, buf, probe, scans, bounds, java.util.Arrays.copyOf(ends, scans.size()),
                progression, latched);
    }

    /** @return how many scans the file has */
    public int scans() {
        return scans.length;
    }

    /** @return restart intervals (entropy-coded segments) of scan {@code i}: 1 without restart markers */
    public int segments(int i) {
        return bounds[i].length / 2;
    }

    /** @return entropy-coded bytes of segments {@code [from, to)} of scan {@code i}: a measure of their decoding cost */
    public long bytes(int i, int from, int to) {
        return bounds[i][2 * to - 1] - (long) bounds[i][2 * from];
    }

    /** @return the earlier scans that scan {@code i} must follow ({@link ScanDependencies}), increasing */
    public int[] after(int i) {
        return after[i].clone();
    }

    /**
     * Decodes segments {@code [from, to)} of scan {@code i} into the coefficient buffer. Calls for
     * scans that share no coefficients, and for disjoint segments of one scan, may run at once on
     * different threads; a scan's segments only once every scan in {@link #after} is decoded,
     * with a happens-before edge from those decodes (a join, a lock, a future).
     *
     * @throws JpegException where the serial decode would warn or throw, or meets anything else
     *     unusual: the caller must then decode the file serially
     */
    public void decode(int i, int from, int to) throws JpegException {
        int end = scans[i].decodeSegments(data, buf, bounds[i], from, to, probe);
        if (end >= 0 && end < dataEnd[i]) {
            // The serial decode would read on from there and find bytes before the marker: junk.
            throw new InvalidJpegException("bytes after the last MCU of the scan", end);
        }
    }

    /** @return libjpeg's last_good_iMCU_row after the last scan, every MCU of it with data */
    int lastGoodRow() {
        return scans[scans.length - 1].lastRow();
    }
}
