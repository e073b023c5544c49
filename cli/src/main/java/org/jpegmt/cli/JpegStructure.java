package org.jpegmt.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jpegmt.core.internal.AnnexK;
import org.jpegmt.core.DecoderOptions;
import org.jpegmt.core.JpegException;
import org.jpegmt.mt.ParallelJpegDecoder;

/**
 * A walk over the marker segments of a JPEG file (T.81 B.1.1), for {@code jpegmt info}: every
 * marker with its offset and length, the quantisation and Huffman tables, the frame, the scans
 * with the restart markers actually present in their entropy-coded data, the application
 * segments, and what looks wrong. It never decodes pixels and never throws on damaged data past
 * the SOI marker: what it cannot make sense of becomes a warning.
 */
final class JpegStructure {
    private static final int[] NATURAL = AnnexK.zigZagToNatural();

    /** One marker: its second byte, the offset of its FF byte, and the segment length field (0 for standalone markers). */
    record Segment(int marker, long offset, int length, String note) {
        String name() {
            return markerName(marker);
        }
    }

    /** A DQT table: slot, precision in bits, values in natural order. */
    record QuantTable(int slot, int precision, int[] values) {
    }

    /** A DHT table: class (0 DC, 1 AC), slot, counts per code length, symbols; {@code standard} names the matching Annex K table or is null. */
    record HuffTable(int tableClass, int slot, int[] counts, int[] symbols, String standard) {
        String label() {
            return (tableClass == 0 ? "DC" : "AC") + slot;
        }
    }

    /** A frame component. */
    record Component(int id, int h, int v, int quantTable) {
    }

    /** One scan: offset of its SOS marker, component ids, entropy-coded bytes, RSTn markers in it. */
    record Scan(long offset, int[] componentIds, long dataLength, int restartMarkers, boolean markersInOrder,
            int restartInterval) {
    }

    final List<Segment> segments = new ArrayList<>();
    final List<QuantTable> quantTables = new ArrayList<>();
    final List<HuffTable> huffTables = new ArrayList<>();
    final List<Component> components = new ArrayList<>();
    final List<Scan> scans = new ArrayList<>();
    final List<String> warnings = new ArrayList<>();
    final List<String> comments = new ArrayList<>();
    int sofMarker = -1;
    int width;
    int height;
    int precision;
    int restartInterval;
    String jfif;
    boolean exif;
    boolean xmp;
    int iccChunks;
    int adobeTransform = -1;
    boolean eoi;
    long trailingBytes;

    private final byte[] data;

    private JpegStructure(byte[] data) {
        this.data = data;
    }

    /**
     * @param data a whole file
     * @return its structure
     * @throws IOException if the data does not start with an SOI marker
     */
    static JpegStructure parse(byte[] data) throws IOException {
        if (data.length < 2 || (data[0] & 0xFF) != 0xFF || (data[1] & 0xFF) != 0xD8) {
            throw new IOException("not a JPEG file (no SOI marker at the start)");
        }
        JpegStructure s = new JpegStructure(data);
        s.walk();
        return s;
    }

    private int u8(long pos) {
        return data[(int) pos] & 0xFF;
    }

    private int u16(long pos) {
        return (u8(pos) << 8) | u8(pos + 1);
    }

    private void walk() {
        segments.add(new Segment(0xD8, 0, 0, ""));
        int pos = 2;
        while (pos < data.length) {
            int start = pos;
            while (pos < data.length && u8(pos) != 0xFF) {
                pos++;
            }
            if (pos > start) {
                warnings.add((pos - start) + " junk bytes before the marker at offset " + pos + " (from offset " + start + ")");
            }
            while (pos + 1 < data.length && u8(pos + 1) == 0xFF) {
                pos++; // fill bytes (B.1.1.2)
            }
            if (pos + 1 >= data.length) {
                break;
            }
            int marker = u8(pos + 1);
            int offset = pos;
            if (marker == 0xD9) {
                segments.add(new Segment(marker, offset, 0, ""));
                eoi = true;
                trailingBytes = data.length - (offset + 2L);
                if (trailingBytes > 0) {
                    warnings.add(trailingBytes + " bytes after the EOI marker");
                }
                return;
            }
            if (marker == 0x00 || marker == 0x01 || (marker >= 0xD0 && marker <= 0xD8)) {
                segments.add(new Segment(marker, offset, 0, ""));
                if (marker != 0x01) {
                    warnings.add("unexpected " + markerName(marker) + " at offset " + offset);
                }
                pos += 2;
                continue;
            }
            if (pos + 3 >= data.length) {
                warnings.add(markerName(marker) + " at offset " + offset + " is truncated");
                break;
            }
            int length = u16(pos + 2);
            int end = pos + 2 + length;
            if (length < 2 || end > data.length) {
                segments.add(new Segment(marker, offset, length, "truncated"));
                warnings.add(markerName(marker) + " at offset " + offset + " has length " + length
                        + " but only " + (data.length - pos - 2) + " bytes remain");
                return;
            }
            String note = segment(marker, pos + 4, end, offset);
            segments.add(new Segment(marker, offset, length, note));
            pos = end;
            if (marker == 0xDA) {
                pos = scanData(pos, offset);
            }
        }
        if (!eoi) {
            warnings.add("no EOI marker (file truncated?)");
        }
    }

