package org.jpegmt.core.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jpegmt.core.InvalidJpegException;

/**
 * One parser per marker segment kind (T.81 B.2), as functions from the segment's bytes to
 * immutable values. The strict {@link MarkerReader} and the lenient {@link FileStructure} walk
 * both call them; what is fatal and what only warns (a second frame, unsupported processes,
 * size limits, a damaged segment) is the callers' policy.
 *
 * <p>Each parser reads the segment body {@code data[p, end)}, after the length field, and never
 * past {@code end}; {@code at} is the offset of the marker, for messages.
 */
final class SegmentParser {
    /** A DHT table: class (0 DC, 1 AC), destination slot (0..3), and its BITS and HUFFVAL. */
    record DhtTable(int tableClass, int slot, HuffmanSpec spec) {
    }

    /** What an application segment's identifier says it is (B.2.4.6). */
    enum AppKind { OTHER, JFIF, JFXX, EXIF, XMP, ICC, ADOBE }

    /**
     * An APPn segment, identified: JFIF (a, b = version major, minor), ICC (a, b = chunk number,
     * chunk count), Adobe (a = colour transform), or a kind without values.
     */
    record AppSegment(AppKind kind, int a, int b) {
    }

    private SegmentParser() {
    }

    /** @return true if the data starts with SOI, {@code FF D8}, exactly (B.2.1) */
    static boolean startsWithSoi(byte[] d) {
        return d.length >= 2 && (d[0] & 0xFF) == 0xFF && (d[1] & 0xFF) == Markers.SOI;
    }

    static int u8(byte[] d, int at) {
        return d[at] & 0xFF;
    }

    static int u16(byte[] d, int at) {
        return ((d[at] & 0xFF) << 8) | (d[at + 1] & 0xFF);
    }

    /**
     * B.2.4.1 define quantisation tables: Pq 0 (8-bit) or 1 (16-bit), Tq 0..3, zig-zag order.
     * Like libjpeg, a last table the segment cuts short is filled with 1s (its {@link
     * QuantTable#segmentBytes()} is then more than the bytes it had).
     */
    static List<QuantTable> dqt(byte[] d, int p, int end, int at) throws InvalidJpegException {
        List<QuantTable> tables = new ArrayList<>(2);
        while (p < end) {
            int pq = u8(d, p) >> 4;
            int tq = u8(d, p) & 15;
            p++;
            if (tq > 3) {
                throw new InvalidJpegException("DQT: table slot " + tq + " is over 3", at);
            }
            int bytesPer = pq != 0 ? 2 : 1;
            int[] table = new int[64];
            int count = 64;
            if (end - p < 64 * bytesPer) {
                Arrays.fill(table, 1);
                count = (end - p) / bytesPer;
            }
            for (int k = 0; k < count; k++) {
                table[ZigZag.NATURAL[k]] = bytesPer == 2 ? u16(d, p) : u8(d, p);
                p += bytesPer;
            }
            tables.add(new QuantTable(tq, 8 * bytesPer, table));
        }
        if (p != end) {
            throw new InvalidJpegException("DQT segment length does not match its tables", at);
        }
        return tables;
    }

    /** B.2.4.2 define Huffman tables: Tc 0/1, Th 0..3, BITS then HUFFVAL, checked (C.2). */
    static List<DhtTable> dht(byte[] d, int p, int end, int at) throws InvalidJpegException {
        List<DhtTable> tables = new ArrayList<>(4);
        while (end - p > 16) {
            int index = u8(d, p);
            int[] counts = new int[16];
            int total = 0;
            for (int i = 0; i < 16; i++) {
                counts[i] = u8(d, p + 1 + i);
                total += counts[i];
            }
            p += 17;
            if (total > 256 || total > end - p) {
                throw new InvalidJpegException("DHT: bad Huffman table (" + total + " symbols)", at);
            }
            int[] symbols = new int[total];
            for (int i = 0; i < total; i++) {
                symbols[i] = u8(d, p + i);
            }
            p += total;
            boolean ac = (index & 0x10) != 0;
            int slot = ac ? index - 0x10 : index;
            if (slot < 0 || slot > 3) {
                throw new InvalidJpegException(String.format("DHT: bad table index 0x%02x", index), at);
            }
            try {
                tables.add(new DhtTable(ac ? 1 : 0, slot, new HuffmanSpec(counts, symbols)));
            } catch (IllegalArgumentException e) {
                throw new InvalidJpegException("DHT: bad Huffman table: " + e.getMessage(), at);
            }
        }
        if (p != end) {
            throw new InvalidJpegException("DHT segment length does not match its tables", at);
        }
        return tables;
    }

