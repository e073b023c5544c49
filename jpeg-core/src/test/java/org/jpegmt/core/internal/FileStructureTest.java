package org.jpegmt.core.internal;

import static org.jpegmt.core.internal.Fixtures.bytes;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.util.List;
import org.jpegmt.core.InvalidJpegException;
import org.jpegmt.core.internal.FileStructure.HuffTable;
import org.jpegmt.core.internal.FileStructure.Scan;
import org.jpegmt.core.internal.FileStructure.Segment;
import org.junit.jupiter.api.Test;

/** The lenient structure walk and the segment parsers it shares with the decoder, on hand-made files. */
class FileStructureTest {

    /** Concatenates byte strings. */
    private static byte[] file(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    private static final byte[] SOI = bytes(0xFF, 0xD8);
    private static final byte[] EOI = bytes(0xFF, 0xD9);
    /** SOF0, 16x8, one component (id 1, 1x1, table 0): two MCUs. */
    private static final byte[] SOF0_16X8 = bytes(0xFF, 0xC0, 0, 11, 8, 0, 8, 0, 16, 1, 1, 0x11, 0);
    private static final byte[] DRI_1 = bytes(0xFF, 0xDD, 0, 4, 0, 1);
    private static final byte[] SOS_1 = bytes(0xFF, 0xDA, 0, 8, 1, 1, 0x00, 0, 63, 0);

    /** A DHT segment holding the K.3 luminance DC table as DC0 and a two-code table as AC1. */
    private static byte[] dhtWithTwoTables() {
        HuffmanSpec dc = StandardTables.DC_LUMINANCE;
        int[] counts = dc.counts();
        int[] symbols = dc.symbols();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int length = 2 + 17 + symbols.length + 17 + 2;
        out.writeBytes(bytes(0xFF, 0xC4, length >> 8, length & 0xFF, 0x00));
        for (int c : counts) {
            out.write(c);
        }
        for (int s : symbols) {
            out.write(s);
        }
        out.writeBytes(bytes(0x11, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x00, 0x01));
        return out.toByteArray();
    }

    @Test
    void dhtWithTwoTablesGivesBothWithClassSlotAndStandardName() throws Exception {
        byte[] dht = dhtWithTwoTables();
        List<SegmentParser.DhtTable> tables = SegmentParser.dht(dht, 4, dht.length, 0);
        assertEquals(2, tables.size());
        assertEquals(0, tables.get(0).tableClass());
        assertEquals(0, tables.get(0).slot());
        assertEquals(1, tables.get(1).tableClass());
        assertEquals(1, tables.get(1).slot());
        assertArrayEquals(new int[] {0, 1}, tables.get(1).spec().symbols());

        FileStructure s = FileStructure.read(file(SOI, dht, EOI));
        List<HuffTable> h = s.huffTables;
        assertEquals(2, h.size());
        assertEquals("DC0", h.get(0).label());
        assertEquals("K.3 luminance DC", h.get(0).standard());
        assertArrayEquals(StandardTables.DC_LUMINANCE.counts(), h.get(0).counts());
        assertEquals("AC1", h.get(1).label());
        assertNull(h.get(1).standard());
        assertEquals(new Segment(Markers.DHT, 2, dht.length - 2, "DC0, AC1"), s.segments.get(1));
        assertEquals(List.of(), s.warnings);
    }

    @Test
    void shortDqtIsFilledWithOnesByTheParserButListedAsMalformed() throws Exception {
        // Pq 0, Tq 1, and only 3 of the 64 entries
        byte[] dqt = bytes(0xFF, 0xDB, 0, 6, 0x01, 9, 8, 7);
        List<QuantTable> t = SegmentParser.dqt(dqt, 4, dqt.length, 0);
        assertEquals(1, t.size());
        assertEquals(1, t.get(0).slot());
        assertEquals(8, t.get(0).precision());
        int[] v = t.get(0).values();
        assertEquals(9, v[0]);
        assertEquals(8, v[1]); // zig-zag 1 is (0,1)
        assertEquals(7, v[8]); // zig-zag 2 is (1,0)
        assertEquals(1, v[63]);

        FileStructure s = FileStructure.read(file(SOI, dqt, EOI));
        assertEquals(List.of(), s.quantTables);
        assertEquals("malformed", s.segments.get(1).note());
        assertEquals(List.of("DQT at offset 2 is shorter than its contents"), s.warnings);
    }

    @Test
    void truncatedSegmentIsAWarningNotAnException() throws Exception {
        // a DQT that claims 67 bytes but has 5
        FileStructure s = FileStructure.read(file(SOI, bytes(0xFF, 0xDB, 0, 67, 0, 1, 2)));
        assertEquals(2, s.segments.size());
        assertEquals(new Segment(Markers.DQT, 2, 67, "truncated"), s.segments.get(1));
        assertEquals(List.of("DQT at offset 2 has length 67 but only 5 bytes remain"), s.warnings);
        assertFalse(s.eoi);
        assertEquals(-1, s.sofMarker);
    }

    @Test
    void malformedSegmentGivesTheDecodersMessageAndTheWalkGoesOn() throws Exception {
        // SOS naming component 7, which the frame does not have
        byte[] badSos = bytes(0xFF, 0xDA, 0, 8, 1, 7, 0x00, 0, 63, 0);
        FileStructure s = FileStructure.read(file(SOI, SOF0_16X8, badSos, bytes(1, 2, 3), EOI));
        assertEquals("malformed", s.segments.get(2).note());
        assertEquals(1, s.scans.size());
        assertArrayEquals(new int[0], s.scans.get(0).componentIds());
        assertEquals(3, s.scans.get(0).dataLength());
        assertTrue(s.eoi);
        assertEquals(1, s.warnings.size());
        assertTrue(s.warnings.get(0).contains("SOS: component id 7 is not in the frame"), s.warnings.toString());
    }

    @Test
    void restartMarkersPresentAreCountedAndMisnumberingIsAWarning() throws Exception {
        // two MCUs, interval 1: one RST expected, RST0; here RST3 then a stray RST1
        byte[] data = bytes(0x12, 0xFF, 0x00, 0x34, 0xFF, 0xD3, 0x56, 0xFF, 0xFF, 0xD1, 0x78);
        byte[] f = file(SOI, SOF0_16X8, DRI_1, SOS_1, data, EOI);
        FileStructure s = FileStructure.read(f);
        Scan scan = s.scans.get(0);
        int sosAt = SOI.length + SOF0_16X8.length + DRI_1.length;
        assertEquals(new Scan(sosAt, scan.componentIds(), data.length, 2, false, 1, 0, 63, 0, 0), scan);
        assertArrayEquals(new int[] {1}, scan.componentIds());
        assertEquals(new Segment(Segment.DATA, sosAt + SOS_1.length, data.length, "2 RST markers"),
                s.segments.get(s.segments.size() - 2));
        assertEquals("data", s.segments.get(s.segments.size() - 2).name());
        assertEquals(List.of("RST markers of the scan at offset " + sosAt + " are misnumbered",
                "the scan at offset " + sosAt + " has 2 RST markers where restart interval 1 implies 1"), s.warnings);

        byte[] good = file(SOI, SOF0_16X8, DRI_1, SOS_1, bytes(0x12, 0xFF, 0xD0, 0x34), EOI);
        FileStructure g = FileStructure.read(good);
        assertEquals(1, g.scans.get(0).restartMarkers());
        assertTrue(g.scans.get(0).markersInOrder());
        assertEquals(List.of(), g.warnings);
    }

    @Test
    void trailingBytesAfterEoiAreCounted() throws Exception {
        FileStructure s = FileStructure.read(file(SOI, SOF0_16X8, SOS_1, bytes(0x12, 0x34), EOI, bytes(0, 0xFF, 7)));
        assertTrue(s.eoi);
        assertEquals(3, s.trailingBytes);
        assertEquals(List.of("3 bytes after the EOI marker"), s.warnings);
        assertEquals("EOI", s.segments.get(s.segments.size() - 1).name());
    }

    @Test
    void progressiveFileIsDescribedNotRefused() throws Exception {
        // SOF2, 16x8, 3 components; a DC scan of all three and an AC scan of the first
        byte[] sof2 = bytes(0xFF, 0xC2, 0, 17, 8, 0, 8, 0, 16, 3, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1);
        byte[] dcScan = bytes(0xFF, 0xDA, 0, 12, 3, 1, 0x00, 2, 0x11, 3, 0x11, 0, 0, 0x01);
        byte[] acScan = bytes(0xFF, 0xDA, 0, 8, 1, 1, 0x00, 1, 63, 0x01);
        byte[] app0 = bytes(0xFF, 0xE0, 0, 16, 'J', 'F', 'I', 'F', 0, 1, 2, 0, 0, 1, 0, 1, 0, 0);
        FileStructure s = FileStructure.read(file(SOI, app0, sof2, dcScan, bytes(5, 6), acScan, bytes(7), EOI));
        assertEquals(0xC2, s.sofMarker);
        assertEquals("SOF2", s.segments.get(2).name());
        assertEquals("16x8, 3 components", s.segments.get(2).note());
        assertEquals(16, s.width);
        assertEquals(8, s.height);
        assertEquals(new FileStructure.Component(1, 2, 2, 0), s.components.get(0));
        assertEquals(2, s.scans.size());
        assertArrayEquals(new int[] {1, 2, 3}, s.scans.get(0).componentIds());
        assertArrayEquals(new int[] {1}, s.scans.get(1).componentIds());
        // the scan script: DC of all three, first pass (Ah 0, Al 1); then AC 1..63 of the first
        Scan dc = s.scans.get(0);
        assertEquals(List.of(0, 0, 0, 1), List.of(dc.ss(), dc.se(), dc.ah(), dc.al()));
        Scan ac = s.scans.get(1);
        assertEquals(List.of(1, 63, 0, 1), List.of(ac.ss(), ac.se(), ac.ah(), ac.al()));
        assertEquals("1.02", s.jfifVersion);
        assertEquals(List.of(), s.warnings);
    }

    @Test
    void strayMarkersJunkAndMissingEoiAreWarnings() throws Exception {
        FileStructure s = FileStructure.read(file(SOI, bytes(0xFF, 0x00, 0x42, 0xFF, 0xFF, 0xD5), DRI_1));
        assertEquals(List.of("SOI", "0x00", "RST5", "DRI"), s.segments.stream().map(Segment::name).toList());
        assertEquals(6, s.segments.get(2).offset()); // the last fill byte before D5
        assertEquals(1, s.restartInterval);
        assertEquals(List.of("unexpected 0x00 at offset 2", "1 junk bytes before the marker at offset 5 (from offset 4)",
                "unexpected RST5 at offset 6", "no EOI marker (file truncated?)"), s.warnings);
    }

    @Test
    void onlyAMissingSoiThrows() {
        assertThrows(InvalidJpegException.class, () -> FileStructure.read(bytes(0xFF, 0xD9)));
        assertFalse(FileStructure.startsWithSoi(new byte[1]));
    }

    @Test
    void markerNamesFollowTableB1() {
        assertEquals("SOF15", Markers.name(0xCF));
        assertEquals("DHP", Markers.name(Markers.DHP));
        assertEquals("EXP", Markers.name(Markers.EXP));
        assertEquals("JPG13", Markers.name(Markers.JPG13));
        assertEquals("APP14", Markers.name(Markers.APP14));
        assertEquals("0x3B", Markers.name(0x3B));
    }
}
