package org.jpegmt.cli;

import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Locale;
import java.util.function.Consumer;
import javax.imageio.ImageIO;
import org.jpegmt.core.awt.BufferedImages;
import org.jpegmt.core.PixelFormat;
import org.jpegmt.core.PixelImage;
import org.jpegmt.core.internal.FileStructure;

/** Reads and writes the non-JPEG image formats the command line accepts, chosen by content or extension. */
final class ImageFiles {
    private ImageFiles() {
    }

    /** Output formats for decoded images, by file extension. */
    enum OutputFormat {
        PPM, PGM, PNG, BMP;

        /** @return the usual extension, with the dot */
        String extension() {
            return "." + name().toLowerCase(Locale.ROOT);
        }

        /** Parses {@code --format}: ppm, pgm, png or bmp (any case). */
        static OutputFormat parse(String name) {
            for (OutputFormat f : values()) {
                if (f.name().equalsIgnoreCase(name)) {
                    return f;
                }
            }
            throw new IllegalArgumentException("unknown format '" + name + "': use ppm, pgm, png or bmp");
        }

        static OutputFormat forName(String fileName) {
            String lower = fileName.toLowerCase(Locale.ROOT);
            if (lower.endsWith(".ppm") || lower.endsWith(".pnm")) {
                return PPM;
            }
            if (lower.endsWith(".pgm")) {
                return PGM;
            }
            if (lower.endsWith(".png")) {
                return PNG;
            }
            if (lower.endsWith(".bmp")) {
                return BMP;
            }
            throw new IllegalArgumentException("cannot tell the output format from '" + fileName
                    + "': use .ppm, .pgm, .png or .bmp");
        }
    }

    /** Decodes JPEG data: a {@code JpegDecoder} or a {@code ParallelJpegDecoder}. */
    @FunctionalInterface
    interface JpegReader {
        PixelImage decode(byte[] jpeg) throws IOException;
    }

    static boolean isJpeg(byte[] data) {
        return FileStructure.startsWithSoi(data);
    }

    /**
     * Decodes an input image: JPEG (with jpegmt), PGM/PPM, or anything javax.imageio reads
     * (PNG, BMP, GIF).
     */
    static PixelImage readImage(byte[] data, JpegReader jpegDecoder) throws IOException {
        return readImage(data, jpegDecoder, warning -> { });
    }

    /** The message for an input whose transparency the JPEG output cannot keep. */
    static final String ALPHA_DROPPED = "alpha channel dropped: JPEG has no transparency"
            + " (transparent pixels keep their stored colour)";

    /**
     * Decodes an input image as {@link #readImage(byte[], JpegReader)} does, and reports
     * {@link #ALPHA_DROPPED} to {@code warnings} when the image has pixels that are not fully
     * opaque (an alpha channel that is opaque everywhere loses nothing, and is not reported).
     */
    static PixelImage readImage(byte[] data, JpegReader jpegDecoder, Consumer<String> warnings) throws IOException {
        if (isJpeg(data)) {
            PixelImage image = jpegDecoder.decode(data);
            return image.format() == PixelFormat.CMYK
                    ? BufferedImages.fromBufferedImage(BufferedImages.toBufferedImage(image)) : image;
        }
        if (Pnm.looksLikePnm(data)) {
            return Pnm.read(data);
        }
        noDiskCache();
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(data));
        if (img == null) {
            throw new IOException("unrecognised image format (expected JPEG, PNG, BMP, PPM or PGM)");
        }
        if (hasTransparency(img)) {
            warnings.accept(ALPHA_DROPPED);
        }
        return BufferedImages.fromBufferedImage(img);
    }

    /** @return whether some pixel of the image is not fully opaque */
    static boolean hasTransparency(BufferedImage img) {
        if (!img.getColorModel().hasAlpha()) {
            return false;
        }
        int w = img.getWidth();
        int[] row = new int[w];
        Raster alpha = img.getAlphaRaster();
        if (alpha != null) {
            int opaque = (1 << alpha.getSampleModel().getSampleSize(0)) - 1;
            for (int y = 0; y < img.getHeight(); y++) {
                alpha.getSamples(0, y, w, 1, 0, row);
                for (int a : row) {
                    if (a != opaque) {
                        return true;
                    }
                }
            }
            return false;
        }
        if (img.getColorModel() instanceof IndexColorModel icm) {
            Raster raster = img.getRaster();
            for (int y = 0; y < img.getHeight(); y++) {
                raster.getSamples(0, y, w, 1, 0, row);
                for (int index : row) {
                    if (icm.getAlpha(index) != 255) {
                        return true;
                    }
                }
            }
            return false;
        }
        return true; // another model with alpha: assume it is used
    }

    /**
     * Encodes a decoded image for output in the given format, as parts written one after the
     * other (PPM/PGM: the header and the pixels themselves, so a large image is not copied).
     */
    static byte[][] writeImage(PixelImage image, OutputFormat format) throws IOException {
        PixelImage img = image;
        if (img.format() == PixelFormat.CMYK) {
            img = BufferedImages.fromBufferedImage(BufferedImages.toBufferedImage(img));
        }
        switch (format) {
            case PPM:
            case PGM:
                if (format == OutputFormat.PGM && img.format() != PixelFormat.GRAY) {
                    throw new IOException("a colour image cannot be written as PGM; use .ppm");
                }
                return Pnm.parts(img);
            default:
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                noDiskCache();
                if (!ImageIO.write(BufferedImages.toBufferedImage(img), format.name().toLowerCase(Locale.ROOT), out)) {
                    throw new IOException("no ImageIO writer for " + format);
                }
                return new byte[][] {out.toByteArray()};
        }
    }

    /**
     * Turns ImageIO's stream cache off before each use: it writes imageio*.tmp files that a killed
     * run leaves behind, and its StreamCloser hook closes them under our feet on Ctrl-C; our inputs
     * and outputs are in memory anyway. Here rather than at start-up, because the first touch of
     * ImageIO costs 65-90 ms (its plugin registry), which JPEG and PNM conversions never need.
     */
    private static void noDiskCache() {
        ImageIO.setUseCache(false);
    }
}
