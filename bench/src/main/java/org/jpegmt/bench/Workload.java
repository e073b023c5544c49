package org.jpegmt.bench;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jpegmt.core.EncoderOptions;
import org.jpegmt.core.JpegEncoder;
import org.jpegmt.core.PixelImage;
import org.jpegmt.core.Subsampling;

/**
 * One point of the benchmark matrix: an image, a restart setting, a subsampling and a quality,
 * with the RGB pixels and the jpegmt-encoded file that every decoder of the run reads.
 *
 * <p>Restart settings: {@code none} (one entropy-coded segment), {@code row} (one marker per
 * MCU row, jpegmt's default) and {@code 8rows} (one marker per 8 MCU rows); {@code original}
 * decodes the bench image's own file as it is (the camera's or encoder's bytes, whatever its
 * sampling, quality and markers; subsampling and quality then only set the encode side, which
 * uses no markers).
 */
final class Workload {
    private static final Map<String, PixelImage> PIXELS = new ConcurrentHashMap<>();

    final String image;
    final String restart;
    final Subsampling subsampling;
    final int quality;
    final PixelImage pixels;
    final EncoderOptions options;
    final byte[] jpeg;

    private Workload(String image, String restart, String subsampling, int quality) throws IOException {
        this.image = image;
        this.restart = restart;
        this.subsampling = Subsampling.parse(subsampling);
        this.quality = quality;
        this.pixels = pixels(image);
        boolean original = restart.equals("original");
        this.options = EncoderOptions.defaults().withQuality(quality).withSubsampling(this.subsampling)
                .withRestartRows(original ? 0 : restartRows(restart));
        if (original) {
            if (BenchImages.crop(image) != null || !image.endsWith(".jpg")) {
                throw new IllegalArgumentException("restart=original needs a whole JPEG bench image, got " + image);
            }
            this.jpeg = java.nio.file.Files.readAllBytes(BenchImages.resolve(image));
        } else {
            this.jpeg = new JpegEncoder(options).encode(pixels);
        }
    }

    static Workload of(String image, String restart, String subsampling, int quality) throws IOException {
        return new Workload(image, restart, subsampling, quality);
    }

    /** The decoded pixels of a bench image, cached per JVM (setup of many trials shares them). */
    static PixelImage pixels(String image) throws IOException {
        PixelImage p = PIXELS.get(image);
        if (p == null) {
            p = BenchImages.loadPixels(image);
            PIXELS.put(image, p);
        }
        return p;
    }

    /** @return restart interval in MCU rows for a restart setting name ({@code original} excluded) */
    static int restartRows(String restart) {
        switch (restart) {
            case "none":
                return 0;
            case "row":
                return 1;
            default:
                if (restart.endsWith("rows")) {
                    return Integer.parseInt(restart.substring(0, restart.length() - 4));
                }
                throw new IllegalArgumentException("restart must be none, row or <n>rows, got " + restart);
        }
    }

    /** @return width * height / 1e6 */
    double megapixels() {
        return pixels.width() * (double) pixels.height() / 1e6;
    }

    /** @return MCUs per MCU row for this subsampling */
    int mcusPerRow() {
        int mcuWidth = 8 * subsampling.lumaH();
        return (pixels.width() + mcuWidth - 1) / mcuWidth;
    }
}
