package org.jpegmt.conformance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.awt.image.BufferedImage;
import java.awt.image.DataBuffer;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.spi.IIORegistry;
import javax.imageio.spi.ImageReaderSpi;
import javax.imageio.spi.ImageWriterSpi;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;
import com.sksamuel.scrimage.ImmutableImage;
import com.sksamuel.scrimage.nio.JpegWriter;
import net.coobird.thumbnailator.Thumbnails;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.graphics.image.JPEGFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.jpegmt.core.EncoderOptions;
import org.jpegmt.core.JpegDecoder;
import org.jpegmt.core.JpegEncoder;
import org.jpegmt.core.Subsampling;
import org.jpegmt.core.awt.BufferedImages;
import org.jpegmt.imageio.JpegmtImageReader;
import org.jpegmt.imageio.JpegmtImageReaderSpi;
import org.jpegmt.imageio.JpegmtImageWriter;
import org.jpegmt.imageio.JpegmtImageWriterSpi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Node;

/**
 * jpegmt's ImageIO plugin under real clients (Thumbnailator 0.4.21, PDFBox 3.0.5, Scrimage 4.3.5), compared
 * with the JDK's plugin on files made here. During each test the registry holds a recording
 * jpegmt provider pair and, unless a test puts them back, not the JDK's JPEG providers, so a
 * client can only have used jpegmt, and the recorders say that it did.
 */
class ImageIoClientsTest {
    private static final IIORegistry REGISTRY = IIORegistry.getDefaultInstance();
    private final List<Object> removed = new ArrayList<>();
    private final AtomicInteger readersMade = new AtomicInteger();
    private final AtomicInteger writersMade = new AtomicInteger();
    private final Object readerRecorder = new RecordingReaderSpi(readersMade);
    private final Object writerRecorder = new RecordingWriterSpi(writersMade);

    @BeforeEach
    void onlyJpegmt() {
        for (Class<?> category : List.of(ImageReaderSpi.class, ImageWriterSpi.class)) {
            for (Iterator<?> it = REGISTRY.getServiceProviders(category, false); it.hasNext();) {
                Object spi = it.next();
                String name = spi.getClass().getName();
                if (name.equals("com.sun.imageio.plugins.jpeg.JPEGImageReaderSpi")
                        || name.equals("com.sun.imageio.plugins.jpeg.JPEGImageWriterSpi")
                        || name.startsWith("org.jpegmt.imageio.")) {
                    removed.add(spi);
                }
            }
        }
        removed.forEach(REGISTRY::deregisterServiceProvider);
        REGISTRY.registerServiceProvider(readerRecorder);
        REGISTRY.registerServiceProvider(writerRecorder);
    }

    @AfterEach
    void restore() {
        REGISTRY.deregisterServiceProvider(readerRecorder);
        REGISTRY.deregisterServiceProvider(writerRecorder);
        removed.forEach(REGISTRY::registerServiceProvider);
    }

    /** What {@code body} gives with only the JDK's JPEG providers registered (no jpegmt at all). */
    private <T> T withJdkOnly(IoSupplier<T> body) throws IOException {
        REGISTRY.deregisterServiceProvider(readerRecorder);
        REGISTRY.deregisterServiceProvider(writerRecorder);
        List<Object> jdk = removed.stream().filter(o -> o.getClass().getName().startsWith("com.sun.")).toList();
        jdk.forEach(REGISTRY::registerServiceProvider);
        try {
            assertTrue(ImageIO.getImageReadersByFormatName("jpeg").next().getClass().getName().startsWith("com.sun."));
            return body.get();
        } finally {
            jdk.forEach(REGISTRY::deregisterServiceProvider);
            REGISTRY.registerServiceProvider(readerRecorder);
            REGISTRY.registerServiceProvider(writerRecorder);
        }
    }

    @FunctionalInterface
    interface IoSupplier<T> {
        T get() throws IOException;
    }

    /** The jpegmt reader provider, counting the readers it makes. */
    static final class RecordingReaderSpi extends ImageReaderSpi {
        private final JpegmtImageReaderSpi real = new JpegmtImageReaderSpi();
        private final AtomicInteger made;

