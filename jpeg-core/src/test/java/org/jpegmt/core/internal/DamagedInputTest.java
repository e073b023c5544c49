package org.jpegmt.core.internal;

import org.jpegmt.core.JpegDecoder;
import org.jpegmt.core.DecoderOptions;
import org.jpegmt.core.PixelImage;
import org.jpegmt.core.JpegInfo;
import org.jpegmt.core.JpegException;
import org.jpegmt.core.InvalidJpegException;
import org.jpegmt.core.UnsupportedJpegException;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Damaged, truncated, hostile and unsupported input: clean errors or libjpeg-style recovery. */
class DamagedInputTest {

    @Test
    void everyPrefixGivesAnImageOrAJpegException() throws Exception {
        byte[] jpeg = Fixtures.encode(Fixtures.picture(40, 24, false, 3), 0.8f, 2, 2, 2, false);
        int images = 0;
        for (int n = 0; n <= jpeg.length; n++) {
            byte[] prefix = Arrays.copyOf(jpeg, n);
            try {
                PixelImage img = new JpegDecoder().decode(prefix);
                assertEquals(40, img.width());
                images++;
            } catch (JpegException expected) {
                // fine
            } catch (RuntimeException e) {
                throw new AssertionError("prefix of " + n + " bytes: " + e, e);
            }
        }
        assertTrue(images > 0);
    }

    /**
     * Issue 18: once the data has run out for good, the grey rest of the image is filled by
     * copying a converted grey row; the pixels and warnings equal a decode that converts every
     * row (the whole-plane path of {@link MultiScanDecode}, which has no such shortcut).
     */
    @ParameterizedTest(name = "{0}x{1} {2}x{3} gray={4} cut at {5}")
    @CsvSource({
        "200, 160, 2, 2, false, 0.05",
        "200, 160, 2, 2, false, 0.5",
        "200, 160, 1, 1, true, 0.1",
        "131, 177, 2, 1, false, 0.15",
        "64, 300, 1, 2, false, 0.3",
        "90, 60, 2, 2, false, 0.01",
    })
    void greyRestAfterTheDataRanOutIsFilledInOnePassWithTheSamePixels(int w, int h, int hs, int vs, boolean gray,
            double keep) throws Exception {
        byte[] jpeg = Fixtures.encode(Fixtures.picture(w, h, gray, 9), 0.9f, hs, vs, 0, false);
        int sos = DecodeJob.open(jpeg, DecoderOptions.defaults()).scanDataOffset();
        byte[] cut = Arrays.copyOf(jpeg, sos + (int) ((jpeg.length - sos) * keep));
        List<String> warnings = new ArrayList<>();
        PixelImage serial = new JpegDecoder(DecoderOptions.defaults().withWarningListener((m, o) -> warnings.add(m + o)))
                .decode(cut);
        List<String> referenceWarnings = new ArrayList<>();
        DecodeJob job = DecodeJob.open(cut, DecoderOptions.defaults().withWarningListener(
                (m, o) -> referenceWarnings.add(m + o)));
        MultiScanDecode reference = job.scans();
        reference.decodeScans();
        PixelImage expected = job.newOutput();
        reference.convertRows(0, h, expected);
        assertArrayEquals(expected.data(), serial.data());
        assertEquals(referenceWarnings, warnings);
        assertTrue(warnings.stream().anyMatch(x -> x.contains("premature end")), warnings.toString());
    }

    /** A small valid file whose frame header is patched to claim {@code w x h}. */
    private static byte[] claiming(byte[] jpeg, int w, int h) {
        byte[] bomb = jpeg.clone();
        for (int i = 0; i + 8 < bomb.length; i++) {
            if ((bomb[i] & 0xFF) == 0xFF && (bomb[i + 1] & 0xFF) == Markers.SOF0) {
                bomb[i + 5] = (byte) (h >> 8);
                bomb[i + 6] = (byte) h;
                bomb[i + 7] = (byte) (w >> 8);
                bomb[i + 8] = (byte) w;
                return bomb;
            }
        }
        throw new AssertionError("no SOF0");
    }

    /** Issue 18: by default a large image may claim at most 32 pixels per byte of its file. */
    @Test
    void decompressionBombIsRefusedByDefaultForItsPixelsPerByte() throws Exception {
        byte[] grey = Fixtures.encode(Fixtures.picture(16, 16, true, 6), 0.9f, 1, 1, 0, false);
        byte[] bomb = claiming(grey, 8200, 8200); // 67,240,000 pixels, over 2^25, from a few hundred bytes
        UnsupportedJpegException e = assertThrows(UnsupportedJpegException.class, () -> new JpegDecoder().decode(bomb));
        assertTrue(e.getMessage().contains("pixels per byte"), e.getMessage());
        // the header alone is still described
        assertEquals(8200, new JpegDecoder().readInfo(bomb).width());
        // with the check off, lenient decoding fills the image with grey, as libjpeg does
        PixelImage img = new JpegDecoder(DecoderOptions.defaults().withMaxPixelsPerByte(Long.MAX_VALUE)).decode(bomb);
        assertEquals(8200, img.height());
        assertEquals((byte) 128, img.data()[img.data().length - 1]);
        // images up to 2^25 pixels are never refused for it: 5792 x 5792 from the same bytes, and not
        // one pixel more (5793 x 5793 is over 2^25)
        assertEquals(5792, new JpegDecoder().decode(claiming(grey, 5792, 5792)).width());
        assertThrows(UnsupportedJpegException.class, () -> new JpegDecoder().decode(claiming(grey, 5793, 5793)));
        // and the limit is exact: the pixels a limit allows for the file's length pass, fewer do not
        long pixels = 8200L * 8200;
        long exact = (pixels + bomb.length - 1) / bomb.length; // pixels <= exact * length
        DecodeJob.open(bomb, DecoderOptions.defaults().withMaxPixelsPerByte(exact));
        assertThrows(UnsupportedJpegException.class,
                () -> DecodeJob.open(bomb, DecoderOptions.defaults().withMaxPixelsPerByte(exact - 1)));
    }