    /** Parses what info reports from one segment body {@code [p, end)}; returns a note for the marker list. */
    private String segment(int marker, int p, int end, int offset) {
        try {
            if (marker == 0xDB) {
                return dqt(p, end);
            }
            if (marker == 0xC4) {
                return dht(p, end);
            }
            if (marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC) {
                return sof(marker, p, end, offset);
            }
            if (marker == 0xDD) {
                restartInterval = u16(p);
                return "interval " + restartInterval + " MCUs";
            }
            if (marker == 0xDA) {
                return sos(p);
            }
            if (marker == 0xFE) {
                String text = new String(data, p, end - p, StandardCharsets.ISO_8859_1).strip();
                comments.add(text);
                return text.length() > 40 ? text.substring(0, 40) + "..." : text;
            }
            if (marker >= 0xE0 && marker <= 0xEF) {
                return app(marker, p, end);
            }
        } catch (ArrayIndexOutOfBoundsException e) {
            warnings.add(markerName(marker) + " at offset " + offset + " is shorter than its contents");
            return "malformed";
        }
        return "";
    }

    private boolean startsWith(int p, int end, String id) {
        byte[] b = id.getBytes(StandardCharsets.ISO_8859_1);
        if (end - p < b.length) {
            return false;
        }
        return Arrays.equals(data, p, p + b.length, b, 0, b.length);
    }

    private String app(int marker, int p, int end) {
        if (marker == 0xE0 && startsWith(p, end, "JFIF\0") && end - p >= 7) {
            jfif = u8(p + 5) + "." + String.format("%02d", u8(p + 6));
            return "JFIF " + jfif;
        }
        if (marker == 0xE0 && startsWith(p, end, "JFXX\0")) {
            return "JFIF extension (thumbnail)";
        }
        if (marker == 0xE1 && startsWith(p, end, "Exif\0")) {
            exif = true;
            return "Exif";
        }
        if (marker == 0xE1 && startsWith(p, end, "http://ns.adobe.com/xap/1.0/")) {
            xmp = true;
            return "XMP";
        }
        if (marker == 0xE2 && startsWith(p, end, "ICC_PROFILE\0")) {
            iccChunks++;
            return "ICC profile chunk " + u8(p + 12) + " of " + u8(p + 13);
        }
        if (marker == 0xEE && startsWith(p, end, "Adobe") && end - p >= 12) {
            adobeTransform = u8(p + 11);
            return "Adobe, transform " + adobeTransform;
        }
        return "";
    }

    private String dqt(int p, int end) {
        StringBuilder note = new StringBuilder();
        while (p < end) {
            int pq = u8(p) >> 4;
            int tq = u8(p) & 15;
            p++;
            int[] values = new int[64];
            for (int k = 0; k < 64; k++) {
                values[NATURAL[k]] = pq == 0 ? u8(p + k) : u16(p + 2 * k);
            }
            p += pq == 0 ? 64 : 128;
            if (p > end) {
                throw new ArrayIndexOutOfBoundsException();
            }
            quantTables.removeIf(t -> t.slot() == tq);
            quantTables.add(new QuantTable(tq, pq == 0 ? 8 : 16, values));
            note.append(note.length() == 0 ? "table " : ", ").append(tq);
        }
        return note.toString();
    }

    private String dht(int p, int end) {
        StringBuilder note = new StringBuilder();
        while (p < end) {
            int tc = u8(p) >> 4;
            int th = u8(p) & 15;
            int[] counts = new int[16];
            int total = 0;
            for (int i = 0; i < 16; i++) {
                counts[i] = u8(p + 1 + i);
                total += counts[i];
            }
            p += 17;
            if (p + total > end) {
                throw new ArrayIndexOutOfBoundsException();
            }
            int[] symbols = new int[total];
            for (int i = 0; i < total; i++) {
                symbols[i] = u8(p + i);
            }
            p += total;
            String standard = AnnexK.standardHuffmanName(tc, counts, symbols);
            huffTables.removeIf(t -> t.tableClass() == tc && t.slot() == th);
            HuffTable t = new HuffTable(tc, th, counts, symbols, standard);
            huffTables.add(t);
            note.append(note.length() == 0 ? "" : ", ").append(t.label());
        }
        return note.toString();
    }

    private String sof(int marker, int p, int end, int offset) {
        if (sofMarker >= 0) {
            warnings.add("second frame header " + markerName(marker) + " at offset " + offset);
            return "";
        }
        sofMarker = marker;
        precision = u8(p);
        height = u16(p + 1);
        width = u16(p + 3);
        int n = u8(p + 5);
        for (int i = 0; i < n; i++) {
            int q = p + 6 + 3 * i;
            components.add(new Component(u8(q), u8(q + 1) >> 4, u8(q + 1) & 15, u8(q + 2)));
        }
        return width + "x" + height + ", " + n + " components";
    }

    private int[] pendingScan;