    /**
     * B.2.2 frame header, for any SOFn marker.
     *
     * @param allowEmpty accept zero lines, samples or components (a listing describes such a
     *     frame; the decoder refuses it, DNL being unsupported)
     */
    static FrameHeader sof(int marker, byte[] d, int p, int end, int at, boolean allowEmpty)
            throws InvalidJpegException {
        int n = end - p;
        if (n < 6) {
            throw new InvalidJpegException("SOF segment too short", at);
        }
        int precision = u8(d, p);
        int height = u16(d, p + 1);
        int width = u16(d, p + 3);
        int nf = u8(d, p + 5);
        if (!allowEmpty && (height == 0 || width == 0 || nf == 0)) {
            throw new InvalidJpegException("empty image: " + width + "x" + height + " with " + nf
                    + " components (DNL not supported)", at);
        }
        if (n != 6 + 3 * nf) {
            throw new InvalidJpegException("SOF length " + (n + 2) + " does not match " + nf + " components", at);
        }
        FrameHeader.Component[] comps = new FrameHeader.Component[nf];
        for (int i = 0; i < nf; i++) {
            int c = p + 6 + 3 * i;
            comps[i] = new FrameHeader.Component(u8(d, c), u8(d, c + 1) >> 4, u8(d, c + 1) & 15, u8(d, c + 2));
        }
        return new FrameHeader(marker, precision, height, width, comps);
    }

    /** A scan header needs the frame it belongs to (B.2.3 names frame components). */
    static void requireFrame(FrameHeader frame, int at) throws InvalidJpegException {
        if (frame == null) {
            throw new InvalidJpegException("SOS before any frame header (SOF)", at);
        }
    }

    /**
     * B.2.3 scan header; components matched to the frame as libjpeg's get_sos does.
     *
     * @return the header; its data offset is {@code end}
     */
    static ScanHeader sos(FrameHeader frame, byte[] d, int p, int end, int at) throws InvalidJpegException {
        requireFrame(frame, at);
        int n = end - p;
        int ns = n >= 1 ? u8(d, p) : 0;
        if (ns < 1 || ns > 4 || n != 4 + 2 * ns) {
            throw new InvalidJpegException("SOS: bad length " + (n + 2) + " for " + ns + " components", at);
        }
        FrameHeader.Component[] fc = frame.components();
        int[] slot = {-1, -1, -1, -1};
        int[] comps = new int[ns];
        int[] td = new int[ns];
        int[] ta = new int[ns];
        for (int i = 0; i < ns; i++) {
            int id = u8(d, p + 1 + 2 * i);
            int tables = u8(d, p + 2 + 2 * i);
            int found = -1;
            // libjpeg's get_sos, index mix-up included: it tests the slot of frame component ci
            // but fills the slot of scan component i. Kept as it is (tolerates duplicate ids the
            // way libjpeg does); "fixing" it would change which component a damaged scan decodes.
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
        int s = p + 1 + 2 * ns;
        return new ScanHeader(comps, td, ta, u8(d, s), u8(d, s + 1), u8(d, s + 2) >> 4, u8(d, s + 2) & 15, end);
    }

    /** B.2.4.4 define restart interval: length must be 4. @return the interval in MCUs, 0 = none */
    static int dri(byte[] d, int p, int end, int at) throws InvalidJpegException {
        if (end - p != 2) {
            throw new InvalidJpegException("DRI segment length " + (end - p + 2) + ", must be 4", at);
        }
        return u16(d, p);
    }

    /**
     * B.2.4.6 application data, identified by the string it starts with: JFIF (APP0, 7+ bytes;
     * libjpeg honours it from 14), JFXX, Exif and XMP (APP1), ICC_PROFILE (APP2, 14+ bytes),
     * Adobe (APP14, 12+ bytes).
     */
    static AppSegment app(int marker, byte[] d, int p, int end) {
        int n = end - p;
        if (marker == Markers.APP0 && startsWith(d, p, end, "JFIF\0") && n >= 7) {
            return new AppSegment(AppKind.JFIF, u8(d, p + 5), u8(d, p + 6));
        }
        if (marker == Markers.APP0 && startsWith(d, p, end, "JFXX\0")) {
            return new AppSegment(AppKind.JFXX, 0, 0);
        }
        if (marker == Markers.APP0 + 1 && startsWith(d, p, end, "Exif\0")) {
            return new AppSegment(AppKind.EXIF, 0, 0);
        }
        if (marker == Markers.APP0 + 1 && startsWith(d, p, end, "http://ns.adobe.com/xap/1.0/")) {
            return new AppSegment(AppKind.XMP, 0, 0);
        }
        if (marker == Markers.APP0 + 2 && startsWith(d, p, end, "ICC_PROFILE\0") && n >= 14) {
            return new AppSegment(AppKind.ICC, u8(d, p + 12), u8(d, p + 13));
        }
        if (marker == Markers.APP14 && startsWith(d, p, end, "Adobe") && n >= 12) {
            return new AppSegment(AppKind.ADOBE, u8(d, p + 11), 0);
        }
        return new AppSegment(AppKind.OTHER, 0, 0);
    }

    private static boolean startsWith(byte[] d, int p, int end, String id) {
        if (end - p < id.length()) {
            return false;
        }
        for (int i = 0; i < id.length(); i++) {
            if (d[p + i] != (byte) id.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
