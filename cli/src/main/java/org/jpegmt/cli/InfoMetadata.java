package org.jpegmt.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import org.jpegmt.core.InvalidJpegException;
import org.jpegmt.core.JpegMetadata;
import org.jpegmt.core.internal.FileStructure;

/**
 * What {@code jpegmt info} adds about metadata and lossless transcoding: the Exif orientation, the
 * ICC profile's description, and what {@code jpegmt transcode} would add to make a file decode in
 * parallel. Kept out of {@link InfoCommand} so that each stays one concern.
 */
final class InfoMetadata {
    /** The Exif orientations (TIFF 6.0 / Exif 2.3 tag 0x0112) as a viewer applies them. */
    private static final String[] ORIENTATIONS = {"", "upright", "mirrored horizontally", "rotated 180",
        "mirrored vertically", "transposed", "rotate 90 clockwise to view", "transversed",
        "rotate 90 counter-clockwise to view"};

    private InfoMetadata() {
    }

    /** @return the Exif Orientation with its meaning, or null without one */
    static String orientation(JpegMetadata m) {
        OptionalInt o = m.exifOrientation();
        if (o.isEmpty()) {
            return null;
        }
        int v = o.getAsInt();
        return v + (v >= 1 && v <= 8 ? " (" + ORIENTATIONS[v] + ")" : " (not a valid orientation)");
    }

    /** @return the metadata of a file, or empty metadata if it cannot be read */
    static JpegMetadata read(byte[] data) {
        try {
            return JpegMetadata.read(data);
        } catch (InvalidJpegException e) {
            return JpegMetadata.EMPTY;
        }
    }

    /**
     * @param js the file
     * @return one line on what {@code jpegmt transcode} (its default, a restart marker per MCU row)
     *     would add, or why it would not help
     */
    static String transcodeAdvice(JpegStructure js) {
        FileStructure s = js.file;
        if (s.sofMarker != 0xC0 && s.sofMarker != 0xC1) {
            return "not applicable: transcode takes baseline and extended-sequential Huffman files";
        }
        if (js.parallelDecodable()) {
            return "nothing needed: the file already decodes in parallel";
        }
        int vmax = 1;
        int hmax = 1;
        for (FileStructure.Component c : s.components) {
            vmax = Math.max(vmax, c.v());
            hmax = Math.max(hmax, c.h());
        }
        int rows = s.components.size() == 1 ? (s.height + 7) / 8 : (s.height + 8 * vmax - 1) / (8 * vmax);
        int markers = Math.max(0, rows - 1);
        // two marker bytes plus half a byte of padding on average per interval, and a 6-byte DRI
        long bytes = Math.round(markers * 2.5) + 6;
        List<String> parts = new ArrayList<>();
        parts.add(String.format(Locale.ROOT, "%d restart markers (one per MCU row), about %d bytes (%.3f%%)", markers,
                bytes, 100.0 * bytes / Math.max(1, js.size())));
        String why = (long) s.width * s.height < org.jpegmt.mt.ParallelJpegDecoder.DEFAULT_PARALLEL_THRESHOLD
                ? "; the image is too small for jpeg-mt to split anyway"
                : rows < 2 * org.jpegmt.mt.WorkPlan.MIN_BAND_ROWS ? "; too few MCU rows to be split, it stays serial"
                : js.parallelPlan() == org.jpegmt.mt.DecodeReport.Strategy.SPECULATIVE
                ? ", and it would decode in parallel by restart intervals (today: by speculation, which keeps"
                        + " the coefficients of the whole scan)"
                : ", and it would decode in parallel";
        return "jpegmt transcode would add " + String.join(", ", parts) + why;
    }
}
