package org.jpegmt.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jpegmt.core.DecoderOptions;
import org.jpegmt.core.JpegException;
import org.jpegmt.core.PixelFormat;
import org.jpegmt.core.PixelImage;
import org.jpegmt.core.internal.DecodeJob;
import org.jpegmt.core.internal.ScanScript;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Progressive (SOF2) files against libjpeg-turbo: the progressive files of the shared corpus
 * against their djpeg references, and files made here by {@code cjpeg -progressive} (qualities,
 * samplings, {@code -optimize}, {@code -restart}, custom {@code -scans} scripts with successive
 * approximation, sizes down to 1x1) and {@code jpegtran -progressive}, against {@code djpeg -dct
 * int}; whole and truncated. Every decode runs with 1, 2, 3 and 8 threads, which must agree
 * ({@link Codecs#decodeAllWays}; for the generated files and the damaged corpus files, in their
 * warnings too). Skipped visibly without the corpus or without the tools.
 *
 * <p>The parallel decoder takes one of two paths to the coefficients ({@link ScanPath}): every
 * scan located ahead and independent scans and restart intervals decoded at once, or, for files
 * with anything unusual, the serial scan loop. The tests check which files take which: every
 * whole generated file the concurrent one (and enough of them with restart intervals and with
 * independent scans that the concurrent decode is exercised), every truncated one the serial.
 */
class ProgressiveConformanceTest {
    private static final Report.Section CORPUS = Report.section("corpus -> jpegmt: progressive files",
            "Progressive corpus files that djpeg decodes without a warning (formerly `reject` rows): equal to the reference exactly.");
    private static final Report.Section DAMAGED = Report.section("corpus -> jpegmt: damaged progressive files",
            "Progressive `robust` files with a djpeg reference: informative. Known cause of differences: coefficients "
                    + "whose dequantised values exceed 16 bits, where djpeg's SIMD IDCT saturates and wraps (and libjpeg's C IDCT "
                    + "computes in 64 bits) while jpegmt's IDCT computes in 32-bit ints.");
    private static final Report.Section GENERATED = Report.section("cjpeg/jpegtran -progressive -> jpegmt",
            "Files made by cjpeg -progressive and jpegtran -progressive, whole and truncated: equal to djpeg -dct int.");

    @AfterAll
    static void writeReport() {
        Report.write();
    }

    @Test
    void progressiveCorpusFilesEqualTheirReferences() throws Exception {
        assumeCorpus();
        List<String> failures = new ArrayList<>();
        int checked = 0;
        for (Corpus.Entry e : Corpus.entries()) {
            if (!e.sofType().equals("progressive") || e.referencePath() == null || !e.djpegResult().equals("ok")) {
                continue;
            }
            checked++;
            byte[] data = Files.readAllBytes(e.path());
            PixelImage ours = Codecs.decodeAllWays(data, DecoderOptions.defaults().withStrict(true), e.file());
            if (!CORPUS.record(e.file(), Pixels.maxDiff(ours, Pixels.readPnm(e.referencePath())))) {
                failures.add(e.file());
            }
        }
        assertTrue(checked >= 20, "expected the corpus's progressive files, found " + checked);
        assertTrue(failures.isEmpty(), "not exact: " + failures);
    }

    @Test
    void damagedProgressiveCorpusFilesDecodeWithoutCrashing() throws Exception {
        assumeCorpus();
        for (Corpus.Entry e : Corpus.entries()) {
            if (!e.sofType().equals("progressive") || e.djpegResult().equals("ok")) {
                continue;
            }
            byte[] data = Files.readAllBytes(e.path());
            try {
                PixelImage ours = Codecs.decodeAllWaysWithWarnings(data, DecoderOptions.defaults(), e.file());
                if (e.referencePath() != null && ours.format() != PixelFormat.CMYK) {
                    DAMAGED.record(e.file(), Pixels.maxDiff(ours, Pixels.readPnm(e.referencePath())));
                }
                DAMAGED.outcome("decoded");
            } catch (JpegException refused) {
                DAMAGED.outcome(refused.getClass().getSimpleName());
            }
        }
    }

    /** cjpeg settings: label, then arguments. */
    private static final String[][] SETTINGS = {
        {"q75 4:2:0", "-quality", "75", "-sample", "2x2"},
        {"q90 4:4:4", "-quality", "90", "-sample", "1x1"},
        {"q50 4:2:2 optimize", "-quality", "50", "-sample", "2x1", "-optimize"},
        {"q95 4:4:0 restart 1", "-quality", "95", "-sample", "1x2", "-restart", "1B"},
        {"q85 4:1:1 restart 3", "-quality", "85", "-sample", "4x1", "-restart", "3B"},
        {"q30 grey", "-quality", "30", "-grayscale"},
        {"q100 4:2:0 restart row", "-quality", "100", "-sample", "2x2", "-restart", "1"},
        {"q80 rgb", "-quality", "80", "-rgb"},
        {"q70 4:2:0 successive approximation script", "-quality", "70", "-sample", "2x2", "-scans", "SCRIPT"},
        {"q88 4:4:4 spectral selection only script", "-quality", "88", "-sample", "1x1", "-scans", "SPECTRAL"},
    };

    /** Successive approximation on DC and AC, bands split differently per component. */
    private static final String SCRIPT = "0,1,2: 0-0, 0, 2;\n0,1,2: 0-0, 2, 1;\n0: 1-9, 0, 3;\n0: 10-63, 0, 3;\n"
            + "2: 1-63, 0, 1;\n1: 1-5, 0, 0;\n1: 6-63, 0, 1;\n0: 1-63, 3, 2;\n0,1,2: 0-0, 1, 0;\n"
            + "0: 1-63, 2, 1;\n2: 1-63, 1, 0;\n1: 6-63, 1, 0;\n0: 1-63, 1, 0;\n";
    /** No successive approximation: each component's bands once, non-interleaved DC. */
    private static final String SPECTRAL = "0: 0-0, 0, 0;\n1: 0-0, 0, 0;\n2: 0-0, 0, 0;\n0: 1-2, 0, 0;\n"
            + "0: 3-63, 0, 0;\n1: 1-63, 0, 0;\n2: 1-20, 0, 0;\n2: 21-63, 0, 0;\n";

    @Test
    void cjpegProgressiveFilesEqualDjpeg(@TempDir Path tmp) throws Exception {
        assumeTools();
        Files.writeString(tmp.resolve("SCRIPT"), SCRIPT);
        Files.writeString(tmp.resolve("SPECTRAL"), SPECTRAL);
        int[][] sizes = {{1, 1}, {2, 3}, {9, 7}, {17, 13}, {31, 33}, {100, 37}, {227, 149}};
        List<String> failures = new ArrayList<>();
        int n = 0;
        int restarts = 0;
        int independent = 0;
        for (String[] setting : SETTINGS) {
            for (int[] size : sizes) {
                Path ppm = tmp.resolve("in" + n + ".ppm");
                writePpm(ppm, Pixels.synthetic(size[0], size[1], PixelFormat.RGB, n));
                Path jpg = tmp.resolve("p" + n + ".jpg");
                List<String> args = new ArrayList<>(List.of(tool("cjpeg"), "-progressive"));
                for (int i = 1; i < setting.length; i++) {
                    String a = setting[i];
                    args.add(a.equals("SCRIPT") || a.equals("SPECTRAL") ? tmp.resolve(a).toString() : a);
                }
                args.addAll(List.of("-outfile", jpg.toString(), ppm.toString()));
                run(args);
                String what = setting[0] + " " + size[0] + "x" + size[1];
                compare(jpg, tmp, what, failures);
                ScanPath path = ScanPath.of(Files.readAllBytes(jpg));
                if (!path.concurrent) {
                    failures.add(what + ": a whole cjpeg file left to the serial scan loop");
                }
                restarts += path.restartIntervals ? 1 : 0;
                independent += path.independentScans ? 1 : 0;
                n++;
            }
        }
        assertTrue(failures.isEmpty(), failures.size() + " not exact:\n" + String.join("\n", failures));
        // 13 today: the three restart settings at the sizes with more than one interval in some
        // scan; independent scans: every colour and grey script but tiny grey ones
        assertTrue(restarts >= 12, "files with restart intervals decoded concurrently: " + restarts);
        assertTrue(independent >= 50, "files with independent scans decoded concurrently: " + independent);
    }

    @Test
    void jpegtranProgressiveFilesEqualDjpeg(@TempDir Path tmp) throws Exception {
        assumeTools();
        List<String> failures = new ArrayList<>();
        int n = 0;
        for (String sample : new String[] {"2x2", "1x1", "2x1"}) {
            for (int[] size : new int[][] {{1, 1}, {15, 1}, {1, 15}, {64, 48}, {333, 257}}) {
                Path ppm = tmp.resolve("t" + n + ".ppm");
                writePpm(ppm, Pixels.synthetic(size[0], size[1], PixelFormat.RGB, 100 + n));
                Path base = tmp.resolve("b" + n + ".jpg");
                run(List.of(tool("cjpeg"), "-quality", "85", "-sample", sample, "-outfile", base.toString(), ppm.toString()));
                Path prog = tmp.resolve("tp" + n + ".jpg");
                run(List.of(tool("jpegtran"), "-progressive", "-copy", "none", "-outfile", prog.toString(), base.toString()));
                String what = "jpegtran -progressive " + sample + " " + size[0] + "x" + size[1];
                compare(prog, tmp, what, failures);
                if (!ScanPath.of(Files.readAllBytes(prog)).concurrent) {
                    failures.add(what + ": a whole jpegtran file left to the serial scan loop");
                }
                n++;
            }
        }
        assertTrue(failures.isEmpty(), failures.size() + " not exact:\n" + String.join("\n", failures));
    }

    /**
     * Truncated downloads: a progressive file cut at many points (inside scans, and inside the
     * table segments between them) decodes as djpeg's, which fills the rest with zero bits and
     * smooths the blocks whose low coefficients never arrived. One known difference, checked
     * rather than assumed: where smoothing estimates coefficients so large that their dequantised
     * values exceed 16 bits, djpeg's x86-64 SIMD IDCT wraps and saturates them; jpegmt then
     * equals libjpeg's C IDCT instead ({@code JSIMD_FORCENONE=1 djpeg}), which the test requires.
     */
    @Test
    void truncatedProgressiveFilesEqualDjpeg(@TempDir Path tmp) throws Exception {
        assumeTools();
        Files.writeString(tmp.resolve("SCRIPT"), SCRIPT);
        List<String> failures = new ArrayList<>();
        int n = 0;
        int compared = 0;
        String[][] kinds = {{"-sample", "2x2"}, {"-sample", "1x1"}, {"-sample", "1x2", "-restart", "2B"},
            {"-grayscale"}, {"-sample", "2x2", "-scans", tmp.resolve("SCRIPT").toString()}};
        for (String[] kind : kinds) {
            for (int[] size : new int[][] {{16, 16}, {17, 13}, {150, 97}}) {
                Path ppm = tmp.resolve("c" + n + ".ppm");
                writePpm(ppm, Pixels.synthetic(size[0], size[1], PixelFormat.RGB, 200 + n));
                Path full = tmp.resolve("full" + n + ".jpg");
                List<String> args = new ArrayList<>(List.of(tool("cjpeg"), "-progressive", "-quality", "80"));
                args.addAll(List.of(kind));
                args.addAll(List.of("-outfile", full.toString(), ppm.toString()));
                run(args);
                byte[] whole = Files.readAllBytes(full);
                for (int pct = 5; pct < 100; pct += 6) {
                    int cut = whole.length * pct / 100;
                    Path part = tmp.resolve("cut" + n + "_" + pct + ".jpg");
                    Files.write(part, java.util.Arrays.copyOf(whole, cut));
                    String what = String.join(" ", kind) + " " + size[0] + "x" + size[1] + " cut at " + cut + "/" + whole.length;
                    compared += compare(part, tmp, what, failures) ? 1 : 0;
                    if (ScanPath.of(Files.readAllBytes(part)).concurrent) {
                        failures.add(what + ": a truncated file decoded by the concurrent scan path");
                    }
                }
                n++;
            }
        }
        assertTrue(compared > 100, "too few truncated files compared: " + compared);
        assertTrue(failures.isEmpty(), failures.size() + " not as djpeg:\n" + String.join("\n", failures));
    }

    /**
     * Decodes {@code jpg} with djpeg and with jpegmt (1, 2, 3, 8 threads) and compares.
     *
     * @return true if both gave an image; false if djpeg gave none (then jpegmt must refuse too)
     *     or jpegmt refused a cut table segment (the known difference)
     */
    private static boolean compare(Path jpg, Path tmp, String what, List<String> failures) throws Exception {
        Path ref = tmp.resolve("ref.pnm");
        Files.deleteIfExists(ref);
        new ProcessBuilder(tool("djpeg"), "-dct", "int", "-outfile", ref.toString(), jpg.toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
        boolean djpegImage = Files.exists(ref) && Files.size(ref) > 0;
        PixelImage ours;
        try {
            ours = Codecs.decodeAllWaysWithWarnings(Files.readAllBytes(jpg), DecoderOptions.defaults(), what);
        } catch (JpegException refused) {
            if (djpegImage) {
                failures.add(what + ": refused (" + refused.getMessage() + "), djpeg decodes it");
            } else {
                GENERATED.outcome("refused, as djpeg");
            }
            return false;
        }
        if (!djpegImage) {
            failures.add(what + ": decoded, djpeg refuses it");
            return false;
        }
        int diff = Pixels.maxDiff(ours, Pixels.readPnm(ref));
        if (diff == 0) {
            GENERATED.exact();
            return true;
        }
        // Same decode with libjpeg's C kernels: equal there means the difference is djpeg's SIMD
        // IDCT on values over 16 bits (see truncatedProgressiveFilesEqualDjpeg).
        ProcessBuilder c = new ProcessBuilder(tool("djpeg"), "-dct", "int", "-outfile", ref.toString(), jpg.toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        c.environment().put("JSIMD_FORCENONE", "1");
        c.start().waitFor();
        if (Pixels.maxDiff(ours, Pixels.readPnm(ref)) == 0) {
            GENERATED.outcome("equal to libjpeg's C IDCT, not to its SIMD IDCT (values over 16 bits)");
            GENERATED.differs(what, diff, "max difference " + diff + " from djpeg; exact with JSIMD_FORCENONE=1");
        } else {
            GENERATED.differs(what, diff, "max difference " + diff);
            failures.add(what + ": pixels differ from djpeg (max " + diff + "), with and without its SIMD kernels");
        }
        return true;
    }

    /**
     * Which path the parallel decoder takes to a file's coefficients: the concurrent one if every
     * scan is located ahead ({@code ProgressiveDecode.locateScans}) and every restart interval of
     * every scan decodes there without anything unusual (done here in file order, one thread).
     */
    record ScanPath(boolean concurrent, boolean restartIntervals, boolean independentScans) {
        static ScanPath of(byte[] jpeg) throws JpegException {
            ScanScript script;
            try {
                script = DecodeJob.open(jpeg, DecoderOptions.defaults()).progressive().locateScans();
            } catch (JpegException refused) {
                return new ScanPath(false, false, false);
            }
            if (script == null) {
                return new ScanPath(false, false, false);
            }
            boolean restarts = false;
            boolean independent = false;
            try {
                for (int i = 0; i < script.scans(); i++) {
                    restarts |= script.segments(i) > 1;
                    independent |= script.after(i).length < i; // some earlier scan it need not wait for
                    script.decode(i, 0, script.segments(i));
                }
            } catch (JpegException unusual) {
                return new ScanPath(false, false, false);
            }
            return new ScanPath(true, restarts, independent);
        }
    }

    private static void writePpm(Path file, PixelImage img) throws IOException {
        byte[] header = ("P6\n" + img.width() + " " + img.height() + "\n255\n").getBytes();
        byte[] all = new byte[header.length + img.data().length];
        System.arraycopy(header, 0, all, 0, header.length);
        System.arraycopy(img.data(), 0, all, header.length, img.data().length);
        Files.write(file, all);
    }

    private static void run(List<String> args) throws Exception {
        Process p = new ProcessBuilder(args).redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), String.join(" ", args) + ": " + log);
    }

    static String tool(String name) {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, name))) {
                return Path.of(dir, name).toString();
            }
        }
        return null;
    }

    private static void assumeTools() {
        boolean present = tool("cjpeg") != null && tool("djpeg") != null && tool("jpegtran") != null;
        if (!present) {
            String msg = "NOTE: cjpeg/djpeg/jpegtran not installed (apt-get install libjpeg-turbo-progs): "
                    + "progressive checks against libjpeg-turbo SKIPPED";
            System.out.println(msg);
            GENERATED.note(msg);
        }
        assumeTrue(present, "libjpeg-turbo tools not installed");
    }

    private static void assumeCorpus() {
        if (!Corpus.present()) {
            System.out.println(Corpus.absentMessage());
            CORPUS.note(Corpus.absentMessage());
        }
        assumeTrue(Corpus.present(), Corpus.absentMessage());
    }
}
