package org.jpegmt.core.internal;

import java.util.List;
import org.jpegmt.core.InvalidJpegException;

/**
 * The marker segments of a whole JPEG file (T.81 B.1.1), as a listing sees them: every marker
 * with its offset and length, the quantisation and Huffman tables, the frame, each scan with the
 * restart markers actually present in its entropy-coded data, the application segments, the
 * comments, what follows EOI, and what looks wrong. Read leniently ({@link StructureWalk}): past
 * the SOI check nothing throws; what cannot be made sense of becomes a warning. The segments are
 * parsed by the decoder's own parsers ({@link SegmentParser}). Immutable.
 */
public final class FileStructure {

    /**
     * One marker: its code (the byte after {@code FF}, or {@link #DATA} for a scan's
     * entropy-coded data), the offset of its {@code FF} byte, its length field (0 for standalone
     * markers; the byte count for data) and a note on what it holds.
     */
    public record Segment(int marker, long offset, int length, String note) {
        /** Marker code standing for entropy-coded data. */
        public static final int DATA = -1;

        /** @return the T.81 marker name, or "data" */
        public String name() {
            return marker == DATA ? "data" : Markers.name(marker);
        }
    }

    /**
     * A DHT table.
     *
     * @param tableClass 0 DC, 1 AC
     * @param slot destination 0..3
     * @param counts codes per length 1..16 (BITS)
     * @param symbols HUFFVAL
     * @param standard the Annex K.3 table it is ("K.3 luminance DC", ...), or null
     */
    public record HuffTable(int tableClass, int slot, int[] counts, int[] symbols, String standard) {
        /** @return "DC0", "AC1", ... */
        public String label() {
            return (tableClass == 0 ? "DC" : "AC") + slot;
        }
    }

    /** A frame component (B.2.2): identifier, sampling factors, quantisation table slot. */
    public record Component(int id, int h, int v, int quantTable) {
    }

    /**
     * One scan.
     *
     * @param offset of its SOS marker
     * @param componentIds its components' identifiers (empty if its header could not be read)
     * @param dataLength bytes of entropy-coded data, fill bytes before the next marker included
     * @param restartMarkers RSTn markers in the data
     * @param markersInOrder whether they are numbered RST0, RST1, ... modulo 8
     * @param restartInterval the restart interval in force for the scan, in MCUs
     * @param ss start of spectral selection (T.81 B.2.3; -1 if the header could not be read)
     * @param se end of spectral selection
     * @param ah successive approximation bit position high (0 in a first scan)
     * @param al successive approximation bit position low
     */
    public record Scan(long offset, int[] componentIds, long dataLength, int restartMarkers, boolean markersInOrder,
            int restartInterval, int ss, int se, int ah, int al) {
    }

    /** Everything found, in file order. */
    public final List<Segment> segments;
    /** The tables in force at the end, in the order last defined. */
    public final List<QuantTable> quantTables;
    public final List<HuffTable> huffTables;
    /** The first frame header's components; empty without one. */
    public final List<Component> components;
    public final List<Scan> scans;
    public final List<String> warnings;
    /** COM texts (ISO 8859-1, stripped). */
    public final List<String> comments;
    /** The first SOFn marker, or -1 if there is none. */
    public final int sofMarker;
    public final int width;
    public final int height;
    public final int precision;
    /** The last restart interval defined, in MCUs. */
    public final int restartInterval;
    /** JFIF version ("1.01"), or null without a JFIF APP0. */
    public final String jfifVersion;
    public final boolean exif;
    public final boolean xmp;
    /** ICC_PROFILE APP2 chunks. */
    public final int iccChunks;
    /** The Adobe APP14 colour transform, or -1 without one. */
    public final int adobeTransform;
    /** Whether an EOI marker was met. */
    public final boolean eoi;
    /** Bytes after the EOI marker. */
    public final long trailingBytes;

    FileStructure(StructureWalk w) {
        segments = List.copyOf(w.segments);
        quantTables = List.copyOf(w.quantTables);
        huffTables = List.copyOf(w.huffTables);
        components = List.copyOf(w.components);
        scans = List.copyOf(w.scans);
        warnings = List.copyOf(w.warnings);
        comments = List.copyOf(w.comments);
        FrameHeader f = w.frame;
        sofMarker = f == null ? -1 : f.sof();
        width = f == null ? 0 : f.width();
        height = f == null ? 0 : f.height();
        precision = f == null ? 0 : f.precision();
        restartInterval = w.restartInterval;
        jfifVersion = w.jfifVersion;
        exif = w.exif;
        xmp = w.xmp;
        iccChunks = w.iccChunks;
        adobeTransform = w.adobeTransform;
        eoi = w.eoi;
        trailingBytes = w.trailingBytes;
    }

    /** @return true if the data starts with SOI, {@code FF D8} (B.2.1), as every JPEG file does */
    public static boolean startsWithSoi(byte[] data) {
        return SegmentParser.startsWithSoi(data);
    }

    /**
     * @param data a whole file
     * @return its structure
     * @throws InvalidJpegException only if the data does not start with SOI
     */
    public static FileStructure read(byte[] data) throws InvalidJpegException {
        if (!startsWithSoi(data)) {
            throw new InvalidJpegException("not a JPEG file (no SOI marker at the start)", -1);
        }
        return new StructureWalk(data).walk();
    }
}
