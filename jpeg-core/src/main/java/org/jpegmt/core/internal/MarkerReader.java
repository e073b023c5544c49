package org.jpegmt.core.internal;

import org.jpegmt.core.DecoderOptions;
import org.jpegmt.core.JpegException;
import org.jpegmt.core.InvalidJpegException;
import org.jpegmt.core.UnsupportedJpegException;

/**
 * Reads the marker segments of a JPEG file (T.81 Annex B): SOI, frame header, tables,
 * restart interval, application segments, scan headers. Tolerates what libjpeg tolerates
 * (junk and fill bytes before a marker, with a warning) and refuses what it refuses, with the
 * segment, the value and the byte offset in the message.
 */
final class MarkerReader {
    /**
     * Most markers the reader handles in one file outside entropy-coded data (tables, APPn,
     * COM, scan headers, stray RSTn...). Real files use a few dozen; the cap bounds the work a
     * hostile file of tiny segments can cause.
     */
    static final int MAX_MARKERS = 4096;

    private final byte[] d;
    private final Warnings warn;
    private final DecoderOptions options;
    /** Header-only mode (readInfo): any SOFn is described, table contents are skipped. */
    private final boolean infoOnly;

    /** Read position: the next byte to parse. */
    int pos;
    /** Quantisation tables by slot, natural order (T.81 B.2.4.1). */
    final int[][] quant = new int[4][];
    final HuffmanSpec[] dcSpecs = new HuffmanSpec[4];
    final HuffmanSpec[] acSpecs = new HuffmanSpec[4];
    /** Restart interval in MCUs, 0 = none (T.81 B.2.4.4). */
    int restartInterval;
    boolean jfif;
    int adobeTransform = -1;
    FrameHeader frame;
    /** Finds the markers; knows whether the end of the file was met where a marker was expected. */
    private final MarkerCursor cursor;
    /** Markers handled so far, see {@link #MAX_MARKERS}. */
    private int markerCount;

    MarkerReader(byte[] data, DecoderOptions options, Warnings warn, boolean infoOnly) {
        this.d = data;
        this.options = options;
        this.warn = warn;
        this.infoOnly = infoOnly;
        this.cursor = new MarkerCursor(data, warn, 0);
    }

    /** @return true once the end of the file was met where a marker was expected (libjpeg's fake EOI) */
    boolean eofSeen() {
        return cursor.eofSeen;
    }

    /** @return true if a DQT or DHT segment was read */
    boolean sawTables() {
        for (int i = 0; i < 4; i++) {
            if (quant[i] != null || dcSpecs[i] != null || acSpecs[i] != null) {
                return true;
            }
        }
        return false;
    }

    /** T.81 B.2.1: the file starts with SOI, FF D8, exactly. */
    void readSoi() throws InvalidJpegException {
        if (d.length < 2 || (d[0] & 0xFF) != 0xFF || (d[1] & 0xFF) != Markers.SOI) {
            throw new InvalidJpegException("not a JPEG file: does not start with FF D8 (SOI)", 0);
        }
        pos = 2;
    }

    /**
     * Reads marker segments until a scan header or EOI.
     *
     * @return the scan header, with {@link #pos} at its first entropy-coded byte; or null at EOI
     *     (or, in header-only mode, at the end of the data)
     */
    ScanHeader readUntilScan() throws JpegException {
        for (;;) {
            int m = nextMarker();
            int at = pos - 2;
            if (++markerCount > MAX_MARKERS) {
                throw new InvalidJpegException("more than " + MAX_MARKERS + " marker segments", at);
            }
            switch (m) {
                case Markers.EOI:
                    return null;
                case Markers.SOS:
                    if (infoOnly) {
                        return null;
                    }
                    return readSos(at);
                case Markers.SOI:
                    throw new InvalidJpegException("second SOI marker", at);
                case Markers.DHT:
                    readDht(at);
                    break;
                case Markers.DQT:
                    readDqt(at);
                    break;
                case Markers.DRI:
                    readDri(at);
                    break;
                case Markers.APP0:
                case Markers.APP14:
                    readApp(m, at);
                    break;
                case Markers.DAC: // arithmetic conditioning, irrelevant to Huffman files
                case Markers.DNL:
                case Markers.COM:
                    skipSegment(m, at);
                    break;
                case Markers.TEM: // TEM and stray RSTn carry no length; libjpeg ignores them
                case Markers.RST0: case Markers.RST0 + 1: case Markers.RST0 + 2: case Markers.RST0 + 3:
                case Markers.RST0 + 4: case Markers.RST0 + 5: case Markers.RST0 + 6: case Markers.RST7:
                    break;
                default:
                    if (Markers.isApp(m)) {
                        skipSegment(m, at);
                    } else if (m >= Markers.SOF0 && m <= 0xCF && m != Markers.JPG) {
                        readSof(m, at);
                    } else {
                        throw new InvalidJpegException(String.format("unknown marker 0xFF%02X", m), at);
                    }
            }
        }
    }

