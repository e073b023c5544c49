package org.jpegmt.imageio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.awt.image.DataBuffer;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.imageio.IIOException;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.event.IIOWriteProgressListener;
import javax.imageio.event.IIOWriteWarningListener;
import javax.imageio.plugins.jpeg.JPEGImageWriteParam;
import javax.imageio.spi.IIORegistry;
import javax.imageio.spi.ImageReaderSpi;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;
import org.jpegmt.core.awt.BufferedImages;
import org.jpegmt.core.EncoderOptions;
import org.jpegmt.core.JpegDecoder;
import org.jpegmt.core.JpegInfo;
import org.jpegmt.core.Subsampling;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The jpegmt ImageIO writer: parameters, listeners, and round trips through the JDK reader. */
class JpegmtImageWriterTest {
    private static final BufferedImage IMAGE = TestImages.rgb(96, 72);

    private static JpegmtImageWriter writer() {
        return (JpegmtImageWriter) new JpegmtImageWriterSpi().createWriterInstance(null);
    }

    private static JpegmtImageWriteParam param() {
        JpegmtImageWriteParam p = (JpegmtImageWriteParam) writer().getDefaultWriteParam();
        p.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        return p;
    }

    static byte[] write(ImageWriter w, BufferedImage img, ImageWriteParam p) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ImageOutputStream ios = ImageIO.createImageOutputStream(out)) {
            w.setOutput(ios);
            w.write(null, new IIOImage(img, null, null), p);
        }
        return out.toByteArray();
    }

    private static byte[] write(BufferedImage img, ImageWriteParam p) throws IOException {
        JpegmtImageWriter w = writer();
        try {
            return write(w, img, p);
        } finally {
            w.dispose();
        }
    }

    private static JpegInfo info(byte[] jpeg) throws IOException {
        return new JpegDecoder().readInfo(jpeg);
    }

    // ---- what ImageIO.write produces

    @Test
    void imageIoWriteGivesJpegmtsDefaultEncoding(@TempDir Path dir) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertTrue(ImageIO.write(IMAGE, "jpeg", out));
        byte[] expected = TestImages.encode(IMAGE, EncoderOptions.defaults());
        assertArrayEquals(expected, out.toByteArray(), "ImageIO.write = JpegEncoder with defaults");
        Path file = dir.resolve("out.jpg");
        assertTrue(ImageIO.write(IMAGE, "jpg", file.toFile()));
        assertArrayEquals(expected, Files.readAllBytes(file), "ImageIO.write(File)");
        assertEquals(6, info(expected).restartInterval(), "one restart per MCU row: 96 px wide 4:2:0 has 6 MCUs a row");
    }

    @Test
    void greyImagesAreWrittenWithOneComponent() throws IOException {
        byte[] jpeg = write(TestImages.gray(40, 30), null);
        assertEquals(1, info(jpeg).components().size());
    }

    // ---- quality

    @Test
    void qualityMapsToIjgQualityAndChangesTheFile() throws IOException {
        JpegmtImageWriteParam p = param();
        p.setCompressionQuality(0.5f);
        byte[] q50 = write(IMAGE, p);
        p.setCompressionQuality(0.9f);
        byte[] q90 = write(IMAGE, p);
        assertFalse(Arrays.equals(q50, q90));
        assertTrue(q50.length < q90.length, "lower quality, smaller file");
        assertArrayEquals(TestImages.encode(IMAGE, EncoderOptions.defaults().withQuality(50)), q50);
        assertArrayEquals(TestImages.encode(IMAGE, EncoderOptions.defaults().withQuality(90)), q90);

        assertEquals(1, JpegmtImageWriteParam.ijgQuality(0f));
        assertEquals(1, JpegmtImageWriteParam.ijgQuality(0.004f));
        assertEquals(75, JpegmtImageWriteParam.ijgQuality(0.75f));
        assertEquals(76, JpegmtImageWriteParam.ijgQuality(0.755f));
        assertEquals(100, JpegmtImageWriteParam.ijgQuality(1f));
    }

    @Test
    void withoutExplicitModeTheQualityIs75() throws IOException {
        JpegmtImageWriteParam p = (JpegmtImageWriteParam) writer().getDefaultWriteParam();
        assertArrayEquals(TestImages.encode(IMAGE, EncoderOptions.defaults()), write(IMAGE, p));
    }

    @Test
    void aPlainJpegImageWriteParamWorks() throws IOException {
        JPEGImageWriteParam p = new JPEGImageWriteParam(null);
        p.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        p.setCompressionQuality(0.9f);
        p.setOptimizeHuffmanTables(true);
        assertArrayEquals(TestImages.encode(IMAGE, EncoderOptions.defaults().withQuality(90).withOptimizeHuffman(true)),
                write(IMAGE, p));
    }

    // ---- jpegmt parameters

    @Test
    void subsamplingShowsUpInTheHeaders() throws IOException {
        JpegmtImageWriteParam p = param();
        for (Subsampling s : new Subsampling[] {Subsampling.S444, Subsampling.S422, Subsampling.S420}) {
            p.setSubsampling(s);
            assertEquals(s.label(), info(write(IMAGE, p)).subsampling());
        }
        p.setSubsampling(Subsampling.GRAY);
        assertEquals(1, info(write(IMAGE, p)).components().size());
    }

    @Test
    void restartIntervalShowsUpInTheHeaders() throws IOException {
        JpegmtImageWriteParam p = param();
        p.setRestartMcus(7);
        assertEquals(7, info(write(IMAGE, p)).restartInterval());
        p.setSubsampling(Subsampling.S444);
        p.setRestartRows(2);
        assertEquals(2 * 12, info(write(IMAGE, p)).restartInterval(), "2 rows of 12 MCUs (96 px, 8x8 MCUs)");
        p.setRestartRows(0);
        assertEquals(0, info(write(IMAGE, p)).restartInterval());
        assertThrows(IllegalArgumentException.class, () -> p.setRestartMcus(65536));
        assertThrows(IllegalArgumentException.class, () -> p.setRestartRows(-1));
    }

    @Test
    void optimizedTablesMakeASmallerFileWithTheSamePixels() throws IOException {
        JpegmtImageWriteParam p = param();
        p.setCompressionQuality(0.8f);
        byte[] standard = write(IMAGE, p);
        p.setOptimizeHuffmanTables(true);
        byte[] optimized = write(IMAGE, p);
        assertTrue(optimized.length < standard.length, optimized.length + " < " + standard.length);
        TestImages.assertSamplesEqual(TestImages.decode(standard), TestImages.decode(optimized), "optimized tables");
    }

    @Test
    void threadsDoNotChangeTheBytes() throws IOException {
        BufferedImage big = TestImages.rgb(400, 300);
        JpegmtImageWriteParam p = param();
        p.setCompressionQuality(0.85f);
        p.setOptimizeHuffmanTables(true);
        byte[] serial = write(big, p);
        p.setThreads(4);
        assertArrayEquals(serial, write(big, p));
        assertThrows(IllegalArgumentException.class, () -> p.setThreads(0));
    }

    /** As the README says: progressive mode is accepted and ignored with a warning, the file is baseline. */
    @Test
    void progressiveModeIsIgnoredWithAWarning() throws IOException {
        for (int mode : new int[] {ImageWriteParam.MODE_DEFAULT}) {
            JpegmtImageWriteParam p = param();
            p.setProgressiveMode(mode);
            JpegmtImageWriter w = writer();
            Recorder rec = new Recorder();
            w.addIIOWriteWarningListener(rec);
            byte[] jpeg = write(w, IMAGE, p);
            assertArrayEquals(write(IMAGE, param()), jpeg, "mode " + mode);
            assertEquals(0xC0, info(jpeg).sofMarker());
            assertTrue(rec.warnings.stream().anyMatch(m -> m.contains("progressive")), rec.warnings.toString());
        }
        JpegmtImageWriteParam p = param();
        p.setProgressiveMode(ImageWriteParam.MODE_DISABLED);
        JpegmtImageWriter w = writer();
        Recorder rec = new Recorder();
        w.addIIOWriteWarningListener(rec);
        write(w, IMAGE, p);
        assertTrue(rec.warnings.isEmpty(), rec.warnings.toString());
    }

    @Test
    void sourceRegionAndSubsampling() throws IOException {
        JpegmtImageWriteParam p = param();
        p.setSourceRegion(new Rectangle(10, 6, 50, 40));
        p.setSourceSubsampling(2, 3, 1, 0);
        byte[] jpeg = write(IMAGE, p);
        BufferedImage part = TestImages.crop(TestImages.rgb(96, 72), 11, 6, 49, 40, 2, 3);
        assertArrayEquals(TestImages.encode(part, EncoderOptions.defaults()), jpeg);
        assertEquals(25, info(jpeg).width());
        assertEquals(14, info(jpeg).height());
    }

    // ---- the JDK reader reads what the plugin writes

    @Test
    void roundTripThroughTheJdkReader() throws IOException {
        JpegmtImageWriteParam p = param();
        p.setCompressionQuality(0.9f);
        for (Subsampling s : new Subsampling[] {Subsampling.S444, Subsampling.S422, Subsampling.S420}) {
            p.setSubsampling(s);
            p.setRestartMcus(5);
            byte[] jpeg = write(IMAGE, p);
            BufferedImage jdk = readWithJdk(jpeg);
            TestImages.assertSamplesEqual(TestImages.decode(jpeg), jdk, "JDK reader, " + s.label());
            assertTrue(meanAbsoluteError(IMAGE, jdk) < 4, "close to the source, " + s.label());
        }
        byte[] grey = write(TestImages.gray(33, 17), p);
        TestImages.assertSamplesEqual(TestImages.decode(grey), readWithJdk(grey), "JDK reader, grey");
    }

    static BufferedImage readWithJdk(byte[] jpeg) throws IOException {
        for (var it = IIORegistry.getDefaultInstance().getServiceProviders(ImageReaderSpi.class, true); it.hasNext();) {
            ImageReaderSpi spi = it.next();
            if (spi.getPluginClassName().equals("com.sun.imageio.plugins.jpeg.JPEGImageReader")) {
                ImageReader r = spi.createReaderInstance();
                try (ImageInputStream in = TestImages.stream(jpeg)) {
                    r.setInput(in);
                    return r.read(0);
                } finally {
                    r.dispose();
                }
            }
        }
        throw new IllegalStateException("JDK JPEG reader not registered");
    }

    private static double meanAbsoluteError(BufferedImage a, BufferedImage b) {
        long sum = 0;
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                int p = a.getRGB(x, y);
                int q = b.getRGB(x, y);
                for (int shift = 0; shift < 24; shift += 8) {
                    sum += Math.abs(((p >> shift) & 0xFF) - ((q >> shift) & 0xFF));
                }
            }
        }
        return sum / (3.0 * a.getWidth() * a.getHeight());
    }

    // ---- provider, listeners, abort, errors

    @Test
    void providerAcceptsGreyAndRgbWithoutAlpha() {
        JpegmtImageWriterSpi spi = new JpegmtImageWriterSpi();
        for (int type : new int[] {BufferedImage.TYPE_INT_RGB, BufferedImage.TYPE_3BYTE_BGR, BufferedImage.TYPE_BYTE_GRAY,
            BufferedImage.TYPE_INT_BGR, BufferedImage.TYPE_BYTE_INDEXED, BufferedImage.TYPE_USHORT_GRAY}) {
            assertTrue(spi.canEncodeImage(ImageTypeSpecifier.createFromBufferedImageType(type)), "type " + type);
        }
        assertFalse(spi.canEncodeImage(ImageTypeSpecifier.createFromBufferedImageType(BufferedImage.TYPE_INT_ARGB)));
    }

    @Test
    void imageIoWriteOfAlphaImagesReturnsFalseAsWithTheJdkAlone() throws IOException {
        BufferedImage argb = new BufferedImage(8, 8, BufferedImage.TYPE_INT_ARGB);
        assertFalse(ImageIO.write(argb, "jpeg", new ByteArrayOutputStream()));
    }

    @Test
    void writerIsCreatedByItsProvider() {
        JpegmtImageWriterSpi spi = new JpegmtImageWriterSpi();
        assertInstanceOf(JpegmtImageWriter.class, spi.createWriterInstance(null));
        assertTrue(spi.isOwnWriter(spi.createWriterInstance(null)));
    }

    /** Records listener calls. */
    static final class Recorder implements IIOWriteProgressListener, IIOWriteWarningListener {
        final List<String> events = new ArrayList<>();
        final List<String> warnings = new ArrayList<>();
        boolean abortOnStart;

        @Override public void imageStarted(ImageWriter source, int imageIndex) {
            events.add("started");
            if (abortOnStart) {
                source.abort();
            }
        }
        @Override public void imageProgress(ImageWriter source, float percentageDone) {
        }
        @Override public void imageComplete(ImageWriter source) {
            events.add("complete");
        }
        @Override public void thumbnailStarted(ImageWriter source, int imageIndex, int thumbnailIndex) {
        }
        @Override public void thumbnailProgress(ImageWriter source, float percentageDone) {
        }
        @Override public void thumbnailComplete(ImageWriter source) {
        }
        @Override public void writeAborted(ImageWriter source) {
            events.add("aborted");
        }
        @Override public void warningOccurred(ImageWriter source, int imageIndex, String warning) {
            warnings.add(warning);
        }
    }

    @Test
    void listenersAbortAndWarnings() throws IOException {
        JpegmtImageWriter w = writer();
        Recorder rec = new Recorder();
        w.addIIOWriteProgressListener(rec);
        w.addIIOWriteWarningListener(rec);
        write(w, IMAGE, null);
        assertEquals(List.of("started", "complete"), rec.events);
        assertTrue(rec.warnings.isEmpty());

        rec.events.clear();
        rec.abortOnStart = true;
        assertEquals(0, write(w, IMAGE, null).length, "an aborted write writes nothing");
        assertEquals(List.of("started", "aborted"), rec.events);

        rec.abortOnStart = false;
        BufferedImage argb = new BufferedImage(20, 10, BufferedImage.TYPE_INT_ARGB);
        byte[] jpeg = write(w, argb, null);
        assertTrue(rec.warnings.stream().anyMatch(s -> s.contains("alpha")), rec.warnings.toString());
        assertArrayEquals(TestImages.encode(argb, EncoderOptions.defaults()), jpeg);
        w.dispose();
    }

    @Test
    void thumbnailsAreLeftOutWithAWarning() throws IOException {
        JpegmtImageWriter w = writer();
        Recorder rec = new Recorder();
        w.addIIOWriteWarningListener(rec);
        assertEquals(0, w.getNumThumbnailsSupported(null, null, null, null));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ImageOutputStream ios = ImageIO.createImageOutputStream(out)) {
            w.setOutput(ios);
            w.write(new IIOImage(IMAGE, List.of(TestImages.rgb(8, 6)), null));
        }
        assertTrue(rec.warnings.stream().anyMatch(s -> s.contains("thumbnails")), rec.warnings.toString());
        assertArrayEquals(TestImages.encode(IMAGE, EncoderOptions.defaults()), out.toByteArray());
        w.dispose();
    }

    @Test
    void misuseIsRefusedClearly() throws IOException {
        JpegmtImageWriter w = writer();
        assertThrows(IllegalStateException.class, () -> w.write(IMAGE));
        try (ImageOutputStream ios = ImageIO.createImageOutputStream(new ByteArrayOutputStream())) {
            w.setOutput(ios);
            assertThrows(IllegalArgumentException.class, () -> w.write((IIOImage) null));
            WritableRaster five = Raster.createInterleavedRaster(DataBuffer.TYPE_BYTE, 8, 8, 5, null);
            assertThrows(IIOException.class, () -> w.write(new IIOImage(five, null, null)));
        }
        assertThrows(IllegalArgumentException.class, () -> w.setOutput("not a stream"));
        w.dispose();
    }

    @Test
    void pixelsOfTheWrittenFileMatchTheSource() throws IOException {
        byte[] jpeg = write(IMAGE, null);
        assertTrue(meanAbsoluteError(IMAGE, BufferedImages.toBufferedImage(new JpegDecoder().decode(jpeg))) < 6);
    }
}
