package org.jpegmt.core.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jpegmt.core.InvalidJpegException;
import org.jpegmt.core.internal.FileStructure.Component;
import org.jpegmt.core.internal.FileStructure.HuffTable;
import org.jpegmt.core.internal.FileStructure.Scan;
import org.jpegmt.core.internal.FileStructure.Segment;

/**
 * The lenient walk behind {@link FileStructure#read}: every marker in file order, each segment
 * parsed by {@link SegmentParser}; a segment it refuses is noted "malformed" and its message
 * becomes a warning, and the walk goes on. Unlike the decoder's {@link MarkerCursor} it lists
 * what it skips: {@code FF 00} and stray standalone markers between segments become entries of
 * their own. Not thread-safe; one walk per file.
 */
final class StructureWalk {
    private final byte[] d;

    final List<Segment> segments = new ArrayList<>();
    final List<QuantTable> quantTables = new ArrayList<>();
    final List<HuffTable> huffTables = new ArrayList<>();
    final List<Component> components = new ArrayList<>();
    final List<Scan> scans = new ArrayList<>();
    final List<String> warnings = new ArrayList<>();
    final List<String> comments = new ArrayList<>();
    FrameHeader frame;
    int restartInterval;
    String jfifVersion;
    boolean exif;
    boolean xmp;
    int iccChunks;
    int adobeTransform = -1;
    boolean eoi;
    long trailingBytes;
    /** The header of the scan whose data comes next, or null if it could not be read. */
    private ScanHeader pendingScan;

    StructureWalk(byte[] data) {
        this.d = data;
    }

    private int u8(int at) {
        return SegmentParser.u8(d, at);
    }

    FileStructure walk() {
        segments.add(new Segment(Markers.SOI, 0, 0, ""));
        int pos = 2;
        while (pos < d.length) {
            int start = pos;
            while (pos < d.length && u8(pos) != 0xFF) {
                pos++;
            }
            if (pos > start) {
                warnings.add((pos - start) + " junk bytes before the marker at offset " + pos + " (from offset " + start + ")");
            }
            while (pos + 1 < d.length && u8(pos + 1) == 0xFF) {
                pos++; // fill bytes (B.1.1.2)
            }
            if (pos + 1 >= d.length) {
                break;
            }
            int marker = u8(pos + 1);
            int offset = pos;
            if (marker == Markers.EOI) {
                segments.add(new Segment(marker, offset, 0, ""));
                eoi = true;
                trailingBytes = d.length - (offset + 2L);
                if (trailingBytes > 0) {
                    warnings.add(trailingBytes + " bytes after the EOI marker");
                }
                return new FileStructure(this);
            }
            if (marker == 0 || Markers.standalone(marker)) {
                segments.add(new Segment(marker, offset, 0, ""));
                if (marker != Markers.TEM) {
                    warnings.add("unexpected " + Markers.name(marker) + " at offset " + offset);
                }
                pos += 2;
                continue;
            }
            if (pos + 3 >= d.length) {
                warnings.add(Markers.name(marker) + " at offset " + offset + " is truncated");
                break;
            }
            int length = SegmentParser.u16(d, pos + 2);
            int end = pos + 2 + length;
            if (length < 2 || end > d.length) {
                segments.add(new Segment(marker, offset, length, "truncated"));
                warnings.add(Markers.name(marker) + " at offset " + offset + " has length " + length
                        + " but only " + (d.length - pos - 2) + " bytes remain");
                return new FileStructure(this);
            }
            String note;
            try {
                note = segment(marker, pos + 4, end, offset);
            } catch (InvalidJpegException e) {
                warnings.add(e.getMessage());
                note = "malformed";
            }
            segments.add(new Segment(marker, offset, length, note));
            pos = end;
            if (marker == Markers.SOS) {
                pos = scanData(pos, offset);
            }
        }
        if (!eoi) {
            warnings.add("no EOI marker (file truncated?)");
        }
        return new FileStructure(this);
    }

    /** Takes in one segment body {@code [p, end)}; returns a note for the marker list. */
    private String segment(int marker, int p, int end, int at) throws InvalidJpegException {
        if (marker == Markers.SOS) {
            pendingScan = null;
            pendingScan = SegmentParser.sos(frame, d, p, end, at);
            int n = pendingScan.count();
            return n + " component" + (n == 1 ? "" : "s");
        }
        if (marker == Markers.DQT) {
            return dqt(p, end, at);
        }
        if (marker == Markers.DHT) {
            return dht(p, end, at);
        }
        if (Markers.isFrame(marker)) {
            return sof(marker, p, end, at);
        }
        if (marker == Markers.DRI) {
            restartInterval = SegmentParser.dri(d, p, end, at);
            return "interval " + restartInterval + " MCUs";
        }
        if (marker == Markers.COM) {
            String text = new String(d, p, end - p, StandardCharsets.ISO_8859_1).strip();
            comments.add(text);
            return text.length() > 40 ? text.substring(0, 40) + "..." : text;
        }
        if (Markers.isApp(marker)) {
            return app(marker, p, end);
        }
        return "";
    }

