package org.jpegmt.core.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.jpegmt.core.DecoderOptions;
import org.jpegmt.core.JpegException;
import org.jpegmt.core.PixelImage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Speculative decoding of scans without restart markers gives the serial decoder's quantised
 * coefficients and pixels, whatever the cuts: equal chunk counts, a cut at every byte offset of
 * small files, and chunks so short that decoders never resynchronise (the repair path).
 */
class SpeculativeDecodeTest {

    /** The phases in one thread, chunks and bands in reverse order (as threads may finish). */
    static SpeculativeDecode run(byte[] jpeg, int[] cuts, PixelImage[] out) throws JpegException {
        return run(jpeg, cuts, 0, out);
    }

    /** As {@link #run(byte[], int[], PixelImage[])}, the first chunk streaming this share of the MCU rows. */
    static SpeculativeDecode run(byte[] jpeg, int[] cuts, double streamShare, PixelImage[] out) throws JpegException {
        DecodeJob job = DecodeJob.open(jpeg, DecoderOptions.defaults());
        out[0] = job.newOutput();
        SpeculativeDecode sd = job.speculative(out[0]);
        sd.usePieces(cuts);
        for (int k = sd.pieces() - 1; k >= 0; k--) {
            sd.scanPiece(k);
        }
        if (!sd.planChunks(sd.pieces(), streamShare)) {
            return sd;
        }
        for (int i = sd.chunks() - 1; i >= 0; i--) {
            sd.decodeChunk(i);
        }
        for (int i = sd.chunks() - 2; i >= 0; i--) {
            assertTrue(sd.meetNext(i), "every chunk is decoded: no boundary check waits");
        }
        if (!sd.assemble(3)) {
            return sd;
        }
        for (int k = sd.bands() - 1; k >= 0; k--) {
            sd.sumDc(k);
        }
        for (int k = sd.bands() - 1; k >= 0; k--) {
            sd.reconstruct(k);
        }
        for (int k = 0; k < sd.bands(); k++) {
            if (sd.edgeAbove(k)) {
                sd.convertEdge(k);
            }
        }
        sd.finish();
        return sd;
    }

    static int[] equalCuts(byte[] jpeg, int chunks) throws JpegException {
        int start = DecodeJob.open(jpeg, DecoderOptions.defaults()).scanDataOffset();
        int len = jpeg.length - 2 - start;
        int[] cuts = new int[chunks - 1];
        for (int k = 1; k < chunks; k++) {
            cuts[k - 1] = start + (int) ((long) len * k / chunks);
        }
        return cuts;
    }

    /**
     * The serial decoder's pixels and, for small files, quantised coefficients (per MCU row) of
     * one file; large files' coefficients are decoded again for each comparison ({@link #rows}).
     */
    record Reference(byte[] jpeg, byte[] pixels, int[][] coef, int[][] last) {
        static Reference of(byte[] jpeg) throws JpegException {
            byte[] pixels = DecodeJob.open(jpeg, DecoderOptions.defaults()).decodeAll().data();
            boolean small = pixels.length <= 1 << 18;
            int[][][] rows = small ? rows(jpeg) : new int[2][][];
            return new Reference(jpeg, pixels, rows[0], rows[1]);
        }

        private static int[][][] rows(byte[] jpeg) throws JpegException {
            ScanContext ctx = DecodeJob.open(jpeg, DecoderOptions.defaults()).context();
            ScanCursor serial = ScanCursor.serial(ctx.data, ctx.firstDecoder, ctx.grid, ctx.warn, ctx.resync,
                    ctx.firstScan.dataOffset());
            int rows = ctx.grid.mcuRows();
            int[][] coef = new int[rows][];
            int[][] last = new int[rows][];
            for (int r = 0; r < rows; r++) {
                ScanDecoder.CoefficientRow row = ctx.firstDecoder.newCoefficientRow();
                serial.decodeRow(null, row);
                coef[r] = row.coef;
                last[r] = row.last;
            }
            return new int[][][] {coef, last};
        }
    }

    /** Pixels and every MCU row's quantised coefficients equal the serial decode's. */
    static SpeculativeDecode assertSameAsSerial(byte[] jpeg, int[] cuts, String what) throws JpegException {
        return assertSameAsSerial(jpeg, cuts, Reference.of(jpeg), what);
    }

    static SpeculativeDecode assertSameAsSerial(byte[] jpeg, int[] cuts, Reference ref, String what)
            throws JpegException {
        return assertSameAsSerial(jpeg, cuts, 0, ref, what);
    }

