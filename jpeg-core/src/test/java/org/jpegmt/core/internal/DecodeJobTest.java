package org.jpegmt.core.internal;

import org.jpegmt.core.DecoderOptions;
import org.jpegmt.core.PixelImage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The segment-level API jpeg-mt schedules: decoding every restart interval on its own (here in
 * reverse order, as threads might) and converting rows in bands gives the serial result.
 */
class DecodeJobTest {

    @ParameterizedTest(name = "{0}x{1} {2}x{3} gray={4} restart={5}")
    @CsvSource({
        "200, 120, 2, 2, false, 1",
        "200, 120, 2, 2, false, 13",
        "200, 120, 2, 2, false, 7",
        "150, 90, 1, 1, false, 19",
        "131, 77, 2, 1, false, 9",
        "99, 61, 1, 1, true, 13",
        "64, 64, 2, 2, false, 10000",
    })
    void segmentsInAnyOrderEqualTheSerialDecode(int w, int h, int hs, int vs, boolean gray, int restart)
            throws Exception {
        byte[] jpeg = Fixtures.encode(Fixtures.picture(w, h, gray, 77), 0.85f, hs, vs, restart, false);
        PixelImage serial = DecodeJob.open(jpeg, DecoderOptions.defaults()).decodeAll();

        DecodeJob job = DecodeJob.open(jpeg, DecoderOptions.defaults());
        assertTrue(job.singleScan());
        assertEquals(restart, job.restartInterval());
        List<Integer> rst = Fixtures.restartMarkers(jpeg, job.scanDataOffset());
        int segments = (job.mcuCount() + restart - 1) / restart;
        assertEquals(segments - 1, rst.size());
        int eoi = jpeg.length - 2;
        int[] bounds = job.segmentBounds();
        assertEquals(2 * segments, bounds.length);
        for (int s = segments - 1; s >= 0; s--) {
            int start = s == 0 ? job.scanDataOffset() : rst.get(s - 1) + 2;
            int end = s == segments - 1 ? eoi : rst.get(s);
            assertEquals(start, bounds[2 * s]);
            assertEquals(end, bounds[2 * s + 1]);
            job.decodeSegment(s, start, end);
        }
        PixelImage out = job.allocateOutput();
        int band = job.mcuRowHeight();
        for (int y = h - h % band; y >= 0; y -= band) {
            job.convertRows(Math.max(0, y), Math.min(h, y + band), out);
        }
        assertArrayEquals(serial.data(), out.data());
        assertArrayEquals(Fixtures.imageIoDecode(jpeg).data(), out.data());
    }

    @org.junit.jupiter.api.Test
    void segmentBoundsRefuseUncleanMarkers() throws Exception {
        byte[] jpeg = Fixtures.encode(Fixtures.picture(64, 32, false, 5), 0.9f, 1, 1, 4, false);
        DecodeJob job = DecodeJob.open(jpeg, DecoderOptions.defaults());
        List<Integer> rst = Fixtures.restartMarkers(jpeg, job.scanDataOffset());
        byte[] renumbered = jpeg.clone();
        renumbered[rst.get(1) + 1] = (byte) 0xD5;
        assertNull(DecodeJob.open(renumbered, DecoderOptions.defaults()).segmentBounds());
        byte[] truncated = java.util.Arrays.copyOf(jpeg, jpeg.length - 40);
        assertNull(DecodeJob.open(truncated, DecoderOptions.defaults()).segmentBounds());
        byte[] missing = new byte[jpeg.length - 2];
        int at = rst.get(2);
        System.arraycopy(jpeg, 0, missing, 0, at);
        System.arraycopy(jpeg, at + 2, missing, at, jpeg.length - at - 2);
        assertNull(DecodeJob.open(missing, DecoderOptions.defaults()).segmentBounds());
    }