    private String dqt(int p, int end, int at) throws InvalidJpegException {
        StringBuilder note = new StringBuilder();
        int left = end - p;
        for (QuantTable t : SegmentParser.dqt(d, p, end, at)) {
            left -= t.segmentBytes();
            if (left < 0) { // libjpeg fills it with 1s; a listing shows only whole tables
                warnings.add("DQT at offset " + at + " is shorter than its contents");
                return "malformed";
            }
            quantTables.removeIf(q -> q.slot() == t.slot());
            quantTables.add(t);
            note.append(note.length() == 0 ? "table " : ", ").append(t.slot());
        }
        return note.toString();
    }

    private String dht(int p, int end, int at) throws InvalidJpegException {
        StringBuilder note = new StringBuilder();
        for (SegmentParser.DhtTable t : SegmentParser.dht(d, p, end, at)) {
            int[] counts = t.spec().counts();
            int[] symbols = t.spec().symbols();
            HuffTable h = new HuffTable(t.tableClass(), t.slot(), counts, symbols,
                    AnnexK.standardHuffmanName(t.tableClass(), counts, symbols));
            huffTables.removeIf(o -> o.tableClass() == h.tableClass() && o.slot() == h.slot());
            huffTables.add(h);
            note.append(note.length() == 0 ? "" : ", ").append(h.label());
        }
        return note.toString();
    }

    private String sof(int marker, int p, int end, int at) throws InvalidJpegException {
        if (frame != null) {
            warnings.add("second frame header " + Markers.name(marker) + " at offset " + at);
            return "";
        }
        frame = SegmentParser.sof(marker, d, p, end, at, true);
        for (FrameHeader.Component c : frame.components()) {
            components.add(new Component(c.id(), c.h(), c.v(), c.tq()));
        }
        return frame.width() + "x" + frame.height() + ", " + frame.count() + " components";
    }

    private String app(int marker, int p, int end) {
        SegmentParser.AppSegment app = SegmentParser.app(marker, d, p, end);
        switch (app.kind()) {
            case JFIF:
                jfifVersion = app.a() + "." + String.format(Locale.ROOT, "%02d", app.b());
                return "JFIF " + jfifVersion;
            case JFXX:
                return "JFIF extension (thumbnail)";
            case EXIF:
                exif = true;
                return "Exif";
            case XMP:
                xmp = true;
                return "XMP";
            case ICC:
                iccChunks++;
                return "ICC profile chunk " + app.a() + " of " + app.b();
            case ADOBE:
                adobeTransform = app.a();
                return "Adobe, transform " + adobeTransform;
            default:
                return "";
        }
    }

    /**
     * Skips the entropy-coded data after a scan header ({@link SegmentScanner#survey}) and checks
     * its restart markers against the restart interval.
     *
     * @return the offset of the marker that ends the scan, or the end of the data
     */
    private int scanData(int start, int sosOffset) {
        SegmentScanner.Survey s = SegmentScanner.survey(d, start);
        ScanHeader header = pendingScan;
        pendingScan = null;
        int[] ids = new int[header == null ? 0 : header.count()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = frame.components()[header.components()[i]].id();
        }
        int rst = s.restarts();
        scans.add(new Scan(sosOffset, ids, s.end() - start, rst, s.inOrder(), restartInterval,
                header == null ? -1 : header.ss(), header == null ? -1 : header.se(),
                header == null ? -1 : header.ah(), header == null ? -1 : header.al()));
        segments.add(new Segment(Segment.DATA, start, s.end() - start, rst + " RST marker" + (rst == 1 ? "" : "s")));
        if (!s.inOrder()) {
            warnings.add("RST markers of the scan at offset " + sosOffset + " are misnumbered");
        }
        if (restartInterval > 0) {
            long mcus = header == null ? 0 : mcuCount(header);
            long expected = mcus <= 0 ? -1 : (mcus + restartInterval - 1) / restartInterval - 1;
            if (expected >= 0 && expected != rst) {
                warnings.add("the scan at offset " + sosOffset + " has " + rst + " RST markers where restart interval "
                        + restartInterval + " implies " + expected);
            }
        } else if (rst > 0) {
            warnings.add("the scan at offset " + sosOffset + " has " + rst + " RST markers but no restart interval");
        }
        return s.end();
    }

    /** MCUs of a scan (A.2): interleaved over the whole frame, or the blocks of its one component. */
    private long mcuCount(ScanHeader scan) {
        if (scan.count() == 1) {
            int c = scan.components()[0];
            return (long) frame.wib(c) * frame.hib(c);
        }
        return (long) frame.mcusX() * frame.mcusY();
    }
}