    static SpeculativeDecode assertSameAsSerial(byte[] jpeg, int[] cuts, double streamShare, Reference ref, String what)
            throws JpegException {
        PixelImage[] out = new PixelImage[1];
        SpeculativeDecode sd = run(jpeg, cuts, streamShare, out);
        assertNull(sd.stats().fallback(), what);
        assertArrayEquals(ref.pixels(), out[0].data(), what + ": pixels");
        ScanDecoder.CoefficientRow actual = sd.decoder().newCoefficientRow();
        SpeculativeDecode.BlockCursor cursor = sd.storedBlocks();
        int mcus = DecodeJob.open(jpeg, DecoderOptions.defaults()).grid().mcusPerRow();
        // large files: the serial rows decoded alongside, one at a time
        ScanContext ctx = DecodeJob.open(jpeg, DecoderOptions.defaults()).context();
        ScanCursor serial = ScanCursor.serial(ctx.data, ctx.firstDecoder, ctx.grid, ctx.warn, ctx.resync,
                ctx.firstScan.dataOffset());
        ScanDecoder.CoefficientRow expected = ctx.firstDecoder.newCoefficientRow();
        for (int r = 0; r < ctx.grid.mcuRows(); r++) {
            java.util.Arrays.fill(actual.coef, 0);
            boolean stored = r >= sd.firstStoredRow(); // the rows before were decoded the serial way
            if (stored) {
                sd.decoder().storedRow(r, 0, mcus, cursor, actual);
            }
            int[] coef = ref.coef() != null ? ref.coef()[r] : null;
            int[] last = ref.coef() != null ? ref.last()[r] : null;
            if (coef == null) {
                java.util.Arrays.fill(expected.coef, 0);
                serial.decodeRow(null, expected);
                coef = expected.coef;
                last = expected.last;
            }
            if (stored) {
                assertArrayEquals(last, actual.last, what + ": last coefficients of MCU row " + r);
                assertArrayEquals(coef, actual.coef, what + ": coefficients of MCU row " + r);
            }
        }
        return sd;
    }

    /** A cut at every byte offset of the scan, each compared with the serial decode. */
    static void assertEveryCut(byte[] jpeg, String what) throws JpegException {
        assertEveryCut(jpeg, 0, what);
    }

    /** As {@link #assertEveryCut(byte[], String)}, the first chunk streaming this share of the MCU rows. */
    static void assertEveryCut(byte[] jpeg, double streamShare, String what) throws JpegException {
        Reference ref = Reference.of(jpeg);
        int start = DecodeJob.open(jpeg, DecoderOptions.defaults()).scanDataOffset();
        for (int o = start + 1; o < jpeg.length - 2; o++) {
            assertSameAsSerial(jpeg, new int[] {o}, streamShare, ref, what + ", cut at " + o);
        }
    }

    private static byte[] file(int w, int h, boolean gray, int hs, int vs, float q) throws Exception {
        return Fixtures.encode(Fixtures.picture(w, h, gray, w * 31L + h), q, hs, vs, 0, false);
    }

    @ParameterizedTest(name = "{0}x{1} gray={2} {3}x{4} q{5}")
    @CsvSource({
        "640, 480, false, 2, 2, 0.9",
        "640, 480, false, 1, 1, 0.95",
        "601, 397, false, 2, 1, 0.75",
        "333, 517, false, 1, 2, 0.85",
        "512, 512, true, 1, 1, 0.9",
        "999, 101, false, 2, 2, 0.5",
    })
    void equalChunkCountsGiveTheSerialCoefficientsAndPixels(int w, int h, boolean gray, int hs, int vs, float q)
            throws Exception {
        byte[] jpeg = file(w, h, gray, hs, vs, q);
        Reference ref = Reference.of(jpeg);
        for (int n : new int[] {2, 3, 4, 8, 16}) {
            for (double stream : new double[] {0, 0.29}) {
                String what = n + " chunks, first streaming " + stream;
                SpeculativeDecode sd = assertSameAsSerial(jpeg, equalCuts(jpeg, n), stream, ref, what);
                assertEquals(n, sd.stats().chunks(), what);
                assertEquals(n - 1, sd.stats().boundariesVerified() + sd.stats().serialRepairs(), what);
                assertEquals(stream > 0, sd.stats().streamRows() > 0, what);
            }
        }
    }

    @ParameterizedTest(name = "{0}x{1} gray={2} {3}x{4}")
    @CsvSource({
        "8, 8, false, 1, 1",
        "16, 16, false, 2, 2",
        "17, 9, false, 2, 1",
        "23, 41, false, 1, 2",
        "40, 24, true, 1, 1",
        "57, 33, false, 2, 2",
    })
    void aCutAtEveryByteOffsetGivesTheSerialResult(int w, int h, boolean gray, int hs, int vs) throws Exception {
        byte[] jpeg = file(w, h, gray, hs, vs, 0.9f);
        assertEveryCut(jpeg, w + "x" + h);
        assertEveryCut(jpeg, 0.5, w + "x" + h + ", first chunk streaming half the rows");
    }

