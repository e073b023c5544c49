package org.jpegmt.imageio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.color.ICC_ColorSpace;
import java.awt.color.ICC_Profile;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.Raster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.IIOImage;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.plugins.jpeg.JPEGHuffmanTable;
import javax.imageio.plugins.jpeg.JPEGQTable;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;
import org.junit.jupiter.api.Test;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * Metadata and rasters against the JDK's JPEG plugin on generated files (baseline and
 * progressive): the native and standard trees the reader gives equal the JDK reader's (names,
 * attributes, user objects),
 * {@code readRaster} gives the JDK's raw samples (YCbCr, grey, CMYK, YCCK), grey files read into
 * the RGB types they offer, and the writer's metadata round trip keeps APPn, ICC and COM bytes.
 */
class MetadataAndRasterTest {
    private static final String NATIVE = NativeTree.FORMAT;
    private static final String STANDARD = "javax_imageio_1.0";

    private static Map<String, byte[]> files() throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("4:2:0", Fixtures.baseline420(40, 30));
        files.put("4:4:4", Fixtures.baseline444(17, 9));
        files.put("grey", Fixtures.grey(21, 13));
        files.put("restarts", Fixtures.restarts(64, 48));
        files.put("icc", Fixtures.withProfile(Fixtures.baseline420(24, 16), Fixtures.linearRgb()));
        byte[] withApps = Fixtures.insertAfterJfif(Fixtures.baseline420(24, 16), 0xFE, Fixtures.ascii("a comment"));
        withApps = Fixtures.insertAfterJfif(withApps, 0xE1, Fixtures.ascii("http://ns.adobe.com/xap/1.0/\0<x/>"));
        files.put("app1 and com", withApps);
        files.put("exif, no jfif", Fixtures.insertAfterSoi(Fixtures.fourComponents(Fixtures.cmykRaster(9, 9), 0), 0xE1,
                Fixtures.ascii("Exif\0\0MM\0*\0\0\0\b\0\0\0\0\0\0")));
        files.put("cmyk", Fixtures.fourComponents(Fixtures.cmykRaster(20, 12), 0));
        files.put("ycck", Fixtures.fourComponents(Fixtures.cmykRaster(12, 20), 2));
        files.put("progressive, segments between scans", segmentsBetweenScans(Fixtures.progressive(TestImages.rgb(48, 32), 2, 2)));
        return files;
    }

    static IIOMetadata metadata(ImageReader reader, byte[] jpeg) throws IOException {
        try (ImageInputStream in = TestImages.stream(jpeg)) {
            reader.setInput(in);
            return reader.getImageMetadata(0);
        } finally {
            reader.dispose();
        }
    }

    @Test
    void nativeAndStandardTreesEqualTheJdkReaders() throws IOException {
        for (Map.Entry<String, byte[]> f : files().entrySet()) {
            IIOMetadata ours = metadata(new JpegmtImageReaderSpi().createReaderInstance(), f.getValue());
            IIOMetadata jdk = metadata(JdkReader.create(), f.getValue());
            assertEquals(NATIVE, ours.getNativeMetadataFormatName());
            assertTrue(ours.isStandardMetadataFormatSupported());
            assertEquals(describe(jdk.getAsTree(NATIVE)), describe(ours.getAsTree(NATIVE)), f.getKey() + ": native tree");
            assertEquals(describe(jdk.getAsTree(STANDARD)), describe(ours.getAsTree(STANDARD)), f.getKey() + ": standard tree");
        }
    }

    /**
     * Progressive files: the trees list every scan's {@code sos} and the tables, restart
     * intervals, comments and APPn segments between scans, as the JDK reader's do.
     */
    @Test
    void progressiveTreesEqualTheJdkReaders() throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>(Fixtures.progressiveFiles());
        files.put("between scans", segmentsBetweenScans(files.get("4:2:0 48x32")));
        files.put("icc", Fixtures.withProfile(files.get("4:2:0 48x32"), Fixtures.linearRgb()));
        for (Map.Entry<String, byte[]> f : files.entrySet()) {
            IIOMetadata ours = metadata(new JpegmtImageReaderSpi().createReaderInstance(), f.getValue());
            IIOMetadata jdk = metadata(JdkReader.create(), f.getValue());
            String jdkTree = describe(jdk.getAsTree(NATIVE));
            assertTrue(jdkTree.split("\n  *sos ", -1).length > 2, f.getKey() + ": several scans in " + jdkTree);
            assertEquals(jdkTree, describe(ours.getAsTree(NATIVE)), f.getKey() + ": native tree");
            assertEquals(describe(jdk.getAsTree(STANDARD)), describe(ours.getAsTree(STANDARD)), f.getKey() + ": standard tree");
        }
        String between = describe(metadata(new JpegmtImageReaderSpi().createReaderInstance(),
                files.get("between scans")).getAsTree(NATIVE));
        assertTrue(between.contains("com [comment=between scans]"), between);
        assertTrue(between.contains("dri [interval=0]"), between);
    }

    /** A COM before the third scan, an APP1 before the fifth and a DRI (interval 0) before the last. */
    private static byte[] segmentsBetweenScans(byte[] progressive) {
        List<Integer> scans = Fixtures.scanOffsets(progressive);
        assertTrue(scans.size() >= 6, "scans: " + scans);
        byte[] out = Fixtures.insertAt(progressive, scans.get(scans.size() - 1), 0xDD, new byte[] {0, 0});
        out = Fixtures.insertAt(out, scans.get(4), 0xE1, Fixtures.ascii("http://ns.adobe.com/xap/1.0/\0<x/>"));
        return Fixtures.insertAt(out, scans.get(2), 0xFE, Fixtures.ascii("between scans"));
    }

    @Test
    void progressiveFilesReadAsTheJdkReadsThem() throws IOException {
        byte[] prog = Fixtures.progressiveFiles().get("4:2:0 48x32");
        byte[] icc = Fixtures.withProfile(prog, Fixtures.linearRgb());
        TestImages.assertSamplesEqual(JdkReader.read(icc), javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(icc)),
                "progressive with a profile, converted to sRGB as the JDK does");
        for (Map.Entry<String, byte[]> f : Fixtures.progressiveFiles().entrySet()) {
            Raster expected = JdkReader.readRaster(f.getValue());
            ImageReader reader = new JpegmtImageReaderSpi().createReaderInstance();
            try (ImageInputStream in = TestImages.stream(f.getValue())) {
                reader.setInput(in);
                Raster actual = reader.readRaster(0, null);
                assertEquals(expected.getNumBands(), actual.getNumBands(), f.getKey());
                assertArrayEquals(expected.getPixels(0, 0, expected.getWidth(), expected.getHeight(), (int[]) null),
                        actual.getPixels(0, 0, actual.getWidth(), actual.getHeight(), (int[]) null),
                        f.getKey() + ": readRaster");
            } finally {
                reader.dispose();
            }
        }
    }

    @Test
    void streamMetadataIsNullAsWithTheJdk() throws IOException {
        ImageReader reader = new JpegmtImageReaderSpi().createReaderInstance();
        try (ImageInputStream in = TestImages.stream(Fixtures.grey(8, 8))) {
            reader.setInput(in);
            assertNull(reader.getStreamMetadata());
        }
    }

    /** Node names, attributes and user objects (by content), one line per node. */
    static String describe(Node node) {
        StringBuilder sb = new StringBuilder();
        describe(node, "", sb);
        return sb.toString();
    }

    private static void describe(Node node, String indent, StringBuilder sb) {
        sb.append(indent).append(node.getNodeName());
        NamedNodeMap attrs = node.getAttributes();
        List<String> names = new ArrayList<>();
        for (int i = 0; attrs != null && i < attrs.getLength(); i++) {
            names.add(attrs.item(i).getNodeName() + "=" + attrs.item(i).getNodeValue());
        }
        names.sort(null);
        sb.append(' ').append(names);
        if (node instanceof IIOMetadataNode m && m.getUserObject() != null) {
            Object o = m.getUserObject();
            String value;
            if (o instanceof byte[] b) {
                value = Arrays.toString(b);
            } else if (o instanceof JPEGQTable q) {
                value = Arrays.toString(q.getTable());
            } else if (o instanceof JPEGHuffmanTable h) {
                value = Arrays.toString(h.getLengths()) + Arrays.toString(h.getValues());
            } else if (o instanceof ICC_Profile p) {
                value = "ICC " + Arrays.hashCode(p.getData());
            } else {
                value = o.getClass().getName();
            }
            sb.append(" user=").append(value);
        }
        sb.append('\n');
        for (Node c = node.getFirstChild(); c != null; c = c.getNextSibling()) {
            describe(c, indent + "  ", sb);
        }
    }

    @Test
    void readRasterGivesTheJdksRawSamples() throws IOException {
        for (String key : List.of("4:2:0", "4:4:4", "grey", "restarts", "cmyk", "ycck", "exif, no jfif")) {
            byte[] jpeg = files().get(key);
            Raster expected = JdkReader.readRaster(jpeg);
            ImageReader reader = new JpegmtImageReaderSpi().createReaderInstance();
            assertTrue(reader.canReadRaster());
            try (ImageInputStream in = TestImages.stream(jpeg)) {
                reader.setInput(in);
                Raster actual = reader.readRaster(0, null);
                assertEquals(expected.getNumBands(), actual.getNumBands(), key);
                assertArrayEquals(expected.getPixels(0, 0, expected.getWidth(), expected.getHeight(), (int[]) null),
                        actual.getPixels(0, 0, actual.getWidth(), actual.getHeight(), (int[]) null), key);
                // PDFBox writes the data buffer out as is: no padding, no offset
                assertEquals(actual.getWidth() * actual.getHeight() * actual.getNumBands(),
                        ((DataBufferByte) actual.getDataBuffer()).getData().length, key);
            }
        }
    }

    @Test
    void readRasterHonoursRegionAndSubsampling() throws IOException {
        byte[] jpeg = files().get("cmyk");
        ImageReader reader = new JpegmtImageReaderSpi().createReaderInstance();
        try (ImageInputStream in = TestImages.stream(jpeg)) {
            reader.setInput(in);
            Raster full = reader.readRaster(0, null);
            ImageReadParam p = reader.getDefaultReadParam();
            p.setSourceRegion(new java.awt.Rectangle(3, 2, 11, 7));
            p.setSourceSubsampling(2, 3, 0, 0);
            Raster part = reader.readRaster(0, p);
            assertEquals(6, part.getWidth());
            assertEquals(3, part.getHeight());
            for (int y = 0; y < 3; y++) {
                for (int x = 0; x < 6; x++) {
                    assertArrayEquals(full.getPixel(3 + 2 * x, 2 + 3 * y, (int[]) null), part.getPixel(x, y, (int[]) null));
                }
            }
        }
    }

    @Test
    void greyFilesReadIntoEveryOfferedType() throws IOException {
        byte[] jpeg = files().get("grey");
        BufferedImage grey = TestImages.decode(jpeg);
        ImageReader reader = new JpegmtImageReaderSpi().createReaderInstance();
        try (ImageInputStream in = TestImages.stream(jpeg)) {
            reader.setInput(in);
            List<ImageTypeSpecifier> types = new ArrayList<>();
            reader.getImageTypes(0).forEachRemaining(types::add);
            assertEquals(3, types.size());
            for (ImageTypeSpecifier type : types) {
                ImageReadParam p = reader.getDefaultReadParam();
                p.setDestinationType(type);
                check(grey, reader.read(0, p), "type " + type.getBufferedImageType());
                ImageReadParam q = reader.getDefaultReadParam();
                q.setDestination(type.createBufferedImage(grey.getWidth(), grey.getHeight()));
                check(grey, reader.read(0, q), "destination " + type.getBufferedImageType());
            }
        }
    }

    private static void check(BufferedImage grey, BufferedImage read, String what) {
        for (int y = 0; y < grey.getHeight(); y++) {
            for (int x = 0; x < grey.getWidth(); x++) {
                int g = grey.getRaster().getSample(x, y, 0);
                int[] px = read.getRaster().getPixel(x, y, (int[]) null);
                for (int v : px) {
                    assertEquals(g, v, what + " at " + x + "," + y);
                }
            }
        }
    }

    @Test
    void iccFileOffersTheProfileTypeWithUnconvertedSamples() throws IOException {
        byte[] jpeg = files().get("icc");
        ImageReader reader = new JpegmtImageReaderSpi().createReaderInstance();
        try (ImageInputStream in = TestImages.stream(jpeg)) {
            reader.setInput(in);
            List<ImageTypeSpecifier> types = new ArrayList<>();
            reader.getImageTypes(0).forEachRemaining(types::add);
            assertEquals(3, types.size());
            ImageReadParam p = reader.getDefaultReadParam();
            p.setDestinationType(types.get(1));
            BufferedImage inProfile = reader.read(0, p);
            ImageReader jdk = JdkReader.create();
            jdk.setInput(TestImages.stream(jpeg));
            List<ImageTypeSpecifier> jdkTypes = new ArrayList<>();
            jdk.getImageTypes(0).forEachRemaining(jdkTypes::add);
            assertEquals(jdkTypes.size(), types.size(), "as many types as the JDK offers");
            assertArrayEquals(((ICC_ColorSpace) jdkTypes.get(1).getColorModel().getColorSpace()).getProfile().getData(),
                    ((ICC_ColorSpace) inProfile.getColorModel().getColorSpace()).getProfile().getData(),
                    "the embedded profile, as the JDK's second type has it");
            TestImages.assertSamplesEqual(TestImages.decode(jpeg), inProfile, "samples in the profile's space");
            TestImages.assertSamplesEqual(JdkReader.read(jpeg), reader.read(0), "default read as the JDK's");
        }
    }

    private static byte[] write(BufferedImage img, IIOMetadata metadata) throws IOException {
        JpegmtImageWriter w = (JpegmtImageWriter) new JpegmtImageWriterSpi().createWriterInstance();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ImageOutputStream o = javax.imageio.ImageIO.createImageOutputStream(out)) {
            w.setOutput(o);
            w.write(null, new IIOImage(img, null, metadata), w.getDefaultWriteParam());
        } finally {
            w.dispose();
        }
        return out.toByteArray();
    }

    @Test
    void defaultMetadataDescribesAndWritesWhatTheWriterWrites() throws IOException {
        JpegmtImageWriter w = (JpegmtImageWriter) new JpegmtImageWriterSpi().createWriterInstance();
        for (BufferedImage img : List.of(TestImages.rgb(30, 20), TestImages.gray(30, 20))) {
            IIOMetadata md = w.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(img), null);
            assertNotNull(md);
            IIOMetadataNode tree = (IIOMetadataNode) md.getAsTree(NATIVE);
            assertEquals(1, tree.getElementsByTagName("app0JFIF").getLength());
            byte[] plain = write(img, null);
            assertArrayEquals(plain, write(img, md), "default metadata changes nothing");
            // the default tree is the written file's, but for the frame size
            IIOMetadataNode read = (IIOMetadataNode) metadata(new JpegmtImageReaderSpi().createReaderInstance(), plain)
                    .getAsTree(NATIVE);
            IIOMetadataNode sof = (IIOMetadataNode) read.getElementsByTagName("sof").item(0);
            sof.setAttribute("numLines", "0");
            sof.setAttribute("samplesPerLine", "0");
            // the default restart interval (one MCU row) depends on the width: not in the default tree
            Node dri = read.getElementsByTagName("dri").item(0);
            assertNotNull(dri, "default writes have restart markers");
            dri.getParentNode().removeChild(dri);
            assertEquals(describe(tree), describe(read));
        }
    }

    @Test
    void readThenWriteKeepsApplicationSegmentsProfileAndComments() throws IOException {
        for (String key : List.of("app1 and com", "icc", "progressive, segments between scans")) {
            byte[] source = files().get(key);
            ImageReader r = new JpegmtImageReaderSpi().createReaderInstance();
            IIOImage image;
            try (ImageInputStream in = TestImages.stream(source)) {
                r.setInput(in);
                image = r.readAll(0, null);
            }
            byte[] written = write((BufferedImage) image.getRenderedImage(), image.getMetadata());
            String before = describe(metadata(JdkReader.create(), source).getAsTree(NATIVE));
            String after = describe(metadata(JdkReader.create(), written).getAsTree(NATIVE));
            assertEquals(keptPart(before), keptPart(after), key);
        }
        // the JDK's own metadata is converted and its segments written as well
        byte[] source = files().get("app1 and com");
        ImageReader jdk = JdkReader.create();
        IIOMetadata jdkMetadata;
        try (ImageInputStream in = TestImages.stream(source)) {
            jdk.setInput(in);
            jdkMetadata = jdk.getImageMetadata(0);
        }
        byte[] written = write(TestImages.rgb(24, 16), jdkMetadata);
        assertEquals(keptPart(describe(metadata(JdkReader.create(), source).getAsTree(NATIVE))),
                keptPart(describe(metadata(JdkReader.create(), written).getAsTree(NATIVE))));
    }

    /** The lines of JFIF, ICC, unknown (APPn) and COM nodes. */
    private static String keptPart(String description) {
        StringBuilder sb = new StringBuilder();
        for (String line : description.split("\n")) {
            String t = line.trim();
            if (t.startsWith("app0JFIF") || t.startsWith("app2ICC") || t.startsWith("unknown") || t.startsWith("com ")) {
                sb.append(t).append('\n');
            }
        }
        assertTrue(sb.length() > 0, "nothing to compare in " + description);
        return sb.toString();
    }
}
