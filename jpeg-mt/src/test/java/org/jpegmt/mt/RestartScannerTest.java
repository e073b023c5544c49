package org.jpegmt.mt;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RestartScannerTest {
    private static byte[] bytes(int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            b[i] = (byte) values[i];
        }
        return b;
    }

    @Test
    void splitsAtRestartMarkersAndStopsAtEoi() {
        //            0     1     2     3     4     5     6     7     8     9    10
        byte[] d = bytes(0x12, 0xFF, 0xD0, 0x34, 0x56, 0xFF, 0xD1, 0x78, 0xFF, 0xD9);
        RestartScanner.Segments s = RestartScanner.scan(d, 0, 100);
        assertEquals(3, s.count());
        assertArrayEquals(new int[] {0, 3, 7}, s.starts);
        assertArrayEquals(new int[] {1, 5, 8}, s.ends);
        assertTrue(s.inSequence);
    }

    @Test
    void stuffedFfAndFillBytesAreNotMarkers() {
        byte[] d = bytes(0xFF, 0x00, 0x11, 0xFF, 0xFF, 0xFF, 0xD0, 0x22, 0xFF, 0x00, 0xFF, 0xD9);
        RestartScanner.Segments s = RestartScanner.scan(d, 0, 100);
        assertEquals(2, s.count());
        assertArrayEquals(new int[] {0, 7}, s.starts);
        assertArrayEquals(new int[] {3, 10}, s.ends);
        assertTrue(s.inSequence);
    }

    @Test
    void misnumberedMarkerIsReported() {
        byte[] d = bytes(0x01, 0xFF, 0xD0, 0x02, 0xFF, 0xD2, 0x03, 0xFF, 0xD9);
        assertFalse(RestartScanner.scan(d, 0, 100).inSequence);
    }

    @Test
    void numberingWrapsAfterRst7() {
        int[] v = new int[9 * 3 + 2];
        int p = 0;
        for (int k = 0; k < 9; k++) {
            v[p++] = 0x40 + k;
            v[p++] = 0xFF;
            v[p++] = 0xD0 + (k & 7);
        }
        v[p++] = 0xFF;
        v[p] = 0xD9;
        RestartScanner.Segments s = RestartScanner.scan(bytes(v), 0, 100);
        assertEquals(10, s.count());
        assertTrue(s.inSequence);
    }

    @Test
    void dataWithoutEndMarkerRunsToTheEnd() {
        byte[] d = bytes(0x01, 0x02, 0xFF);
        RestartScanner.Segments s = RestartScanner.scan(d, 0, 100);
        assertEquals(1, s.count());
        assertEquals(3, s.ends[0]);
    }

    @Test
    void segmentCapStopsHostileInput() {
        byte[] d = new byte[3000];
        for (int i = 0; i < d.length; i += 2) {
            d[i] = (byte) 0xFF;
            d[i + 1] = (byte) (0xD0 + ((i / 2) & 7));
        }
        RestartScanner.Segments s = RestartScanner.scan(d, 0, 10);
        assertEquals(10, s.count());
        assertFalse(s.inSequence);
    }
}