    @ParameterizedTest(name = "{0}x{1} {2}x{3} gray={4} restart={5} band rows={6}")
    @CsvSource({
        "200, 120, 2, 2, false, 13, 2",   // 13 MCUs per row: one row per segment
        "200, 120, 2, 2, false, 26, 2",   // two rows per segment
        "200, 300, 2, 2, false, 7, 2",    // segments cross rows: bands start where one starts a row (every 7 rows)
        "131, 77, 2, 1, false, 9, 4",
        "150, 90, 1, 1, false, 19, 2",
        "99, 61, 1, 1, true, 13, 3",
        "40, 300, 1, 2, false, 3, 5",
    })
    void bandsInAnyOrderWithTheirEdgesEqualTheSerialDecode(int w, int h, int hs, int vs, boolean gray, int restart,
            int bandRows) throws Exception {
        byte[] jpeg = Fixtures.encode(Fixtures.picture(w, h, gray, 31), 0.85f, hs, vs, restart, false);
        PixelImage serial = DecodeJob.open(jpeg, DecoderOptions.defaults()).decodeAll();
        DecodeJob job = DecodeJob.open(jpeg, DecoderOptions.defaults());
        int[] bounds = job.segmentBounds();
        int segments = bounds.length / 2;
        java.util.List<Integer> starts = new java.util.ArrayList<>(List.of(0));
        for (int s = 1; s < segments; s++) {
            int row = job.mcuRowOf(s);
            if (job.startsMcuRow(s) && row - job.mcuRowOf(starts.get(starts.size() - 1)) >= bandRows
                    && job.mcuRows() - row >= 2) {
                starts.add(s);
            }
        }
        assertTrue(starts.size() >= 3, "test needs several bands, got " + starts);
        starts.add(segments);
        PixelImage out = job.allocateOutput();
        for (int b = starts.size() - 2; b >= 0; b--) {
            job.decodeBand(bounds, starts.get(b), starts.get(b + 1), out);
        }
        for (int b = 1; b < starts.size() - 1; b++) {
            job.convertBandEdge(starts.get(b), out);
        }
        assertArrayEquals(serial.data(), out.data());
        // each edge is converted once
        assertThrows(IllegalStateException.class, () -> job.convertBandEdge(starts.get(1), out));
    }

    @org.junit.jupiter.api.Test
    void bandsMustBeRunsOfAtLeastTwoWholeMcuRows() throws Exception {
        // 64x64 4:2:0: 4 MCUs per row, 4 rows; restart every 2 MCUs: two segments per row
        byte[] jpeg = Fixtures.encode(Fixtures.picture(64, 64, false, 8), 0.9f, 2, 2, 2, false);
        DecodeJob job = DecodeJob.open(jpeg, DecoderOptions.defaults());
        int[] bounds = job.segmentBounds();
        assertEquals(16, bounds.length);
        assertTrue(job.startsMcuRow(2));
        assertFalse(job.startsMcuRow(3));
        PixelImage out = job.allocateOutput();
        assertThrows(IllegalArgumentException.class, () -> job.decodeBand(bounds, 0, 3, out)); // ends inside a row
        assertThrows(IllegalArgumentException.class, () -> job.decodeBand(bounds, 1, 4, out)); // starts inside a row
        assertThrows(IllegalArgumentException.class, () -> job.decodeBand(bounds, 0, 2, out)); // one row only
        assertThrows(IllegalArgumentException.class, () -> job.decodeBand(bounds, 6, 8, out)); // last row alone
        assertThrows(IllegalArgumentException.class, () -> job.decodeBand(new int[4], 0, 4, out));
        assertThrows(IllegalStateException.class, () -> job.convertBandEdge(4, out)); // nothing decoded yet
        job.decodeBand(bounds, 0, 8, out); // one band may be the whole scan, however short
        assertArrayEquals(DecodeJob.open(jpeg, DecoderOptions.defaults()).decodeAll().data(), out.data());
    }

    @ParameterizedTest(name = "{0}x{1} {2}x{3} gray={4} restart={5}")
    @CsvSource({
        "200, 120, 2, 2, false, 0",
        "131, 77, 2, 1, false, 0",
        "150, 90, 1, 1, false, 0",
        "99, 61, 1, 1, true, 0",
        "40, 300, 1, 2, false, 7",
        "200, 120, 2, 2, false, 13",
    })
    void stagedDecodeWithRowsTransformedLateAndOutOfOrderEqualsTheSerialDecode(int w, int h, int hs, int vs, boolean gray,
            int restart) throws Exception {
        byte[] jpeg = Fixtures.encode(Fixtures.picture(w, h, gray, 12), 0.85f, hs, vs, restart, false);
        PixelImage serial = DecodeJob.open(jpeg, DecoderOptions.defaults()).decodeAll();
        DecodeJob job = DecodeJob.open(jpeg, DecoderOptions.defaults());
        int rows = job.mcuRows();
        int rowHeight = job.mcuRowHeight();
        java.util.List<Integer> announced = new java.util.ArrayList<>();
        boolean[] done = new boolean[rows];
        PixelImage out = job.decodeAllStaged(r -> {
            announced.add(r);
            // keep the most coefficient rows the contract allows, then transform the oldest two
            // in reverse order: row r + 1 - slots must be done before returning
            int reuse = r + 1 - DecodeJob.COEFFICIENT_SLOTS;
            for (int k = reuse + 1; k >= reuse; k--) {
                if (k >= 0 && k <= r && !done[k]) {
                    job.inverseTransformRow(k);
                    done[k] = true;
                }
            }
        });
        assertEquals(rows, announced.size());
        for (int r = 0; r < rows; r++) {
            assertEquals(r, announced.get(r));
            if (!done[r]) {
                job.inverseTransformRow(r);
            }
        }
        for (int r = rows - 1; r >= 0; r--) {
            job.convertRows(r * rowHeight, Math.min(h, (r + 1) * rowHeight), out);
        }
        assertArrayEquals(serial.data(), out.data());
    }
}
