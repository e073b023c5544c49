package org.jpegmt.core.internal;

import org.jpegmt.core.DecoderOptions;
import org.jpegmt.core.JpegException;
import org.jpegmt.core.InvalidJpegException;
import org.jpegmt.core.UnsupportedJpegException;

/**
 * Reads the marker segments of a JPEG file (T.81 Annex B): SOI, frame header, tables,
 * restart interval, application segments, scan headers, each parsed by {@link SegmentParser}.
 * Tolerates what libjpeg tolerates (junk and fill bytes before a marker, with a warning) and
 * refuses what it refuses, with the segment, the value and the byte offset in the message.
 */
final class MarkerReader {
    /**
     * Most markers the reader handles in one file outside entropy-coded data (tables, APPn,
     * COM, scan headers, stray RSTn...). Real files use a few dozen; the cap bounds the work a
     * hostile file of tiny segments can cause.
     */
    static final int MAX_MARKERS = 4096;

    private final byte[] data;
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
        this.data = data;
        this.options = options;
        this.warn = warn;
        this.infoOnly = infoOnly;
        this.cursor = new MarkerCursor(data, warn, 0);
    }

    /**
     * @param warnings where the copy reports
     * @return a reader in this one's state (position, tables, frame, counts) that moves on its own:
     *     for a look ahead at the segments after a scan that leaves this reader where it is. Tables
     *     are replaced, never changed in place, so sharing the current ones is safe.
     */
    MarkerReader copy(Warnings warnings) {
        MarkerReader r = new MarkerReader(data, options, warnings, infoOnly);
        r.pos = pos;
        System.arraycopy(quant, 0, r.quant, 0, 4);
        System.arraycopy(dcSpecs, 0, r.dcSpecs, 0, 4);
        System.arraycopy(acSpecs, 0, r.acSpecs, 0, 4);
        r.restartInterval = restartInterval;
        r.jfif = jfif;
        r.adobeTransform = adobeTransform;
        r.frame = frame;
        r.cursor.eofSeen = cursor.eofSeen;
        r.markerCount = markerCount;
        return r;
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
        if (!SegmentParser.startsWithSoi(data)) {
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

    private int u16(int at) {
        return SegmentParser.u16(data, at);
    }

    /** @return the segment length field at {@link #pos}, checked against the data; pos moves past it */
    private int segmentLength(int marker, int at) throws InvalidJpegException {
        if (pos + 2 > data.length) {
            throw new InvalidJpegException(String.format("truncated 0xFF%02X segment", marker), at);
        }
        int len = u16(pos);
        if (len < 2) {
            throw new InvalidJpegException(String.format("0xFF%02X segment length %d is below 2", marker, len), at);
        }
        if (pos + len > data.length) {
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
        if (pos + 2 > data.length) {
            throw new InvalidJpegException(String.format("truncated 0xFF%02X segment", marker), at);
        }
        int n = Math.max(0, u16(pos) - 2);
        pos += 2;
        if (pos + n > data.length) {
            warn.warn("Premature end of JPEG file", data.length);
            cursor.eofSeen = true;
            return data.length - pos;
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
        SegmentParser.AppSegment app = SegmentParser.app(marker, data, pos, pos + n);
        if (app.kind() == SegmentParser.AppKind.JFIF && n >= 14) {
            jfif = true;
        } else if (app.kind() == SegmentParser.AppKind.ADOBE) {
            adobeTransform = app.a();
        }
        pos += n;
    }

    /** B.2.4.4 ({@link SegmentParser#dri}). */
    private void readDri(int at) throws InvalidJpegException {
        int n = segmentLength(Markers.DRI, at);
        restartInterval = SegmentParser.dri(data, pos, pos + n, at);
        pos += n;
    }

    /** B.2.4.1 ({@link SegmentParser#dqt}); contents skipped in header-only mode. */
    private void readDqt(int at) throws InvalidJpegException {
        byte[] body = tableSegment(Markers.DQT, at);
        int n = body == data ? segmentLength(Markers.DQT, at) : body.length;
        int p = body == data ? pos : 0;
        if (!infoOnly) {
            for (QuantTable t : SegmentParser.dqt(body, p, p + n, at)) {
                quant[t.slot()] = t.values();
            }
        }
        pos = body == data ? pos + n : data.length;
    }

    /** B.2.4.2 ({@link SegmentParser#dht}); contents skipped in header-only mode. */
    private void readDht(int at) throws InvalidJpegException {
        byte[] body = tableSegment(Markers.DHT, at);
        int n = body == data ? segmentLength(Markers.DHT, at) : body.length;
        int p = body == data ? pos : 0;
        if (!infoOnly) {
            for (SegmentParser.DhtTable t : SegmentParser.dht(body, p, p + n, at)) {
                (t.tableClass() == 1 ? acSpecs : dcSpecs)[t.slot()] = t.spec();
            }
        }
        pos = body == data ? pos + n : data.length;
    }

    /**
     * A table segment cut off by the end of the data, after a frame header (a truncated download,
     * typically between two progressive scans): libjpeg reads past the end of its input as an
     * endless fake EOI ({@code FF D9 FF D9 ...}, jdatasrc.c) with one "Premature end of JPEG
     * file" warning, and its next marker is then EOI. Such a segment is read the same way.
     *
     * @return {@link #data} when the segment is whole (or there is no frame yet: refused as
     *     before by {@link #segmentLength}); otherwise the segment body, padded
     */
    private byte[] tableSegment(int marker, int at) throws InvalidJpegException {
        if (frame == null || infoOnly || pos + 2 > data.length) {
            return data;
        }
        int len = u16(pos);
        if (len < 2 || pos + len <= data.length) {
            return data;
        }
        byte[] body = new byte[len - 2];
        int have = Math.max(0, data.length - (pos + 2));
        System.arraycopy(data, pos + 2, body, 0, have);
        for (int i = have; i < body.length; i++) {
            body[i] = (byte) (((i - have) & 1) == 0 ? 0xFF : Markers.EOI);
        }
        cursor.endOfData();
        return body;
    }

    /**
     * B.2.2 ({@link SegmentParser#sof}): one frame; only SOF0/SOF1 and SOF2 (progressive) are decoded, any SOFn is
     * described in header-only mode; limits checked before anything is allocated.
     */
    private void readSof(int marker, int at) throws JpegException {
        if (frame != null) {
            throw new InvalidJpegException("second frame header (SOF) in a sequential file", at);
        }
        if (!infoOnly && marker != Markers.SOF0 && marker != Markers.SOF1 && marker != Markers.SOF2) {
            throw new UnsupportedJpegException(SofTypes.describe(marker), at);
        }
        int n = segmentLength(marker, at);
        frame = SegmentParser.sof(marker, data, pos, pos + n, at, false);
        pos += n;
        if (!infoOnly) {
            DecodeLimits.check(frame, options, data.length, at);
        }
    }

    /** B.2.3 ({@link SegmentParser#sos}). */
    private ScanHeader readSos(int at) throws InvalidJpegException {
        SegmentParser.requireFrame(frame, at);
        int n = segmentLength(Markers.SOS, at);
        pos += n;
        return SegmentParser.sos(frame, data, pos - n, pos, at);
    }
}
