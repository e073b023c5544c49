package org.jpegmt.core.internal;

import org.jpegmt.core.JpegDecoder;
import org.jpegmt.core.PixelImage;
import org.jpegmt.core.JpegInfo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Files written by javax.imageio decode to exactly the samples javax.imageio's own (libjpeg)
 * reader gives: accurate integer IDCT, fancy 4:2:0 / 4:2:2 upsampling, libjpeg's colour
 * conversion, restart markers.
 */
class ImageIoDecodeTest {

    @ParameterizedTest(name = "{0}x{1} gray={2} {3}x{4} q={5} restart={6}")
    @CsvSource({
        "64, 48, false, 2, 2, 0.9, 0",
        "333, 257, false, 2, 2, 0.75, 0",
        "17, 13, false, 2, 2, 0.5, 0",
        "1, 1, false, 2, 2, 0.9, 0",
        "2, 9, false, 2, 2, 0.9, 0",
        "100, 37, false, 1, 1, 0.9, 0",
        "31, 33, false, 1, 1, 1.0, 0",
        "121, 67, false, 2, 1, 0.8, 0",
        "7, 5, false, 2, 1, 0.8, 0",
        "129, 65, true, 1, 1, 0.85, 0",
        "15, 1, true, 1, 1, 0.85, 0",
        "200, 120, false, 2, 2, 0.9, 1",
        "200, 120, false, 2, 2, 0.9, 7",
        "200, 120, false, 1, 1, 0.6, 25",
        "99, 61, true, 1, 1, 0.9, 13",
    })
    void decodeEqualsTheJdkDecoder(int w, int h, boolean gray, int hs, int vs, float q, int restart)
            throws Exception {
        byte[] jpeg = Fixtures.encode(Fixtures.picture(w, h, gray, w * 31L + h), q, hs, vs, restart, false);
        PixelImage expected = Fixtures.imageIoDecode(jpeg);
        PixelImage got = new JpegDecoder().decode(jpeg);
        assertEquals(expected.format(), got.format());
        assertEquals(expected.width(), got.width());
        assertEquals(expected.height(), got.height());
        assertArrayEquals(expected.data(), got.data());
        JpegInfo info = new JpegDecoder().readInfo(jpeg);
        assertEquals(restart, info.restartInterval());
    }
}
