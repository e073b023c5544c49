package org.jpegmt.core;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import org.jpegmt.core.internal.MetadataSegments;

/**
 * The application (APPn) and comment (COM) segments of a JPEG file, in file order: Exif, ICC
 * profile (possibly split over several APP2 chunks), XMP, Adobe, JFIF, comments and any other.
 * What a program that rewrites a JPEG must carry over so as not to lose the camera data, the
 * colour profile or the orientation: {@link JpegDecoder#readMetadata} reads them, and
 * {@link #insertInto} (or {@link JpegEncoder#encode(PixelImage, JpegMetadata)}) writes them into
 * a newly encoded file.
 *
 * <p>Immutable and thread-safe: the segment bodies are copied in and out.
 */
public final class JpegMetadata {
    /**
     * One segment.
     *
     * @param marker the second marker byte: 0xE0..0xEF for APP0..APP15, 0xFE for COM
     * @param body the bytes after the length field
     */
    public record Segment(int marker, byte[] body) {
        /** @throws IllegalArgumentException for a marker other than APPn or COM, or a body over 65533 bytes */
        public Segment {
            if (!(marker >= 0xE0 && marker <= 0xEF) && marker != 0xFE) {
                throw new IllegalArgumentException(String.format("0x%02X is not an APPn or COM marker", marker));
            }
            if (body.length > 65533) {
                throw new IllegalArgumentException("a segment body holds at most 65533 bytes, got " + body.length);
            }
            body = body.clone();
        }

        @Override
        public byte[] body() {
            return body.clone();
        }

        /** @return true if the body starts with the ISO 8859-1 bytes of {@code id} */
        public boolean startsWith(String id) {
            return MetadataSegments.startsWith(body, id);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Segment s && s.marker == marker && Arrays.equals(s.body, body);
        }

        @Override
        public int hashCode() {
            return marker * 31 + Arrays.hashCode(body);
        }

        @Override
        public String toString() {
            return String.format("Segment[0x%02X, %d bytes]", marker, body.length);
        }
    }

    /** No segments. */
    public static final JpegMetadata EMPTY = new JpegMetadata(List.of());

    private final List<Segment> segments;

    /** @param segments the segments, in the order they are to be written */
    public JpegMetadata(List<Segment> segments) {
        this.segments = List.copyOf(segments);
    }

    /** @return every segment, in file order */
    public List<Segment> segments() {
        return segments;
    }

    /** @return true without segments */
    public boolean isEmpty() {
        return segments.isEmpty();
    }

    /** @return the TIFF structure of the first Exif APP1 segment (after {@code "Exif\0\0"}) */
    public Optional<byte[]> exif() {
        for (Segment s : segments) {
            if (s.marker() == 0xE1 && s.startsWith("Exif\0\0")) {
                return Optional.of(Arrays.copyOfRange(s.body, 6, s.body.length));
            }
        }
        return Optional.empty();
    }

    /** @return the Exif Orientation tag (1..8: 1 upright, 6 rotate 90 clockwise to view...), if present */
    public OptionalInt exifOrientation() {
        return exif().map(MetadataSegments::exifOrientation).orElse(OptionalInt.empty());
    }

    /**
     * @return the ICC profile, its APP2 "ICC_PROFILE" chunks joined in the order of their
     *     sequence numbers; empty without chunks, or when chunks are missing or numbered twice
     */
    public Optional<byte[]> iccProfile() {
        List<byte[]> chunks = new ArrayList<>();
        for (Segment s : segments) {
            if (s.marker() == 0xE2 && s.startsWith("ICC_PROFILE\0") && s.body.length >= 14) {
                chunks.add(s.body);
            }
        }
        return MetadataSegments.joinIcc(chunks);
    }

    /** @return the ICC profile's description ('desc' tag, ICC v2 text or v4 multilingual), if readable */
    public Optional<String> iccDescription() {
        return iccProfile().flatMap(MetadataSegments::iccDescription);
    }

    /** @return the XMP packet of the first XMP APP1 segment, as UTF-8 text */
    public Optional<String> xmp() {
        String id = "http://ns.adobe.com/xap/1.0/\0";
        for (Segment s : segments) {
            if (s.marker() == 0xE1 && s.startsWith(id)) {
                return Optional.of(new String(s.body, id.length(), s.body.length - id.length(), StandardCharsets.UTF_8));
            }
        }
        return Optional.empty();
    }

    /** @return the COM segments' texts (ISO 8859-1) */
    public List<String> comments() {
        List<String> out = new ArrayList<>();
        for (Segment s : segments) {
            if (s.marker() == 0xFE) {
                out.add(new String(s.body, StandardCharsets.ISO_8859_1));
            }
        }
        return out;
    }

    /**
     * @return these segments less the ones that describe an encoding rather than the image: JFIF
     *     APP0 and Adobe APP14 (an encoder writes its own); what a re-encode should carry over
     */
    public JpegMetadata withoutEncodingSegments() {
        List<Segment> kept = new ArrayList<>();
        for (Segment s : segments) {
            boolean jfif = s.marker() == 0xE0 && (s.startsWith("JFIF\0") || s.startsWith("JFXX\0"));
            boolean adobe = s.marker() == 0xEE && s.startsWith("Adobe");
            if (!jfif && !adobe) {
                kept.add(s);
            }
        }
        return new JpegMetadata(kept);
    }

    /**
     * Writes these segments into a JPEG file: after SOI and the file's own leading JFIF APP0 or
     * Adobe APP14, so that the JFIF segment stays first as JFIF requires. Use
     * {@link #withoutEncodingSegments()} first when the segments come from another file.
     *
     * @param jpeg a file starting with SOI, such as an encoder's output
     * @return a new file with the segments inserted
     * @throws IllegalArgumentException if {@code jpeg} does not start with SOI
     */
    public byte[] insertInto(byte[] jpeg) {
        Objects.requireNonNull(jpeg, "jpeg");
        int at = MetadataSegments.insertionPoint(jpeg);
        ByteArrayOutputStream out = new ByteArrayOutputStream(jpeg.length + 1024);
        out.write(jpeg, 0, at);
        for (Segment s : segments) {
            out.write(0xFF);
            out.write(s.marker());
            out.write((s.body.length + 2) >> 8);
            out.write(s.body.length + 2);
            out.writeBytes(s.body);
        }
        out.write(jpeg, at, jpeg.length - at);
        return out.toByteArray();
    }

    /**
     * @param jpeg a JPEG file
     * @return its APPn and COM segments in file order (a lenient walk: a segment cut off by the
     *     end of the data ends the list)
     * @throws InvalidJpegException if the data does not start with SOI
     */
    public static JpegMetadata read(byte[] jpeg) throws InvalidJpegException {
        Objects.requireNonNull(jpeg, "jpeg");
        List<Segment> list = new ArrayList<>();
        for (int[] seg : MetadataSegments.find(jpeg)) {
            list.add(new Segment(seg[0], Arrays.copyOfRange(jpeg, seg[1], seg[2])));
        }
        return new JpegMetadata(list);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof JpegMetadata m && m.segments.equals(segments);
    }

    @Override
    public int hashCode() {
        return segments.hashCode();
    }

    @Override
    public String toString() {
        return "JpegMetadata" + segments;
    }
}
