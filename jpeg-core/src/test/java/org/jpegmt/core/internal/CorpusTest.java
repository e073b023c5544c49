package org.jpegmt.core.internal;

import org.jpegmt.core.JpegDecoder;
import org.jpegmt.core.DecoderOptions;
import org.jpegmt.core.PixelImage;
import org.jpegmt.core.PixelFormat;
import org.jpegmt.core.JpegInfo;
import org.jpegmt.core.JpegException;
import org.jpegmt.core.InvalidJpegException;
import org.jpegmt.core.UnsupportedJpegException;
import org.jpegmt.core.awt.BufferedImages;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The decoder against the shared corpus (../shared/corpus, references made by djpeg 2.1.5):
 * expect=decode files must equal their reference exactly; decode-optional files are counted;
 * reject files must throw {@link UnsupportedJpegException}; robust files must give an image or a
 * {@link JpegException} in bounded time. Skipped, with a printed line, when the corpus is absent.
 */
class CorpusTest {
    private static Path corpus;
    private static List<String[]> rows = new ArrayList<>();
    private static ExecutorService pool;

    @BeforeAll
    static void load() throws IOException {
        String prop = System.getProperty("jpegmt.shared");
        Path shared;
        if (prop != null && !prop.isEmpty()) {
            shared = Paths.get(prop);
        } else {
            Path here = Paths.get("").toAbsolutePath();
            Path root = here.getFileName() != null && here.getFileName().toString().equals("jpeg-core")
                    ? here.getParent() : here;
            shared = root.resolveSibling("shared");
        }
        corpus = shared.resolve("corpus");
        Path manifest = corpus.resolve("MANIFEST.tsv");
        if (!Files.isRegularFile(manifest)) {
            System.out.println("corpus not found at " + corpus.toAbsolutePath() + ", corpus tests skipped");
            corpus = null;
            return;
        }
        List<String> lines = Files.readAllLines(manifest);
        String[] header = lines.get(0).split("\t", -1);
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split("\t", -1);
            if (f.length == header.length) {
                rows.add(f);
            }
        }
        pool = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "corpus-decode");
            t.setDaemon(true);
            return t;
        });
    }

    @AfterAll
    static void shutdown() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }

    private static List<String[]> rowsWith(String expect) {
        Assumptions.assumeTrue(corpus != null, "corpus not found, corpus tests skipped");
        List<String[]> out = new ArrayList<>();
        for (String[] r : rows) {
            if (r[11].equals(expect)) {
                out.add(r);
            }
        }
        return out;
    }

    private static PixelImage decode(String file) throws Exception {
        return decode(file, new ArrayList<>());
    }

    /** Decodes on the pool thread with a time limit, collecting the warnings. */
    private static PixelImage decode(String file, List<String> warnings) throws Exception {
        byte[] jpeg = Files.readAllBytes(corpus.resolve(file));
        DecoderOptions opts = DecoderOptions.defaults().withWarningListener((m, o) -> {
            synchronized (warnings) {
                warnings.add(m);
            }
        });
        Future<PixelImage> f = pool.submit(() -> new JpegDecoder(opts).decode(jpeg));
        try {
            return f.get(20, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof Exception ex) {
                throw ex;
            }
            throw new RuntimeException(c);
        } catch (TimeoutException e) {
            f.cancel(true);
            throw new AssertionError(file + ": decode took over 20 s");
        }
    }

    /** @return null if equal, else a description of the first difference */
    static String compare(PixelImage img, Pnm ref) {
        if (img.width() != ref.width || img.height() != ref.height) {
            return "size " + img.width() + "x" + img.height() + " vs " + ref.width + "x" + ref.height;
        }
        byte[] got = img.data();
        int n = img.width() * img.height();
        if (img.format() == PixelFormat.CMYK) {
            if (ref.channels != 3) {
                return "reference is not RGB";
            }
            int diffs = 0;
            for (int i = 0; i < n; i++) {
                int k = got[4 * i + 3] & 0xFF;
                for (int j = 0; j < 3; j++) {
                    if (BufferedImages.cmykChannel(got[4 * i + j] & 0xFF, k) != (ref.data[3 * i + j] & 0xFF)) {
                        diffs++;
                    }
                }
            }
            return diffs == 0 ? null : diffs + " samples differ";
        }
        if (img.format().channels() != ref.channels) {
            return "channels " + img.format().channels() + " vs " + ref.channels;
        }
        int diffs = 0;
        int maxDiff = 0;
        int first = -1;
        for (int i = 0; i < got.length; i++) {
            int d = Math.abs((got[i] & 0xFF) - (ref.data[i] & 0xFF));
            if (d != 0) {
                if (first < 0) {
                    first = i;
                }
                diffs++;
                maxDiff = Math.max(maxDiff, d);
            }
        }
        if (diffs == 0) {
            return null;
        }
        int px = first / ref.channels;
        return diffs + " samples differ (max " + maxDiff + "), first at x=" + (px % ref.width) + " y=" + (px / ref.width);
    }

    @Test
    void decodeFilesEqualTheirReferenceExactly() throws Exception {
        List<String> failures = new ArrayList<>();
        int exact = 0;
        List<String[]> list = rowsWith("decode");
        for (String[] r : list) {
            try {
                List<String> warnings = new ArrayList<>();
                PixelImage img = decode(r[0], warnings);
                String diff = compare(img, Pnm.read(corpus.resolve(r[9])));
                if (diff == null) {
                    exact++;
                } else {
                    failures.add(r[0] + " [" + r[5] + "]: " + diff);
                }
                if (!warnings.isEmpty()) {
                    failures.add(r[0] + ": djpeg decodes it silently, we warned " + warnings);
                }
            } catch (Exception | AssertionError e) {
                failures.add(r[0] + ": " + e);
            }
        }
        System.out.println("corpus decode: " + exact + "/" + list.size() + " exact");
        failures.forEach(f -> System.out.println("  " + f));
        assertTrue(failures.isEmpty(), failures.size() + " decode files failed: " + failures);
    }

    @Test
    void decodeOptionalFilesAreCounted() throws Exception {
        int exact = 0;
        List<String[]> list = rowsWith("decode-optional");
        List<String> notes = new ArrayList<>();
        int warnAgree = 0;
        for (String[] r : list) {
            try {
                List<String> warnings = new ArrayList<>();
                PixelImage img = decode(r[0], warnings);
                if (warnings.isEmpty() == r[8].equals("ok")) {
                    warnAgree++;
                } else {
                    notes.add(r[0] + ": djpeg says '" + r[8] + "', we warned " + warnings);
                }
                if (r[9].equals("-")) {
                    notes.add(r[0] + ": decoded, no reference");
                    continue;
                }
                String diff = compare(img, Pnm.read(corpus.resolve(r[9])));
                if (diff == null) {
                    exact++;
                } else {
                    notes.add(r[0] + " [" + r[5] + "]: " + diff);
                }
            } catch (JpegException e) {
                notes.add(r[0] + ": " + e.getMessage());
            } catch (RuntimeException e) {
                throw new AssertionError(r[0] + " crashed", e);
            }
        }
        System.out.println("corpus decode-optional: " + exact + "/" + list.size() + " exact, warned iff djpeg warns: "
                + warnAgree + "/" + list.size());
        notes.forEach(f -> System.out.println("  " + f));
    }

    @Test
    void rejectFilesThrowUnsupported() throws Exception {
        List<String> failures = new ArrayList<>();
        List<String[]> list = new ArrayList<>(rowsWith("reject"));
        // progressive (SOF2) files are decoded now (conformance: ProgressiveConformanceTest)
        list.removeIf(r -> r[6].equals("progressive"));
        for (String[] r : list) {
            try {
                decode(r[0]);
                failures.add(r[0] + ": decoded");
            } catch (UnsupportedJpegException e) {
                // expected
            } catch (InvalidJpegException e) {
                // A few "reject" rows are not JPEG at all (djpeg: "Not a JPEG file"): invalid is right.
                if (!r[8].startsWith("error: Not a JPEG file")) {
                    failures.add(r[0] + ": " + e);
                }
            } catch (Exception | AssertionError e) {
                failures.add(r[0] + ": " + e);
            }
        }
        System.out.println("corpus reject: " + (list.size() - failures.size()) + "/" + list.size()
                + " refused as unsupported");
        failures.forEach(f -> System.out.println("  " + f));
        assertTrue(failures.isEmpty(), failures.toString());
    }

    /** The band API that jpeg-mt schedules, bands of two or more MCU rows decoded in reverse order, equals the serial decode. */
    @Test
    void segmentDecodingEqualsSerialOnRestartMarkedFiles() throws Exception {
        List<String> failures = new ArrayList<>();
        int checked = 0;
        int marked = 0;
        for (String[] r : rowsWith("decode")) {
            byte[] jpeg = Files.readAllBytes(corpus.resolve(r[0]));
            PixelImage serial = new JpegDecoder().decode(jpeg);
            DecodeJob job = DecodeJob.open(jpeg, DecoderOptions.defaults());
            int[] bounds = job.segmentBounds();
            if (!job.singleScan() || bounds == null) {
                continue;
            }
            List<Integer> starts = Fixtures.bandStarts(job.grid(), 2, 2, true);
            PixelImage out = job.newOutput();
            Fixtures.decodeBandsBackwards(job, bounds, starts, out);
            checked++;
            if (starts.size() > 2) {
                marked++; // cut into two bands or more
            }
            if (!java.util.Arrays.equals(serial.data(), out.data())) {
                failures.add(r[0]);
            }
        }
        System.out.println("corpus segments: " + checked + " decode files (" + marked
                + " cut into several bands) decoded band by band in reverse order, " + failures.size() + " differ from serial");
        assertTrue(failures.isEmpty(), failures.toString());
    }

    @Test
    void readInfoDescribesEveryFileWithAFrameOrThrowsAJpegException() throws Exception {
        Assumptions.assumeTrue(corpus != null, "corpus not found, corpus tests skipped");
        List<String> failures = new ArrayList<>();
        int described = 0;
        for (String[] r : rows) {
            byte[] jpeg = Files.readAllBytes(corpus.resolve(r[0]));
            try {
                JpegInfo info = new JpegDecoder().readInfo(jpeg);
                described++;
                if (!r[2].equals("-") && r[5].matches("[0-9x,]+") && r[14].equals("1")
                        && (info.width() != Integer.parseInt(r[2]) || info.height() != Integer.parseInt(r[3]))) {
                    failures.add(r[0] + ": size " + info.width() + "x" + info.height());
                }
                if (r[11].equals("decode") && !info.samplingFactors().equals(r[5])) {
                    failures.add(r[0] + ": sampling " + info.samplingFactors() + " vs " + r[5]);
                }
            } catch (JpegException e) {
                if (r[11].equals("decode") || r[11].equals("decode-optional")) {
                    failures.add(r[0] + ": " + e.getMessage());
                }
            } catch (RuntimeException e) {
                failures.add(r[0] + ": " + e);
            }
        }
        System.out.println("corpus readInfo: " + described + "/" + rows.size() + " described");
        failures.forEach(f -> System.out.println("  " + f));
        assertTrue(failures.isEmpty(), failures.toString());
    }

    @Test
    void robustFilesGiveAnImageOrAJpegException() throws Exception {
        List<String> failures = new ArrayList<>();
        List<String[]> list = rowsWith("robust");
        int images = 0;
        int errors = 0;
        int withRef = 0;
        int sameAsLibjpeg = 0;
        for (String[] r : list) {
            try {
                PixelImage img = decode(r[0]);
                images++;
                if (!r[9].equals("-")) {
                    withRef++;
                    if (compare(img, Pnm.read(corpus.resolve(r[9]))) == null) {
                        sameAsLibjpeg++;
                    }
                }
            } catch (JpegException e) {
                errors++;
            } catch (Exception | AssertionError e) {
                failures.add(r[0] + ": " + e);
            }
        }
        System.out.println("corpus robust: " + images + " images, " + errors + " JpegExceptions, "
                + failures.size() + " failures of " + list.size() + "; equal to libjpeg's recovery output: "
                + sameAsLibjpeg + "/" + withRef + " of those with a reference (informative)");
        failures.forEach(f -> System.out.println("  " + f));
        assertTrue(failures.isEmpty(), failures.toString());
    }
}
