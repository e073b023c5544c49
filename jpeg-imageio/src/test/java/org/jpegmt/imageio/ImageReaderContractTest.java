package org.jpegmt.imageio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Point;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.event.IIOReadProgressListener;
import javax.imageio.event.IIOReadWarningListener;
import javax.imageio.spi.ImageReaderSpi;
import javax.imageio.stream.FileImageInputStream;
import javax.imageio.stream.ImageInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generic part of an ImageIO reader's contract, for any {@link ImageReaderSpi}: provider
 * answers, input handling, sizes and types, reading whole images, source regions, subsampling,
 * destinations, listeners (progress, warning), abort, reset and dispose, and the input kinds
 * ImageIO users pass ({@code ImageInputStream}, {@code File}, {@code InputStream}). A concrete
 * subclass supplies the provider, test files with their expected pixels, and optionally a
 * damaged file that must produce a warning.
 */
abstract class ImageReaderContractTest {
    /**
     * One test file.
     *
     * @param name for messages
     * @param bytes the encoded file
     * @param expected what a full read must return, sample for sample
     */
    record TestFile(String name, byte[] bytes, BufferedImage expected) {
    }

    /** @return a fresh provider of the reader under test */
    protected abstract ImageReaderSpi provider();

    /** @return files the reader decodes; the first should be at least 32x32 */
    protected abstract List<TestFile> testFiles() throws IOException;

    /** @return a file the reader reads with at least one warning, or null to skip that check */
    protected byte[] damagedFile() throws IOException {
        return null;
    }

    /** @return inputs the provider must decline (besides non-image bytes) */
    protected List<byte[]> declinedFiles() throws IOException {
        return List.of();
    }

    protected final ImageReader newReader() throws IOException {
        return provider().createReaderInstance();
    }

    private TestFile first() throws IOException {
        return testFiles().get(0);
    }

    /** Reads {@code bytes} with a fresh reader and the given parameter. */
    protected final BufferedImage read(byte[] bytes, ImageReadParam param) throws IOException {
        ImageReader reader = newReader();
        try (ImageInputStream in = TestImages.stream(bytes)) {
            reader.setInput(in);
            return reader.read(0, param);
        } finally {
            reader.dispose();
        }
    }

    /** Records listener calls as short strings. */
    static final class Recorder implements IIOReadProgressListener, IIOReadWarningListener {
        final List<String> events = new ArrayList<>();
        final List<Float> progress = new ArrayList<>();
        final List<String> warnings = new ArrayList<>();
        boolean abortOnStart;

        @Override public void imageStarted(ImageReader source, int imageIndex) {
            events.add("started");
            if (abortOnStart) {
                source.abort();
            }
        }
        @Override public void imageProgress(ImageReader source, float percentageDone) {
            progress.add(percentageDone);
        }
        @Override public void imageComplete(ImageReader source) {
            events.add("complete");
        }
        @Override public void readAborted(ImageReader source) {
            events.add("aborted");
        }
        @Override public void sequenceStarted(ImageReader source, int minIndex) {
            events.add("sequenceStarted");
        }
        @Override public void sequenceComplete(ImageReader source) {
            events.add("sequenceComplete");
        }
        @Override public void thumbnailStarted(ImageReader source, int imageIndex, int thumbnailIndex) {
        }
        @Override public void thumbnailProgress(ImageReader source, float percentageDone) {
        }
        @Override public void thumbnailComplete(ImageReader source) {
        }
        @Override public void warningOccurred(ImageReader source, String warning) {
            warnings.add(warning);
        }
    }

    // ---- provider

    @Test
    void providerDescribesItselfAndCreatesItsReader() throws IOException {
        ImageReaderSpi spi = provider();
        assertTrue(spi.getFormatNames().length > 0, "format names");
        assertTrue(spi.getFileSuffixes().length > 0, "suffixes");
        assertTrue(spi.getMIMETypes().length > 0, "MIME types");
        assertNotNull(spi.getDescription(null));
        assertTrue(Arrays.asList(spi.getInputTypes()).contains(ImageInputStream.class), "accepts ImageInputStream");
        ImageReader reader = spi.createReaderInstance();
        assertSame(spi, reader.getOriginatingProvider());
        assertTrue(spi.isOwnReader(reader));
    }

    @Test
    void canDecodeInputAcceptsTestFilesAndLeavesTheStreamWhereItWas() throws IOException {
        ImageReaderSpi spi = provider();
        for (TestFile f : testFiles()) {
            try (ImageInputStream in = TestImages.stream(f.bytes())) {
                in.readByte();
                in.seek(0);
                assertTrue(spi.canDecodeInput(in), f.name());
                assertEquals(0, in.getStreamPosition(), f.name() + ": position after canDecodeInput");
            }
        }
    }

