package org.jpegmt.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.jpegmt.core.DecoderOptions;
import org.jpegmt.core.JpegException;
import org.junit.jupiter.api.Test;

/**
 * Issue 15's identity gate on files nobody here wrote: every single-scan file of the shared
 * corpus without restart markers (baseline and extended, 8-bit, that djpeg decodes cleanly)
 * decodes speculatively to the serial decoder's quantised coefficients and pixels at 2, 3, 4, 8
 * and 16 chunks (and at 2 and 4 with the first chunk decoding its rows the serial way); and a cut at every byte offset of small files of every kind: one MCU, odd
 * sizes, every sampling in the corpus (4:2:0, 4:2:2, 4:4:0, 4:4:4, 4:1:1, 4:1:0, grey 1x1 and
 * 2x2), CMYK and RGB whose components share Huffman tables, cjpeg's {@code -optimize} and a
 * file dense with {@code FF 00}. Parts need {@code ../shared/corpus} or cjpeg; each says so and
 * what it ran.
 */
class SpeculativeCorpusTest {
    /** Small corpus files for the cut at every offset. */
    private static final List<String> SMALL = List.of(
            "jpeg-decoder-reftest/mozilla_jpg-size-1x1.jpg",
            "jpeg-decoder-reftest/mozilla_jpg-size-8x8.jpg",
            "jpeg-decoder-reftest/mozilla_jpg-size-17x17.jpg",
            "jpeg-decoder-reftest/mozilla_jpg-size-33x33.jpg",
            "gen-cjpeg/cups_17x13_q80_gray.jpg",
            "gen-cjpeg/cups_1x15_q75_420.jpg",
            "gen-cjpeg/cups_15x1_q75_420.jpg",
            "gen-cjpeg/cups_7x9_q80_411.jpg",
            "seed-corpora-regress/8bit__2x2_410.jpg",
            "jpeg-decoder-reftest/grayscale_24x16_sampling2x2.jpg",
            "gen-cjpeg/testorig_227x149_q5_440_baseline.jpg",
            "gen-cjpeg/testorig_227x149_q5_422_baseline.jpg",
            "gen-cjpeg/testorig_227x149_q5_444_baseline.jpg",
            "gen-ffmpeg/cups_17x13_q4_yuvj420p.jpg",
            "jpeg-decoder-reftest/mozilla_jpg-cmyk-1.jpg",
            "jpeg-decoder-reftest/mozilla_jpg-cmyk-2.jpg",
            "go-image-testdata/video-001.rgb.jpg");

    private static Path corpus() {
        String prop = System.getProperty("jpegmt.shared");
        return Path.of(prop == null ? "../../shared" : prop).resolve("corpus");
    }

    private static boolean applies(byte[] jpeg) {
        try {
            DecodeJob job = DecodeJob.open(jpeg, DecoderOptions.defaults());
            return job.progressive() == null && job.singleScan() && job.restartInterval() == 0;
        } catch (JpegException e) {
            return false;
        }
    }

    @Test
    void everyCorpusFileWithoutRestartMarkersAtForcedChunkCounts() throws Exception {
        List<TranscodeJpegtranTest.Source> files = CorpusFiles.sequential();
        if (files.isEmpty()) {
            System.out.println("SKIPPED speculative corpus identity: " + corpus() + " not found");
            return;
        }
        int tested = 0;
        for (TranscodeJpegtranTest.Source f : files) {
            if (!applies(f.jpeg())) {
                continue;
            }
            SpeculativeDecodeTest.Reference ref = SpeculativeDecodeTest.Reference.of(f.jpeg());
            for (int n : new int[] {2, 3, 4, 8, 16}) {
                SpeculativeDecodeTest.assertSameAsSerial(f.jpeg(), SpeculativeDecodeTest.equalCuts(f.jpeg(), n), ref,
                        f.name() + " in " + n + " chunks");
            }
            for (int n : new int[] {2, 4}) { // as jpeg-mt plans 2 threads: the first chunk streams its rows
                SpeculativeDecodeTest.assertSameAsSerial(f.jpeg(), SpeculativeDecodeTest.equalCuts(f.jpeg(), n), 0.29, ref,
                        f.name() + " in " + n + " chunks, the first streaming");
            }
            tested++;
        }
        System.out.println("speculative corpus identity: " + tested + " files x 7 chunkings identical to the serial decode");
        assertTrue(tested >= 150, tested + " files");
    }

