package org.jpegmt.core.internal;

import org.jpegmt.core.JpegEncoder;
import org.jpegmt.core.EncoderOptions;
import org.jpegmt.core.PixelImage;
import org.jpegmt.core.PixelFormat;
import org.jpegmt.core.Subsampling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Our encoder's bytes equal {@code cjpeg -dct int -baseline} (libjpeg-turbo) for the same
 * settings: qualities, samplings, greyscale, odd sizes, restart intervals, optimal tables.
 * Skipped, with a message, when cjpeg is not installed.
 */
class CjpegByteIdentityTest {
    private static final Path CJPEG = Path.of("/usr/bin/cjpeg");

    @TempDir
    static Path dir;

    @BeforeAll
    static void needCjpeg() {
        if (!Files.isExecutable(CJPEG)) {
            System.out.println("SKIPPED cjpeg byte-identity tests: " + CJPEG + " not found (install libjpeg-turbo-progs)");
        }
        Assumptions.assumeTrue(Files.isExecutable(CJPEG), "cjpeg not installed");
    }

    /** One comparison: an image, our options, and the matching cjpeg switches. */
    record Case(String name, PixelImage image, EncoderOptions options) {
        List<String> cjpegArgs() {
            List<String> a = new ArrayList<>(List.of("-dct", "int", "-baseline", "-quality", "" + options.quality()));
            if (image.format() == PixelFormat.RGB) {
                if (options.subsampling() == Subsampling.GRAY) {
                    a.add("-grayscale");
                } else {
                    a.add("-sample");
                    a.add(options.subsampling().lumaH() + "x" + options.subsampling().lumaV());
                }
            }
            if (options.restartInterval() > 0) {
                a.add("-restart");
                a.add(options.restartInterval()
                        + (options.restartUnit() == EncoderOptions.RestartUnit.MCUS ? "B" : ""));
            }
            if (options.optimizeHuffman()) {
                a.add("-optimize");
            }
            return a;
        }
    }

    private static final Subsampling[] ALL = Subsampling.values();

    @Test
    void qualitySpreadInEverySampling() throws Exception {
        List<Case> cases = new ArrayList<>();
        PixelImage img = EncoderTestImages.rgb(100, 37, 1);
        for (int q : new int[] {1, 5, 10, 23, 24, 50, 75, 90, 95, 100}) {
            for (Subsampling s : ALL) {
                cases.add(new Case("q" + q + " " + s.label(), img, EncoderOptions.defaults().withQuality(q).withSubsampling(s)));
            }
            cases.add(new Case("q" + q + " pgm", EncoderTestImages.gray(100, 37, 1), EncoderOptions.defaults().withQuality(q)));
        }
        check(cases);
    }

    @Test
    void oddSizesInEverySamplingWithAndWithoutRestarts() throws Exception {
        List<Case> cases = new ArrayList<>();
        int[][] sizes = {{1, 1}, {2, 2}, {7, 9}, {9, 7}, {15, 1}, {1, 15}, {16, 16}, {17, 13}, {31, 33}, {100, 37}, {1001, 7}, {7, 1001}};
        for (int[] wh : sizes) {
            PixelImage rgb = EncoderTestImages.rgb(wh[0], wh[1], wh[0] * 31 + wh[1]);
            PixelImage grey = EncoderTestImages.gray(wh[0], wh[1], wh[0] * 31 + wh[1]);
            for (Subsampling s : ALL) {
                EncoderOptions o = EncoderOptions.defaults().withSubsampling(s);
                cases.add(new Case(wh[0] + "x" + wh[1] + " " + s.label(), rgb, o));
                cases.add(new Case(wh[0] + "x" + wh[1] + " " + s.label() + " no restarts", rgb, o.withRestartRows(0)));
            }
            cases.add(new Case(wh[0] + "x" + wh[1] + " pgm", grey, EncoderOptions.defaults()));
            cases.add(new Case(wh[0] + "x" + wh[1] + " pgm no restarts", grey, EncoderOptions.defaults().withRestartRows(0)));
        }
        check(cases);
    }

