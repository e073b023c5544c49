package org.jpegmt.imageio;

import java.io.ByteArrayOutputStream;
import java.util.List;

/**
 * Makes the decoder hand out a file's component samples without colour conversion (YCbCr as
 * YCbCr, YCCK as YCCK), which is what {@code readRaster} returns, as the JDK reader's does: the
 * headers are rewritten so that the JFIF and Adobe segments are replaced by one Adobe segment
 * with transform 0 ("no transform"), which the decoder follows, as libjpeg does, by copying the
 * planes through unchanged. Only the segments before the first scan are rewritten (the colour
 * space is settled there); the rest, every later scan of a progressive file with the segments
 * between scans, is copied as it is.
 */
final class RawSamples {
    private RawSamples() {
    }

    /** Adobe APP14 payload: "Adobe", version 100, flags 0, 0, transform 0. */
    private static final byte[] ADOBE_NO_TRANSFORM = {'A', 'd', 'o', 'b', 'e', 0, 100, 0, 0, 0, 0, 0};

    /**
     * @param file the whole file, from SOI
     * @param segments its marker segments up to and including the first SOS
     * @param scanOffset offset of the first SOS marker in {@code file}
     * @param components the frame's component count
     * @return a file that decodes to the raw samples ({@code file} itself for one component)
     */
    static byte[] rewrite(byte[] file, List<JpegHeaders.Segment> segments, long scanOffset, int components) {
        if (components == 1 || scanOffset < 2 || scanOffset > file.length) {
            return file;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(file.length + 64);
        out.write(0xFF);
        out.write(0xD8);
        SegmentSplicer.segment(out, NativeTree.APP14, ADOBE_NO_TRANSFORM);
        for (JpegHeaders.Segment s : segments) {
            int m = s.marker();
            boolean colourMarker = (m == NativeTree.APP0 && NativeTree.isJfif(s.payload()))
                    || (m == NativeTree.APP14 && NativeTree.isAdobe(s.payload()));
            if (!colourMarker && m != 0xDA) {
                SegmentSplicer.segment(out, m, s.payload());
            }
        }
        out.write(file, (int) scanOffset, file.length - (int) scanOffset);
        return out.toByteArray();
    }
}
