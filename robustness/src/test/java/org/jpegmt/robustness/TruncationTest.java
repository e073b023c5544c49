package org.jpegmt.robustness;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.jpegmt.core.DecoderOptions;
import org.jpegmt.core.InvalidJpegException;
import org.jpegmt.core.JpegDecoder;
import org.jpegmt.core.JpegException;
import org.jpegmt.core.PixelImage;
import org.jpegmt.core.Subsampling;
import org.jpegmt.mt.ParallelJpegDecoder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every prefix of a file from its scan data on (and a sample of the header prefixes): lenient
 * decoding returns the full-size image, missing part mid-grey, with a warning; strict decoding
 * throws with an offset; serial and parallel decoding agree.
 */
class TruncationTest {
    private static final String[] CORPUS_FILES = {
        "exif-samples/Fujifilm_FinePix_E500.jpg",
        "gen-cjpeg/path_1001x7_q80_411_restart3B.jpg",
        "gen-cjpeg/ladybird_7x1001_q90_444_restart7B.jpg",
    };

    static Stream<Arguments> files() {
        List<Arguments> list = new ArrayList<>();
        list.add(Arguments.of("own 48x32 4:2:0 rst/row", Images.jpeg(48, 32, Subsampling.S420, 75, 1, 11)));
        list.add(Arguments.of("own 40x24 4:4:4 no rst", Images.jpeg(40, 24, Subsampling.S444, 90, 0, 12)));
        list.add(Arguments.of("own 33x20 grey rst/row", Images.jpeg(33, 20, Subsampling.GRAY, 60, 1, 13)));
        list.add(Arguments.of("own 50x18 4:2:2 rst/2 rows", Images.jpeg(50, 18, Subsampling.S422, 85, 2, 14)));
        for (String name : CORPUS_FILES) {
            byte[] f = Corpus.read(name);
            if (f != null) {
                list.add(Arguments.of("corpus " + name, f));
            } else {
                System.out.println("TruncationTest: corpus file " + name + " not found, skipped");
            }
        }
        return list.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void everyPrefixFromTheScanOnIsGreyFilledWithAWarningOrStrictlyRefused(String name, byte[] jpeg) throws Exception {
        PixelImage clean = new JpegDecoder(DecoderOptions.defaults().withStrict(true)).decode(jpeg);
        int sd = Images.scanData(jpeg);
        int headerStep = Math.max(1, sd / 25);
        int images = 0;
        for (int cut = 0; cut < jpeg.length; cut += cut < sd ? headerStep : 1) {
            int n = cut;
            byte[] prefix = Arrays.copyOf(jpeg, n);
            List<String> warnings = Collections.synchronizedList(new ArrayList<>());
            List<String> parWarnings = Collections.synchronizedList(new ArrayList<>());
            DecoderOptions lenient = DecoderOptions.defaults().withWarningListener((m, o) -> warnings.add(m));
            DecoderOptions lenientPar = DecoderOptions.defaults().withWarningListener((m, o) -> parWarnings.add(m));
            Outcome serial = Outcome.of(() -> new JpegDecoder(lenient).decode(prefix));
            Outcome parallel = Outcome.of(() -> new ParallelJpegDecoder(lenientPar, 3).withParallelThreshold(0).decode(prefix));
            Outcome.assertSame(name + ", prefix " + n, serial, parallel);
            if (n < sd) {
                continue; // headers cut: an image (SOS complete) or a JpegException, the same both ways
            }
            images++;
            assertTrue(serial.ok(), () -> name + ", prefix " + n + ": " + serial.error());
            PixelImage img = serial.image();
            assertEquals(clean.width(), img.width());
            assertEquals(clean.height(), img.height());
            assertEquals(clean.format(), img.format());
            assertFalse(warnings.isEmpty(), name + ", prefix " + n + ": no warning");
            assertEquals(warnings.size(), parWarnings.size(), name + ", prefix " + n + ": " + warnings + " vs " + parWarnings);
            if (n <= sd + (jpeg.length - sd) / 4) {
                // cut early: the last MCU's data is missing, so the last pixel is mid-grey
                byte[] d = img.data();
                int ch = img.format().channels();
                for (int c = 0; c < ch; c++) {
                    assertEquals(128, d[d.length - ch + c] & 0xFF, name + ", prefix " + n + ": last pixel not grey");
                }
            }
            for (Outcome.Decode strict : List.<Outcome.Decode>of(
                    () -> new JpegDecoder(DecoderOptions.defaults().withStrict(true)).decode(prefix),
                    () -> new ParallelJpegDecoder(DecoderOptions.defaults().withStrict(true), 3)
                            .withParallelThreshold(0).decode(prefix))) {
                InvalidJpegException e = assertThrows(InvalidJpegException.class, strict::run, name + ", prefix " + n);
                assertTrue(e.offset() >= 0 && e.offset() <= n, e.getMessage());
                assertTrue(e.getMessage().contains("at byte " + e.offset()), e.getMessage());
            }
        }
        assertTrue(images > 0);
        // the whole file, for contrast: no warning, the clean image
        List<String> none = new ArrayList<>();
        PixelImage whole = new JpegDecoder(DecoderOptions.defaults().withWarningListener((m, o) -> none.add(m))).decode(jpeg);
        assertNotNull(whole);
        assertArrayEquals(clean.data(), whole.data());
        assertTrue(none.isEmpty(), none.toString());
    }
}
