package org.jpegmt.bench;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriter;
import javax.imageio.spi.IIORegistry;
import javax.imageio.spi.ImageReaderSpi;
import javax.imageio.spi.ImageWriterSpi;
import org.jpegmt.core.awt.BufferedImages;
import org.jpegmt.core.PixelImage;

/** Finds and loads benchmark images, and the JDK's own JPEG reader/writer (by class name). */
final class BenchImages {
    private BenchImages() {
    }

    /** The JDK's JPEG reader class; other registered readers are ignored on purpose. */
    static final String JDK_READER = "com.sun.imageio.plugins.jpeg.JPEGImageReader";
    /** The JDK's JPEG writer class. */
    static final String JDK_WRITER = "com.sun.imageio.plugins.jpeg.JPEGImageWriter";

    /**
     * Resolves an image name: {@code sample} is the repo's own sample image; any other name is
     * looked up in {@code <shared>/bench-images}, where shared is the system property
     * {@code jpegmt.shared} or {@code ../shared}. A suffix {@code @WxH} (e.g. {@code sample@256x256})
     * names the top-left W x H pixels of the image ({@link #loadPixels}); resolve ignores it.
     */
    static Path resolve(String name) throws IOException {
        int at = name.indexOf('@');
        if (at >= 0) {
            name = name.substring(0, at);
        }
        if (name.equals("sample")) {
            for (Path p : new Path[] {Path.of("samples/sample.png"), Path.of("../samples/sample.png")}) {
                if (Files.exists(p)) {
                    return p;
                }
            }
            throw new IOException("samples/sample.png not found (run from the repository root)");
        }
        if (Path.of(name).isAbsolute() && Files.isRegularFile(Path.of(name))) {
            return Path.of(name); // a file made for one run, e.g. a progressive encode of a bench photo
        }
        String shared = System.getProperty("jpegmt.shared", "../shared");
        for (Path p : new Path[] {Path.of(shared, "bench-images", name), Path.of("..", shared, "bench-images", name)}) {
            if (Files.exists(p)) {
                return p;
            }
        }
        throw new IOException("bench image " + name + " not found under " + shared + "/bench-images");
    }

    /** Loads any image as RGB pixels (JPEG through the JDK reader), cropped if the name asks. */
    static PixelImage loadPixels(String name) throws IOException {
        BufferedImage img = ImageIO.read(resolve(name).toFile());
        if (img == null) {
            throw new IOException("cannot read " + name);
        }
        int[] crop = crop(name);
        if (crop != null) {
            if (crop[0] > img.getWidth() || crop[1] > img.getHeight()) {
                throw new IOException(name + ": the image is only " + img.getWidth() + "x" + img.getHeight());
            }
            img = img.getSubimage(0, 0, crop[0], crop[1]);
        }
        return BufferedImages.fromBufferedImage(img);
    }

    /** @return {width, height} of a name's {@code @WxH} suffix, or null without one */
    static int[] crop(String name) {
        int at = name.indexOf('@');
        if (at < 0) {
            return null;
        }
        String[] wh = name.substring(at + 1).split("x");
        if (wh.length != 2) {
            throw new IllegalArgumentException("image crop must be NAME@WxH, got " + name);
        }
        return new int[] {Integer.parseInt(wh[0]), Integer.parseInt(wh[1])};
    }

    static ImageReader jdkReader() {
        for (var it = IIORegistry.getDefaultInstance().getServiceProviders(ImageReaderSpi.class, true); it.hasNext();) {
            ImageReaderSpi spi = it.next();
            if (spi.getPluginClassName().equals(JDK_READER)) {
                try {
                    return spi.createReaderInstance();
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        throw new IllegalStateException("the JDK's JPEG reader " + JDK_READER + " is not registered");
    }

    static ImageWriter jdkWriter() {
        for (var it = IIORegistry.getDefaultInstance().getServiceProviders(ImageWriterSpi.class, true); it.hasNext();) {
            ImageWriterSpi spi = it.next();
            if (spi.getPluginClassName().equals(JDK_WRITER)) {
                try {
                    return spi.createWriterInstance();
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        throw new IllegalStateException("the JDK's JPEG writer " + JDK_WRITER + " is not registered");
    }
}