    @Test
    void canDecodeInputDeclinesOtherData() throws IOException {
        ImageReaderSpi spi = provider();
        List<byte[]> others = new ArrayList<>(declinedFiles());
        others.add(new byte[0]);
        others.add(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13});
        others.add(new byte[] {(byte) 0xFF, (byte) 0xD8});
        others.add("plain text, not an image".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        for (int i = 0; i < others.size(); i++) {
            try (ImageInputStream in = TestImages.stream(others.get(i))) {
                assertFalse(spi.canDecodeInput(in), "input #" + i);
                assertEquals(0, in.getStreamPosition(), "position after canDecodeInput #" + i);
            }
        }
        assertFalse(spi.canDecodeInput("a string is no input"));
    }

    // ---- input handling

    @Test
    void refusesInputOfAnotherType() throws IOException {
        ImageReader reader = newReader();
        assertThrows(IllegalArgumentException.class, () -> reader.setInput("not a stream"));
    }

    @Test
    void withoutInputQueriesThrowIllegalState() throws IOException {
        ImageReader reader = newReader();
        assertThrows(IllegalStateException.class, () -> reader.getWidth(0));
        assertThrows(IllegalStateException.class, () -> reader.getNumImages(true));
        assertThrows(IllegalStateException.class, () -> reader.read(0));
    }

    @Test
    void sizesAndCountComeFromTheHeadersAlone() throws IOException {
        for (TestFile f : testFiles()) {
            // cut the file well inside the entropy-coded data: the headers must suffice
            byte[] cut = Arrays.copyOf(f.bytes(), headerLength(f.bytes()) + 4);
            ImageReader reader = newReader();
            try (ImageInputStream in = TestImages.stream(cut)) {
                reader.setInput(in);
                assertEquals(1, reader.getNumImages(true), f.name());
                assertEquals(f.expected().getWidth(), reader.getWidth(0), f.name());
                assertEquals(f.expected().getHeight(), reader.getHeight(0), f.name());
                assertThrows(IndexOutOfBoundsException.class, () -> reader.getWidth(1));
                assertThrows(IndexOutOfBoundsException.class, () -> reader.getHeight(-1));
            }
        }
    }

    /** Offset just past the first SOS segment. */
    private static int headerLength(byte[] jpeg) {
        for (int i = 2; i + 3 < jpeg.length;) {
            int marker = jpeg[i + 1] & 0xFF;
            int len = ((jpeg[i + 2] & 0xFF) << 8) | (jpeg[i + 3] & 0xFF);
            i += 2 + len;
            if (marker == 0xDA) {
                return i;
            }
        }
        throw new AssertionError("no SOS");
    }

    @Test
    void firstImageTypeIsWhatReadReturns() throws IOException {
        for (TestFile f : testFiles()) {
            ImageReader reader = newReader();
            try (ImageInputStream in = TestImages.stream(f.bytes())) {
                reader.setInput(in);
                Iterator<ImageTypeSpecifier> types = reader.getImageTypes(0);
                assertTrue(types.hasNext(), f.name());
                ImageTypeSpecifier type = types.next();
                BufferedImage img = reader.read(0);
                assertEquals(type.getBufferedImageType(), img.getType(), f.name());
                assertEquals(type.getNumBands(), img.getRaster().getNumBands(), f.name());
            }
        }
    }

    @Test
    void everyOfferedTypeCanBeTheDestinationType() throws IOException {
        TestFile f = first();
        ImageReader reader = newReader();
        try (ImageInputStream in = TestImages.stream(f.bytes())) {
            reader.setInput(in);
            for (Iterator<ImageTypeSpecifier> it = reader.getImageTypes(0); it.hasNext();) {
                ImageTypeSpecifier type = it.next();
                ImageReadParam p = reader.getDefaultReadParam();
                p.setDestinationType(type);
                BufferedImage img = reader.read(0, p);
                assertEquals(type.getBufferedImageType(), img.getType());
                assertEquals(f.expected().getRGB(7, 5) & 0xFFFFFF, img.getRGB(7, 5) & 0xFFFFFF,
                        "pixel (7,5) as type " + type.getBufferedImageType());
            }
        }
    }

    // ---- reading

    @Test
    void readReturnsTheExpectedPixels() throws IOException {
        for (TestFile f : testFiles()) {
            TestImages.assertSamplesEqual(f.expected(), read(f.bytes(), null), f.name());
        }
    }