    /**
     * Finds the next marker from {@link #pos} as libjpeg's {@code next_marker} does
     * ({@link MarkerCursor}).
     *
     * @return the marker code; {@link #pos} is after it
     */
    int nextMarker() throws InvalidJpegException {
        cursor.pos = pos;
        int m = cursor.next();
        pos = cursor.pos;
        return m;
    }

    private int u8(int at) {
        return d[at] & 0xFF;
    }

    private int u16(int at) {
        return ((d[at] & 0xFF) << 8) | (d[at + 1] & 0xFF);
    }

    /** @return the segment length field at {@link #pos}, checked against the data; pos moves past it */
    private int segmentLength(int marker, int at) throws InvalidJpegException {
        if (pos + 2 > d.length) {
            throw new InvalidJpegException(String.format("truncated 0xFF%02X segment", marker), at);
        }
        int len = u16(pos);
        if (len < 2) {
            throw new InvalidJpegException(String.format("0xFF%02X segment length %d is below 2", marker, len), at);
        }
        if (pos + len > d.length) {
            throw new InvalidJpegException(String.format("0xFF%02X segment of %d bytes is cut off by the end of the data",
                    marker, len), at);
        }
        pos += 2;
        return len - 2;
    }

    /**
     * Length of a segment whose contents are skipped (APPn, COM, DNL, DAC). Like libjpeg: a
     * length below 2 skips nothing, and a segment cut off by the end of the data runs into it
     * (warning; the next marker read is then EOI).
     *
     * @return bytes to skip after the length field, within the data; pos is after the field
     */
    private int lenientLength(int marker, int at) throws InvalidJpegException {
        if (pos + 2 > d.length) {
            throw new InvalidJpegException(String.format("truncated 0xFF%02X segment", marker), at);
        }
        int n = Math.max(0, u16(pos) - 2);
        pos += 2;
        if (pos + n > d.length) {
            warn.warn("Premature end of JPEG file", d.length);
            cursor.eofSeen = true;
            return d.length - pos;
        }
        return n;
    }

    private void skipSegment(int marker, int at) throws InvalidJpegException {
        int n = lenientLength(marker, at); // not "pos += ...": the call moves pos
        pos += n;
    }

    /** B.2.4.6 application data: only JFIF APP0 and Adobe APP14 matter (libjpeg jdmarker.c). */
    private void readApp(int marker, int at) throws InvalidJpegException {
        int n = lenientLength(marker, at);
        int p = pos;
        if (marker == Markers.APP0 && n >= 14 && u8(p) == 'J' && u8(p + 1) == 'F' && u8(p + 2) == 'I'
                && u8(p + 3) == 'F' && u8(p + 4) == 0) {
            jfif = true;
        } else if (marker == Markers.APP14 && n >= 12 && u8(p) == 'A' && u8(p + 1) == 'd' && u8(p + 2) == 'o'
                && u8(p + 3) == 'b' && u8(p + 4) == 'e') {
            adobeTransform = u8(p + 11);
        }
        pos += n;
    }

    /** B.2.4.4 define restart interval: length must be 4. */
    private void readDri(int at) throws InvalidJpegException {
        int n = segmentLength(Markers.DRI, at);
        if (n != 2) {
            throw new InvalidJpegException("DRI segment length " + (n + 2) + ", must be 4", at);
        }
        restartInterval = u16(pos);
        pos += 2;
    }

    /** B.2.4.1 define quantisation tables: Pq 0 (8-bit) or 1 (16-bit), Tq 0..3, zig-zag order. */
    private void readDqt(int at) throws InvalidJpegException {
        int n = segmentLength(Markers.DQT, at);
        int end = pos + n;
        if (infoOnly) {
            pos = end;
            return;
        }
        while (pos < end) {
            int pq = u8(pos) >> 4;
            int tq = u8(pos) & 15;
            pos++;
            if (tq > 3) {
                throw new InvalidJpegException("DQT: table slot " + tq + " is over 3", at);
            }
            int bytesPer = pq != 0 ? 2 : 1;
            int[] table = new int[64];
            int count = 64;
            if (end - pos < 64 * bytesPer) {
                // libjpeg fills a short table with 1s and reads what is there.
                java.util.Arrays.fill(table, 1);
                count = (end - pos) / bytesPer;
            }
            for (int k = 0; k < count; k++) {
                table[ZigZag.NATURAL[k]] = bytesPer == 2 ? u16(pos) : u8(pos);
                pos += bytesPer;
            }
            quant[tq] = table;
        }
        if (pos != end) {
            throw new InvalidJpegException("DQT segment length does not match its tables", at);
        }
    }