    /** Every width and height 1..40 against varied settings (deterministic pseudo-random mix). */
    @Test
    void sizeSweepWithMixedSettings() throws Exception {
        List<Case> cases = new ArrayList<>();
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(2024);
        for (int w = 1; w <= 40; w++) {
            for (int h : new int[] {w, 41 - w, 1 + (w * 7) % 40}) {
                PixelImage img = rnd.nextInt(5) == 0 ? EncoderTestImages.gray(w, h, w * 100 + h) : EncoderTestImages.rgb(w, h, w * 100 + h);
                EncoderOptions o = EncoderOptions.defaults()
                        .withQuality(1 + rnd.nextInt(100))
                        .withSubsampling(ALL[rnd.nextInt(ALL.length)])
                        .withOptimizeHuffman(rnd.nextInt(3) == 0);
                switch (rnd.nextInt(3)) {
                    case 0: o = o.withRestartRows(rnd.nextInt(3)); break;
                    case 1: o = o.withRestartMcus(1 + rnd.nextInt(9)); break;
                    default: break;
                }
                cases.add(new Case(w + "x" + h + " " + img.format() + " " + o, img, o));
            }
        }
        check(cases);
    }

    @Test
    void optimalHuffmanTables() throws Exception {
        List<Case> cases = new ArrayList<>();
        int[][] sizes = {{1, 1}, {7, 9}, {17, 13}, {100, 37}, {1001, 7}};
        for (int[] wh : sizes) {
            PixelImage rgb = EncoderTestImages.rgb(wh[0], wh[1], wh[0] + 7L * wh[1]);
            for (Subsampling s : ALL) {
                for (int q : new int[] {10, 75, 100}) {
                    EncoderOptions o = EncoderOptions.defaults().withSubsampling(s).withQuality(q).withOptimizeHuffman(true);
                    cases.add(new Case(wh[0] + "x" + wh[1] + " " + s.label() + " q" + q + " optimize", rgb, o));
                }
            }
            cases.add(new Case(wh[0] + "x" + wh[1] + " pgm optimize", EncoderTestImages.gray(wh[0], wh[1], 3),
                    EncoderOptions.defaults().withOptimizeHuffman(true).withRestartMcus(3)));
        }
        check(cases);
    }

    @Test
    void restartIntervalsInRowsAndMcus() throws Exception {
        List<Case> cases = new ArrayList<>();
        PixelImage rgb = EncoderTestImages.rgb(100, 37, 5);
        PixelImage grey = EncoderTestImages.gray(53, 41, 5);
        for (Subsampling s : ALL) {
            EncoderOptions o = EncoderOptions.defaults().withSubsampling(s);
            for (int rows : new int[] {1, 2, 3, 65535}) {
                cases.add(new Case("rows " + rows + " " + s.label(), rgb, o.withRestartRows(rows)));
            }
            for (int mcus : new int[] {1, 2, 5, 7, 13, 64, 65535}) {
                cases.add(new Case("mcus " + mcus + " " + s.label(), rgb, o.withRestartMcus(mcus)));
                cases.add(new Case("mcus " + mcus + " " + s.label() + " optimize", rgb, o.withRestartMcus(mcus).withOptimizeHuffman(true)));
            }
        }
        for (int mcus : new int[] {1, 3, 7, 8, 9}) {
            cases.add(new Case("pgm mcus " + mcus, grey, EncoderOptions.defaults().withRestartMcus(mcus)));
        }
        cases.add(new Case("pgm rows 2", grey, EncoderOptions.defaults().withRestartRows(2)));
        check(cases);
    }

