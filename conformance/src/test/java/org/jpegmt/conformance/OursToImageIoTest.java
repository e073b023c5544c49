package org.jpegmt.conformance;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jpegmt.core.DecoderOptions;
import org.jpegmt.core.EncoderOptions;
import org.jpegmt.core.PixelFormat;
import org.jpegmt.core.PixelImage;
import org.jpegmt.core.Subsampling;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Direction 1, jpegmt -> javax.imageio: files jpegmt writes (serial and multithreaded, which
 * must be byte-identical) decode in the JDK's own reader to exactly the pixels jpegmt's decoder
 * gives, and reach a PSNR against the source no lower than the JDK's own encoder reaches at the
 * same quality and subsampling, minus 0.1 dB.
 */
class OursToImageIoTest {
    private static final Report.Section SECTION = Report.section("jpegmt -> javax.imageio",
            "jpegmt encodes (every subsampling, q 5..100, restarts off / per row / every 7 MCUs, standard and "
                    + "optimized tables, sizes 1x1 up); the JDK reader must decode to jpegmt's own pixels exactly, "
                    + "at a PSNR no lower than the JDK encoder's at the same settings minus 0.1 dB.");

    private static final int[] QUALITIES = {5, 25, 50, 75, 90, 95, 100};
    private static final int[][] SIZES = {{1, 1}, {7, 9}, {17, 13}, {33, 31}, {64, 48}, {255, 97}, {320, 240}};

    @AfterAll
    static void writeReport() {
        Report.write();
    }

    @Test
    void jdkReaderDecodesOurFilesToOurPixelsAtNoWorsePsnr() throws Exception {
        List<String> failures = new ArrayList<>();
        Map<String, Double> jdkPsnr = new HashMap<>();
        List<Double> margins = new ArrayList<>();
        int combo = 0;
        for (Subsampling sub : Subsampling.values()) {
            for (int q : QUALITIES) {
                for (int restart = 0; restart < 3; restart++) {
                    for (boolean optimize : new boolean[] {false, true}) {
                        int[] size = SIZES[combo++ % SIZES.length];
                        PixelFormat fmt = sub == Subsampling.GRAY ? PixelFormat.GRAY : PixelFormat.RGB;
                        PixelImage src = Pixels.synthetic(size[0], size[1], fmt, combo);
                        EncoderOptions opts = EncoderOptions.defaults().withQuality(q).withSubsampling(sub)
                                .withOptimizeHuffman(optimize);
                        opts = restart == 0 ? opts.withRestartRows(0) : restart == 1 ? opts.withRestartRows(1)
                                : opts.withRestartMcus(7);
                        String what = sub.label() + " q" + q + " " + opts.restartInterval() + " " + opts.restartUnit()
                                + (optimize ? " optimized" : "") + " " + size[0] + "x" + size[1];
                        byte[] jpeg = Codecs.encodeAllWays(src, opts, what);
                        PixelImage ours = Codecs.decodeAllWays(jpeg, DecoderOptions.defaults(), what);
                        PixelImage jdk = JdkJpeg.decode(jpeg);
                        int diff = Pixels.maxDiff(ours, jdk);
                        double psnr = Pixels.psnr(src, ours);
                        SECTION.psnr(psnr);
                        String key = sub + "/" + q + "/" + size[0] + "x" + size[1];
                        double floor = jdkPsnr.computeIfAbsent(key, k -> jdkPsnrOf(src, q, sub)) - 0.1;
                        if (Double.isFinite(psnr) && Double.isFinite(floor)) {
                            margins.add(psnr - floor - 0.1);
                        }
                        if (diff != 0) {
                            SECTION.differs(what, Math.max(0, diff), "JDK reader differs by " + diff);
                            failures.add(what + ": JDK reader differs by " + diff);
                        } else {
                            SECTION.exact();
                        }
                        if (psnr < floor) {
                            failures.add(String.format(java.util.Locale.ROOT, "%s: PSNR %.2f dB below JDK encoder's %.2f - 0.1",
                                    what, psnr, floor + 0.1));
                        }
                    }
                }
            }
        }
        margins.sort(null);
        if (!margins.isEmpty()) {
            SECTION.note(String.format(java.util.Locale.ROOT,
                    "PSNR of jpegmt minus PSNR of javax.imageio's encoder at the same quality, subsampling and size:"
                            + " min %+.3f dB, median %+.3f dB, max %+.3f dB over %d cases",
                    margins.get(0), margins.get(margins.size() / 2), margins.get(margins.size() - 1), margins.size()));
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    private static double jdkPsnrOf(PixelImage src, int q, Subsampling sub) {
        try {
            byte[] jpeg = JdkJpeg.encode(src, q, sub.lumaH(), sub.lumaV(), 0);
            return Pixels.psnr(src, JdkJpeg.decode(jpeg));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