    /** Issue 18 (decompression bomb): a header claiming 12000 x 12000 pixels over a few hundred bytes of data. */
    @Test
    void decompressionBombIsRefusedInStrictModeBeforeAnythingIsDecoded() throws Exception {
        byte[] jpeg = Fixtures.encode(Fixtures.picture(16, 16, false, 6), 0.9f, 2, 2, 0, false);
        int sof = -1;
        for (int i = 0; i + 1 < jpeg.length; i++) {
            if ((jpeg[i] & 0xFF) == 0xFF && (jpeg[i + 1] & 0xFF) == Markers.SOF0) {
                sof = i;
                break;
            }
        }
        assertTrue(sof > 0);
        byte[] bomb = jpeg.clone();
        bomb[sof + 5] = (byte) (12000 >> 8); // height
        bomb[sof + 6] = (byte) (12000 & 0xFF);
        bomb[sof + 7] = (byte) (12000 >> 8); // width
        bomb[sof + 8] = (byte) (12000 & 0xFF);
        assertTrue(bomb.length < 2048);
        // (by default it is refused even earlier, for its pixels per byte: lift that to reach the scan)
        DecoderOptions strict = DecoderOptions.defaults().withStrict(true).withMaxPixelsPerByte(Long.MAX_VALUE);
        int sos = DecodeJob.open(jpeg, DecoderOptions.defaults()).scanDataOffset();
        InvalidJpegException e = assertThrows(InvalidJpegException.class, () -> DecodeJob.open(bomb, strict));
        assertTrue(e.getMessage().contains("too short for a 12000x12000 image"), e.getMessage());
        assertEquals(sos, e.offset());
        // the same file whole, with its real size, passes the check and decodes in strict mode
        assertEquals(16, new JpegDecoder(strict).decode(jpeg).width());
    }

    @Test
    void truncatedScanIsGreyAfterTheDataWithAWarning() throws Exception {
        byte[] jpeg = Fixtures.encode(Fixtures.picture(64, 64, true, 4), 0.9f, 1, 1, 0, false);
        int sos = DecodeJob.open(jpeg, DecoderOptions.defaults()).scanDataOffset();
        byte[] cut = Arrays.copyOf(jpeg, sos + (jpeg.length - sos) / 3);
        List<String> warnings = new ArrayList<>();
        PixelImage img = new JpegDecoder(DecoderOptions.defaults()
                .withWarningListener((m, o) -> warnings.add(m))).decode(cut);
        assertFalse(warnings.isEmpty());
        assertTrue(warnings.stream().anyMatch(w -> w.contains("premature end")), warnings.toString());
        byte[] last = Arrays.copyOfRange(img.data(), 63 * 64, 64 * 64);
        byte[] grey = new byte[64];
        Arrays.fill(grey, (byte) 128);
        assertArrayEquals(grey, last);
        InvalidJpegException e = assertThrows(InvalidJpegException.class,
                () -> new JpegDecoder(DecoderOptions.defaults().withStrict(true)).decode(cut));
        assertTrue(e.offset() >= 0);
    }

