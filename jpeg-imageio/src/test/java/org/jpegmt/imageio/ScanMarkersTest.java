package org.jpegmt.imageio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.List;
import javax.imageio.stream.ImageInputStream;
import org.junit.jupiter.api.Test;

/** The walk from the first scan to EOI over hand-made byte sequences. */
class ScanMarkersTest {
    private static List<JpegHeaders.Segment> walk(int... bytes) throws IOException {
        byte[] b = new byte[bytes.length];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) bytes[i];
        }
        try (ImageInputStream in = TestImages.stream(b)) {
            return ScanMarkers.read(in);
        }
    }

    @Test
    void stuffedBytesFillAndRestartMarkersAreEntropyDataNotSegments() throws IOException {
        List<JpegHeaders.Segment> s = walk(
                0xFF, 0xDA, 0, 3, 0x11,                // SOS, payload 0x11
                0x12, 0xFF, 0x00, 0x34, 0xFF, 0xD0, 0x56, // data, stuffed zero, RST0
                0xFF, 0xFF, 0xFF, 0xC4, 0, 4, 0xAA, 0xBB, // fill bytes, then DHT
                0xFF, 0xDA, 0, 2,                      // second SOS, empty payload
                0x00, 0xFF, 0xD7, 0x01,
                0xFF, 0xD9,                            // EOI ends the walk
                0xFF, 0xFE, 0, 3, 'x');                // a COM after EOI is not read
        assertEquals(3, s.size());
        assertEquals(0xDA, s.get(0).marker());
        assertArrayEquals(new byte[] {0x11}, s.get(0).payload());
        assertEquals(0xC4, s.get(1).marker());
        assertArrayEquals(new byte[] {(byte) 0xAA, (byte) 0xBB}, s.get(1).payload());
        assertEquals(0xDA, s.get(2).marker());
        assertEquals(0, s.get(2).payload().length);
    }

    @Test
    void aFileCutInsideASegmentKeepsTheSegmentsBefore() throws IOException {
        List<JpegHeaders.Segment> s = walk(0xFF, 0xDA, 0, 3, 0x11, 0x22, 0xFF, 0xFE, 0, 10, 'a', 'b');
        assertEquals(1, s.size());
        assertEquals(0xDA, s.get(0).marker());
        assertEquals(0, walk(0xFF, 0xDA, 0).size(), "cut inside the length field");
        assertEquals(0, walk(0x12, 0x34).size(), "no marker at all");
    }

    @Test
    void entropyDataLongerThanOneBlockIsSkipped() throws IOException {
        int n = (1 << 16) * 2 + 7;
        int[] bytes = new int[n + 10];
        bytes[0] = 0xFF;
        bytes[1] = 0xDA;
        bytes[2] = 0;
        bytes[3] = 2;
        for (int i = 4; i < n; i++) {
            bytes[i] = (i * 31) & 0x7F; // never 0xFF
        }
        // an RST0 and a stuffed zero split across the 64 KB blocks the walk reads
        bytes[(1 << 16) - 1] = 0xFF;
        bytes[1 << 16] = 0xD3;
        bytes[(1 << 17) - 1] = 0xFF;
        bytes[1 << 17] = 0x00;
        // then a COM and EOI
        int[] tail = {0xFF, 0xFE, 0, 3, 'z', 0xFF, 0xD9};
        System.arraycopy(tail, 0, bytes, n, tail.length);
        List<JpegHeaders.Segment> s = walk(java.util.Arrays.copyOf(bytes, n + tail.length));
        assertEquals(2, s.size());
        assertEquals(0xFE, s.get(1).marker());
        assertArrayEquals(new byte[] {'z'}, s.get(1).payload());
    }
}
