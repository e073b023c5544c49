package org.jpegmt.conformance;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.jpegmt.core.DecoderOptions;
import org.jpegmt.core.PixelFormat;
import org.jpegmt.core.PixelImage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Direction 2, javax.imageio -> jpegmt: files the JDK's writer makes (its default 4:2:0,
 * 4:2:2 and 4:4:4 through the native metadata, greyscale, with and without a DRI set through the
 * metadata tree) decode in jpegmt, with 1 thread and several, exactly to what the JDK reader gives.
 */
class ImageIoToOursTest {
    private static final Report.Section SECTION = Report.section("javax.imageio -> jpegmt",
            "The JDK writer encodes (4:2:0, 4:2:2, 4:4:4, grey; DRI off, 1, 4 and 7 MCUs); jpegmt must decode "
                    + "exactly what the JDK reader decodes.");

    private static final int[][] SIZES = {{1, 1}, {8, 8}, {15, 9}, {33, 17}, {100, 75}, {257, 130}, {640, 360}};

    @AfterAll
    static void writeReport() {
        Report.write();
    }

    @Test
    void jpegmtDecodesJdkFilesExactlyAsTheJdkDoes() throws Exception {
        List<String> failures = new ArrayList<>();
        int[][] samplings = {{2, 2}, {2, 1}, {1, 1}, {0, 0}};
        int n = 0;
        for (int[] s : samplings) {
            for (int dri : new int[] {0, 1, 4, 7}) {
                for (int q : new int[] {30, 75, 95}) {
                    int[] size = SIZES[n++ % SIZES.length];
                    boolean gray = s[0] == 0;
                    PixelImage src = Pixels.synthetic(size[0], size[1], gray ? PixelFormat.GRAY : PixelFormat.RGB, n);
                    byte[] jpeg = JdkJpeg.encode(src, q, gray ? 1 : s[0], gray ? 1 : s[1], dri);
                    String what = (gray ? "gray" : s[0] + "x" + s[1]) + " dri=" + dri + " q" + q + " " + size[0] + "x" + size[1];
                    PixelImage jdk = JdkJpeg.decode(jpeg);
                    PixelImage ours = Codecs.decodeAllWays(jpeg, DecoderOptions.defaults().withStrict(true), what);
                    int diff = Pixels.maxDiff(ours, jdk);
                    if (!SECTION.record(what, diff)) {
                        failures.add(what + ": max difference " + diff);
                    }
                }
            }
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }
}
