package org.jpegmt.robustness;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.jpegmt.core.DecoderOptions;
import org.jpegmt.core.InvalidJpegException;
import org.jpegmt.core.JpegDecoder;
import org.jpegmt.core.JpegException;
import org.jpegmt.core.JpegInfo;
import org.jpegmt.core.PixelImage;
import org.jpegmt.core.Subsampling;
import org.jpegmt.core.UnsupportedJpegException;
import org.jpegmt.mt.ParallelJpegDecoder;
import org.junit.jupiter.api.Test;

/** Limits checked before allocation: pixels, memory, marker segments, scans. */
class LimitsTest {

    /** A 100-byte file: SOI, SOF0 of the given size (3 components, 1x1), SOS, then zero bytes. */
    static byte[] tinyFileClaiming(int width, int height) {
        byte[] f = new byte[100];
        byte[] head = {
            (byte) 0xFF, (byte) 0xD8,
            (byte) 0xFF, (byte) 0xC0, 0, 17, 8, (byte) (height >> 8), (byte) height, (byte) (width >> 8), (byte) width, 3,
            1, 0x11, 0, 2, 0x11, 0, 3, 0x11, 0,
            (byte) 0xFF, (byte) 0xDA, 0, 12, 3, 1, 0, 2, 0x11, 3, 0x11, 0, 63, 0,
        };
        System.arraycopy(head, 0, f, 0, head.length);
        return f;
    }

    private static JpegException refusedFast(byte[] file, DecoderOptions options) {
        long t0 = System.nanoTime();
        JpegException serial = assertThrows(JpegException.class, () -> new JpegDecoder(options).decode(file));
        JpegException parallel = assertThrows(JpegException.class,
                () -> new ParallelJpegDecoder(options, 3).withParallelThreshold(0).decode(file));
        assertEquals(serial.getMessage(), parallel.getMessage());
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertTrue(ms < 1000, "took " + ms + " ms");
        return serial;
    }

    @Test
    void hundredByteFileClaiming65535SquaredFailsFastNamingTheSize() throws Exception {
        byte[] f = tinyFileClaiming(65535, 65535);
        JpegException e = refusedFast(f, DecoderOptions.defaults());
        assertTrue(e instanceof UnsupportedJpegException, e.toString());
        assertTrue(e.getMessage().contains("65535x65535"), e.getMessage());
        assertTrue(e.offset() >= 0, e.getMessage());
        // readInfo only describes: no allocation, no refusal
        JpegInfo info = new JpegDecoder().readInfo(f);
        assertEquals(65535, info.width());
    }

    @Test
    void sizeUnderThePixelLimitButOverTheMemoryLimitIsRefusedBeforeAllocation() {
        // 16000 x 16000 = 2.56e8 pixels < 2^28, but 3 full planes + RGB output = 1.5 GB > 1 GiB
        JpegException e = refusedFast(tinyFileClaiming(16000, 16000), DecoderOptions.defaults());
        assertTrue(e.getMessage().contains("DecoderOptions.maxMemory"), e.getMessage());
        assertTrue(e.getMessage().contains("16000x16000"), e.getMessage());
        // and with the pixel limit lowered, the pixel limit speaks first
        JpegException p = refusedFast(tinyFileClaiming(16000, 16000), DecoderOptions.defaults().withMaxPixels(1_000_000));
        assertTrue(p.getMessage().contains("DecoderOptions.maxPixels"), p.getMessage());
    }

