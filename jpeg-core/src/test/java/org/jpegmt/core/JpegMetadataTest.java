package org.jpegmt.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** The APPn/COM segments as the decoder exposes them, and written back into an encoded file. */
class JpegMetadataTest {
    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** An Exif body: "Exif\0\0", TIFF in the given byte order, IFD0 with only Orientation. */
    static byte[] exif(int orientation, boolean big) {
        ByteBuffer b = ByteBuffer.allocate(6 + 26).order(big ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
        b.put(ascii("Exif\0\0")).put(ascii(big ? "MM" : "II")).putShort((short) 42).putInt(8);
        b.putShort((short) 1).putShort((short) 0x0112).putShort((short) 3).putInt(1).putShort((short) orientation)
                .putShort((short) 0).putInt(0);
        return b.array();
    }

    /** A minimal ICC profile: a 128-byte header, one 'desc' tag of the given bytes. */
    static byte[] icc(byte[] descTag) {
        ByteBuffer b = ByteBuffer.allocate(144 + descTag.length);
        b.position(128);
        b.putInt(1).putInt(0x64657363).putInt(144).putInt(descTag.length);
        b.put(descTag);
        b.putInt(0, b.capacity());
        return b.array();
    }

    static byte[] descV2(String text) {
        ByteBuffer b = ByteBuffer.allocate(12 + text.length() + 1 + 80);
        b.putInt(0x64657363).putInt(0).putInt(text.length() + 1).put(ascii(text));
        return b.array();
    }

    static byte[] mluc(String text) {
        byte[] utf16 = text.getBytes(StandardCharsets.UTF_16BE);
        ByteBuffer b = ByteBuffer.allocate(28 + utf16.length);
        b.putInt(0x6D6C7563).putInt(0).putInt(1).putInt(12).put(ascii("enUS")).putInt(utf16.length).putInt(28)
                .put(utf16);
        return b.array();
    }

    /** APP2 bodies of a profile split into n chunks. */
    static byte[][] iccChunks(byte[] profile, int n) {
        byte[][] out = new byte[n][];
        int per = (profile.length + n - 1) / n;
        for (int k = 0; k < n; k++) {
            ByteArrayOutputStream o = new ByteArrayOutputStream();
            o.writeBytes(ascii("ICC_PROFILE\0"));
            o.write(k + 1);
            o.write(n);
            int from = k * per;
            o.write(profile, from, Math.min(profile.length, from + per) - from);
            out[k] = o.toByteArray();
        }
        return out;
    }

    private static byte[] plainJpeg() {
        return new JpegEncoder(EncoderOptions.defaults()).encode(
                new PixelImage(24, 16, PixelFormat.RGB, new byte[24 * 16 * 3]));
    }

    @Test
    void segmentsInFileOrderWithTheirMeanings() throws Exception {
        byte[] profile = icc(descV2("sRGB IEC61966-2.1"));
        byte[][] chunks = iccChunks(profile, 3);
        JpegMetadata m = new JpegMetadata(List.of(
                new JpegMetadata.Segment(0xE1, exif(6, true)),
                new JpegMetadata.Segment(0xE2, chunks[2]), // out of order on purpose
                new JpegMetadata.Segment(0xE2, chunks[0]),
                new JpegMetadata.Segment(0xE1, ascii("http://ns.adobe.com/xap/1.0/\0<x:xmpmeta/>")),
                new JpegMetadata.Segment(0xFE, ascii("first")),
                new JpegMetadata.Segment(0xE2, chunks[1]),
                new JpegMetadata.Segment(0xFE, ascii("second"))));
        byte[] jpeg = m.insertInto(plainJpeg());
        JpegMetadata read = new JpegDecoder().readMetadata(jpeg);
        assertEquals(8, read.segments().size(), "the encoder's JFIF and the seven inserted");
        assertTrue(read.segments().get(0).startsWith("JFIF\0"));
        assertEquals(m.segments(), read.segments().subList(1, 8));
        assertEquals(OptionalInt.of(6), read.exifOrientation());
        assertArrayEquals(profile, read.iccProfile().orElseThrow());
        assertEquals(Optional.of("sRGB IEC61966-2.1"), read.iccDescription());
        assertEquals(Optional.of("<x:xmpmeta/>"), read.xmp());
        assertEquals(List.of("first", "second"), read.comments());
    }

    @Test
    void littleEndianExifAndVersion4Description() throws Exception {
        JpegMetadata m = new JpegMetadata(List.of(new JpegMetadata.Segment(0xE1, exif(3, false)),
                new JpegMetadata.Segment(0xE2, iccChunks(icc(mluc("Display P3")), 1)[0])));
        assertEquals(OptionalInt.of(3), m.exifOrientation());
        assertEquals(Optional.of("Display P3"), m.iccDescription());
    }

    @Test
    void brokenIccNumberingGivesNoProfile() {
        byte[][] chunks = iccChunks(icc(descV2("x")), 3);
        JpegMetadata missing = new JpegMetadata(List.of(new JpegMetadata.Segment(0xE2, chunks[0]),
                new JpegMetadata.Segment(0xE2, chunks[2])));
        JpegMetadata twice = new JpegMetadata(List.of(new JpegMetadata.Segment(0xE2, chunks[0]),
                new JpegMetadata.Segment(0xE2, chunks[0]), new JpegMetadata.Segment(0xE2, chunks[1])));
        assertFalse(missing.iccProfile().isPresent());
        assertFalse(twice.iccProfile().isPresent());
        assertFalse(JpegMetadata.EMPTY.exifOrientation().isPresent());
    }

    @Test
    void reEncodeKeepsImageSegmentsAndDropsTheSourcesEncodingSegments() throws Exception {
        JpegMetadata source = new JpegMetadata(List.of(
                new JpegMetadata.Segment(0xE0, new byte[] {'J', 'F', 'I', 'F', 0, 1, 2, 1, 0, 72, 0, 72, 0, 0}),
                new JpegMetadata.Segment(0xE1, exif(8, true)),
                new JpegMetadata.Segment(0xEE, new byte[] {'A', 'd', 'o', 'b', 'e', 0, 100, 0, 0, 0, 0, 1})));
        byte[] plain = plainJpeg();
        byte[] with = new JpegEncoder(EncoderOptions.defaults()).encode(
                new PixelImage(24, 16, PixelFormat.RGB, new byte[24 * 16 * 3]), source.withoutEncodingSegments());
        JpegMetadata read = new JpegDecoder().readMetadata(with);
        assertEquals(2, read.segments().size());
        assertArrayEquals(new byte[] {'J', 'F', 'I', 'F', 0, 1, 1, 0, 0, 1, 0, 1, 0, 0}, read.segments().get(0).body(),
                "the encoder's own JFIF stays first");
        assertEquals(OptionalInt.of(8), read.exifOrientation());
        assertArrayEquals(new JpegDecoder().decode(plain).data(), new JpegDecoder().decode(with).data());
    }

    @Test
    void valuesAreImmutable() {
        byte[] body = ascii("hello");
        JpegMetadata.Segment s = new JpegMetadata.Segment(0xFE, body);
        body[0] = 'j';
        s.body()[1] = 'a';
        assertEquals(List.of("hello"), new JpegMetadata(List.of(s)).comments());
        assertThrows(IllegalArgumentException.class, () -> new JpegMetadata.Segment(0xD8, new byte[0]));
        assertThrows(IllegalArgumentException.class, () -> new JpegMetadata.Segment(0xFE, new byte[65534]));
        assertThrows(UnsupportedOperationException.class, () -> JpegMetadata.EMPTY.segments().add(s));
        assertThrows(InvalidJpegException.class, () -> JpegMetadata.read(new byte[] {1, 2, 3}));
    }
}