    @Test
    void readerCanBeReusedForAnotherInput() throws IOException {
        List<TestFile> files = testFiles();
        ImageReader reader = newReader();
        for (TestFile f : files) {
            try (ImageInputStream in = TestImages.stream(f.bytes())) {
                reader.setInput(in);
                TestImages.assertSamplesEqual(f.expected(), reader.read(0), f.name() + " (reused reader)");
            }
        }
        reader.reset();
        assertThrows(IllegalStateException.class, () -> reader.getWidth(0));
        reader.dispose();
    }

    @Test
    void sourceRegion() throws IOException {
        TestFile f = first();
        int w = f.expected().getWidth();
        int h = f.expected().getHeight();
        Rectangle[] regions = {new Rectangle(0, 0, w, h), new Rectangle(3, 5, 17, 11),
            new Rectangle(w - 9, h - 7, 9, 7), new Rectangle(w / 2, 0, w, h)}; // the last one is clipped
        for (Rectangle r : regions) {
            ImageReadParam p = newReader().getDefaultReadParam();
            p.setSourceRegion(r);
            Rectangle c = r.intersection(new Rectangle(0, 0, w, h));
            TestImages.assertSamplesEqual(TestImages.crop(f.expected(), c.x, c.y, c.width, c.height, 1, 1),
                    read(f.bytes(), p), "region " + r);
        }
    }

    @Test
    void sourceSubsampling() throws IOException {
        TestFile f = first();
        int w = f.expected().getWidth();
        int h = f.expected().getHeight();
        int[][] cases = {{2, 2, 0, 0}, {3, 1, 0, 0}, {1, 4, 0, 0}, {2, 3, 1, 2}, {5, 5, 4, 1}};
        for (int[] c : cases) {
            ImageReadParam p = newReader().getDefaultReadParam();
            p.setSourceSubsampling(c[0], c[1], c[2], c[3]);
            TestImages.assertSamplesEqual(TestImages.crop(f.expected(), c[2], c[3], w - c[2], h - c[3], c[0], c[1]),
                    read(f.bytes(), p), "subsampling " + Arrays.toString(c));
        }
    }

    @Test
    void sourceRegionWithSubsampling() throws IOException {
        TestFile f = first();
        ImageReadParam p = newReader().getDefaultReadParam();
        p.setSourceRegion(new Rectangle(4, 2, 21, 19));
        p.setSourceSubsampling(3, 2, 1, 1);
        TestImages.assertSamplesEqual(TestImages.crop(f.expected(), 5, 3, 20, 18, 3, 2), read(f.bytes(), p),
                "region + subsampling");
    }

    @Test
    void readsIntoAGivenDestinationAtAnOffset() throws IOException {
        TestFile f = first();
        BufferedImage expected = f.expected();
        BufferedImage dest = new BufferedImage(40, 30, expected.getType());
        ImageReadParam p = newReader().getDefaultReadParam();
        p.setDestination(dest);
        p.setDestinationOffset(new Point(5, 3));
        p.setSourceRegion(new Rectangle(2, 1, 10, 8));
        BufferedImage got = read(f.bytes(), p);
        assertSame(dest, got);
        TestImages.assertSamplesEqual(TestImages.crop(expected, 2, 1, 10, 8, 1, 1),
                got.getSubimage(5, 3, 10, 8), "destination offset");
        assertEquals(0, got.getRGB(4, 3) & 0xFFFFFF, "left of the offset stays untouched");
    }

    // ---- listeners, abort

    @Test
    void progressListenerSeesStartProgressAndCompletion() throws IOException {
        TestFile f = first();
        ImageReader reader = newReader();
        Recorder rec = new Recorder();
        reader.addIIOReadProgressListener(rec);
        try (ImageInputStream in = TestImages.stream(f.bytes())) {
            reader.setInput(in);
            reader.read(0);
            ImageReadParam p = reader.getDefaultReadParam();
            p.setSourceSubsampling(2, 2, 0, 0);
            reader.read(0, p);
        }
        assertEquals(List.of("started", "complete", "started", "complete"), rec.events);
        assertFalse(rec.progress.isEmpty(), "progress reported");
        float last = -1;
        for (float v : rec.progress) {
            assertTrue(v >= 0 && v <= 100, "progress " + v);
            if (v < last) {
                assertEquals(100f, last, "progress only falls back for the second read");
            }
            last = v;
        }
        assertEquals(100f, last);
        reader.removeAllIIOReadProgressListeners();
        rec.events.clear();
        try (ImageInputStream in = TestImages.stream(f.bytes())) {
            reader.setInput(in);
            reader.read(0);
        }
        assertTrue(rec.events.isEmpty(), "removed listener is not called");
    }

