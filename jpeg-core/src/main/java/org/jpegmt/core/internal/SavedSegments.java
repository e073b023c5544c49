package org.jpegmt.core.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * The application (APPn, T.81 B.2.4.6) and comment (COM, B.2.4.5) segments of a file, in file
 * order, with their bodies: what a lossless transcode copies (jpegtran's {@code -copy}). Read in
 * one lenient pass over the whole file, entropy-coded data skipped ({@link SegmentScanner#survey}),
 * so segments between the scans of a multi-scan file are found too; a segment cut off by the end
 * of the file ends the pass. Immutable.
 */
final class SavedSegments {
    /**
     * One segment.
     *
     * @param marker APP0..APP15 or COM
     * @param body the bytes after the length field
     */
    record Segment(int marker, byte[] body) {
        /** @return true for an APP1 segment starting with the Exif identifier {@code "Exif\0\0"} */
        boolean isExif() {
            return marker == Markers.APP0 + 1 && startsWith("Exif\0\0");
        }

        /** @return true for an APP0 "JFIF\0" segment (what libjpeg treats as its own JFIF marker) */
        boolean isJfif() {
            return marker == Markers.APP0 && startsWith("JFIF\0");
        }

        /** @return true for an APP14 "Adobe" segment */
        boolean isAdobe() {
            return marker == Markers.APP14 && startsWith("Adobe");
        }

        boolean startsWith(String id) {
            if (body.length < id.length()) {
                return false;
            }
            for (int i = 0; i < id.length(); i++) {
                if (body[i] != (byte) id.charAt(i)) {
                    return false;
                }
            }
            return true;
        }
    }

    private SavedSegments() {
    }

    /**
     * @param data a whole file starting with SOI
     * @return its APPn and COM segments in file order
     */
    static List<Segment> read(byte[] data) {
        List<Segment> out = new ArrayList<>();
        int p = 2;
        int n = data.length;
        int markers = 0;
        while (p + 1 < n && markers++ < MarkerReader.MAX_MARKERS) {
            if ((data[p] & 0xFF) != 0xFF) {
                p++; // junk between segments, as libjpeg skips it
                continue;
            }
            int m = data[p + 1] & 0xFF;
            if (m == 0xFF) {
                p++; // fill byte
                continue;
            }
            if (m == Markers.EOI) {
                break;
            }
            if (m == 0 || Markers.standalone(m)) {
                p += 2;
                continue;
            }
            if (p + 4 > n) {
                break;
            }
            int len = SegmentParser.u16(data, p + 2);
            if (len < 2 || p + 2 + len > n) {
                break;
            }
            if (Markers.isApp(m) || m == Markers.COM) {
                out.add(new Segment(m, java.util.Arrays.copyOfRange(data, p + 4, p + 2 + len)));
            }
            p += 2 + len;
            if (m == Markers.SOS) {
                p = SegmentScanner.survey(data, p).end();
            }
        }
        return List.copyOf(out);
    }
}
