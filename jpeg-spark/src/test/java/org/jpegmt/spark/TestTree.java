package org.jpegmt.spark;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import org.jpegmt.core.EncoderOptions;
import org.jpegmt.core.JpegEncoder;
import org.jpegmt.core.awt.BufferedImages;

/**
 * A generated input tree with nested directories: good PNG/BMP/JPEG files, a progressive JPEG,
 * files the command refuses (corrupt, arithmetic-coded, not an image), a damaged JPEG it recovers
 * with a warning, two inputs with the same output name, and a file that is no input.
 */
final class TestTree {
    /** The inputs every command refuses, relative to the tree. */
    static final String CORRUPT = "bad/corrupt.jpg";
    static final String ARITHMETIC = "bad/arith.jpg";
    static final String NOT_AN_IMAGE = "bad/text.png";
    /** Sorted after dup.bmp, whose output (dup.jpg) it would overwrite: skipped by the batch rule. */
    static final String SAME_OUTPUT = "dup.png";
    static final String TRUNCATED = "sub/deep/truncated.jpg";
    static final String PROGRESSIVE = "sub/deep/prog.jpg";

    private TestTree() {
    }

    static void write(Path in) throws IOException {
        png(in.resolve("a.png"), picture(64, 48, 0));
        png(in.resolve("sub/b.png"), picture(40, 30, 1));
        png(in.resolve("name with space.png"), picture(17, 9, 2));
        image(in.resolve("UPPER.PNG"), "png", picture(24, 16, 3));
        image(in.resolve("dup.bmp"), "bmp", picture(20, 20, 4));
        png(in.resolve(SAME_OUTPUT), picture(21, 21, 5));
        byte[] jpeg = new JpegEncoder(EncoderOptions.defaults().withQuality(90))
                .encode(BufferedImages.fromBufferedImage(picture(100, 70, 6)));
        put(in.resolve("sub/deep/c.jpg"), jpeg);
        byte[] big = new JpegEncoder(EncoderOptions.defaults().withQuality(80).withRestartRows(0))
                .encode(BufferedImages.fromBufferedImage(picture(160, 160, 7)));
        put(in.resolve(TRUNCATED), Arrays.copyOf(big, big.length * 3 / 5));
        put(in.resolve(PROGRESSIVE), progressive(picture(80, 60, 8)));
        put(in.resolve(CORRUPT), new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xC0, 0, 11, 8, (byte) 0xFF});
        put(in.resolve(ARITHMETIC), arithmetic(jpeg));
        put(in.resolve(NOT_AN_IMAGE), "not an image".getBytes(StandardCharsets.US_ASCII));
        put(in.resolve("notes.txt"), "no input of any command".getBytes(StandardCharsets.US_ASCII));
    }

    /** A smooth gradient with a little deterministic texture, different per seed. */
    static BufferedImage picture(int w, int h, int seed) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int r = 128 + (int) (100 * Math.sin((x + seed * 7) / 13.0));
                int g = 128 + (int) (100 * Math.cos((y + seed) / 11.0));
                int b = ((x * 31 + y * 17 + seed * 5) & 63) + (x + y) * 150 / (w + h);
                img.setRGB(x, y, r << 16 | g << 8 | b);
            }
        }
        return img;
    }

    private static void png(Path file, BufferedImage img) throws IOException {
        image(file, "png", img);
    }

    private static void image(Path file, String format, BufferedImage img) throws IOException {
        Files.createDirectories(file.getParent());
        if (!ImageIO.write(img, format, file.toFile())) {
            throw new IOException("no ImageIO writer for " + format);
        }
    }

    private static void put(Path file, byte[] bytes) throws IOException {
        Files.createDirectories(file.getParent());
        Files.write(file, bytes);
    }

    /** The JDK's progressive JPEG (SOF2). */
    static byte[] progressive(BufferedImage img) throws IOException {
        ImageWriter w = ImageIO.getImageWritersByFormatName("jpeg").next();
        ImageWriteParam p = w.getDefaultWriteParam();
        p.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ImageOutputStream o = ImageIO.createImageOutputStream(out)) {
            w.setOutput(o);
            w.write(null, new IIOImage(img, null, null), p);
        } finally {
            w.dispose();
        }
        byte[] bytes = out.toByteArray();
        if (indexOf(bytes, 0xC2) < 0) {
            throw new IOException("the JDK wrote no SOF2");
        }
        return bytes;
    }

    /** A baseline file whose SOF0 says SOF9 (arithmetic coding), which every command refuses. */
    static byte[] arithmetic(byte[] baseline) {
        byte[] b = baseline.clone();
        b[indexOf(b, 0xC0)] = (byte) 0xC9;
        return b;
    }

    /** @return the index of the marker byte after the first FF that is followed by it */
    private static int indexOf(byte[] b, int marker) {
        for (int i = 0; i + 1 < b.length; i++) {
            if ((b[i] & 0xFF) == 0xFF && (b[i + 1] & 0xFF) == marker) {
                return i + 1;
            }
        }
        return -1;
    }
}
