package org.jpegmt.cli;

import static org.jpegmt.cli.MainTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jpegmt.core.JpegMetadata;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code jpegmt info}: Exif orientation, ICC description, and what transcode would add. */
class InfoMetadataTest {
    @TempDir
    Path dir;

    @Test
    void orientationIccDescriptionAndTranscodeAdvice() throws Exception {
        Path png = TestFiles.smoothPng(dir.resolve("a.png"), 400, 300);
        Path plain = dir.resolve("plain.jpg");
        assertEquals(0, run("encode", "--restart-rows", "0", png.toString(), plain.toString()).status());
        byte[] exif = {'E', 'x', 'i', 'f', 0, 0, 'I', 'I', 42, 0, 8, 0, 0, 0, 1, 0, 0x12, 1, 3, 0, 1, 0, 0, 0, 8, 0, 0,
            0, 0, 0, 0, 0};
        byte[] text = "Camera RGB".getBytes(StandardCharsets.ISO_8859_1);
        ByteBuffer icc = ByteBuffer.allocate(14 + 144 + 12 + text.length + 1);
        icc.put("ICC_PROFILE\0".getBytes(StandardCharsets.ISO_8859_1)).put((byte) 1).put((byte) 1);
        icc.position(14 + 128);
        icc.putInt(1).putInt(0x64657363).putInt(144).putInt(12 + text.length + 1);
        icc.putInt(0x64657363).putInt(0).putInt(text.length + 1).put(text);
        JpegMetadata m = new JpegMetadata(List.of(new JpegMetadata.Segment(0xE1, exif),
                new JpegMetadata.Segment(0xE2, icc.array())));
        Path in = Files.write(dir.resolve("meta.jpg"), m.insertInto(Files.readAllBytes(plain)));

        MainTest.Run r = run("info", in.toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(r.outText().contains("orientation:    8 (rotate 90 counter-clockwise to view)"), r.outText());
        assertTrue(r.outText().contains("icc profile:    Camera RGB"), r.outText());
        assertTrue(r.outText().contains("transcode:      jpegmt transcode would add 18 restart markers"), r.outText());
        assertTrue(r.outText().contains("and it would decode in parallel"), r.outText());

        MainTest.Run j = run("info", "--json", in.toString());
        assertTrue(j.outText().contains("\"exif_orientation\":8") || j.outText().contains("\"exif_orientation\": 8"),
                j.outText());

        Path rst = dir.resolve("rst.jpg");
        assertEquals(0, run("transcode", in.toString(), rst.toString()).status());
        assertTrue(run("info", rst.toString()).outText().contains("nothing needed: the file already decodes in parallel"));
    }
}