    @Test
    void memoryLimitCountsPaddedPlanesPlusOutputExactly() throws Exception {
        byte[] jpeg = Images.jpeg(20, 20, Subsampling.S420, 80, 1, 1);
        // 4:2:0, 20x20: MCUs of 16x16, 2x2 of them. Y plane 32x32, Cb and Cr 16x16; RGB output 20x20x3.
        long need = 32 * 32 + 2 * 16 * 16 + 20 * 20 * 3;
        PixelImage img = new JpegDecoder(DecoderOptions.defaults().withMaxMemory(need)).decode(jpeg);
        assertEquals(20, img.width());
        JpegException e = refusedFast(jpeg, DecoderOptions.defaults().withMaxMemory(need - 1));
        assertTrue(e.getMessage().contains("needs " + need + " bytes"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> DecoderOptions.defaults().withMaxMemory(0));
        assertEquals(1L << 30, DecoderOptions.defaults().maxMemory());
    }

    @Test
    void hugePixelAndMemoryLimitsStillCannotOverflowAnArray() {
        // 65500 x 65500 with 4x4 luma sampling: a plane of 65504 x 65504 bytes cannot be an array
        byte[] f = tinyFileClaiming(65500, 65500);
        f[13] = 0x44;
        DecoderOptions unlimited = DecoderOptions.defaults().withMaxPixels(Long.MAX_VALUE).withMaxMemory(Long.MAX_VALUE);
        JpegException e = refusedFast(f, unlimited);
        assertTrue(e.getMessage().contains("2 GiB"), e.getMessage());
    }

    @Test
    void tooManyMarkerSegmentsAreRefused() throws Exception {
        byte[] jpeg = Images.jpeg(16, 16, Subsampling.S420, 80, 0, 2);
        byte[] com = {(byte) 0xFF, (byte) 0xFE, 0, 3, 'x'};
        ByteArrayOutputStream ok = new ByteArrayOutputStream();
        ByteArrayOutputStream bad = new ByteArrayOutputStream();
        ok.write(jpeg, 0, 2);
        bad.write(jpeg, 0, 2);
        for (int i = 0; i < 4000; i++) {
            ok.write(com);
        }
        for (int i = 0; i < 5000; i++) {
            bad.write(com);
        }
        ok.write(jpeg, 2, jpeg.length - 2);
        bad.write(jpeg, 2, jpeg.length - 2);
        assertDoesNotThrow(() -> new JpegDecoder().decode(ok.toByteArray()));
        JpegException e = refusedFast(bad.toByteArray(), DecoderOptions.defaults());
        assertTrue(e instanceof InvalidJpegException && e.getMessage().contains("4096 marker segments"), e.getMessage());
        assertThrows(InvalidJpegException.class, () -> new JpegDecoder().readInfo(bad.toByteArray()));
    }

    @Test
    void scansBeyondTheCapAreIgnoredWithAWarning() throws Exception {
        byte[] jpeg = Images.jpeg(64, 64, Subsampling.S444, 80, 0, 3);
        int sos = Images.sos(jpeg);
        ByteArrayOutputStream f = new ByteArrayOutputStream();
        f.write(jpeg, 0, sos);
        byte[] oneComponentScan = {(byte) 0xFF, (byte) 0xDA, 0, 8, 1, 1, 0, 0, 63, 0};
        for (int i = 0; i < 1000; i++) {
            f.write(oneComponentScan);
        }
        f.write(new byte[] {(byte) 0xFF, (byte) 0xD9});
        byte[] file = f.toByteArray();
        List<String> warnings = Collections.synchronizedList(new ArrayList<>());
        DecoderOptions lenient = DecoderOptions.defaults().withWarningListener((m, o) -> warnings.add(m));
        long t0 = System.nanoTime();
        PixelImage img = new JpegDecoder(lenient).decode(file);
        assertTrue(System.nanoTime() - t0 < 1_000_000_000L);
        assertEquals(64, img.width());
        assertTrue(warnings.stream().anyMatch(w -> w.contains("more than 16 scans")), warnings.toString());
        PixelImage par = new ParallelJpegDecoder(lenient, 3).withParallelThreshold(0).decode(file);
        assertTrue(Arrays.equals(img.data(), par.data()));
        assertThrows(InvalidJpegException.class,
                () -> new JpegDecoder(DecoderOptions.defaults().withStrict(true)).decode(file));
    }
}
