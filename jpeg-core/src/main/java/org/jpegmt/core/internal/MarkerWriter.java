package org.jpegmt.core.internal;

import java.io.ByteArrayOutputStream;

/**
 * Writes the marker segments before the entropy-coded data (T.81 B.2, B.3; JFIF 1.01), in the
 * order and form cjpeg uses: SOI, APP0 JFIF, one DQT per table, SOF0, one DHT per table
 * (DC0, AC0, DC1, AC1), DRI if restarts are on, SOS.
 */
final class MarkerWriter {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream(1024);

    private MarkerWriter() {
    }

    /**
     * @param frame the frame: SOF0, 8-bit, 1..65535 x 1..65535; component {@code i} uses the
     *     quantisation table and both Huffman tables of its slot {@code tq}
     * @param quant quantisation tables per slot, natural order, entries 1..255
     * @param dc DC Huffman tables per slot
     * @param ac AC Huffman tables per slot
     * @param restartInterval MCUs per restart interval, 0 for none
     * @return SOI through SOS, one scan of every component
     */
    static byte[] header(FrameHeader frame, int[][] quant, HuffmanSpec[] dc, HuffmanSpec[] ac,
            int restartInterval) {
        MarkerWriter w = new MarkerWriter();
        int slots = quant.length;
        w.marker(Markers.SOI);
        w.jfif();
        for (int t = 0; t < slots; t++) {
            w.dqt(t, quant[t]);
        }
        w.sof(frame);
        for (int t = 0; t < slots; t++) {
            w.dht(t, false, dc[t]);
            w.dht(t, true, ac[t]);
        }
        if (restartInterval > 0) {
            w.marker(Markers.DRI);
            w.u16(4);
            w.u16(restartInterval);
        }
        w.sos(frame.components());
        return w.out.toByteArray();
    }

    private void marker(int m) {
        out.write(0xFF);
        out.write(m);
    }

    private void u16(int v) {
        out.write(v >>> 8);
        out.write(v & 0xFF);
    }

    /** JFIF APP0, version 1.01, no units, density 1:1, no thumbnail. */
    private void jfif() {
        marker(Markers.APP0);
        u16(16);
        out.writeBytes(new byte[] {'J', 'F', 'I', 'F', 0, 1, 1, 0, 0, 1, 0, 1, 0, 0});
    }

    /** T.81 B.2.4.1: 8-bit precision, entries in zig-zag order. */
    private void dqt(int slot, int[] table) {
        marker(Markers.DQT);
        u16(2 + 1 + 64);
        out.write(slot);
        for (int k = 0; k < 64; k++) {
            out.write(table[ZigZag.NATURAL[k]]);
        }
    }

    /** T.81 B.2.2: the frame's marker, precision, size and components (Ci, Hi Vi, Tqi). */
    private void sof(FrameHeader frame) {
        FrameHeader.Component[] comps = frame.components();
        marker(frame.sof());
        u16(8 + 3 * comps.length);
        out.write(frame.precision());
        u16(frame.height());
        u16(frame.width());
        out.write(comps.length);
        for (FrameHeader.Component c : comps) {
            out.write(c.id());
            out.write(c.h() << 4 | c.v());
            out.write(c.tq());
        }
    }

    /** T.81 B.2.4.2: one table per segment. */
    private void dht(int slot, boolean isAc, HuffmanSpec spec) {
        marker(Markers.DHT);
        u16(2 + 1 + 16 + spec.size());
        out.write((isAc ? 0x10 : 0) | slot);
        for (int len = 1; len <= 16; len++) {
            out.write(spec.count(len));
        }
        for (int i = 0; i < spec.size(); i++) {
            out.write(spec.symbol(i));
        }
    }

    /** T.81 B.2.3: one sequential scan of {@code comps}: Ss=0, Se=63, Ah=Al=0; Td = Ta = Tq. */
    private void sos(FrameHeader.Component[] comps) {
        marker(Markers.SOS);
        u16(6 + 2 * comps.length);
        out.write(comps.length);
        for (FrameHeader.Component c : comps) {
            out.write(c.id());
            out.write(c.tq() << 4 | c.tq());
        }
        out.write(0);
        out.write(63);
        out.write(0);
    }
}