    @Test
    void abortDuringReadIsReportedAndSkipsCompletion() throws IOException {
        TestFile f = first();
        for (ImageReadParam p : new ImageReadParam[] {null, subsampled()}) {
            ImageReader reader = newReader();
            Recorder rec = new Recorder();
            rec.abortOnStart = true;
            reader.addIIOReadProgressListener(rec);
            try (ImageInputStream in = TestImages.stream(f.bytes())) {
                reader.setInput(in);
                reader.read(0, p);
            }
            assertEquals(List.of("started", "aborted"), rec.events);
            // the abort request does not outlive that read
            rec.abortOnStart = false;
            rec.events.clear();
            try (ImageInputStream in = TestImages.stream(f.bytes())) {
                reader.setInput(in);
                TestImages.assertSamplesEqual(f.expected(), reader.read(0), "read after abort");
            }
            assertEquals(List.of("started", "complete"), rec.events);
        }
    }

    private ImageReadParam subsampled() throws IOException {
        ImageReadParam p = newReader().getDefaultReadParam();
        p.setSourceSubsampling(2, 2, 0, 0);
        return p;
    }

    @Test
    void warningsReachTheWarningListener() throws IOException {
        byte[] damaged = damagedFile();
        org.junit.jupiter.api.Assumptions.assumeTrue(damaged != null, "no damaged test file for this reader");
        ImageReader reader = newReader();
        Recorder rec = new Recorder();
        reader.addIIOReadWarningListener(rec);
        try (ImageInputStream in = TestImages.stream(damaged)) {
            reader.setInput(in);
            assertNotNull(reader.read(0));
        }
        assertFalse(rec.warnings.isEmpty(), "a warning for the damaged file");
        reader.removeIIOReadWarningListener(rec);
        rec.warnings.clear();
        try (ImageInputStream in = TestImages.stream(damaged)) {
            reader.setInput(in);
            reader.read(0);
        }
        assertTrue(rec.warnings.isEmpty(), "removed listener is not called");
    }

    @Test
    void disposeAndResetLeaveTheReaderHarmless() throws IOException {
        TestFile f = first();
        ImageReader reader = newReader();
        try (ImageInputStream in = TestImages.stream(f.bytes())) {
            reader.setInput(in);
            reader.read(0);
        }
        reader.reset();
        assertThrows(IllegalStateException.class, () -> reader.read(0));
        reader.dispose();
        reader.dispose(); // twice is harmless
    }

    // ---- input kinds

    @Test
    void readsFromFileStreamsAndInputStreams(@TempDir Path dir) throws IOException {
        TestFile f = first();
        Path file = dir.resolve("test.jpg");
        Files.write(file, f.bytes());
        ImageReader reader = newReader();
        try (ImageInputStream in = new FileImageInputStream(file.toFile())) {
            reader.setInput(in, true, true);
            TestImages.assertSamplesEqual(f.expected(), reader.read(0), "FileImageInputStream");
        }
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(f.bytes()))) {
            reader.setInput(in);
            TestImages.assertSamplesEqual(f.expected(), reader.read(0), "stream over an InputStream");
        }
        // ImageIO picks this reader for files and streams
        Class<?> spiClass = provider().getClass();
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            ImageReader picked = ImageIO.getImageReaders(in).next();
            assertEquals(spiClass, picked.getOriginatingProvider().getClass(), "reader ImageIO picks first");
        }
        TestImages.assertSamplesEqual(f.expected(), ImageIO.read(file.toFile()), "ImageIO.read(File)");
        TestImages.assertSamplesEqual(f.expected(), ImageIO.read(new ByteArrayInputStream(f.bytes())),
                "ImageIO.read(InputStream)");
        TestImages.assertSamplesEqual(f.expected(), ImageIO.read(file.toUri().toURL()), "ImageIO.read(URL)");
    }

    @Test
    void readsFromWhereTheStreamStands() throws IOException {
        TestFile f = first();
        byte[] prefixed = TestImages.concat("some bytes before the image".getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                f.bytes());
        ImageReader reader = newReader();
        try (ImageInputStream in = TestImages.stream(prefixed)) {
            in.seek(prefixed.length - f.bytes().length);
            assertTrue(provider().canDecodeInput(in));
            reader.setInput(in);
            assertEquals(f.expected().getWidth(), reader.getWidth(0));
            TestImages.assertSamplesEqual(f.expected(), reader.read(0), "stream not at 0");
            TestImages.assertSamplesEqual(f.expected(), reader.read(0), "read twice");
        }
    }
}
