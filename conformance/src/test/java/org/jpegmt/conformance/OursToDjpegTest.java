package org.jpegmt.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jpegmt.core.DecoderOptions;
import org.jpegmt.core.EncoderOptions;
import org.jpegmt.core.PixelFormat;
import org.jpegmt.core.PixelImage;
import org.jpegmt.core.Subsampling;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Direction 4, jpegmt -> libjpeg-turbo: files jpegmt writes decode in {@code djpeg -dct int}
 * to exactly what jpegmt's decoder gives. Skipped, visibly, when djpeg is not installed
 * ({@code .ci/run} installs Debian's libjpeg-turbo-progs).
 */
class OursToDjpegTest {
    private static final Report.Section SECTION = Report.section("jpegmt -> libjpeg-turbo (djpeg)",
            "jpegmt encodes; `djpeg -dct int` must decode to jpegmt's own pixels exactly.");

    static String djpeg() {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, "djpeg"))) {
                return Path.of(dir, "djpeg").toString();
            }
        }
        return null;
    }

    @BeforeAll
    static void djpegInstalled() {
        if (djpeg() == null) {
            String msg = "NOTE: djpeg not installed (apt-get install libjpeg-turbo-progs): jpegmt -> djpeg checks SKIPPED";
            System.out.println(msg);
            SECTION.note(msg);
            Report.write();
        }
        assumeTrue(djpeg() != null, "djpeg not installed");
    }

    @AfterAll
    static void writeReport() {
        Report.write();
    }

    @Test
    void djpegDecodesOurFilesToOurPixels(@TempDir Path tmp) throws Exception {
        List<String> failures = new ArrayList<>();
        int[][] sizes = {{1, 1}, {9, 7}, {31, 33}, {100, 37}, {333, 257}};
        int n = 0;
        for (Subsampling sub : Subsampling.values()) {
            for (int q : new int[] {5, 50, 90, 100}) {
                for (boolean optimize : new boolean[] {false, true}) {
                    int[] size = sizes[n++ % sizes.length];
                    PixelImage src = Pixels.synthetic(size[0], size[1],
                            sub == Subsampling.GRAY ? PixelFormat.GRAY : PixelFormat.RGB, n);
                    EncoderOptions opts = EncoderOptions.defaults().withQuality(q).withSubsampling(sub)
                            .withOptimizeHuffman(optimize).withRestartMcus(n % 3 == 0 ? 0 : n % 3 == 1 ? 7 : 1);
                    String what = sub.label() + " q" + q + (optimize ? " optimized" : "") + " " + size[0] + "x" + size[1];
                    byte[] jpeg = Codecs.encodeAllWays(src, opts, what);
                    PixelImage ours = Codecs.decodeAllWays(jpeg, DecoderOptions.defaults(), what);
                    Path in = tmp.resolve("f" + n + ".jpg");
                    Path out = tmp.resolve("f" + n + ".pnm");
                    Files.write(in, jpeg);
                    Process p = new ProcessBuilder(djpeg(), "-dct", "int", "-outfile", out.toString(), in.toString())
                            .redirectErrorStream(true).start();
                    String log = new String(p.getInputStream().readAllBytes());
                    assertEquals(0, p.waitFor(), what + ": djpeg failed: " + log);
                    int diff = Pixels.maxDiff(ours, Pixels.readPnm(out));
                    if (!SECTION.record(what, diff)) {
                        failures.add(what + ": max difference " + diff);
                    }
                }
            }
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }
}
