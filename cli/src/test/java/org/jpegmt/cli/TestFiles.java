package org.jpegmt.cli;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import javax.imageio.ImageIO;

/** Images and file checks shared by the command-line tests. */
final class TestFiles {
    private TestFiles() {
    }

    /** Writes a smooth colour gradient (compresses well, PSNR well above 30 dB at q90) as PNG. */
    static Path smoothPng(Path file, int w, int h) throws Exception {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int r = 128 + (int) (100 * Math.sin(x / 23.0));
                int g = 128 + (int) (100 * Math.cos(y / 17.0));
                int b = (x + y) * 255 / (w + h);
                img.setRGB(x, y, r << 16 | g << 8 | b);
            }
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        ImageIO.write(img, "png", file.toFile());
        return file;
    }

    /** Writes bytes that start like a JPEG and break off in the frame header. */
    static Path corruptJpeg(Path file) throws Exception {
        Files.createDirectories(file.toAbsolutePath().getParent());
        return Files.write(file, new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xC0, 0, 11, 8, (byte) 0xFF});
    }

    /** @return how many temporary files SafeOutput left anywhere under dir */
    static long tempFiles(Path dir) throws Exception {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".tmp")).count();
        }
    }
}
