package org.jpegmt.core.internal;

import java.io.ByteArrayOutputStream;

/**
 * Writes the marker segments before the entropy-coded data (T.81 B.2, B.3; JFIF 1.01), in the
 * order and form cjpeg uses: SOI, APP0 JFIF, one DQT per table, SOF0, one DHT per table
 * (DC0, AC0, DC1, AC1), DRI if restarts are on, SOS.
 */
final class MarkerWriter {
    static final int SOI = Markers.SOI;
    static final int EOI = Markers.EOI;
    static final int RST0 = Markers.RST0;
    private static final int APP0 = Markers.APP0;
    private static final int DQT = Markers.DQT;
    private static final int SOF0 = Markers.SOF0;
    private static final int DHT = Markers.DHT;
    private static final int DRI = Markers.DRI;
    private static final int SOS = Markers.SOS;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream(1024);

    private MarkerWriter() {
    }

    /**
     * @param width image width 1..65535
     * @param height image height 1..65535
     * @param sampling per component {@code h<<4 | v}; component i uses tables of slot
     *     {@code min(i, 1)}
     * @param quant quantisation tables per slot, natural order, entries 1..255
     * @param dc DC Huffman tables per slot
     * @param ac AC Huffman tables per slot
     * @param restartInterval MCUs per restart interval, 0 for none
     * @return SOI through SOS
     */
    static byte[] header(int width, int height, int[] sampling, int[][] quant, HuffmanSpec[] dc,
            HuffmanSpec[] ac, int restartInterval) {
        MarkerWriter w = new MarkerWriter();
        int slots = sampling.length > 1 ? 2 : 1;
        w.marker(SOI);
        w.jfif();
        for (int t = 0; t < slots; t++) {
            w.dqt(t, quant[t]);
        }
        w.sof0(width, height, sampling);
        for (int t = 0; t < slots; t++) {
            w.dht(t, false, dc[t]);
            w.dht(t, true, ac[t]);
        }
        if (restartInterval > 0) {
            w.marker(DRI);
            w.u16(4);
            w.u16(restartInterval);
        }
        w.sos(sampling.length);
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
        marker(APP0);
        u16(16);
        out.writeBytes(new byte[] {'J', 'F', 'I', 'F', 0, 1, 1, 0, 0, 1, 0, 1, 0, 0});
    }

    /** T.81 B.2.4.1: 8-bit precision, entries in zig-zag order. */
    private void dqt(int slot, int[] table) {
        marker(DQT);
        u16(2 + 1 + 64);
        out.write(slot);
        for (int k = 0; k < 64; k++) {
            out.write(table[ZigZag.NATURAL[k]]);
        }
    }

    /** T.81 B.2.2: baseline frame, component ids 1, 2, 3. */
    private void sof0(int width, int height, int[] sampling) {
        marker(SOF0);
        u16(8 + 3 * sampling.length);
        out.write(8);
        u16(height);
        u16(width);
        out.write(sampling.length);
        for (int i = 0; i < sampling.length; i++) {
            out.write(i + 1);
            out.write(sampling[i]);
            out.write(Math.min(i, 1));
        }
    }

    /** T.81 B.2.4.2: one table per segment. */
    private void dht(int slot, boolean isAc, HuffmanSpec spec) {
        marker(DHT);
        u16(2 + 1 + 16 + spec.size());
        out.write((isAc ? 0x10 : 0) | slot);
        for (int len = 1; len <= 16; len++) {
            out.write(spec.count(len));
        }
        for (int i = 0; i < spec.size(); i++) {
            out.write(spec.symbol(i));
        }
    }

    /** T.81 B.2.3: all components, sequential: Ss=0, Se=63, Ah=Al=0. */
    private void sos(int components) {
        marker(SOS);
        u16(6 + 2 * components);
        out.write(components);
        for (int i = 0; i < components; i++) {
            int t = Math.min(i, 1);
            out.write(i + 1);
            out.write(t << 4 | t);
        }
        out.write(0);
        out.write(63);
        out.write(0);
    }
}