    @Test
    void aCutAtEveryByteOffsetOfSmallFilesOfEveryKind() throws Exception {
        List<String> ran = new ArrayList<>();
        int sharedTables = 0;
        if (Files.isDirectory(corpus())) {
            for (String name : SMALL) {
                byte[] jpeg = Files.readAllBytes(corpus().resolve(name));
                assertTrue(applies(jpeg), name);
                SpeculativeDecodeTest.assertEveryCut(jpeg, name);
                sharedTables += sharesTables(jpeg) ? 1 : 0;
                ran.add(name);
            }
        } else {
            System.out.println("SKIPPED every-offset cuts of corpus files: " + corpus() + " not found");
        }
        if (Files.isExecutable(Jpegtran.CJPEG)) {
            byte[] ppm = ppm(48, 40, 3);
            String[][] variants = {{"-rgb", "-quality", "90"}, {"-optimize", "-quality", "80"},
                {"-sample", "2x1", "-optimize"}, {"-quality", "100", "-sample", "1x1"}};
            for (String[] v : variants) {
                byte[] jpeg = Jpegtran.cjpeg(ppm, v);
                SpeculativeDecodeTest.assertEveryCut(jpeg, "cjpeg " + String.join(" ", v));
                sharedTables += sharesTables(jpeg) ? 1 : 0;
                ran.add("cjpeg " + String.join(" ", v));
            }
            // noise at quality 100: entropy-coded data dense with FF 00 (all-ones codes and values)
            byte[] dense = Jpegtran.cjpeg(ppm(40, 32, 3), "-quality", "100", "-sample", "1x1");
            int start = DecodeJob.open(dense, DecoderOptions.defaults()).scanDataOffset();
            int stuffed = 0;
            for (int p = start; p < dense.length - 3; p++) {
                stuffed += dense[p] == (byte) 0xFF && dense[p + 1] == 0 ? 1 : 0;
            }
            // at least 1.5 times the density of random bytes (1 in 256)
            assertTrue(stuffed * 256 * 2 >= 3 * (dense.length - start), stuffed + " FF 00 in " + (dense.length - start) + " bytes");
            SpeculativeDecodeTest.assertEveryCut(dense, "FF00-dense");
            ran.add("cjpeg noise q100 (" + stuffed + " FF 00)");
        } else {
            System.out.println("SKIPPED every-offset cuts of cjpeg files: " + Jpegtran.CJPEG + " not found");
        }
        System.out.println("speculative cuts at every byte offset, identical: " + ran.size() + " files " + ran
                + "; " + sharedTables + " with components sharing Huffman tables");
        if (Files.isDirectory(corpus()) && Files.isExecutable(Jpegtran.CJPEG)) {
            assertEquals(SMALL.size() + 5, ran.size());
            assertTrue(sharedTables >= 2, "shared-table files (RGB, CMYK) must be among them");
        }
    }

    /** @return true if two blocks of the MCU parse alike (their components share tables) */
    private static boolean sharesTables(byte[] jpeg) throws JpegException {
        int[] classes = DecodeJob.open(jpeg, DecoderOptions.defaults()).context().firstDecoder.parseClasses();
        for (int b = 0; b < classes.length; b++) {
            if (classes[b] != b) {
                return true;
            }
        }
        return false;
    }

    /** A noisy binary PPM (P6). */
    private static byte[] ppm(int w, int h, long seed) {
        Random rnd = new Random(seed);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] head = ("P6\n" + w + " " + h + "\n255\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        out.write(head, 0, head.length);
        for (int i = 0; i < w * h * 3; i++) {
            out.write(rnd.nextInt(256));
        }
        return out.toByteArray();
    }
}