        RecordingReaderSpi(AtomicInteger made) {
            super("test", "1", new String[] {"JPEG", "jpeg", "JPG", "jpg"}, new String[] {"jpg", "jpeg"},
                    new String[] {"image/jpeg"}, JpegmtImageReader.class.getName(), new Class<?>[] {ImageInputStream.class},
                    null, false, null, null, null, null, true, "javax_imageio_jpeg_image_1.0", null, null, null);
            this.made = made;
        }

        @Override
        public boolean canDecodeInput(Object source) throws IOException {
            return real.canDecodeInput(source);
        }

        @Override
        public ImageReader createReaderInstance(Object extension) {
            made.incrementAndGet();
            return real.createReaderInstance(extension);
        }

        @Override
        public String getDescription(Locale locale) {
            return "recording jpegmt reader";
        }
    }

    /** The jpegmt writer provider, counting the writers it makes. */
    static final class RecordingWriterSpi extends ImageWriterSpi {
        private final JpegmtImageWriterSpi real = new JpegmtImageWriterSpi();
        private final AtomicInteger made;

        RecordingWriterSpi(AtomicInteger made) {
            super("test", "1", new String[] {"JPEG", "jpeg", "JPG", "jpg"}, new String[] {"jpg", "jpeg"},
                    new String[] {"image/jpeg"}, JpegmtImageWriter.class.getName(), new Class<?>[] {ImageOutputStream.class},
                    null, false, null, null, null, null, true, "javax_imageio_jpeg_image_1.0", null, null, null);
            this.made = made;
        }

        @Override
        public boolean canEncodeImage(javax.imageio.ImageTypeSpecifier type) {
            return real.canEncodeImage(type);
        }

        @Override
        public ImageWriter createWriterInstance(Object extension) {
            made.incrementAndGet();
            return real.createWriterInstance(extension);
        }

        @Override
        public String getDescription(Locale locale) {
            return "recording jpegmt writer";
        }
    }

    // ---- files made here ----

