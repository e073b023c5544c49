package org.jpegmt.core.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.jpegmt.core.InvalidJpegException;

/**
 * The parsing behind {@link org.jpegmt.core.JpegMetadata} and the transcoder's segment copy: where
 * a file's APPn and COM segments are (one lenient pass over the whole file, entropy-coded data
 * skipped with {@link SegmentScanner#survey}, so segments between scans count too), the Exif
 * orientation, ICC chunks joined, the ICC description. Stateless.
 */
public final class MetadataSegments {
    private MetadataSegments() {
    }

    /**
     * @param data a whole file
     * @return per APPn or COM segment in file order: {marker, body start, body end}
     * @throws InvalidJpegException if the data does not start with SOI
     */
    public static List<int[]> find(byte[] data) throws InvalidJpegException {
        if (!SegmentParser.startsWithSoi(data)) {
            throw new InvalidJpegException("not a JPEG file: does not start with FF D8 (SOI)", 0);
        }
        List<int[]> out = new ArrayList<>();
        int p = 2;
        int n = data.length;
        int markers = 0;
        while (p + 1 < n && markers++ < MarkerReader.MAX_MARKERS) {
            if ((data[p] & 0xFF) != 0xFF) {
                p++; // junk between segments, skipped as libjpeg skips it
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
                out.add(new int[] {m, p + 4, p + 2 + len});
            }
            p += 2 + len;
            if (m == Markers.SOS) {
                p = SegmentScanner.survey(data, p).end();
            }
        }
        return out;
    }

    /** @return true if {@code body} starts with the ISO 8859-1 bytes of {@code id} */
    public static boolean startsWith(byte[] body, String id) {
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

    /**
     * @param jpeg a file starting with SOI
     * @return the offset after SOI and any JFIF APP0 / Adobe APP14 right after it
     */
    public static int insertionPoint(byte[] jpeg) {
        if (!SegmentParser.startsWithSoi(jpeg)) {
            throw new IllegalArgumentException("not a JPEG file: does not start with FF D8 (SOI)");
        }
        int p = 2;
        while (p + 4 <= jpeg.length && (jpeg[p] & 0xFF) == 0xFF) {
            int m = jpeg[p + 1] & 0xFF;
            int len = SegmentParser.u16(jpeg, p + 2);
            if (len < 2 || p + 2 + len > jpeg.length) {
                break;
            }
            boolean own = (m == Markers.APP0 && startsWithAt(jpeg, p + 4, p + 2 + len, "JFIF\0"))
                    || (m == Markers.APP14 && startsWithAt(jpeg, p + 4, p + 2 + len, "Adobe"));
            if (!own) {
                break;
            }
            p += 2 + len;
        }
        return p;
    }

    private static boolean startsWithAt(byte[] d, int from, int end, String id) {
        if (end - from < id.length()) {
            return false;
        }
        for (int i = 0; i < id.length(); i++) {
            if (d[from + i] != (byte) id.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /**
     * @param tiff an Exif TIFF structure (after {@code "Exif\0\0"})
     * @return the Orientation tag (0x0112) of IFD0, if present and readable
     */
    public static OptionalInt exifOrientation(byte[] tiff) {
        if (tiff.length < 8) {
            return OptionalInt.empty();
        }
        boolean big;
        if (tiff[0] == 'M' && tiff[1] == 'M') {
            big = true;
        } else if (tiff[0] == 'I' && tiff[1] == 'I') {
            big = false;
        } else {
            return OptionalInt.empty();
        }
        long ifd = u32(tiff, 4, big);
        if (ifd < 8 || ifd + 2 > tiff.length) {
            return OptionalInt.empty();
        }
        int count = u16(tiff, (int) ifd, big);
        for (int i = 0; i < count; i++) {
            int e = (int) ifd + 2 + 12 * i;
            if (e + 12 > tiff.length) {
                break;
            }
            if (u16(tiff, e, big) == 0x0112 && u16(tiff, e + 2, big) == 3) {
                return OptionalInt.of(u16(tiff, e + 8, big));
            }
        }
        return OptionalInt.empty();
    }

    /**
     * @param chunks APP2 "ICC_PROFILE\0" bodies: sequence number at 12, count at 13, data from 14
     * @return the profile, chunks in sequence order; empty if none, or the numbering is broken
     */
    public static Optional<byte[]> joinIcc(List<byte[]> chunks) {
        if (chunks.isEmpty()) {
            return Optional.empty();
        }
        int count = chunks.get(0)[13] & 0xFF;
        byte[][] bySeq = new byte[count + 1][];
        for (byte[] c : chunks) {
            int seq = c[12] & 0xFF;
            if ((c[13] & 0xFF) != count || seq < 1 || seq > count || bySeq[seq] != null) {
                return Optional.empty();
            }
            bySeq[seq] = c;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int s = 1; s <= count; s++) {
            if (bySeq[s] == null) {
                return Optional.empty();
            }
            out.write(bySeq[s], 14, bySeq[s].length - 14);
        }
        return Optional.of(out.toByteArray());
    }

    /**
     * @param icc an ICC profile
     * @return the text of its 'desc' tag: a v2 textDescriptionType (ASCII) or a v4
     *     multiLocalizedUnicodeType (its first record, UTF-16BE); empty if absent or malformed
     */
    public static Optional<String> iccDescription(byte[] icc) {
        if (icc.length < 132) {
            return Optional.empty();
        }
        long tags = u32(icc, 128, true);
        for (long i = 0; i < tags && 132 + 12 * (i + 1) <= icc.length; i++) {
            int e = (int) (132 + 12 * i);
            if (u32(icc, e, true) != 0x64657363L) { // 'desc'
                continue;
            }
            long off = u32(icc, e + 4, true);
            long size = u32(icc, e + 8, true);
            if (off + size > icc.length || size < 12) {
                return Optional.empty();
            }
            int o = (int) off;
            long type = u32(icc, o, true);
            if (type == 0x64657363L) { // 'desc': ASCII count (with its NUL), then the text
                long n = u32(icc, o + 8, true);
                if (n < 1 || 12 + n > size) {
                    return Optional.empty();
                }
                return Optional.of(new String(icc, o + 12, (int) n - 1, StandardCharsets.ISO_8859_1).strip());
            }
            if (type == 0x6D6C7563L && size >= 28) { // 'mluc': records of lang, country, length, offset
                long records = u32(icc, o + 8, true);
                long len = u32(icc, o + 20, true);
                long start = u32(icc, o + 24, true);
                if (records < 1 || start + len > size) {
                    return Optional.empty();
                }
                return Optional.of(new String(icc, (int) (o + start), (int) len, StandardCharsets.UTF_16BE).strip());
            }
            return Optional.empty();
        }
        return Optional.empty();
    }

    private static int u16(byte[] b, int at, boolean big) {
        int x = b[at] & 0xFF;
        int y = b[at + 1] & 0xFF;
        return big ? x << 8 | y : y << 8 | x;
    }

    private static long u32(byte[] b, int at, boolean big) {
        long hi = u16(b, big ? at : at + 2, big);
        long lo = u16(b, big ? at + 2 : at, big);
        return hi << 16 | lo;
    }
}
