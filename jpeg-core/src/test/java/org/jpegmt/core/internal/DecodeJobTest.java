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
    void segmentBoundsFindEveryRestartMarkerAndOneBandOfAllSegmentsEqualsTheSerialDecode(int w, int h, int hs,
            int vs, boolean gray, int restart) throws Exception {
        byte[] jpeg = Fixtures.encode(Fixtures.picture(w, h, gray, 77), 0.85f, hs, vs, restart, false);
        PixelImage serial = DecodeJob.open(jpeg, DecoderOptions.defaults()).decodeAll();

        DecodeJob job = DecodeJob.open(jpeg, DecoderOptions.defaults());
        assertTrue(job.singleScan());
        assertEquals(restart, job.restartInterval());
        List<Integer> rst = Fixtures.restartMarkers(jpeg, job.scanDataOffset());
        int segments = (job.grid().mcuCount() + restart - 1) / restart;
        assertEquals(segments, job.grid().segments());
        assertEquals(segments - 1, rst.size());
        int eoi = jpeg.length - 2;
        int[] bounds = job.segmentBounds();
        assertEquals(2 * segments, bounds.length);
        for (int s = segments - 1; s >= 0; s--) {
            int start = s == 0 ? job.scanDataOffset() : rst.get(s - 1) + 2;
            int end = s == segments - 1 ? eoi : rst.get(s);
            assertEquals(start, bounds[2 * s]);
            assertEquals(end, bounds[2 * s + 1]);
        }
        // one band over every segment jumps from segment to segment by these bounds
        PixelImage out = job.newOutput();
        job.bands(bounds, out).decode(0, segments);
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
        List<Integer> starts = Fixtures.bandStarts(job.grid(), bandRows, 2, true);
        assertTrue(starts.size() >= 4, "test needs several bands, got " + starts);
        PixelImage out = job.newOutput();
        BandDecode bands = Fixtures.decodeBandsBackwards(job, bounds, starts, out);
        assertArrayEquals(serial.data(), out.data());
        // each edge is converted once
        assertThrows(IllegalStateException.class, () -> bands.convertEdge(starts.get(1)));
    }

    @org.junit.jupiter.api.Test
    void bandsMustBeRunsOfAtLeastTwoWholeMcuRows() throws Exception {
        // 64x64 4:2:0: 4 MCUs per row, 4 rows; restart every 2 MCUs: two segments per row
        byte[] jpeg = Fixtures.encode(Fixtures.picture(64, 64, false, 8), 0.9f, 2, 2, 2, false);
        DecodeJob job = DecodeJob.open(jpeg, DecoderOptions.defaults());
        int[] bounds = job.segmentBounds();
        assertEquals(16, bounds.length);
        assertTrue(job.grid().startsMcuRow(2));
        assertFalse(job.grid().startsMcuRow(3));
        PixelImage out = job.newOutput();
        BandDecode bands = job.bands(bounds, out);
        assertThrows(IllegalArgumentException.class, () -> bands.decode(0, 3)); // ends inside a row
        assertThrows(IllegalArgumentException.class, () -> bands.decode(1, 4)); // starts inside a row
        assertThrows(IllegalArgumentException.class, () -> bands.decode(0, 2)); // one row only
        assertThrows(IllegalArgumentException.class, () -> bands.decode(6, 8)); // last row alone
        assertThrows(IllegalArgumentException.class, () -> job.bands(new int[4], out));
        assertThrows(IllegalStateException.class, () -> bands.convertEdge(4)); // nothing decoded yet
        bands.decode(0, 8); // one band may be the whole scan, however short
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
        PixelImage out = job.newOutput();
        StagedDecode staged = job.staged(out);
        int rows = staged.grid().mcuRows();
        java.util.List<Integer> announced = new java.util.ArrayList<>();
        boolean[] done = new boolean[rows];
        while (staged.hasNextRow()) {
            int r = staged.decodeNextRow();
            announced.add(r);
            // keep the most coefficient rows the contract allows, then transform the oldest two
            // in reverse order: row r + 1 - slots must be done before the next row is decoded
            int reuse = r + 1 - StagedDecode.COEFFICIENT_SLOTS;
            for (int k = reuse + 1; k >= reuse; k--) {
                if (k >= 0 && k <= r && !done[k]) {
                    staged.inverseTransform(k);
                    done[k] = true;
                }
            }
        }
        staged.finish();
        assertEquals(rows, announced.size());
        for (int r = 0; r < rows; r++) {
            assertEquals(r, announced.get(r));
            if (!done[r]) {
                staged.inverseTransform(r);
            }
        }
        for (int r = rows - 1; r >= 0; r--) {
            staged.convert(r);
        }
        assertArrayEquals(serial.data(), out.data());
    }
}
