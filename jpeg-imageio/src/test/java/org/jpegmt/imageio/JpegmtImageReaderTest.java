package org.jpegmt.imageio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import javax.imageio.IIOException;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.spi.IIORegistry;
import javax.imageio.spi.ImageReaderSpi;
import javax.imageio.stream.ImageInputStream;
import org.jpegmt.core.EncoderOptions;
import org.jpegmt.core.JpegInfo;
import org.jpegmt.core.Subsampling;
import org.junit.jupiter.api.Test;

/** The ImageIO reader contract for jpegmt's reader, plus what is specific to it. */
class JpegmtImageReaderTest extends ImageReaderContractTest {
    private static List<TestFile> files;

    @Override
    protected ImageReaderSpi provider() {
        return new JpegmtImageReaderSpi();
    }

    @Override
    protected synchronized List<TestFile> testFiles() throws IOException {
        if (files == null) {
            EncoderOptions d = EncoderOptions.defaults();
            files = List.of(
                    file("rgb 67x45 4:2:0 q75", TestImages.rgb(67, 45), d),
                    file("rgb 40x33 4:4:4 q90 restart 3 MCUs", TestImages.rgb(40, 33),
                            d.withQuality(90).withSubsampling(Subsampling.S444).withRestartMcus(3)),
                    file("rgb 50x20 4:2:2 optimized, no restarts", TestImages.rgb(50, 20),
                            d.withSubsampling(Subsampling.S422).withOptimizeHuffman(true).withRestartRows(0)),
                    file("gray 37x41", TestImages.gray(37, 41), d.withQuality(85)),
                    file("progressive rgb 45x31 4:2:0", Fixtures.progressive(TestImages.rgb(45, 31), 2, 2)),
                    file("progressive gray 30x22", Fixtures.progressive(TestImages.gray(30, 22), 1, 1)));
        }
        return files;
    }

    private static TestFile file(String name, BufferedImage img, EncoderOptions options) throws IOException {
        return file(name, TestImages.encode(img, options));
    }

    private static TestFile file(String name, byte[] jpeg) throws IOException {
        return new TestFile(name, jpeg, TestImages.decode(jpeg));
    }

    /** Cut off inside the scan: the lenient decoder warns "Premature end of JPEG file". */
    @Override
    protected byte[] damagedFile() throws IOException {
        byte[] whole = testFiles().get(0).bytes();
        return Arrays.copyOf(whole, whole.length * 2 / 3);
    }

    @Override
    protected List<byte[]> declinedFiles() throws IOException {
        return List.of(sofOnly(0xC9, 8), sofOnly(0xCA, 8), sofOnly(0xC3, 8), sofOnly(0xC1, 12), sofOnly(0xC2, 12));
    }

