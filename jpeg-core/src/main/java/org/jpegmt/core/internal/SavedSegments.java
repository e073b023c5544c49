package org.jpegmt.core.internal;

import java.util.ArrayList;
import java.util.Arrays;
import org.jpegmt.core.InvalidJpegException;
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
            return MetadataSegments.startsWith(body, id);
        }
    }

    private SavedSegments() {
    }

    /**
     * @param data a whole file starting with SOI
     * @return its APPn and COM segments in file order ({@link MetadataSegments#find})
     */
    static List<Segment> read(byte[] data) throws InvalidJpegException {
        List<Segment> out = new ArrayList<>();
        for (int[] s : MetadataSegments.find(data)) {
            out.add(new Segment(s[0], Arrays.copyOfRange(data, s[1], s[2])));
        }
        return List.copyOf(out);
    }
}