    private static BufferedImage picture(int w, int h) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                // a bright corner at the top left tells the orientation
                int r = x < w / 4 && y < h / 4 ? 250 : x * 200 / w;
                img.setRGB(x, y, r << 16 | (y * 200 / h) << 8 | 60);
            }
        }
        return img;
    }

    private static byte[] encode(BufferedImage img, Subsampling s) {
        return new JpegEncoder(EncoderOptions.defaults().withSubsampling(s).withQuality(90))
                .encode(BufferedImages.fromBufferedImage(img));
    }

    /** APP1 "Exif": a big-endian TIFF header and one IFD with the orientation tag (0x0112). */
    static byte[] exif(int orientation) {
        return new byte[] {'E', 'x', 'i', 'f', 0, 0, 'M', 'M', 0, 42, 0, 0, 0, 8,
            0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, (byte) orientation, 0, 0, 0, 0, 0, 0};
    }

    /** Inserts a segment right after SOI (an EXIF file has its APP1 first). */
    static byte[] insert(byte[] jpeg, int marker, byte[] payload) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, 2);
        out.write(0xFF);
        out.write(marker);
        out.write((payload.length + 2) >> 8);
        out.write((payload.length + 2) & 0xFF);
        out.writeBytes(payload);
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }

    /** A CMYK file: the JDK writer stores a 4-band raster as is; an Adobe segment (transform 0) is added. */
    private byte[] cmyk(int w, int h) throws IOException {
        WritableRaster r = Raster.createInterleavedRaster(DataBuffer.TYPE_BYTE, w, h, 4, null);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                r.setPixel(x, y, new int[] {x * 255 / w, y * 255 / h, 255 - x * 255 / w, 200});
            }
        }
        return withJdkOnly(() -> {
            ImageWriter jdk = JdkJpeg.writer();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (ImageOutputStream o = ImageIO.createImageOutputStream(out)) {
                jdk.setOutput(o);
                jdk.write(null, new IIOImage(r, null, null), null);
            }
            return insert(out.toByteArray(), 0xEE, new byte[] {'A', 'd', 'o', 'b', 'e', 0, 100, 0, 0, 0, 0, 0});
        });
    }

    // ---- Thumbnailator ----

    /** Thumbnails of EXIF-rotated photos (orientations 3, 6, 8) come out as the JDK plugin makes them. */
    @Test
    void thumbnailatorFollowsExifOrientationAsWithTheJdk() throws IOException {
        byte[] plain = encode(picture(160, 96), Subsampling.S420);
        for (int orientation : new int[] {3, 6, 8}) {
            final byte[] photo = insert(plain, 0xE1, exif(orientation));
            readersMade.set(0);
            BufferedImage ours = Thumbnails.of(new ByteArrayInputStream(photo)).size(80, 80).asBufferedImage();
            assertTrue(readersMade.get() > 0, "Thumbnailator read through jpegmt");
            BufferedImage jdk = withJdkOnly(
                    () -> Thumbnails.of(new ByteArrayInputStream(photo)).size(80, 80).asBufferedImage());
            String what = "orientation " + orientation;
            assertEquals(jdk.getWidth(), ours.getWidth(), what);
            assertEquals(jdk.getHeight(), ours.getHeight(), what);
            assertEquals(orientation == 3 ? 80 : 48, ours.getWidth(), what + ": turned as EXIF says");
            assertTrue(maxDifference(jdk, ours) <= 2, what + ": max difference " + maxDifference(jdk, ours));
        }
    }

    private static int maxDifference(BufferedImage a, BufferedImage b) {
        int max = 0;
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                int p = a.getRGB(x, y);
                int q = b.getRGB(x, y);
                for (int s = 0; s < 24; s += 8) {
                    max = Math.max(max, Math.abs((p >> s & 0xFF) - (q >> s & 0xFF)));
                }
            }
        }
        return max;
    }

    // ---- PDFBox ----

    /** createFromImage goes through jpegmt's writer for RGB, grey and (read as RGB) CMYK images. */
    @Test
    void pdfboxCreateFromImageUsesJpegmtsWriter() throws IOException {
        BufferedImage grey = new BufferedImage(40, 30, BufferedImage.TYPE_BYTE_GRAY);
        grey.getGraphics().drawImage(picture(40, 30), 0, 0, null);
        BufferedImage fromCmyk = ImageIO.read(new ByteArrayInputStream(cmyk(36, 20)));
        for (BufferedImage img : List.of(picture(64, 48), grey, fromCmyk)) {
            writersMade.set(0);
            try (PDDocument doc = new PDDocument()) {
                PDImageXObject x = JPEGFactory.createFromImage(doc, img, 0.9f, 150);
                assertEquals(img.getWidth(), x.getWidth());
                assertEquals(img.getHeight(), x.getHeight());
                assertEquals(img.getColorModel().getNumComponents() == 1 ? "DeviceGray" : "DeviceRGB",
                        x.getColorSpace().getName());
            }
            assertTrue(writersMade.get() > 0, "PDFBox wrote through jpegmt");
        }
    }

    /** createFromStream reads headers (and, when drawn, pixels) through jpegmt's reader: RGB, grey, CMYK. */
    @Test
    void pdfboxCreateFromStreamUsesJpegmtsReader() throws IOException {
        BufferedImage grey = new BufferedImage(40, 30, BufferedImage.TYPE_BYTE_GRAY);
        grey.getGraphics().drawImage(picture(40, 30), 0, 0, null);
        byte[][] files = {encode(picture(64, 48), Subsampling.S420), encode(grey, Subsampling.GRAY), cmyk(36, 20)};
        String[] spaces = {"DeviceRGB", "DeviceGray", "DeviceCMYK"};
        for (int i = 0; i < files.length; i++) {
            readersMade.set(0);
            BufferedImage ours;
            try (PDDocument doc = new PDDocument()) {
                PDImageXObject x = JPEGFactory.createFromStream(doc, new ByteArrayInputStream(files[i]));
                assertEquals(spaces[i], x.getColorSpace().getName());
                ours = x.getImage();
            }
            assertTrue(readersMade.get() > 0, spaces[i] + ": PDFBox read through jpegmt");
            byte[] file = files[i];
            BufferedImage jdk = withJdkOnly(() -> {
                try (PDDocument doc = new PDDocument()) {
                    return JPEGFactory.createFromStream(doc, new ByteArrayInputStream(file)).getImage();
                }
            });
            assertTrue(maxDifference(jdk, ours) <= 1, spaces[i] + ": max difference to the JDK plugin's "
                    + maxDifference(jdk, ours));
        }
    }

    // ---- Scrimage ----

    /** Scrimage's load, scale and JPEG write as it does them, once with jpegmt, once with the JDK's plugin. */
    private record ScrimageRun(BufferedImage loaded, byte[] written) {
    }

    private static ScrimageRun scrimage(byte[] photo, JpegWriter writer) throws IOException {
        ImmutableImage loaded = ImmutableImage.loader().fromBytes(photo);
        return new ScrimageRun(loaded.awt(), loaded.scaleTo(loaded.width / 2, loaded.height / 2).bytes(writer));
    }

    /**
     * Scrimage without its TwelveMonkeys dependency (this execution's class path; with it, see
     * {@link ScrimageWithTwelveMonkeysTest}) reads through ImageIO ({@code ImageIO.getImageReaders}: every reader that takes
     * the stream, in order) and writes through {@code getImageWritersByFormatName("jpeg").next()}:
     * both are jpegmt's, and the decoded result equals the JDK plugin's. EXIF orientation is
     * Scrimage's own (metadata-extractor reads the APP1 bytes), so it turns alike.
     */
    @Test
    void scrimageLoadsScalesAndWritesThroughJpegmtAsWithTheJdk() throws IOException {
        byte[] plain = encode(picture(160, 96), Subsampling.S420);
        for (int orientation : new int[] {1, 6}) {
            byte[] photo = orientation == 1 ? plain : insert(plain, 0xE1, exif(orientation));
            JpegWriter writer = new JpegWriter().withCompression(90);
            readersMade.set(0);
            writersMade.set(0);
            ScrimageRun ours = scrimage(photo, writer);
            assertTrue(readersMade.get() > 0, "Scrimage read through jpegmt");
            assertTrue(writersMade.get() > 0, "Scrimage wrote through jpegmt");
            ScrimageRun jdk = withJdkOnly(() -> scrimage(photo, writer));
            String what = "orientation " + orientation;
            assertEquals(orientation == 1 ? 160 : 96, ours.loaded().getWidth(), what + ": turned as EXIF says");
            assertEquals(jdk.loaded().getWidth(), ours.loaded().getWidth(), what);
            assertEquals(jdk.loaded().getHeight(), ours.loaded().getHeight(), what);
            assertTrue(maxDifference(jdk.loaded(), ours.loaded()) <= 1,
                    what + ": loaded, max difference " + maxDifference(jdk.loaded(), ours.loaded()));
            // the same quality (0.9 = IJG 90) and colour conversion: the decoded files agree
            BufferedImage oursOut = BufferedImages.toBufferedImage(new JpegDecoder().decode(ours.written()));
            BufferedImage jdkOut = BufferedImages.toBufferedImage(new JpegDecoder().decode(jdk.written()));
            assertEquals(jdkOut.getWidth(), oursOut.getWidth(), what);
            assertTrue(maxDifference(jdkOut, oursOut) <= 1,
                    what + ": written, max difference " + maxDifference(jdkOut, oursOut));
        }
    }

    /**
     * Where Scrimage with jpegmt differs from Scrimage with the JDK's plugin: its progressive
     * writer asks for {@code MODE_DEFAULT}, which jpegmt's writer answers with a baseline file
     * (and a warning), the JDK's with a progressive one; the pixels agree.
     */
    @Test
    void scrimageProgressiveWriterGetsABaselineFileFromJpegmt() throws IOException {
        byte[] photo = encode(picture(120, 80), Subsampling.S420);
        JpegWriter progressive = new JpegWriter(85, true);
        writersMade.set(0);
        byte[] ours = scrimage(photo, progressive).written();
        assertTrue(writersMade.get() > 0, "Scrimage wrote through jpegmt");
        byte[] jdk = withJdkOnly(() -> scrimage(photo, progressive).written());
        JpegDecoder decoder = new JpegDecoder();
        assertEquals(0xC0, decoder.readInfo(ours).sofMarker());
        assertEquals(0xC2, decoder.readInfo(jdk).sofMarker());
        BufferedImage a = BufferedImages.toBufferedImage(decoder.decode(ours));
        BufferedImage b = BufferedImages.toBufferedImage(decoder.decode(jdk));
        assertTrue(maxDifference(b, a) <= 1, "max difference " + maxDifference(b, a));
    }

    /**
     * CMYK: Scrimage (its TwelveMonkeys dependency excluded) gets from jpegmt's reader what
     * jpeg-core decodes (djpeg's CMYK to RGB formula, the README's CMYK point); from the JDK's
     * reader it gets a CMYK image whose colour space converts through a CMYK profile, so the
     * pixels differ (up to 73 levels on this file): the one place where the two plugins give
     * Scrimage different colours.
     */
    @Test
    void scrimageLoadsCmykAsJpegCoreDecodesIt() throws IOException {
        byte[] file = cmyk(36, 20);
        readersMade.set(0);
        BufferedImage ours = ImmutableImage.loader().fromBytes(file).awt();
        assertTrue(readersMade.get() > 0, "Scrimage read through jpegmt");
        BufferedImage direct = BufferedImages.toBufferedImage(new JpegDecoder().decode(file));
        assertEquals(0, maxDifference(direct, ours), "as jpeg-core decodes it");
        BufferedImage jdk = withJdkOnly(() -> ImmutableImage.loader().fromBytes(file)).awt();
        assertEquals(ColorSpace.TYPE_CMYK, jdk.getColorModel().getColorSpace().getType());
        System.out.println("Scrimage, CMYK file: max difference between the JDK plugin's and jpegmt's pixels "
                + maxDifference(jdk, ours));
    }

    // ---- metadata round trip ----

    @Test
    void readThenWriteKeepsExifAndIccBytes() throws IOException {
        byte[] icc = ICC_Profile.getInstance(ColorSpace.CS_LINEAR_RGB).getData();
        byte[] iccChunk = new byte[14 + icc.length];
        System.arraycopy(new byte[] {'I', 'C', 'C', '_', 'P', 'R', 'O', 'F', 'I', 'L', 'E', 0, 1, 1}, 0, iccChunk, 0, 14);
        System.arraycopy(icc, 0, iccChunk, 14, icc.length);
        // an EXIF file (no JFIF): APP1 first, then the profile
        byte[] source = insert(insert(stripJfif(encode(picture(48, 32), Subsampling.S420)), 0xE2, iccChunk), 0xE1, exif(6));
        ImageReader reader = ImageIO.getImageReadersByFormatName("jpeg").next();
        IIOImage image;
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(source))) {
            reader.setInput(in);
            image = reader.readAll(0, null);
        }
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ImageOutputStream o = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(o);
            writer.write(null, image, writer.getDefaultWriteParam());
        }
        assertTrue(readersMade.get() > 0 && writersMade.get() > 0, "read and written by jpegmt");
        List<byte[]> before = segments(source, 0xE1, 0xE2);
        List<byte[]> after = segments(out.toByteArray(), 0xE1, 0xE2);
        assertEquals(2, before.size());
        assertEquals(before.size(), after.size());
        for (int i = 0; i < before.size(); i++) {
            assertArrayEquals(before.get(i), after.get(i), "segment " + i);
        }
        IIOMetadata md = image.getMetadata();
        Node tree = md.getAsTree("javax_imageio_jpeg_image_1.0");
        assertEquals(2, ((IIOMetadataNode) tree).getElementsByTagName("unknown").getLength());
    }

    private static byte[] stripJfif(byte[] jpeg) {
        int len = ((jpeg[4] & 0xFF) << 8) | (jpeg[5] & 0xFF);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, 2);
        out.write(jpeg, 4 + len, jpeg.length - 4 - len);
        return out.toByteArray();
    }

    /** Marker byte and payload of each segment with one of the markers, before the first SOS. */
    private static List<byte[]> segments(byte[] jpeg, int... markers) {
        List<byte[]> out = new ArrayList<>();
        int at = 2;
        while (at + 4 <= jpeg.length && (jpeg[at] & 0xFF) == 0xFF && (jpeg[at + 1] & 0xFF) != 0xDA) {
            int m = jpeg[at + 1] & 0xFF;
            int len = ((jpeg[at + 2] & 0xFF) << 8) | (jpeg[at + 3] & 0xFF);
            for (int want : markers) {
                if (m == want) {
                    byte[] seg = new byte[len + 1];
                    seg[0] = (byte) m;
                    System.arraycopy(jpeg, at + 4, seg, 1, len - 2);
                    out.add(java.util.Arrays.copyOf(seg, len - 1));
                }
            }
            at += 2 + len;
        }
        return out;
    }
}
