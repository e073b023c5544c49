package org.jpegmt.core.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jpegmt.core.EncoderOptions;
import org.jpegmt.core.JpegEncoder;
import org.jpegmt.core.Subsampling;
import org.jpegmt.core.internal.TranscodeJob.Copy;
import org.jpegmt.core.internal.TranscodeJob.Settings;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The transcoder's bytes equal {@code jpegtran}'s (libjpeg-turbo 2.1.5) for the same options:
 * restart intervals in rows and MCUs, optimal tables, {@code -copy none|comments|all}, over
 * generated files in every sampling, odd sizes, with and without restart markers, files carrying
 * Exif, ICC, XMP, Adobe and comment segments, and the shared corpus's baseline files. The pixels
 * of a restart or optimize transcode are the source's (djpeg of both). Skipped, with a printed
 * line, without libjpeg-turbo-progs.
 */
class TranscodeJpegtranTest {
    private static final Settings T = Settings.JPEGTRAN;

    /** The option sets every generated source is transcoded with. */
    static final List<Settings> OPTION_SETS = List.of(T, T.withRestartRows(1), T.withRestartRows(2),
            T.withRestartMcus(1), T.withRestartMcus(7), T.withOptimize(true), T.withOptimize(true).withRestartRows(1),
            T.withCopy(Copy.NONE), T.withCopy(Copy.ALL).withRestartMcus(3));

    @BeforeAll
    static void tools() {
        Jpegtran.requireTools("jpegtran byte-identity tests");
    }

    /** One source file and a name for messages. */
    record Source(String name, byte[] jpeg) {
    }

    static List<Source> generatedSources() throws Exception {
        List<Source> out = new ArrayList<>();
        int[][] sizes = {{1, 1}, {7, 9}, {17, 13}, {31, 33}, {100, 37}, {333, 257}};
        for (int[] wh : sizes) {
            for (Subsampling s : Subsampling.values()) {
                EncoderOptions o = EncoderOptions.defaults().withSubsampling(s).withQuality(85);
                var img = s == Subsampling.GRAY ? EncoderTestImages.gray(wh[0], wh[1], wh[0] * 7 + wh[1])
                        : EncoderTestImages.rgb(wh[0], wh[1], wh[0] * 7 + wh[1]);
                String n = wh[0] + "x" + wh[1] + " " + s.label();
                out.add(new Source(n + " no restarts", new JpegEncoder(o.withRestartRows(0)).encode(img)));
                out.add(new Source(n + " restart 1 row", new JpegEncoder(o).encode(img)));
            }
        }
        return out;
    }

    /** Samplings our encoder does not make, an RGB file and a 16-bit-table file, from cjpeg. */
    static List<Source> cjpegSources() throws Exception {
        List<Source> out = new ArrayList<>();
        byte[] ppm = ppm(EncoderTestImages.rgb(77, 45, 3));
        String[][] variants = {{"-sample", "1x2"}, {"-sample", "4x1"}, {"-sample", "2x2,1x2,1x1"}, {"-sample", "4x2"},
            {"-rgb"}, {"-rgb", "-restart", "3B"}, {"-quality", "3"}, {"-sample", "1x1", "-restart", "1"}};
        for (String[] v : variants) {
            out.add(new Source("cjpeg " + String.join(" ", v), Jpegtran.cjpeg(ppm, v)));
        }
        return out;
    }

    static byte[] ppm(org.jpegmt.core.PixelImage img) {
        byte[] head = ("P6\n" + img.width() + " " + img.height() + "\n255\n").getBytes(StandardCharsets.US_ASCII);
        byte[] b = Arrays.copyOf(head, head.length + img.data().length);
        System.arraycopy(img.data(), 0, b, head.length, img.data().length);
        return b;
    }

    @Test
    void generatedFilesEveryOptionSet() throws Exception {
        List<Source> sources = generatedSources();
        sources.addAll(cjpegSources());
        List<Case> cases = new ArrayList<>();
        for (Source s : sources) {
            for (Settings o : OPTION_SETS) {
                cases.add(new Case(s, o));
            }
        }
        check(cases);
    }

    @Test
    void restartAndOptimizeKeepThePixels() throws Exception {
        List<Source> sources = generatedSources();
        sources.addAll(cjpegSources());
        List<String> bad = new ArrayList<>();
        for (Source s : sources) {
            byte[] ref = Jpegtran.djpeg(s.jpeg());
            for (Settings o : List.of(T.withRestartRows(1), T.withRestartMcus(5).withOptimize(true))) {
                if (!Arrays.equals(ref, Jpegtran.djpeg(Jpegtran.ours(s.jpeg(), o)))) {
                    bad.add(s.name() + " " + Jpegtran.args(o));
                }
            }
        }
        assertTrue(bad.isEmpty(), "pixels changed: " + bad);
    }