    /** SOI and a frame header of the given type and precision: enough for canDecodeInput. */
    private static byte[] sofOnly(int marker, int precision) {
        return new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 4, 'J', 'F',
            (byte) 0xFF, (byte) marker, 0, 11, (byte) precision, 0, 16, 0, 16, 1, 1, 0x11, 0,
            (byte) 0xFF, (byte) 0xD9};
    }

    // ---- registration and ordering

    @Test
    void imageIoPrefersJpegmtForEveryNameSuffixAndMimeType() {
        assertInstanceOf(JpegmtImageReader.class, ImageIO.getImageReadersByFormatName("jpeg").next());
        assertInstanceOf(JpegmtImageReader.class, ImageIO.getImageReadersByFormatName("JPG").next());
        assertInstanceOf(JpegmtImageReader.class, ImageIO.getImageReadersByFormatName("jpegmt").next());
        assertInstanceOf(JpegmtImageReader.class, ImageIO.getImageReadersBySuffix("jpg").next());
        assertInstanceOf(JpegmtImageReader.class, ImageIO.getImageReadersByMIMEType("image/jpeg").next());
        assertInstanceOf(JpegmtImageWriter.class, ImageIO.getImageWritersByFormatName("jpeg").next());
        assertInstanceOf(JpegmtImageWriter.class, ImageIO.getImageWritersBySuffix("jpeg").next());
        assertInstanceOf(JpegmtImageWriter.class, ImageIO.getImageWritersByMIMEType("image/jpeg").next());
        assertTrue(JpegmtImageIO.isRegistered(), "found through META-INF/services");
    }

    @Test
    void registerIsIdempotentAndReRegistrationKeepsTheOrder() {
        IIORegistry registry = IIORegistry.getDefaultInstance();
        JpegmtImageReaderSpi before = registry.getServiceProviderByClass(JpegmtImageReaderSpi.class);
        JpegmtImageIO.register();
        assertTrue(before == registry.getServiceProviderByClass(JpegmtImageReaderSpi.class), "same provider kept");
        try {
            JpegmtImageIO.deregister();
            assertFalse(JpegmtImageIO.isRegistered());
            assertFalse(ImageIO.getImageReadersByFormatName("jpeg").next() instanceof JpegmtImageReader,
                    "the JDK reader serves when jpegmt is deregistered");
            assertFalse(ImageIO.getImageReadersByFormatName("jpegmt").hasNext());
        } finally {
            JpegmtImageIO.register();
        }
        assertTrue(JpegmtImageIO.isRegistered());
        assertInstanceOf(JpegmtImageReader.class, ImageIO.getImageReadersByFormatName("jpeg").next());
        assertInstanceOf(JpegmtImageWriter.class, ImageIO.getImageWritersByFormatName("jpeg").next());
    }

    // ---- progressive files

    /**
     * Progressive files (JDK writer, several samplings, grey, odd sizes) are claimed by
     * jpegmt's provider, picked first by ImageIO, and read as jpeg-core decodes them (which the
     * conformance tests hold equal to djpeg); the JDK reader gives the same samples for them.
     */
    @Test
    void progressiveFilesAreReadByJpegmt() throws IOException {
        for (Map.Entry<String, byte[]> f : Fixtures.progressiveFiles().entrySet()) {
            String what = f.getKey();
            byte[] prog = f.getValue();
            BufferedImage expected = TestImages.decode(prog);
            try (ImageInputStream in = TestImages.stream(prog)) {
                assertTrue(provider().canDecodeInput(in), what);
                assertInstanceOf(JpegmtImageReader.class, ImageIO.getImageReaders(in).next(), what);
            }
            JpegmtImageReader reader = (JpegmtImageReader) newReader();
            try (ImageInputStream in = TestImages.stream(prog)) {
                reader.setInput(in);
                JpegInfo info = reader.getJpegInfo(0);
                assertEquals(0xC2, info.sofMarker(), what);
                assertEquals(what.substring(0, what.indexOf(' ')), info.subsampling(), what);
                BufferedImage ours = reader.read(0);
                TestImages.assertSamplesEqual(expected, ours, what + ": as jpeg-core decodes it");
                TestImages.assertSamplesEqual(JdkReader.read(prog), ours, what + ": as the JDK reader reads it");
                JpegmtImageReadParam p = (JpegmtImageReadParam) reader.getDefaultReadParam();
                p.setThreads(2);
                TestImages.assertSamplesEqual(expected, reader.read(0, p), what + ": 2 threads");
            } finally {
                reader.dispose();
            }
            TestImages.assertSamplesEqual(expected, ImageIO.read(new ByteArrayInputStream(prog)), what + ": ImageIO.read");
        }
    }

    @Test
    void progressiveFilesHonourThePixelLimitAndRegions() throws IOException {
        byte[] prog = Fixtures.progressiveFiles().get("4:2:0 129x67");
        JpegmtImageReadParam p = new JpegmtImageReadParam();
        p.setMaxPixels(129L * 67 - 1);
        IIOException e = assertThrows(IIOException.class, () -> read(prog, p));
        assertTrue(e.getMessage().contains("limit"), e.getMessage());
        JpegmtImageReadParam q = new JpegmtImageReadParam();
        q.setSourceRegion(new java.awt.Rectangle(5, 3, 100, 60));
        q.setSourceSubsampling(3, 2, 1, 0);
        TestImages.assertSamplesEqual(TestImages.crop(TestImages.decode(prog), 6, 3, 99, 60, 3, 2), read(prog, q),
                "region and subsampling");
    }

    /** A progressive file cut inside a later scan: decoded with a warning, as jpeg-core does. */
    @Test
    void truncatedProgressiveFileWarns() throws IOException {
        byte[] whole = Fixtures.progressiveFiles().get("4:2:0 129x67");
        List<Integer> scans = Fixtures.scanOffsets(whole);
        byte[] cut = Arrays.copyOf(whole, scans.get(scans.size() / 2) + 40);
        List<String> warnings = new ArrayList<>();
        JpegmtImageReader reader = (JpegmtImageReader) newReader();
        reader.addIIOReadWarningListener((source, message) -> warnings.add(message));
        try (ImageInputStream in = TestImages.stream(cut)) {
            reader.setInput(in);
            TestImages.assertSamplesEqual(TestImages.decode(cut), reader.read(0), "truncated");
        } finally {
            reader.dispose();
        }
        assertFalse(warnings.isEmpty(), "a warning for the truncated file");
        JpegmtImageReadParam strict = new JpegmtImageReadParam();
        strict.setStrict(true);
        assertThrows(IIOException.class, () -> read(cut, strict));
    }

    @Test
    void notJpegAtAllIsAnIioException() throws IOException {
        ImageReader reader = newReader();
        try (ImageInputStream in = TestImages.stream("GIF89a....".getBytes(java.nio.charset.StandardCharsets.US_ASCII))) {
            reader.setInput(in);
            assertThrows(IIOException.class, () -> reader.getWidth(0));
        }
    }

    // ---- jpegmt parameters

    @Test
    void parallelDecodingGivesTheSamePixels() throws IOException {
        byte[] jpeg = TestImages.encode(TestImages.rgb(400, 300), EncoderOptions.defaults().withQuality(90));
        BufferedImage serial = read(jpeg, null);
        for (int threads : new int[] {2, 4}) {
            JpegmtImageReadParam p = (JpegmtImageReadParam) newReader().getDefaultReadParam();
            p.setThreads(threads);
            TestImages.assertSamplesEqual(serial, read(jpeg, p), threads + " threads");
            p.setSourceSubsampling(3, 3, 1, 1);
            TestImages.assertSamplesEqual(TestImages.crop(serial, 1, 1, 399, 299, 3, 3), read(jpeg, p),
                    threads + " threads, subsampled");
        }
        assertThrows(IllegalArgumentException.class, () -> new JpegmtImageReadParam().setThreads(0));
    }

    @Test
    void strictModeTurnsWarningsIntoErrors() throws IOException {
        JpegmtImageReadParam p = new JpegmtImageReadParam();
        p.setStrict(true);
        assertThrows(IIOException.class, () -> read(damagedFile(), p));
        p.setStrict(false);
        assertNotNull(read(damagedFile(), p));
    }

    @Test
    void pixelLimitRefusesBeforeDecoding() throws IOException {
        TestFile f = testFiles().get(0);
        JpegmtImageReadParam p = new JpegmtImageReadParam();
        p.setMaxPixels(67L * 45 - 1);
        IIOException e = assertThrows(IIOException.class, () -> read(f.bytes(), p));
        assertTrue(e.getMessage().contains("limit"), e.getMessage());
        p.setMaxPixels(67L * 45);
        TestImages.assertSamplesEqual(f.expected(), read(f.bytes(), p), "at the limit");
    }

    @Test
    void sourceBandIntoAGreyDestination() throws IOException {
        TestFile f = testFiles().get(0);
        BufferedImage green = new BufferedImage(67, 45, BufferedImage.TYPE_BYTE_GRAY);
        JpegmtImageReadParam p = new JpegmtImageReadParam();
        p.setDestination(green);
        p.setSourceBands(new int[] {1});
        p.setDestinationBands(new int[] {0});
        read(f.bytes(), p);
        for (int y = 0; y < 45; y += 11) {
            for (int x = 0; x < 67; x += 13) {
                assertEquals(f.expected().getRaster().getSample(x, y, 1), green.getRaster().getSample(x, y, 0));
            }
        }
    }

    @Test
    void jpegInfoComesFromTheHeaders() throws IOException {
        ImageReader reader = newReader();
        try (ImageInputStream in = TestImages.stream(testFiles().get(1).bytes())) {
            reader.setInput(in);
            JpegInfo info = ((JpegmtImageReader) reader).getJpegInfo(0);
            assertEquals("4:4:4", info.subsampling());
            assertEquals(3, info.restartInterval());
            assertEquals(0xC0, info.sofMarker());
        }
        assertInstanceOf(JpegmtImageReadParam.class, reader.getDefaultReadParam());
    }
}
