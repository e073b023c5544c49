package org.jpegmt.core.internal;

import java.io.ByteArrayOutputStream;

/**
 * Writes the marker segments before the entropy-coded data (T.81 B.2, B.3; JFIF 1.01), in the
 * order and form cjpeg uses: SOI, APP0 JFIF, one DQT per table, SOF0, one DHT per table
 * (DC0, AC0, DC1, AC1), DRI if restarts are on, SOS. Raw components (no known colour space)
 * get no JFIF APP0, as the JDK's ImageIO writer does for a raster.
 */
final class MarkerWriter {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream(1024);

    /** An empty writer; {@link TranscodeHeader} writes jpegtran's header with the same primitives. */
    MarkerWriter() {
    }

    /**
     * @param frame the frame: SOF0, 8-bit, 1..65535 x 1..65535; component {@code i} uses the
     *     quantisation table and both Huffman tables of its slot {@code tq}
     * @param quant quantisation tables per slot, natural order, entries 1..255
     * @param dc DC Huffman tables per slot
     * @param ac AC Huffman tables per slot
     * @param restartInterval MCUs per restart interval, 0 for none
     * @param jfif true to write the JFIF APP0
     * @return SOI through SOS, one scan of every component
     */
    static byte[] header(FrameHeader frame, int[][] quant, HuffmanSpec[] dc, HuffmanSpec[] ac,
            int restartInterval, boolean jfif) {
        MarkerWriter w = new MarkerWriter();
        int slots = quant.length;
        w.marker(Markers.SOI);
        if (jfif) {
            w.jfif();
        }
        for (int t = 0; t < slots; t++) {
            w.dqt(t, quant[t]);
        }
        w.sof(frame.sof(), frame);
        for (int t = 0; t < slots; t++) {
            w.dht(0, t, dc[t]);
            w.dht(1, t, ac[t]);
        }
        w.dri(restartInterval);
        FrameHeader.Component[] comps = frame.components();
        int[] tables = new int[comps.length];
        for (int c = 0; c < comps.length; c++) {
            tables[c] = comps[c].tq();
        }
        w.sos(comps, tables);
        return w.bytes();
    }

    /** @return everything written so far */
    byte[] bytes() {
        return out.toByteArray();
    }

    void marker(int m) {
        out.write(0xFF);
        out.write(m);
    }

    void u16(int v) {
        out.write(v >>> 8);
        out.write(v & 0xFF);
    }

    /** A whole marker segment: marker, length, body. */
    void segment(int m, byte[] body) {
        marker(m);
        u16(body.length + 2);
        out.writeBytes(body);
    }

    /** JFIF APP0, version 1.01, no units, density 1:1, no thumbnail. */
    private void jfif() {
        segment(Markers.APP0, new byte[] {'J', 'F', 'I', 'F', 0, 1, 1, 0, 0, 1, 0, 1, 0, 0});
    }

    /** @return true if a quantisation table needs 16-bit entries (some entry over 255) */
    static boolean wide(int[] table) {
        boolean wide = false;
        for (int v : table) {
            wide |= v > 255;
        }
        return wide;
    }

    /** T.81 B.2.4.1: entries in zig-zag order, 16-bit only when some entry exceeds 255. */
    void dqt(int slot, int[] table) {
        boolean wide = wide(table);
        marker(Markers.DQT);
        u16(2 + 1 + 64 * (wide ? 2 : 1));
        out.write((wide ? 0x10 : 0) | slot);
        for (int k = 0; k < 64; k++) {
            int v = table[ZigZag.NATURAL[k]];
            if (wide) {
                out.write(v >> 8);
            }
            out.write(v & 0xFF);
        }
    }

    /** T.81 B.2.2: marker {@code sof}, the frame's precision, size and components (Ci, Hi Vi, Tqi). */
    void sof(int sof, FrameHeader frame) {
        FrameHeader.Component[] comps = frame.components();
        marker(sof);
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

    /** T.81 B.2.4.2: one table per segment; class 0 DC, 1 AC. */
    void dht(int tableClass, int slot, HuffmanSpec spec) {
        marker(Markers.DHT);
        u16(2 + 1 + 16 + spec.size());
        out.write(tableClass << 4 | slot);
        for (int len = 1; len <= 16; len++) {
            out.write(spec.count(len));
        }
        for (int i = 0; i < spec.size(); i++) {
            out.write(spec.symbol(i));
        }
    }

    /** T.81 B.2.4.4, written only when restarts are on ({@code interval > 0}). */
    void dri(int interval) {
        if (interval > 0) {
            marker(Markers.DRI);
            u16(4);
            u16(interval);
        }
    }

    /**
     * T.81 B.2.3: one sequential scan of {@code comps}: Ss=0, Se=63, Ah=Al=0.
     *
     * @param tables per component, its DC and AC Huffman table slot (Td = Ta)
     */
    void sos(FrameHeader.Component[] comps, int[] tables) {
        marker(Markers.SOS);
        u16(6 + 2 * comps.length);
        out.write(comps.length);
        for (int c = 0; c < comps.length; c++) {
            out.write(comps[c].id());
            out.write(tables[c] << 4 | tables[c]);
        }
        out.write(0);
        out.write(63);
        out.write(0);
    }
}