    /** B.2.4.2 define Huffman tables: Tc 0/1, Th 0..3, BITS then HUFFVAL. */
    private void readDht(int at) throws InvalidJpegException {
        int n = segmentLength(Markers.DHT, at);
        int end = pos + n;
        if (infoOnly) {
            pos = end;
            return;
        }
        while (end - pos > 16) {
            int index = u8(pos);
            int[] counts = new int[16];
            int total = 0;
            for (int i = 0; i < 16; i++) {
                counts[i] = u8(pos + 1 + i);
                total += counts[i];
            }
            pos += 17;
            if (total > 256 || total > end - pos) {
                throw new InvalidJpegException("DHT: bad Huffman table (" + total + " symbols)", at);
            }
            int[] symbols = new int[total];
            for (int i = 0; i < total; i++) {
                symbols[i] = u8(pos + i);
            }
            pos += total;
            boolean ac = (index & 0x10) != 0;
            int slot = ac ? index - 0x10 : index;
            if (slot < 0 || slot > 3) {
                throw new InvalidJpegException(String.format("DHT: bad table index 0x%02x", index), at);
            }
            HuffmanSpec spec;
            try {
                spec = new HuffmanSpec(counts, symbols);
            } catch (IllegalArgumentException e) {
                throw new InvalidJpegException("DHT: bad Huffman table: " + e.getMessage(), at);
            }
            if (ac) {
                acSpecs[slot] = spec;
            } else {
                dcSpecs[slot] = spec;
            }
        }
        if (pos != end) {
            throw new InvalidJpegException("DHT segment length does not match its tables", at);
        }
    }

    /** B.2.2 frame header. */
    private void readSof(int marker, int at) throws JpegException {
        if (frame != null) {
            throw new InvalidJpegException("second frame header (SOF) in a sequential file", at);
        }
        if (!infoOnly && marker != Markers.SOF0 && marker != Markers.SOF1) {
            throw new UnsupportedJpegException(SofTypes.describe(marker), at);
        }
        int n = segmentLength(marker, at);
        if (n < 6) {
            throw new InvalidJpegException("SOF segment too short", at);
        }
        int precision = u8(pos);
        int height = u16(pos + 1);
        int width = u16(pos + 3);
        int nf = u8(pos + 5);
        if (height == 0 || width == 0 || nf == 0) {
            throw new InvalidJpegException("empty image: " + width + "x" + height + " with " + nf
                    + " components (DNL not supported)", at);
        }
        if (n != 6 + 3 * nf) {
            throw new InvalidJpegException("SOF length " + (n + 2) + " does not match " + nf + " components", at);
        }
        FrameHeader.Component[] comps = new FrameHeader.Component[nf];
        for (int i = 0; i < nf; i++) {
            int p = pos + 6 + 3 * i;
            comps[i] = new FrameHeader.Component(u8(p), u8(p + 1) >> 4, u8(p + 1) & 15, u8(p + 2));
        }
        pos += n;
        frame = new FrameHeader(marker, precision, height, width, comps);
        if (!infoOnly) {
            DecodeLimits.check(frame, options, at);
        }
    }

    /** B.2.3 scan header; components matched to the frame as libjpeg's get_sos does. */
    private ScanHeader readSos(int at) throws InvalidJpegException {
        if (frame == null) {
            throw new InvalidJpegException("SOS before any frame header (SOF)", at);
        }
        int n = segmentLength(Markers.SOS, at);
        int ns = n >= 1 ? u8(pos) : 0;
        if (ns < 1 || ns > 4 || n != 4 + 2 * ns) {
            throw new InvalidJpegException("SOS: bad length " + (n + 2) + " for " + ns + " components", at);
        }
        FrameHeader.Component[] fc = frame.components();
        int[] slot = {-1, -1, -1, -1};
        int[] comps = new int[ns];
        int[] td = new int[ns];
        int[] ta = new int[ns];
        for (int i = 0; i < ns; i++) {
            int id = u8(pos + 1 + 2 * i);
            int tables = u8(pos + 2 + 2 * i);
            int found = -1;
            // libjpeg: the first frame component with this id whose scan slot is still free
            // (tolerates duplicate ids).
            for (int ci = 0; ci < fc.length && ci < 4; ci++) {
                if (fc[ci].id() == id && slot[ci] < 0) {
                    found = ci;
                    break;
                }
            }
            if (found < 0) {
                throw new InvalidJpegException("SOS: component id " + id + " is not in the frame", at);
            }
            slot[i] = found;
            comps[i] = found;
            td[i] = tables >> 4;
            ta[i] = tables & 15;
        }
        int p = pos + 1 + 2 * ns;
        int ss = u8(p);
        int se = u8(p + 1);
        int ah = u8(p + 2) >> 4;
        int al = u8(p + 2) & 15;
        pos += n;
        return new ScanHeader(comps, td, ta, ss, se, ah, al, pos);
    }
}
