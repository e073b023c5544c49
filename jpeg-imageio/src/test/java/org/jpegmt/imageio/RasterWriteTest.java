package org.jpegmt.imageio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.awt.image.DataBuffer;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
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
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.stream.ImageOutputStream;
import org.junit.jupiter.api.Test;

/**
 * Raster writes against the JDK writer, which writes a raster's bands as they are. The JDK
 * writer on JDK 17 codes with libjpeg's integer DCT and, without metadata, one quantization and
 * one Huffman table pair: jpegmt, byte-identical to cjpeg, gives the JDK's bytes whenever
 * restart markers are off.
 */
class RasterWriteTest {
    /** Smooth ramps per band, different per band, so subsampling and edge padding show. */
    private static WritableRaster raster(int w, int h, int bands) {
        WritableRaster r = Raster.createInterleavedRaster(DataBuffer.TYPE_BYTE, w, h, bands, null);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                for (int b = 0; b < bands; b++) {
                    r.setSample(x, y, b, (20 + 37 * b + x * (3 + b) + y * (5 - b) + ((x * y) & 7)) & 0xFF);
                }
            }
        }
        return r;
    }

    private static byte[] write(ImageWriter w, Raster r, IIOMetadata md, ImageWriteParam p) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ImageOutputStream o = ImageIO.createImageOutputStream(out)) {
            w.setOutput(o);
            w.write(null, new IIOImage(r, null, md), p);
        } finally {
            w.dispose();
        }
        return out.toByteArray();
    }

    private static JpegmtImageWriteParam noRestarts() {
        JpegmtImageWriteParam p = new JpegmtImageWriteParam(null);
        p.setRestartRows(0);
        return p;
    }

    private static byte[] ours(Raster r, IIOMetadata md, JpegmtImageWriteParam p) throws IOException {
        return write(new JpegmtImageWriter(new JpegmtImageWriterSpi()), r, md, p);
    }

    private static byte[] jdk(Raster r, IIOMetadata md, ImageWriteParam p) throws IOException {
        return write(Fixtures.jdkWriter(), r, md, p);
    }

    @Test
    void withoutMetadataTheBytesAreTheJdks() throws IOException {
        for (int bands = 1; bands <= 4; bands++) {
            for (int[] size : new int[][] {{1, 1}, {37, 21}, {64, 48}, {203, 77}}) {
                Raster r = raster(size[0], size[1], bands);
                String what = bands + " bands " + size[0] + "x" + size[1];
                assertArrayEquals(jdk(r, null, null), ours(r, null, noRestarts()), what);
                ImageWriteParam jp = Fixtures.jdkWriter().getDefaultWriteParam();
                jp.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                jp.setCompressionQuality(0.9f);
                JpegmtImageWriteParam op = noRestarts();
                op.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                op.setCompressionQuality(0.9f);
                assertArrayEquals(jdk(r, null, jp), ours(r, null, op), what + " q0.9");
            }
        }
    }

    @Test
    void packedAndTranslatedRastersAsTheJdk() throws IOException {
        BufferedImage rgb = TestImages.rgb(45, 30);
        Raster packed = rgb.getRaster(); // DataBufferInt, SinglePixelPackedSampleModel
        assertArrayEquals(jdk(packed, null, null), ours(packed, null, noRestarts()));
        Raster translated = raster(45, 30, 3).createTranslatedChild(7, 5);
        assertArrayEquals(jdk(translated, null, null), ours(translated, null, noRestarts()));
    }

    @Test
    void regionSubsamplingAndBandsAsTheJdk() throws IOException {
        Raster r = raster(61, 43, 4);
        ImageWriteParam jp = Fixtures.jdkWriter().getDefaultWriteParam();
        JpegmtImageWriteParam op = noRestarts();
        for (ImageWriteParam p : List.of(jp, op)) {
            p.setSourceRegion(new Rectangle(3, 2, 40, 30));
            p.setSourceSubsampling(2, 3, 1, 0);
            p.setSourceBands(new int[] {3, 0, 2});
        }
        byte[] expected = jdk(r, null, jp);
        assertArrayEquals(expected, ours(r, null, op));
        assertEquals(3, JdkReader.readRaster(expected).getNumBands());
    }

    @Test
    void defaultParamOnlyAddsRestartMarkers() throws IOException {
        Raster r = raster(90, 50, 3);
        byte[] jdk = jdk(r, null, null);
        byte[] ours = ours(r, null, null);
        List<String> jdkMarkers = markers(jdk);
        List<String> ourMarkers = markers(ours);
        assertTrue(ourMarkers.remove("DRI"), ourMarkers.toString());
        assertEquals(jdkMarkers, ourMarkers);
        assertRastersEqual(JdkReader.readRaster(jdk), JdkReader.readRaster(ours));
    }

    @Test
    void jfifMetadataGivesItsSegmentAndSubsamplingAsTheJdk() throws IOException {
        ImageWriter jw = Fixtures.jdkWriter();
        IIOMetadata md = jw.getDefaultImageMetadata(
                ImageTypeSpecifier.createFromBufferedImageType(BufferedImage.TYPE_3BYTE_BGR), null);
        jw.dispose();
        for (int[] size : new int[][] {{37, 21}, {64, 48}, {1, 1}}) {
            Raster r = raster(size[0], size[1], 3);
            byte[] expected = jdk(r, md, null);
            byte[] actual = ours(r, md, noRestarts());
            String what = size[0] + "x" + size[1];
            // up to the frame the bytes are the JDK's: JFIF 1.02, both quantization tables, 4:2:0
            int frameEnd = 2 + 18 + 2 * 69 + 19;
            assertArrayEquals(Arrays.copyOf(expected, frameEnd), Arrays.copyOf(actual, frameEnd), what);
            // the JDK's raster path codes every component with Huffman table 0; jpegmt (as cjpeg)
            // codes chroma with the chrominance tables: other bits, the same coefficients
            assertEquals(List.of("SOI", "APP0", "DQT", "DQT", "SOF0", "DHT", "DHT", "SOS", "EOI"), markers(expected));
            assertEquals(List.of("SOI", "APP0", "DQT", "DQT", "SOF0", "DHT", "DHT", "DHT", "DHT", "SOS", "EOI"),
                    markers(actual));
            assertRastersEqual(JdkReader.readRaster(expected), JdkReader.readRaster(actual));
        }
    }

    @Test
    void adobeMetadataOfACmykFileIsWrittenWithTheSamples() throws IOException {
        for (int transform : new int[] {0, 2}) {
            byte[] cmykFile = Fixtures.fourComponents(Fixtures.cmykRaster(50, 30), transform);
            ImageReader reader = JdkReader.create();
            reader.setInput(TestImages.stream(cmykFile));
            IIOMetadata md = reader.getImageMetadata(0);
            Raster samples = reader.readRaster(0, null);
            reader.dispose();
            byte[] expected = jdk(samples, md, null);
            assertEquals("APP14", markers(expected).get(1));
            assertArrayEquals(expected, ours(samples, md, noRestarts()), "transform " + transform);
        }
    }

    @Test
    void metadataWithAnotherComponentCountIsRefusedAsByTheJdk() throws IOException {
        ImageWriter jw = Fixtures.jdkWriter();
        IIOMetadata grey = jw.getDefaultImageMetadata(
                ImageTypeSpecifier.createFromBufferedImageType(BufferedImage.TYPE_BYTE_GRAY), null);
        jw.dispose();
        Raster r = raster(16, 16, 3);
        assertThrows(IIOException.class, () -> jdk(r, grey, null));
        assertThrows(IIOException.class, () -> ours(r, grey, null));
    }

    /** Marker names in file order, up to SOS and EOI (the entropy-coded data skipped). */
    private static List<String> markers(byte[] jpeg) {
        List<String> out = new ArrayList<>();
        int i = 2;
        out.add("SOI");
        while (i + 4 <= jpeg.length) {
            int m = jpeg[i + 1] & 0xFF;
            out.add(m >= 0xE0 && m <= 0xEF ? "APP" + (m - 0xE0) : switch (m) {
                case 0xDB -> "DQT";
                case 0xC4 -> "DHT";
                case 0xC0 -> "SOF0";
                case 0xDD -> "DRI";
                case 0xDA -> "SOS";
                default -> Integer.toHexString(m);
            });
            if (m == 0xDA) {
                break;
            }
            i += 2 + ((jpeg[i + 2] & 0xFF) << 8 | jpeg[i + 3] & 0xFF);
        }
        out.add("EOI");
        return out;
    }

    private static void assertRastersEqual(Raster expected, Raster actual) {
        assertEquals(expected.getNumBands(), actual.getNumBands());
        int[] e = expected.getPixels(0, 0, expected.getWidth(), expected.getHeight(), (int[]) null);
        int[] a = actual.getPixels(0, 0, actual.getWidth(), actual.getHeight(), (int[]) null);
        assertArrayEquals(e, a);
    }
}
