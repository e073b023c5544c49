package org.jpegmt.core.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.ArrayList;
import java.util.List;
import org.jpegmt.core.DecoderOptions;
import org.jpegmt.core.EncoderOptions;
import org.jpegmt.core.JpegDecoder;
import org.jpegmt.core.JpegEncoder;
import org.jpegmt.core.JpegInfo;
import org.jpegmt.core.Subsampling;
import org.jpegmt.core.internal.LosslessTransform.Kind;
import org.jpegmt.core.internal.TranscodeJob.Copy;
import org.jpegmt.core.internal.TranscodeJob.Settings;
import org.jpegmt.core.internal.TranscodeJpegtranTest.Case;
import org.jpegmt.core.internal.TranscodeJpegtranTest.Source;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The lossless transforms equal jpegtran's bytes, with and without {@code -trim}, in every
 * sampling and at odd sizes (partial edge MCUs, images smaller than one MCU), and the Exif
 * width/height rewrite of {@code -copy all} does too. Skipped, with a printed line, without
 * libjpeg-turbo-progs.
 */
class TranscodeTransformTest {
    private static final Settings T = Settings.JPEGTRAN;

    @BeforeAll
    static void tools() {
        Jpegtran.requireTools("jpegtran transform tests");
    }

    @Test
    void everyTransformWithAndWithoutTrim() throws Exception {
        List<Source> sources = new ArrayList<>();
        int[][] sizes = {{1, 1}, {7, 9}, {17, 13}, {31, 33}, {100, 37}, {333, 257}, {16, 16}, {48, 8}};
        for (int[] wh : sizes) {
            for (Subsampling s : Subsampling.values()) {
                var img = s == Subsampling.GRAY ? EncoderTestImages.gray(wh[0], wh[1], wh[1] * 5 + wh[0])
                        : EncoderTestImages.rgb(wh[0], wh[1], wh[1] * 5 + wh[0]);
                EncoderOptions o = EncoderOptions.defaults().withSubsampling(s).withQuality(80);
                sources.add(new Source(wh[0] + "x" + wh[1] + " " + s.label(), new JpegEncoder(o).encode(img)));
            }
        }
        sources.addAll(TranscodeJpegtranTest.cjpegSources());
        List<Case> cases = new ArrayList<>();
        for (Source s : sources) {
            for (Kind k : Kind.values()) {
                if (k != Kind.NONE) {
                    cases.add(new Case(s, T.withTransform(k, false)));
                    cases.add(new Case(s, T.withTransform(k, true).withRestartRows(1)));
                }
            }
        }
        TranscodeJpegtranTest.check(cases);
    }

    @Test
    void exifSizeRewrittenWhenExifComesFirst() throws Exception {
        byte[] base = new JpegEncoder(EncoderOptions.defaults()).encode(EncoderTestImages.rgb(333, 257, 4));
        List<Source> sources = new ArrayList<>();
        for (boolean big : new boolean[] {true, false}) {
            byte[] exif = MetadataSamples.exif(333, 257, 6, big);
            sources.add(new Source("exif first " + (big ? "MM" : "II"), Jpegtran.withSegments(base, true, 0xE1, exif)));
            sources.add(new Source("JFIF before exif " + (big ? "MM" : "II"),
                    Jpegtran.withSegments(base, false, 0xE1, exif)));
        }
        List<Case> cases = new ArrayList<>();
        for (Source s : sources) {
            for (Kind k : new Kind[] {Kind.ROTATE_90, Kind.ROTATE_180, Kind.TRANSPOSE, Kind.FLIP_HORIZONTAL}) {
                for (boolean trim : new boolean[] {false, true}) {
                    cases.add(new Case(s, T.withCopy(Copy.ALL).withTransform(k, trim)));
                }
            }
        }
        TranscodeJpegtranTest.check(cases);
        // and the rewrite happened: PixelXDimension, a SHORT of 333 in the source, is a LONG of 256 (rotated and trimmed: 256x333)
        byte[] rotated = Jpegtran.ours(sources.get(0).jpeg(), T.withCopy(Copy.ALL).withTransform(Kind.ROTATE_90, true));
        byte[] entry = {(byte) 0xA0, 2, 0, 4, 0, 0, 0, 1, 0, 0, 1, 0};
        assertEquals(true, indexOf(rotated, entry) > 0, "PixelXDimension LONG 256 in the rotated file's Exif");
        assertEquals(-1, indexOf(sources.get(0).jpeg(), entry));
    }

    private static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** The sizes the issue quotes for a 333x257 4:2:0 image, from our own output's header. */
    @Test
    void trimmedSizesOf333x257() throws Exception {
        byte[] src = new JpegEncoder(EncoderOptions.defaults()).encode(EncoderTestImages.rgb(333, 257, 2));
        Object[][] expected = {{Kind.ROTATE_90, 256, 333}, {Kind.ROTATE_270, 257, 320}, {Kind.FLIP_HORIZONTAL, 320, 257},
            {Kind.FLIP_VERTICAL, 333, 256}, {Kind.ROTATE_180, 320, 256}, {Kind.TRANSVERSE, 256, 320},
            {Kind.TRANSPOSE, 257, 333}};
        for (Object[] e : expected) {
            JpegInfo info = new JpegDecoder().readInfo(Jpegtran.ours(src, T.withTransform((Kind) e[0], true)));
            assertEquals(e[1], info.width(), e[0] + " width");
            assertEquals(e[2], info.height(), e[0] + " height");
        }
    }

    /** Four quarter turns give the source's coefficients back, and one does not. */
    @Test
    void fourRotationsAreTheIdentity() throws Exception {
        byte[] src = new JpegEncoder(EncoderOptions.defaults().withSubsampling(Subsampling.S422))
                .encode(EncoderTestImages.rgb(64, 48, 6));
        byte[] first = Jpegtran.ours(src, T.withTransform(Kind.ROTATE_90, false));
        byte[] x = first;
        for (int i = 1; i < 4; i++) {
            x = Jpegtran.ours(x, T.withTransform(Kind.ROTATE_90, false));
        }
        assertArrayEquals(Jpegtran.ours(src, T), x);
        assertNotEquals(new JpegDecoder().readInfo(first).width(), new JpegDecoder().readInfo(src).width());
    }
}