    @Test
    void chunksOfOneTo64BytesTakeTheRepairPathAndStayExact() throws Exception {
        byte[] jpeg = file(160, 96, false, 2, 2, 0.9f);
        Reference ref = Reference.of(jpeg);
        int start = DecodeJob.open(jpeg, DecoderOptions.defaults()).scanDataOffset();
        int repaired = 0;
        for (int size = 1; size <= 64; size++) {
            List<Integer> cuts = new ArrayList<>();
            for (int o = start + size; o < jpeg.length - 2; o += size) {
                cuts.add(o);
            }
            SpeculativeDecode sd = assertSameAsSerial(jpeg, cuts.stream().mapToInt(Integer::intValue).toArray(), ref,
                    size + "-byte chunks");
            repaired += sd.stats().serialRepairs();
        }
        assertTrue(repaired > 0, "tiny chunks must need repairs");
    }

    @Test
    void aBoundaryCheckThatMustLookPastAnUndecodedChunkWaitsAndGoesOn() throws Exception {
        byte[] jpeg = file(160, 96, false, 2, 2, 0.9f);
        int start = DecodeJob.open(jpeg, DecoderOptions.defaults()).scanDataOffset();
        // chunk 1 is two bytes long: its decoder cannot agree with chunk 0 before its end, so chunk
        // 0 must compare with chunk 2, which a thread may not have decoded yet
        int[] cuts = {start + 600, start + 602, start + 1200};
        DecodeJob job = DecodeJob.open(jpeg, DecoderOptions.defaults());
        PixelImage out = job.newOutput();
        SpeculativeDecode sd = job.speculative(out);
        sd.usePieces(cuts);
        for (int k = 0; k < sd.pieces(); k++) {
            sd.scanPiece(k);
        }
        assertTrue(sd.planChunks(sd.pieces(), 0));
        sd.decodeChunk(0);
        sd.decodeChunk(1);
        assertFalse(sd.meetNext(0), "chunk 2 is not decoded yet");
        sd.decodeChunk(2);
        sd.decodeChunk(3);
        assertTrue(sd.meetNext(1));
        assertTrue(sd.meetNext(0), "goes on once it is");
        assertTrue(sd.meetNext(2));
        assertTrue(sd.assemble(3), String.valueOf(sd.stats().fallback()));
        assertTrue(sd.stats().serialRepairs() >= 1);
        for (int k = 0; k < sd.bands(); k++) {
            sd.sumDc(k);
        }
        for (int k = 0; k < sd.bands(); k++) {
            sd.reconstruct(k);
        }
        for (int k = 0; k < sd.bands(); k++) {
            if (sd.edgeAbove(k)) {
                sd.convertEdge(k);
            }
        }
        sd.finish();
        assertArrayEquals(DecodeJob.open(jpeg, DecoderOptions.defaults()).decodeAll().data(), out.data());
    }

    @Test
    void extremeDcDifferences() throws Exception {
        // 8x8 blocks alternating black and white: DC differences of the largest magnitude category
        BufferedImage img = new BufferedImage(256, 64, BufferedImage.TYPE_3BYTE_BGR);
        for (int y = 0; y < 64; y++) {
            for (int x = 0; x < 256; x++) {
                boolean white = ((x / 8) + (y / 8)) % 2 == 0;
                img.setRGB(x, y, white ? 0xFFFFFF : (x / 8 % 3 == 0 ? 0xFF0000 : 0x0000FF));
            }
        }
        byte[] jpeg = Fixtures.encode(img, 1.0f, 1, 1, 0, false);
        for (int n : new int[] {2, 3, 5, 16}) {
            assertSameAsSerial(jpeg, equalCuts(jpeg, n), n + " chunks");
        }
    }

    @Test
    void aTruncatedScanIsLeftToTheSerialDecoder() throws Exception {
        byte[] jpeg = file(320, 240, false, 2, 2, 0.9f);
        byte[] cut = java.util.Arrays.copyOf(jpeg, jpeg.length * 2 / 3);
        PixelImage[] out = new PixelImage[1];
        SpeculativeDecode sd = run(cut, equalCuts(cut, 3), out);
        assertEquals("no marker after the scan data", sd.stats().fallback());
    }

    @Test
    void corruptDataInABlockThatCountsIsLeftToTheSerialDecoder() throws Exception {
        byte[] jpeg = file(320, 240, false, 2, 2, 0.9f);
        int start = DecodeJob.open(jpeg, DecoderOptions.defaults()).scanDataOffset();
        int fallbacks = 0;
        for (int k = 0; k < 40; k++) {
            byte[] bad = jpeg.clone();
            int at = start + 50 + k * (jpeg.length - start - 100) / 40;
            bad[at] = (byte) (bad[at] == 0 ? 0x55 : 0); // never makes an FF, never breaks an FF 00
            if (bad[at - 1] == (byte) 0xFF) {
                continue;
            }
            PixelImage[] out = new PixelImage[1];
            SpeculativeDecode sd = run(bad, equalCuts(bad, 4), out);
            if (sd.stats().fallback() != null) {
                fallbacks++;
            } else {
                assertArrayEquals(DecodeJob.open(bad, DecoderOptions.defaults()).decodeAll().data(), out[0].data(),
                        "damage at " + at);
            }
        }
        assertTrue(fallbacks > 0, "some damage must be seen");
    }
}
