package org.jpegmt.cli;

import static org.jpegmt.cli.MainTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;
import org.jpegmt.core.JpegDecoder;
import org.jpegmt.core.JpegInfo;
import org.jpegmt.core.JpegMetadata;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code jpegmt encode} with a JPEG input: metadata kept (or dropped with --strip), the source's
 * quality and sampling kept unless -q / -s are given, with one line saying so.
 */
class EncodeJpegInputTest {
    @TempDir
    Path dir;

    /** A q95 4:4:4 JPEG with Exif (orientation 6), an ICC chunk and a comment. */
    private Path camera() throws Exception {
        Path png = TestFiles.smoothPng(dir.resolve("c.png"), 64, 48);
        Path plain = dir.resolve("plain.jpg");
        assertEquals(0, run("encode", "-q", "95", "-s", "444", png.toString(), plain.toString()).status());
        byte[] exif = {'E', 'x', 'i', 'f', 0, 0, 'M', 'M', 0, 42, 0, 0, 0, 8, 0, 1, 1, 0x12, 0, 3, 0, 0, 0, 1, 0, 6, 0,
            0, 0, 0, 0, 0};
        byte[] icc = new byte[14 + 200];
        System.arraycopy("ICC_PROFILE\0".getBytes(StandardCharsets.ISO_8859_1), 0, icc, 0, 12);
        icc[12] = 1;
        icc[13] = 1;
        JpegMetadata m = new JpegMetadata(List.of(new JpegMetadata.Segment(0xE1, exif),
                new JpegMetadata.Segment(0xE2, icc),
                new JpegMetadata.Segment(0xFE, "from the camera".getBytes(StandardCharsets.ISO_8859_1))));
        return Files.write(dir.resolve("camera.jpg"), m.insertInto(Files.readAllBytes(plain)));
    }

    @Test
    void keepsMetadataQualityAndSamplingAndSaysSo() throws Exception {
        Path in = camera();
        Path out = dir.resolve("out.jpg");
        MainTest.Run r = run("encode", in.toString(), out.toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(r.err().contains("re-encoded with the source's quality 95 and 4:4:4 sampling"), r.err());
        assertEquals(1, r.err().lines().count(), r.err());
        byte[] data = Files.readAllBytes(out);
        JpegMetadata m = new JpegDecoder().readMetadata(data);
        assertEquals(OptionalInt.of(6), m.exifOrientation());
        assertTrue(m.iccProfile().isPresent());
        assertEquals(List.of("from the camera"), m.comments());
        JpegInfo info = new JpegDecoder().readInfo(data);
        assertEquals("4:4:4", info.subsampling());
        // same quality: the tables equal those of a q95 encode of the same pixels
        Path ref = dir.resolve("ref.jpg");
        assertEquals(0, run("encode", "-q", "95", "-s", "444", "--strip", in.toString(), ref.toString()).status());
        var refTables = org.jpegmt.core.internal.FileStructure.read(Files.readAllBytes(ref)).quantTables;
        var tables = org.jpegmt.core.internal.FileStructure.read(data).quantTables;
        assertEquals(refTables.size(), tables.size());
        for (int i = 0; i < tables.size(); i++) {
            org.junit.jupiter.api.Assertions.assertArrayEquals(refTables.get(i).values(), tables.get(i).values(),
                    "quantisation table " + i + " of q95");
        }
    }

    @Test
    void stripDropsTheMetadataAndOptionsWin() throws Exception {
        Path in = camera();
        Path out = dir.resolve("out.jpg");
        MainTest.Run r = run("encode", "--strip", "-q", "60", "-s", "420", in.toString(), out.toString());
        assertEquals(0, r.status(), r.err());
        assertFalse(r.err().contains("re-encoded"), r.err());
        JpegMetadata m = new JpegDecoder().readMetadata(Files.readAllBytes(out));
        assertEquals(1, m.segments().size(), "only the encoder's JFIF");
        assertEquals("4:2:0", new JpegDecoder().readInfo(Files.readAllBytes(out)).subsampling());
    }

    @Test
    void quietHidesTheNote() throws Exception {
        MainTest.Run r = run("encode", "--quiet", camera().toString(), dir.resolve("q.jpg").toString());
        assertEquals(0, r.status());
        assertEquals("", r.err());
    }
}
