package org.jpegmt.conformance;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.ArrayList;
import java.util.List;
import org.jpegmt.core.awt.BufferedImages;
import org.jpegmt.core.DecoderOptions;
import org.jpegmt.core.JpegDecoder;
import org.jpegmt.core.JpegException;
import org.jpegmt.core.PixelFormat;
import org.jpegmt.core.PixelImage;
import org.jpegmt.core.UnsupportedJpegException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Direction 3, corpus -> jpegmt: the files of {@code ../shared/corpus} (other encoders, public
 * test suites, fuzzing finds) against djpeg's reference decodes, with the expectation its
 * MANIFEST gives each file. Every decode runs with 1 thread and several, which must agree.
 */
class CorpusConformanceTest {
    private static final Report.Section DECODE = Report.section("corpus -> jpegmt: expect=decode",
            "Every `decode` file must equal its djpeg reference (`djpeg -dct int`, libjpeg-turbo 2.1.5) exactly.");
    private static final Report.Section OPTIONAL = Report.section("corpus -> jpegmt: expect=decode-optional",
            "SOF1, CMYK/YCCK and files djpeg warns about: decode (CMYK compared after djpeg's CMYK->RGB) or fail clearly.");
    private static final Report.Section REJECT = Report.section("corpus -> jpegmt: expect=reject",
            "Arithmetic, lossless, hierarchical, 12-bit: a typed UnsupportedJpegException naming the feature (progressive files: see below).");
    private static final Report.Section ROBUST = Report.section("corpus -> jpegmt: expect=robust",
            "Malformed and fuzzed files: a decoded image or a typed JpegException, each within 5 s.");

    private static final int LIMIT_SECONDS = 5;

    @BeforeAll
    static void corpusPresent() {
        if (!Corpus.present()) {
            System.out.println(Corpus.absentMessage());
            DECODE.note(Corpus.absentMessage());
        }
        assumeTrue(Corpus.present(), Corpus.absentMessage());
    }

    @AfterAll
    static void writeReport() {
        Report.write();
    }

    /** Decodes with 1 and several threads (asserting equality), each within the time bound. */
    private static PixelImage decode(Corpus.Entry e) throws Exception {
        byte[] data = Files.readAllBytes(e.path());
        return within(e, () -> Codecs.decodeAllWays(data, DecoderOptions.defaults(), e.file()));
    }

    /** Runs {@code work} with the time bound, rethrowing its own exception unchanged. */
    private static <T> T within(Corpus.Entry e, Callable<T> work) throws Exception {
        FutureTask<T> task = new FutureTask<>(work);
        Thread t = new Thread(task, "corpus-" + e.file());
        t.setDaemon(true);
        t.start();
        try {
            return task.get(LIMIT_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException timeout) {
            task.cancel(true);
            throw new AssertionError(e.file() + " took over " + LIMIT_SECONDS + " s");
        } catch (ExecutionException ex) {
            if (ex.getCause() instanceof Exception cause) {
                throw cause;
            }
            throw (Error) ex.getCause();
        }
    }

    private static PixelImage comparable(PixelImage img) {
        return img.format() == PixelFormat.CMYK
                ? BufferedImages.fromBufferedImage(BufferedImages.toBufferedImage(img)) : img;
    }

    @Test
    void decodeFilesEqualTheirReferencesExactly() throws Exception {
        List<String> failures = new ArrayList<>();
        for (Corpus.Entry e : Corpus.entries()) {
            if (!e.expect().equals("decode")) {
                continue;
            }
            try {
                PixelImage ours = decode(e);
                PixelImage ref = Pixels.readPnm(e.referencePath());
                int diff = Pixels.maxDiff(ours, ref);
                if (diff == 0) {
                    DECODE.exact();
                } else {
                    String why = diff < 0 ? "size/format " + ours + " vs reference " + ref : "max difference " + diff;
                    DECODE.differs(e.file(), Math.max(diff, 0), why);
                    failures.add(e.file() + ": " + why);
                }
            } catch (JpegException ex) {
                DECODE.differs(e.file(), 255, ex.getClass().getSimpleName() + ": " + ex.getMessage());
                failures.add(e.file() + ": " + ex);
            }
        }
        assertTrue(failures.isEmpty(), failures.size() + " decode files not exact:\n" + String.join("\n", failures));
    }

    @Test
    void decodeOptionalFilesDecodeOrFailClearly() throws Exception {
        List<String> failures = new ArrayList<>();
        for (Corpus.Entry e : Corpus.entries()) {
            if (!e.expect().equals("decode-optional")) {
                continue;
            }
            try {
                PixelImage ours = comparable(decode(e));
                if (e.referencePath() == null) {
                    OPTIONAL.outcome("decoded (no reference)");
                    continue;
                }
                int diff = Pixels.maxDiff(ours, Pixels.readPnm(e.referencePath()));
                boolean exact = OPTIONAL.record(e.file(), diff);
                OPTIONAL.outcome(exact ? "decoded, exact" : "decoded, not exact");
                if (!exact) {
                    failures.add(e.file() + ": decoded, max difference " + diff + " from the reference");
                }
            } catch (JpegException ex) {
                OPTIONAL.outcome("refused: " + ex.getClass().getSimpleName());
                OPTIONAL.differs(e.file(), 0, "refused: " + ex.getMessage());
                if (!(ex instanceof UnsupportedJpegException)) {
                    failures.add(e.file() + ": refused as invalid, not as unsupported: " + ex);
                }
            }
        }
        // optional files may be refused as unsupported, but what we decode must be exact
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    @Test
    void rejectFilesGetATypedUnsupportedError() throws Exception {
        List<String> failures = new ArrayList<>();
        for (Corpus.Entry e : Corpus.entries()) {
            if (!e.expect().equals("reject") || e.sofType().equals("progressive")) {
                continue; // progressive (SOF2) files are decoded now: ProgressiveConformanceTest
            }
            byte[] data = Files.readAllBytes(e.path());
            try {
                within(e, () -> new JpegDecoder().decode(data));
                failures.add(e.file() + ": decoded, expected UnsupportedJpegException");
                REJECT.outcome("decoded (wrong)");
            } catch (UnsupportedJpegException ex) {
                REJECT.outcome("unsupported: " + ex.feature().replaceAll("\\s*\\(.*", ""));
                REJECT.exact();
            } catch (JpegException ex) {
                if (e.djpegResult().startsWith("error: Not a JPEG file")) {
                    // e.g. a PNG in the corpus: not JPEG at all, so "invalid" is the right answer
                    REJECT.outcome("not JPEG at all (djpeg agrees): " + ex.getClass().getSimpleName());
                    REJECT.note(e.file() + ": not a JPEG file (" + ex.getMessage() + ")");
                    continue;
                }
                failures.add(e.file() + ": " + ex.getClass().getSimpleName() + " " + ex.getMessage());
                REJECT.outcome("other JpegException (wrong)");
            }
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    @Test
    void robustFilesGiveAnImageOrATypedError() throws Exception {
        List<String> failures = new ArrayList<>();
        for (Corpus.Entry e : Corpus.entries()) {
            if (!e.expect().equals("robust")) {
                continue;
            }
            try {
                decode(e);
                ROBUST.outcome("decoded");
            } catch (UnsupportedJpegException ex) {
                ROBUST.outcome("UnsupportedJpegException");
            } catch (JpegException ex) {
                ROBUST.outcome("InvalidJpegException");
            } catch (Throwable t) {
                ROBUST.outcome("FAILED: " + t.getClass().getSimpleName());
                failures.add(e.file() + ": " + t);
            }
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }
}