    @Test
    void largeImages() throws Exception {
        List<Case> cases = new ArrayList<>();
        PixelImage big = EncoderTestImages.rgb(1280, 720, 9);
        PixelImage odd = EncoderTestImages.rgb(333, 257, 10);
        // libjpeg stops at 65500 pixels (JPEG_MAX_DIMENSION); the format itself allows 65535
        PixelImage wide = EncoderTestImages.rgb(65500, 3, 11);
        PixelImage tall = EncoderTestImages.rgb(3, 65500, 12);
        cases.add(new Case("65500x3 4:2:0 rows 1", wide, EncoderOptions.defaults()));
        cases.add(new Case("65500x3 4:2:2 rows 20 (interval capped at 65535)", wide,
                EncoderOptions.defaults().withSubsampling(Subsampling.S422).withRestartRows(20)));
        cases.add(new Case("3x65500 4:2:0 mcus 100 optimize", tall,
                EncoderOptions.defaults().withRestartMcus(100).withOptimizeHuffman(true)));
        cases.add(new Case("3x65500 gray", tall, EncoderOptions.defaults().withSubsampling(Subsampling.GRAY)));
        for (Subsampling s : ALL) {
            cases.add(new Case("1280x720 " + s.label(), big, EncoderOptions.defaults().withSubsampling(s).withQuality(90)));
            cases.add(new Case("333x257 " + s.label() + " optimize", odd,
                    EncoderOptions.defaults().withSubsampling(s).withOptimizeHuffman(true).withRestartRows(0)));
        }
        check(cases);
    }

    /** A photo from the shared bench set, decoded by djpeg and re-encoded, when available. */
    @Test
    void benchPhotoWhenShared() throws Exception {
        String shared = System.getProperty("jpegmt.shared");
        Path djpeg = Path.of("/usr/bin/djpeg");
        Path photo = null;
        if (shared != null && Files.isDirectory(Path.of(shared)) && Files.isExecutable(djpeg)) {
            try (var files = Files.walk(Path.of(shared), 3)) {
                photo = files.filter(p -> p.toString().toLowerCase().endsWith(".jpg"))
                        .filter(p -> p.toString().contains("bench"))
                        .filter(p -> p.toFile().length() < 4_000_000)
                        .sorted().findFirst().orElse(null);
            }
        }
        if (photo == null) {
            System.out.println("SKIPPED bench photo re-encode: no shared bench photo or djpeg");
            Assumptions.abort("no shared bench photo");
        }
        Path ppm = dir.resolve("bench.ppm");
        run(List.of(djpeg.toString(), "-dct", "int", "-outfile", ppm.toString(), photo.toString()));
        PixelImage img = EncoderTestImages.readPnm(ppm);
        check(List.of(new Case(photo.getFileName() + " q90", img, EncoderOptions.defaults().withQuality(90))));
    }

    private static void check(List<Case> cases) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<String>> results = new ArrayList<>();
            for (int i = 0; i < cases.size(); i++) {
                Case c = cases.get(i);
                int id = i;
                results.add(pool.submit(() -> compare(c, id)));
            }
            List<String> failures = new ArrayList<>();
            for (Future<String> f : results) {
                String r = f.get();
                if (r != null) {
                    failures.add(r);
                }
            }
            System.out.println("cjpeg byte identity: " + (cases.size() - failures.size()) + "/" + cases.size() + " identical");
            assertTrue(failures.isEmpty(), failures.size() + " of " + cases.size() + " differ:\n" + String.join("\n", failures));
        } finally {
            pool.shutdown();
        }
    }

    /** @return null when identical, else a description */
    private static String compare(Case c, int id) throws Exception {
        String ext = c.image().format() == PixelFormat.GRAY ? ".pgm" : ".ppm";
        Path in = dir.resolve("in" + id + "-" + System.identityHashCode(c.image()) + ext);
        Path out = dir.resolve("out" + id + "-" + System.nanoTime() + ".jpg");
        EncoderTestImages.writePnm(c.image(), in);
        List<String> cmd = new ArrayList<>();
        cmd.add(CJPEG.toString());
        cmd.addAll(c.cjpegArgs());
        cmd.add("-outfile");
        cmd.add(out.toString());
        cmd.add(in.toString());
        run(cmd);
        byte[] expected = Files.readAllBytes(out);
        byte[] actual = new JpegEncoder(c.options()).encode(c.image());
        Files.delete(in);
        Files.delete(out);
        if (Arrays.equals(expected, actual)) {
            return null;
        }
        int at = Arrays.mismatch(expected, actual);
        return c.name() + " [" + String.join(" ", c.cjpegArgs()) + "]: lengths " + expected.length + " vs " + actual.length
                + ", first difference at byte " + at;
    }

    private static void run(List<String> cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        byte[] msg = p.getInputStream().readAllBytes();
        int rc = p.waitFor();
        assertEquals(0, rc, String.join(" ", cmd) + ": " + new String(msg));
    }
}