    private String sos(int p) {
        int n = u8(p);
        pendingScan = new int[n];
        for (int i = 0; i < n; i++) {
            pendingScan[i] = u8(p + 1 + 2 * i);
        }
        return n + " component" + (n == 1 ? "" : "s");
    }

    /**
     * Skips the entropy-coded data after an SOS header, counting {@code RSTn} markers and
     * checking their numbering ({@code FF 00} is stuffing, {@code FF FF} fill).
     *
     * @return the offset of the marker that ends the scan, or the end of the data
     */
    private int scanData(int pos, int sosOffset) {
        int start = pos;
        int rst = 0;
        boolean inOrder = true;
        int p = pos;
        while (p < data.length) {
            if (u8(p) != 0xFF) {
                p++;
                continue;
            }
            int q = p + 1;
            while (q < data.length && u8(q) == 0xFF) {
                q++;
            }
            if (q >= data.length) {
                p = data.length;
                break;
            }
            int m = u8(q);
            if (m == 0x00) {
                p = q + 1;
            } else if (m >= 0xD0 && m <= 0xD7) {
                if (m - 0xD0 != (rst & 7)) {
                    inOrder = false;
                }
                rst++;
                p = q + 1;
            } else {
                p = q - 1; // the last FF before the marker code
                break;
            }
        }
        int[] ids = pendingScan == null ? new int[0] : pendingScan;
        Scan scan = new Scan(sosOffset, ids, p - start, rst, inOrder, restartInterval);
        scans.add(scan);
        segments.add(new Segment(-1, start, p - start, rst + " RST marker" + (rst == 1 ? "" : "s")));
        if (!inOrder) {
            warnings.add("RST markers of the scan at offset " + sosOffset + " are misnumbered");
        }
        if (restartInterval > 0) {
            long expected = expectedRestarts(ids, restartInterval);
            if (expected >= 0 && expected != rst) {
                warnings.add("the scan at offset " + sosOffset + " has " + rst + " RST markers where restart interval "
                        + restartInterval + " implies " + expected);
            }
        } else if (rst > 0) {
            warnings.add("the scan at offset " + sosOffset + " has " + rst + " RST markers but no restart interval");
        }
        return p;
    }

    /** RST markers a scan of these components must hold: one between consecutive restart intervals. */
    long expectedRestarts(int[] ids, int interval) {
        long mcus = mcuCount(ids);
        return mcus <= 0 || interval <= 0 ? -1 : (mcus + interval - 1) / interval - 1;
    }

    /** MCUs of a scan (A.2): interleaved over the whole frame, or the blocks of its one component. */
    long mcuCount(int[] ids) {
        if (components.isEmpty() || width == 0 || height == 0) {
            return -1;
        }
        int hmax = 1;
        int vmax = 1;
        for (Component c : components) {
            hmax = Math.max(hmax, c.h());
            vmax = Math.max(vmax, c.v());
        }
        if (ids.length == 1) {
            for (Component c : components) {
                if (c.id() == ids[0]) {
                    long w = ceilDiv((long) width * c.h(), hmax);
                    long h = ceilDiv((long) height * c.v(), vmax);
                    return ceilDiv(w, 8) * ceilDiv(h, 8);
                }
            }
            return -1;
        }
        return ceilDiv(width, 8L * hmax) * ceilDiv(height, 8L * vmax);
    }

    private static long ceilDiv(long a, long b) {
        return (a + b - 1) / b;
    }

    /**
     * Whether jpeg-mt splits the entropy decoding of this file into bands when it has 2 or more
     * threads ({@link ParallelJpegDecoder#decodesInBands}, the decoder's own decision: one scan,
     * every RST marker present and in order, at least two bands of 4+ MCU rows, 64 Ki pixels).
     */
    boolean parallelDecodable() {
        try {
            return new ParallelJpegDecoder(DecoderOptions.defaults(), 2).decodesInBands(data);
        } catch (JpegException e) {
            return false;
        }
    }

    /** Marker names as in T.81 Table B.1; -1 stands for entropy-coded data. */
    static String markerName(int marker) {
        if (marker < 0) {
            return "data";
        }
        if (marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC) {
            return "SOF" + (marker - 0xC0);
        }
        if (marker >= 0xD0 && marker <= 0xD7) {
            return "RST" + (marker - 0xD0);
        }
        if (marker >= 0xE0 && marker <= 0xEF) {
            return "APP" + (marker - 0xE0);
        }
        if (marker >= 0xF0 && marker <= 0xFD) {
            return "JPG" + (marker - 0xF0);
        }
        return switch (marker) {
            case 0xC4 -> "DHT";
            case 0xC8 -> "JPG";
            case 0xCC -> "DAC";
            case 0xD8 -> "SOI";
            case 0xD9 -> "EOI";
            case 0xDA -> "SOS";
            case 0xDB -> "DQT";
            case 0xDC -> "DNL";
            case 0xDD -> "DRI";
            case 0xDE -> "DHP";
            case 0xDF -> "EXP";
            case 0xFE -> "COM";
            case 0x01 -> "TEM";
            default -> String.format("0x%02X", marker);
        };
    }
}
