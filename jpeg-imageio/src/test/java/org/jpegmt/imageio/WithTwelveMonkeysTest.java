package org.jpegmt.imageio;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.stream.ImageInputStream;
import org.junit.jupiter.api.Test;

/**
 * The plugin order with TwelveMonkeys' JPEG plugin also on the class path (this class runs in
 * its own surefire execution, the only one whose class path has {@code imageio-jpeg}): other
 * plugins first, then jpegmt, then the JDK, for readers and writers alike, by name, suffix, MIME
 * type and stream, and unchanged by repeated {@code ImageIO.scanForPlugins()} and by
 * {@link JpegmtImageIO#register()} after {@link JpegmtImageIO#deregister()}.
 */
class WithTwelveMonkeysTest {
    private static final String TM_READER = "com.twelvemonkeys.imageio.plugins.jpeg.JPEGImageReader";
    private static final String TM_WRITER = "com.twelvemonkeys.imageio.plugins.jpeg.JPEGImageWriter";
    private static final String JDK_READER = "com.sun.imageio.plugins.jpeg.JPEGImageReader";
    private static final String JDK_WRITER = "com.sun.imageio.plugins.jpeg.JPEGImageWriter";
    private static final List<String> READERS = List.of(TM_READER, JpegmtProviderInfo.READER_CLASS, JDK_READER);
    private static final List<String> WRITERS = List.of(TM_WRITER, JpegmtProviderInfo.WRITER_CLASS, JDK_WRITER);

    private static List<String> names(Iterator<?> it) {
        List<String> out = new ArrayList<>();
        it.forEachRemaining(o -> out.add(o.getClass().getName()));
        return out;
    }

    private static void assertOrder(String when) throws Exception {
        assertEquals(READERS, names(ImageIO.getImageReadersByFormatName("jpeg")), when + ": readers by name");
        assertEquals(READERS, names(ImageIO.getImageReadersBySuffix("jpg")), when + ": readers by suffix");
        assertEquals(READERS, names(ImageIO.getImageReadersByMIMEType("image/jpeg")), when + ": readers by MIME type");
        assertEquals(WRITERS, names(ImageIO.getImageWritersByFormatName("jpeg")), when + ": writers by name");
        assertEquals(WRITERS, names(ImageIO.getImageWritersBySuffix("jpeg")), when + ": writers by suffix");
        try (ImageInputStream in = TestImages.stream(Fixtures.baseline420(16, 16))) {
            assertEquals(READERS, names(ImageIO.getImageReaders(in)), when + ": readers for a baseline stream");
        }
        assertEquals(List.of(JpegmtProviderInfo.READER_CLASS), names(ImageIO.getImageReadersByFormatName("jpegmt")),
                when + ": the jpegmt name selects jpegmt only");
    }

    @Test
    void otherPluginsThenJpegmtThenJdkStableAcrossRescans() throws Exception {
        assertOrder("first scan");
        for (int i = 1; i <= 25; i++) {
            ImageIO.scanForPlugins();
            assertOrder("after rescan " + i);
        }
        JpegmtImageIO.deregister();
        JpegmtImageIO.register();
        assertOrder("after deregister + register");
        ImageIO.scanForPlugins();
        assertOrder("after register + rescan");
    }
}