    /**
     * Progressive sources (cjpeg -progressive: several samplings and odd sizes, optimized tables,
     * restart markers, a script with successive approximation) become baseline files with the
     * same bytes as jpegtran's, and the same pixels as the source.
     */
    @Test
    void progressiveSourcesBecomeBaselineAsJpegtran() throws Exception {
        Path scans = Files.createTempFile("scans", ".txt");
        try {
            // DC first with successive approximation, spectral bands, then the refinements (T.81 G.1)
            Files.writeString(scans, "0,1,2: 0-0, 0, 1;\n0: 1-5, 0, 2;\n2: 1-63, 0, 1;\n1: 1-63, 0, 1;\n"
                    + "0: 6-63, 0, 2;\n0: 1-63, 2, 1;\n0,1,2: 0-0, 1, 0;\n2: 1-63, 1, 0;\n1: 1-63, 1, 0;\n"
                    + "0: 1-63, 1, 0;\n");
            List<Source> sources = new ArrayList<>();
            String[][] variants = {{"-progressive"}, {"-progressive", "-sample", "1x1"}, {"-progressive", "-sample", "2x1"},
                {"-progressive", "-grayscale"}, {"-progressive", "-optimize", "-restart", "2"},
                {"-progressive", "-scans", scans.toString()}};
            for (int[] wh : new int[][] {{1, 1}, {31, 33}, {77, 45}}) {
                byte[] ppm = ppm(EncoderTestImages.rgb(wh[0], wh[1], wh[0] + wh[1]));
                for (String[] v : variants) {
                    sources.add(new Source(wh[0] + "x" + wh[1] + " cjpeg " + String.join(" ", v), Jpegtran.cjpeg(ppm, v)));
                }
            }
            List<Case> cases = new ArrayList<>();
            List<String> bad = new ArrayList<>();
            for (Source s : sources) {
                assertTrue(Jpegtran.sof(s.jpeg()) == 0xC2, s.name() + " is not progressive");
                cases.add(new Case(s, T));
                cases.add(new Case(s, T.withRestartRows(1)));
                cases.add(new Case(s, T.withOptimize(true).withRestartMcus(3)));
                byte[] ours = Jpegtran.ours(s.jpeg(), T.withRestartRows(1));
                if (Jpegtran.sof(ours) != 0xC0 || !Arrays.equals(Jpegtran.djpeg(s.jpeg()), Jpegtran.djpeg(ours))) {
                    bad.add(s.name());
                }
            }
            check(cases);
            assertTrue(bad.isEmpty(), "not baseline, or pixels changed: " + bad);
        } finally {
            Files.deleteIfExists(scans);
        }
    }

    /** Metadata-carrying sources, generated here: Exif, ICC in two chunks, XMP, comments, Adobe, JFIF variants. */
    @Test
    void metadataSegmentsCopiedAsJpegtranDoes() throws Exception {
        byte[] base = new JpegEncoder(EncoderOptions.defaults()).encode(EncoderTestImages.rgb(45, 29, 8));
        byte[] rgbBase = Jpegtran.cjpeg(ppm(EncoderTestImages.rgb(45, 29, 8)), "-rgb");
        byte[] grey = new JpegEncoder(EncoderOptions.defaults()).encode(EncoderTestImages.gray(45, 29, 8));
        byte[] exif = MetadataSamples.exif(45, 29, 6);
        byte[][] icc = MetadataSamples.iccChunks(300, 2);
        byte[] xmp = ("http://ns.adobe.com/xap/1.0/\0<x:xmpmeta/>").getBytes(StandardCharsets.ISO_8859_1);
        byte[] com = "a comment".getBytes(StandardCharsets.ISO_8859_1);
        byte[] adobe = {'A', 'd', 'o', 'b', 'e', 0, 100, 0, 0, 0, 0, 1};
        byte[] jfif102 = {'J', 'F', 'I', 'F', 0, 1, 2, 1, 0, 72, 0, 96, 0, 0};
        byte[] jfif2 = {'J', 'F', 'I', 'F', 0, 2, 5, 2, 0, 7, 0, 9, 0, 0};
        byte[] jfifShort = {'J', 'F', 'I', 'F', 0, 1};
        List<Source> sources = List.of(
                new Source("exif first, no JFIF", Jpegtran.withSegments(base, true, 0xE1, exif, 0xE2, icc[0], 0xE2,
                        icc[1], 0xE1, xmp, 0xFE, com)),
                new Source("JFIF then exif", Jpegtran.withSegments(base, false, 0xE1, exif, 0xFE, com)),
                new Source("comment before exif", Jpegtran.withSegments(base, true, 0xFE, com, 0xE1, exif, 0xEE, adobe)),
                new Source("adobe and JFIF 1.02 density", Jpegtran.withSegments(base, true, 0xE0, jfif102, 0xEE, adobe,
                        0xEF, new byte[] {1, 2, 3}, 0xFE, com, 0xFE, new byte[0])),
                new Source("JFIF 2.05", Jpegtran.withSegments(base, true, 0xE0, jfif2)),
                new Source("short JFIF", Jpegtran.withSegments(base, true, 0xE0, jfifShort, 0xE0, jfif102)),
                new Source("two JFIFs", Jpegtran.withSegments(base, true, 0xE0, jfif102, 0xE0, jfif2, 0xE0,
                        new byte[] {'J', 'F', 'I', 'F', 0, 1, 9, 1, 0, 3, 0, 4, 0, 0})),
                new Source("rgb with exif and comment", Jpegtran.withSegments(rgbBase, false, 0xE1, exif, 0xFE, com)),
                new Source("rgb with a JFIF", Jpegtran.withSegments(rgbBase, false, 0xE0, jfif102)),
                new Source("grey exif", Jpegtran.withSegments(grey, true, 0xE1, exif, 0xE2, icc[0], 0xE2, icc[1])));
        List<Case> cases = new ArrayList<>();
        for (Source s : sources) {
            for (Copy c : Copy.values()) {
                cases.add(new Case(s, T.withCopy(c)));
                cases.add(new Case(s, T.withCopy(c).withRestartRows(1).withOptimize(true)));
            }
        }
        check(cases);
    }