    @Test
    void strictModeThrowsWhereLenientWarnsOnAMisnumberedRestart() throws Exception {
        byte[] jpeg = Fixtures.encode(Fixtures.picture(64, 32, false, 5), 0.9f, 1, 1, 4, false);
        DecodeJob job = DecodeJob.open(jpeg, DecoderOptions.defaults());
        List<Integer> rst = Fixtures.restartMarkers(jpeg, job.scanDataOffset());
        assertTrue(rst.size() >= 2);
        byte[] bad = jpeg.clone();
        bad[rst.get(1) + 1] = (byte) 0xD5; // RST1 -> RST5: libjpeg discards it and carries on
        List<String> warnings = new ArrayList<>();
        PixelImage lenient = new JpegDecoder(DecoderOptions.defaults()
                .withWarningListener((m, o) -> warnings.add(m + " @" + o))).decode(bad);
        assertEquals(1, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).contains("found marker 0xd5 instead of RST1"), warnings.toString());
        assertArrayEquals(new JpegDecoder().decode(jpeg).data(), lenient.data());
        assertThrows(InvalidJpegException.class,
                () -> new JpegDecoder(DecoderOptions.defaults().withStrict(true)).decode(bad));
    }

    @Test
    void hundredByteFileClaimingHugeSizeFailsFast() {
        byte[] f = new byte[100];
        byte[] head = {
            (byte) 0xFF, (byte) 0xD8,
            (byte) 0xFF, (byte) 0xC0, 0, 17, 8, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 3,
            1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1,
            (byte) 0xFF, (byte) 0xDA, 0, 12, 3, 1, 0, 2, 0x11, 3, 0x11, 0, 63, 0,
        };
        System.arraycopy(head, 0, f, 0, head.length);
        long t = System.nanoTime();
        JpegException e = assertThrows(JpegException.class, () -> new JpegDecoder().decode(f));
        assertTrue((System.nanoTime() - t) < 1_000_000_000L);
        assertTrue(e.getMessage().contains("65535x65535"), e.getMessage());
        // with the pixel limit lifted, 65500x65500 still fails cleanly: over the memory limit,
        // and with that lifted too, over what one Java array can hold
        f[7] = (byte) 0xFF;
        f[8] = (byte) 0xDC;
        f[9] = (byte) 0xFF;
        f[10] = (byte) 0xDC;
        UnsupportedJpegException big = assertThrows(UnsupportedJpegException.class,
                () -> new JpegDecoder(DecoderOptions.defaults().withMaxPixels(1L << 40)).decode(f));
        assertTrue(big.getMessage().contains("maxMemory"), big.getMessage());
        UnsupportedJpegException huge = assertThrows(UnsupportedJpegException.class, () -> new JpegDecoder(
                DecoderOptions.defaults().withMaxPixels(1L << 40).withMaxMemory(1L << 40)).decode(f));
        assertTrue(huge.getMessage().contains("2 GiB"), huge.getMessage());
        // and a smaller limit refuses an otherwise fine file
        assertThrows(UnsupportedJpegException.class, () -> new JpegDecoder(DecoderOptions.defaults().withMaxPixels(100))
                .decode(Fixtures.encode(Fixtures.picture(20, 20, true, 1), 0.9f, 1, 1, 0, false)));
    }

    @Test
    void notAJpegAndEmptyInputAreInvalid() {
        assertThrows(InvalidJpegException.class, () -> new JpegDecoder().decode(new byte[0]));
        assertThrows(InvalidJpegException.class, () -> new JpegDecoder().decode(new byte[] {(byte) 0xFF}));
        assertThrows(InvalidJpegException.class, () -> new JpegDecoder().decode("GIF89a....".getBytes()));
        assertThrows(InvalidJpegException.class, () -> new JpegDecoder().decode(new byte[] {(byte) 0xFF, (byte) 0xD8,
            (byte) 0xFF, (byte) 0xD9}));
    }

    @Test
    void progressiveIsDecodedAndDescribed() throws Exception {
        java.awt.image.BufferedImage picture = Fixtures.picture(32, 32, false, 2);
        byte[] jpeg = Fixtures.encode(picture, 0.8f, 2, 2, 0, true);
        JpegInfo info = new JpegDecoder().readInfo(jpeg);
        assertEquals(0xC2, info.sofMarker());
        assertEquals("4:2:0", info.subsampling());
        assertTrue(info.isDecodable());
        assertEquals(32, info.width());
        // The JDK writer quantises the same coefficients whether it writes them progressively or
        // in one scan, so both files must decode to the same pixels.
        byte[] sequential = Fixtures.encode(picture, 0.8f, 2, 2, 0, false);
        assertArrayEquals(new JpegDecoder().decode(sequential).data(), new JpegDecoder().decode(jpeg).data());
    }

    @Test
    void twelveBitPrecisionIsUnsupported() throws Exception {
        byte[] jpeg = Fixtures.encode(Fixtures.picture(16, 16, true, 2), 0.8f, 1, 1, 0, false);
        for (int i = 2; i + 4 < jpeg.length; i++) {
            if ((jpeg[i] & 0xFF) == 0xFF && (jpeg[i + 1] & 0xFF) == 0xC0) {
                jpeg[i + 4] = 12;
                break;
            }
        }
        UnsupportedJpegException e = assertThrows(UnsupportedJpegException.class, () -> new JpegDecoder().decode(jpeg));
        assertEquals("12-bit precision", e.feature());
    }

    @Test
    void bitFlipsNeverCrash() throws Exception {
        byte[] jpeg = Fixtures.encode(Fixtures.picture(48, 40, false, 9), 0.85f, 2, 1, 3, false);
        java.util.Random rnd = new java.util.Random(11);
        for (int n = 0; n < 400; n++) {
            byte[] bad = jpeg.clone();
            for (int k = 0; k < 1 + rnd.nextInt(4); k++) {
                bad[rnd.nextInt(bad.length)] ^= (byte) (1 << rnd.nextInt(8));
            }
            try {
                new JpegDecoder().decode(bad);
            } catch (JpegException expected) {
                // fine
            } catch (RuntimeException e) {
                fail("flip set " + n + ": " + e, e);
            }
        }
    }
}
