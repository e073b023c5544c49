package org.jpegmt.imageio;

import com.twelvemonkeys.imageio.util.ImageReaderAbstractTest;
import java.awt.Dimension;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.spi.ImageReaderSpi;

/**
 * TwelveMonkeys' ImageIO reader contract ({@code ImageReaderAbstractTest} from the
 * {@code imageio-core} tests jar) run on jpegmt's reader, over files made here: baseline 4:2:0,
 * 4:4:4, grey, restart markers, odd sizes (33 x 17, 1 x 1, 7 x 200), an embedded ICC profile,
 * CMYK, YCCK, and progressive files (4:2:0, grey 13 x 29) written by the JDK's writer.
 */
class TwelveMonkeysReaderContractTest extends ImageReaderAbstractTest<JpegmtImageReader> {
    private static List<TestData> data;

    @Override
    protected ImageReaderSpi createProvider() {
        return new JpegmtImageReaderSpi();
    }

    @Override
    protected synchronized List<TestData> getTestData() {
        if (data == null) {
            try {
                File dir = Files.createTempDirectory("jpegmt-tm-reader").toFile();
                dir.deleteOnExit();
                data = new ArrayList<>();
                add(dir, "baseline420.jpg", Fixtures.baseline420(96, 72), 96, 72);
                add(dir, "baseline444.jpg", Fixtures.baseline444(64, 48), 64, 48);
                add(dir, "grey.jpg", Fixtures.grey(50, 40), 50, 40);
                add(dir, "restarts.jpg", Fixtures.restarts(80, 64), 80, 64);
                add(dir, "odd-33x17.jpg", Fixtures.baseline420(33, 17), 33, 17);
                add(dir, "odd-1x1.jpg", Fixtures.baseline420(1, 1), 1, 1);
                add(dir, "odd-7x200.jpg", Fixtures.baseline444(7, 200), 7, 200);
                add(dir, "icc.jpg", Fixtures.withProfile(Fixtures.baseline420(40, 32), Fixtures.linearRgb()), 40, 32);
                add(dir, "cmyk.jpg", Fixtures.fourComponents(Fixtures.cmykRaster(45, 30), 0), 45, 30);
                add(dir, "ycck.jpg", Fixtures.fourComponents(Fixtures.cmykRaster(30, 45), 2), 30, 45);
                add(dir, "progressive420.jpg", Fixtures.progressive(TestImages.rgb(72, 56), 2, 2), 72, 56);
                add(dir, "progressive-grey-13x29.jpg", Fixtures.progressive(TestImages.gray(13, 29), 1, 1), 13, 29);
                // a JFXX JPEG thumbnail, so that the thumbnail contract tests have one to read
                add(dir, "jfxx-thumbnail.jpg", Fixtures.insertAfterJfif(Fixtures.baseline420(64, 48), 0xE0,
                        Fixtures.jfxx(Thumbnails.JPEG, Fixtures.baseline420(16, 12))), 64, 48);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return data;
    }

    private static void add(File dir, String name, byte[] jpeg, int w, int h) throws IOException {
        File f = new File(dir, name);
        Files.write(f.toPath(), jpeg);
        f.deleteOnExit();
        data.add(new TestData(f, new Dimension(w, h)));
    }

    @Override
    protected List<String> getFormatNames() {
        return List.of(JpegmtProviderInfo.FORMAT_NAMES);
    }

    @Override
    protected List<String> getSuffixes() {
        return List.of(JpegmtProviderInfo.SUFFIXES);
    }

    @Override
    protected List<String> getMIMETypes() {
        return List.of(JpegmtProviderInfo.MIME_TYPES);
    }
}