    /** Truncated sources: the blocks the data does not reach are zero, as in libjpeg's coefficient arrays. */
    @Test
    void truncatedSourcesAsJpegtran() throws Exception {
        var img = EncoderTestImages.rgb(200, 120, 12);
        List<Case> cases = new ArrayList<>();
        for (EncoderOptions o : List.of(EncoderOptions.defaults().withRestartRows(0), EncoderOptions.defaults(),
                EncoderOptions.defaults().withRestartMcus(3).withSubsampling(Subsampling.S444))) {
            byte[] full = new JpegEncoder(o).encode(img);
            for (int cut : new int[] {700, 2000, full.length / 2, full.length - 3}) {
                Source s = new Source("truncated at " + cut + " " + o, Arrays.copyOf(full, cut));
                cases.add(new Case(s, T.withRestartRows(1)));
                cases.add(new Case(s, T.withOptimize(true)));
            }
        }
        check(cases);
    }

    /** The shared corpus's 8-bit sequential files that djpeg decodes without a warning (transverse: every mirror and the transposition). */
    @Test
    void corpusBaselineFiles() throws Exception {
        List<Source> sources = CorpusFiles.sequential();
        if (sources.isEmpty()) {
            System.out.println("SKIPPED corpus transcode: ../shared/corpus not found");
            org.junit.jupiter.api.Assumptions.abort("no corpus");
        }
        List<Case> cases = new ArrayList<>();
        for (Source s : sources) {
            cases.add(new Case(s, T.withCopy(Copy.ALL)));
            cases.add(new Case(s, T.withRestartRows(1).withOptimize(true)));
            cases.add(new Case(s, T.withTransform(LosslessTransform.Kind.TRANSVERSE, false)));
        }
        check(cases);
    }

    record Case(Source source, Settings settings) {
    }

    static void check(List<Case> cases) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<String>> results = new ArrayList<>();
            for (Case c : cases) {
                results.add(pool.submit(() -> compare(c)));
            }
            List<String> failures = new ArrayList<>();
            for (Future<String> f : results) {
                String r = f.get();
                if (r != null) {
                    failures.add(r);
                }
            }
            System.out.println("jpegtran byte identity: " + (cases.size() - failures.size()) + "/" + cases.size()
                    + " identical");
            assertTrue(failures.isEmpty(), failures.size() + " of " + cases.size() + " differ:\n"
                    + String.join("\n", failures.subList(0, Math.min(30, failures.size()))));
        } finally {
            pool.shutdown();
        }
    }

    /** @return null when identical, else a description */
    static String compare(Case c) throws Exception {
        byte[] expected = Jpegtran.jpegtran(c.source().jpeg(), c.settings());
        byte[] actual;
        try {
            actual = Jpegtran.ours(c.source().jpeg(), c.settings());
        } catch (Exception e) {
            return c.source().name() + " " + Jpegtran.args(c.settings()) + ": " + e;
        }
        if (Arrays.equals(expected, actual)) {
            return null;
        }
        return c.source().name() + " " + Jpegtran.args(c.settings()) + ": lengths " + expected.length + " vs "
                + actual.length + ", first difference at byte " + Arrays.mismatch(expected, actual);
    }

    @Test
    void pinnedExampleMatches() throws Exception {
        // One case spelled out, so a failure of the harness itself is visible.
        byte[] src = new JpegEncoder(EncoderOptions.defaults().withRestartRows(0)).encode(EncoderTestImages.rgb(40, 24, 1));
        Settings s = T.withRestartRows(1);
        assertArrayEquals(Jpegtran.jpegtran(src, s), Jpegtran.ours(src, s));
    }
}
