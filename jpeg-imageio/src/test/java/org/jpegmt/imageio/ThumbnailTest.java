package org.jpegmt.imageio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;
import org.junit.jupiter.api.Test;

/**
 * JFIF and JFXX thumbnails against the JDK reader: files with thumbnails written by the JDK
 * writer (JFIF RGB, JFXX palette and RGB) and JFXX segments made by hand (JPEG, palette, RGB);
 * count, sizes, pixels, colour model and both metadata trees must equal the JDK reader's.
 */
class ThumbnailTest {
    private static BufferedImage picture(int w, int h, int type) {
        BufferedImage b = new BufferedImage(w, h, type);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                b.setRGB(x, y, (x * 255 / w) << 16 | (y * 255 / h) << 8 | ((x + y) * 5 & 0xFF));
            }
        }
        return b;
    }

    /** The JDK writer's file for a 64 x 48 picture with these thumbnails. */
    private static byte[] jdkWithThumbnails(List<BufferedImage> thumbnails) throws IOException {
        ImageWriter w = Fixtures.jdkWriter();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ImageOutputStream o = ImageIO.createImageOutputStream(out)) {
            w.setOutput(o);
            w.write(null, new IIOImage(picture(64, 48, BufferedImage.TYPE_INT_RGB), thumbnails, null), null);
        } finally {
            w.dispose();
        }
        return out.toByteArray();
    }

    private static byte[] paletteSegment(int w, int h) {
        byte[] palette = new byte[768];
        for (int i = 0; i < 256; i++) {
            palette[3 * i] = (byte) i;
            palette[3 * i + 1] = (byte) (255 - i);
            palette[3 * i + 2] = (byte) (i * 7);
        }
        byte[] index = new byte[w * h];
        for (int i = 0; i < index.length; i++) {
            index[i] = (byte) (i * 5);
        }
        return Fixtures.jfxx(Thumbnails.PALETTE, new byte[] {(byte) w, (byte) h}, palette, index);
    }

    private static byte[] rgbBytes(int n) {
        byte[] rgb = new byte[3 * n];
        for (int i = 0; i < rgb.length; i++) {
            rgb[i] = (byte) (i * 11);
        }
        return rgb;
    }

    private static Map<String, byte[]> files() throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("JFIF RGB (JDK writer)", jdkWithThumbnails(List.of(picture(16, 12, BufferedImage.TYPE_INT_RGB))));
        files.put("JFXX palette (JDK writer)",
                jdkWithThumbnails(List.of(picture(16, 12, BufferedImage.TYPE_BYTE_INDEXED))));
        files.put("JFXX RGB and palette (JDK writer)", jdkWithThumbnails(List.of(
                picture(16, 12, BufferedImage.TYPE_INT_RGB), picture(8, 6, BufferedImage.TYPE_BYTE_INDEXED))));
        byte[] main = Fixtures.baseline420(64, 48);
        byte[] jpegThumb = Fixtures.jfxx(Thumbnails.JPEG, Fixtures.baseline420(16, 12));
        files.put("JFXX JPEG", Fixtures.insertAfterJfif(main, 0xE0, jpegThumb));
        byte[] all = Fixtures.insertAfterJfif(main, 0xE0,
                Fixtures.jfxx(Thumbnails.RGB, new byte[] {7, 3}, rgbBytes(21)));
        all = Fixtures.insertAfterJfif(all, 0xE0, paletteSegment(10, 5));
        all = Fixtures.insertAfterJfif(all, 0xE0, Fixtures.jfxx(Thumbnails.JPEG, Fixtures.grey(9, 11)));
        files.put("JFXX JPEG grey, palette, RGB", all);
        byte[] late = Fixtures.insertAt(main, Fixtures.scanOffsets(main).get(0), 0xE0,
                Fixtures.jfxx(Thumbnails.RGB, new byte[] {7, 3}, rgbBytes(21)));
        files.put("JFXX after the tables", late);
        files.put("JFXX with an ICC profile", Fixtures.withProfile(
                Fixtures.insertAfterJfif(main, 0xE0, paletteSegment(4, 4)), Fixtures.linearRgb()));
        return files;
    }

    @Test
    void thumbnailsAndTreesEqualTheJdkReaders() throws IOException {
        for (Map.Entry<String, byte[]> f : files().entrySet()) {
            String what = f.getKey();
            ImageReader jdk = JdkReader.create();
            ImageReader ours = new JpegmtImageReaderSpi().createReaderInstance();
            try (ImageInputStream a = TestImages.stream(f.getValue());
                    ImageInputStream b = TestImages.stream(f.getValue())) {
                jdk.setInput(a);
                ours.setInput(b);
                int n = jdk.getNumThumbnails(0);
                assertTrue(n > 0, what);
                assertEquals(n, ours.getNumThumbnails(0), what);
                for (int t = 0; t < n; t++) {
                    assertEquals(jdk.getThumbnailWidth(0, t), ours.getThumbnailWidth(0, t), what + " #" + t);
                    assertEquals(jdk.getThumbnailHeight(0, t), ours.getThumbnailHeight(0, t), what + " #" + t);
                    BufferedImage expected = jdk.readThumbnail(0, t);
                    BufferedImage actual = ours.readThumbnail(0, t);
                    String which = what + " #" + t;
                    assertEquals(expected.getColorModel().getClass(), actual.getColorModel().getClass(), which);
                    assertArrayEquals(argb(expected), argb(actual), which);
                }
                assertEquals(MetadataAndRasterTest.describe(jdk.getImageMetadata(0).getAsTree(NativeTree.FORMAT)),
                        MetadataAndRasterTest.describe(ours.getImageMetadata(0).getAsTree(NativeTree.FORMAT)), what);
                assertEquals(MetadataAndRasterTest.describe(jdk.getImageMetadata(0).getAsTree("javax_imageio_1.0")),
                        MetadataAndRasterTest.describe(ours.getImageMetadata(0).getAsTree("javax_imageio_1.0")), what);
            } finally {
                jdk.dispose();
                ours.dispose();
            }
        }
    }

    private static int[] argb(BufferedImage img) {
        return img.getRGB(0, 0, img.getWidth(), img.getHeight(), null, 0, img.getWidth());
    }

    @Test
    void exifThumbnailsAreNotExposedAsByTheJdk() throws IOException {
        // APP1 Exif, little-endian TIFF: empty IFD0, IFD1 pointing at a JPEG thumbnail
        byte[] thumb = Fixtures.baseline420(16, 12);
        int at = 14 + 2 + 2 * 12 + 4;
        ByteArrayOutputStream tiff = new ByteArrayOutputStream();
        tiff.writeBytes(Fixtures.ascii("Exif\0\0"));
        tiff.writeBytes(new byte[] {'I', 'I', 42, 0, 8, 0, 0, 0, 0, 0, 14, 0, 0, 0, 2, 0});
        tiff.writeBytes(new byte[] {0x01, 0x02, 4, 0, 1, 0, 0, 0, (byte) at, 0, 0, 0});
        byte[] length = {(byte) thumb.length, (byte) (thumb.length >> 8)};
        tiff.writeBytes(new byte[] {0x02, 0x02, 4, 0, 1, 0, 0, 0, length[0], length[1], 0, 0});
        tiff.writeBytes(new byte[] {0, 0, 0, 0});
        tiff.writeBytes(thumb);
        byte[] file = Fixtures.insertAfterJfif(Fixtures.baseline420(64, 48), 0xE1, tiff.toByteArray());
        for (ImageReader r : List.of(JdkReader.create(), new JpegmtImageReaderSpi().createReaderInstance())) {
            try (ImageInputStream in = TestImages.stream(file)) {
                r.setInput(in);
                assertEquals(0, r.getNumThumbnails(0), r.getClass().getName());
                assertThrows(IndexOutOfBoundsException.class, () -> r.readThumbnail(0, 0));
            } finally {
                r.dispose();
            }
        }
    }

    @Test
    void jfxxWithoutJfifOrMalformedIsNoThumbnail() throws IOException {
        byte[] noJfif = Fixtures.insertAfterSoi(Fixtures.fourComponents(Fixtures.cmykRaster(16, 16), 0), 0xE0,
                Fixtures.jfxx(Thumbnails.RGB, new byte[] {2, 2}, rgbBytes(4)));
        byte[] shortRgb = Fixtures.insertAfterJfif(Fixtures.baseline420(32, 32), 0xE0,
                Fixtures.jfxx(Thumbnails.RGB, new byte[] {7, 3}, new byte[10]));
        byte[] badCode = Fixtures.insertAfterJfif(Fixtures.baseline420(32, 32), 0xE0,
                Fixtures.jfxx(0x12, new byte[] {1, 1, 0, 0, 0}));
        // 2 bytes short, as the JDK writer's segments, but a marker follows: nothing taken from it
        byte[] shortBeforeMarker = Fixtures.insertAfterJfif(Fixtures.baseline420(32, 32), 0xE0,
                Fixtures.jfxx(Thumbnails.RGB, new byte[] {2, 2}, new byte[10]));
        for (byte[] file : List.of(noJfif, shortRgb, badCode, shortBeforeMarker)) {
            ImageReader r = new JpegmtImageReaderSpi().createReaderInstance();
            try (ImageInputStream in = TestImages.stream(file)) {
                r.setInput(in);
                assertEquals(0, r.getNumThumbnails(0));
                String tree = MetadataAndRasterTest.describe(r.getImageMetadata(0).getAsTree(NativeTree.FORMAT));
                assertTrue(tree.contains("unknown [MarkerTag=224]"), tree);
            } finally {
                r.dispose();
            }
        }
    }

    @Test
    void readerSaysItSupportsThumbnails() throws IOException {
        assertTrue(new JpegmtImageReaderSpi().createReaderInstance().readerSupportsThumbnails());
    }
}
