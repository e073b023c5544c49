package org.jpegmt.core.internal;

import java.util.List;

/**
 * The marker segments jpegtran (libjpeg-turbo 2.1.5) writes before a transcoded scan, in its
 * order and form: SOI; its own JFIF APP0 (greyscale and YCbCr output, unless the first kept
 * segment is Exif) or Adobe APP14 (RGB, CMYK, YCCK); the kept APPn and COM segments in source
 * order, less a source JFIF or Adobe segment it wrote its own of; one DQT per table in order of
 * first use (16-bit only when an entry exceeds 255, which also makes the frame SOF1); SOF;
 * one DHT per table in order of use (DC then AC per component); DRI when restarts are on; SOS.
 */
final class TranscodeHeader {
    /** Colour spaces as libjpeg infers them from a source (jdapimin.c default_decompress_parms). */
    enum ColorSpace {
        GRAY, YCBCR, RGB, CMYK, YCCK;

        /** @return Huffman table slot of each component, as jpeg_set_colorspace assigns them */
        int[] tableSlots(int components) {
            int[] s = new int[components];
            if (this == YCBCR || this == YCCK) {
                s[1] = 1;
                s[2] = 1;
            }
            return s;
        }

        /** @return true if libjpeg writes a JFIF APP0 for output in this colour space */
        boolean writesJfif() {
            return this == GRAY || this == YCBCR;
        }

        /** @return the Adobe APP14 transform flag (1 YCbCr, 2 YCCK, else 0) */
        int adobeTransform() {
            return this == YCBCR ? 1 : this == YCCK ? 2 : 0;
        }
    }

    /**
     * JFIF values carried over from the source (jpeg_copy_critical_parameters): the version when
     * its major number is 1, the density unit and densities; 1.01, unit 0, 1:1 without one.
     */
    record Jfif(int major, int minor, int unit, int xDensity, int yDensity) {
        static final Jfif DEFAULT = new Jfif(1, 1, 0, 1, 1);

        /** @return the values of the last JFIF APP0 with a complete header (14 bytes), or the defaults */
        static Jfif of(List<SavedSegments.Segment> segments) {
            Jfif j = DEFAULT;
            for (SavedSegments.Segment s : segments) {
                byte[] b = s.body();
                if (s.isJfif() && b.length >= 14) {
                    int major = b[5] & 0xFF;
                    int minor = b[6] & 0xFF;
                    j = new Jfif(major == 1 ? major : j.major, major == 1 ? minor : j.minor, b[7] & 0xFF,
                            SegmentParser.u16(b, 8), SegmentParser.u16(b, 10));
                }
            }
            return j;
        }
    }

    private TranscodeHeader() {
    }

    /**
     * @param frame the output frame (its SOF marker is chosen here: SOF1 when a 16-bit table is written)
     * @param quant per component, its quantisation table (natural order); components with the
     *     same slot must have the same table
     * @param space the colour space (JFIF, Adobe, Huffman table slots)
     * @param writeJfif whether to write a JFIF APP0 (the colour space allows it and the first
     *     kept segment is not Exif)
     * @param kept the segments to copy, already filtered
     * @param dc DC tables per slot
     * @param ac AC tables per slot
     * @param restartInterval MCUs per interval, 0 for none
     */
    static byte[] write(FrameHeader frame, int[][] quant, ColorSpace space, boolean writeJfif, Jfif jfif,
            List<SavedSegments.Segment> kept, HuffmanSpec[] dc, HuffmanSpec[] ac, int restartInterval) {
        MarkerWriter w = new MarkerWriter();
        w.marker(Markers.SOI);
        if (writeJfif) {
            w.segment(Markers.APP0, new byte[] {'J', 'F', 'I', 'F', 0, (byte) jfif.major(), (byte) jfif.minor(),
                (byte) jfif.unit(), (byte) (jfif.xDensity() >> 8), (byte) jfif.xDensity(),
                (byte) (jfif.yDensity() >> 8), (byte) jfif.yDensity(), 0, 0});
        }
        boolean adobe = !space.writesJfif();
        if (adobe) {
            w.segment(Markers.APP14, new byte[] {'A', 'd', 'o', 'b', 'e', 0, 100, 0, 0, 0, 0,
                (byte) space.adobeTransform()});
        }
        for (SavedSegments.Segment s : kept) {
            if ((writeJfif && s.isJfif()) || (adobe && s.isAdobe())) {
                continue; // jpegtran's own segment replaces the source's
            }
            w.segment(s.marker(), s.body());
        }
        FrameHeader.Component[] comps = frame.components();
        boolean[] sent = new boolean[4];
        boolean wide = false;
        for (int c = 0; c < comps.length; c++) {
            int t = comps[c].tq();
            wide |= MarkerWriter.wide(quant[c]);
            if (!sent[t]) {
                w.dqt(t, quant[c]);
                sent[t] = true;
            }
        }
        w.sof(wide ? Markers.SOF1 : Markers.SOF0, frame);
        int[] slots = space.tableSlots(comps.length);
        boolean[] dcSent = new boolean[2];
        boolean[] acSent = new boolean[2];
        for (int c = 0; c < comps.length; c++) {
            int t = slots[c];
            if (!dcSent[t]) {
                w.dht(0, t, dc[t]);
                dcSent[t] = true;
            }
            if (!acSent[t]) {
                w.dht(1, t, ac[t]);
                acSent[t] = true;
            }
        }
        w.dri(restartInterval);
        w.sos(comps, slots);
        return w.bytes();
    }
}
