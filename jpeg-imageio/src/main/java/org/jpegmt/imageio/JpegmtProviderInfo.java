package org.jpegmt.imageio;

import java.util.Iterator;
import javax.imageio.spi.ServiceRegistry;

/**
 * What both service providers say about the format: names, suffixes, MIME types, vendor and
 * version, and how they order themselves against the JDK's JPEG plugin.
 */
final class JpegmtProviderInfo {
    private JpegmtProviderInfo() {
    }

    static final String VENDOR = "jpegmt";
    static final String VERSION = "0.1.0";

    /**
     * The JDK's names plus {@code "jpegmt"}, which only this plugin answers to, so that
     * {@code ImageIO.getImageWritersByFormatName("jpegmt")} selects it explicitly.
     */
    static final String[] FORMAT_NAMES = {"JPEG", "jpeg", "JPG", "jpg", "jpegmt"};
    static final String[] SUFFIXES = {"jpg", "jpeg", "jpe", "jfif"};
    static final String[] MIME_TYPES = {"image/jpeg", "image/jpg"};

    static final String READER_CLASS = "org.jpegmt.imageio.JpegmtImageReader";
    static final String READER_SPI_CLASS = "org.jpegmt.imageio.JpegmtImageReaderSpi";
    static final String WRITER_CLASS = "org.jpegmt.imageio.JpegmtImageWriter";
    static final String WRITER_SPI_CLASS = "org.jpegmt.imageio.JpegmtImageWriterSpi";

    /** Provider of the JDK's JPEG reader (class name: the class is not public API). */
    static final String JDK_READER_SPI = "com.sun.imageio.plugins.jpeg.JPEGImageReaderSpi";
    /** Provider of the JDK's JPEG writer. */
    static final String JDK_WRITER_SPI = "com.sun.imageio.plugins.jpeg.JPEGImageWriterSpi";

    /** Checks a thread count of the read and write parameters. */
    static int requireThreads(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        return threads;
    }

    /**
     * Orders {@code self} ahead of every provider registered in {@code category} whose class
     * is named {@code otherClassName}. Providers registered later are not affected.
     */
    static void orderAhead(ServiceRegistry registry, Class<?> category, Object self, String otherClassName) {
        orderTyped(registry, category, self, otherClassName);
    }

    private static <T> void orderTyped(ServiceRegistry registry, Class<T> category, Object self, String otherClassName) {
        if (!category.isInstance(self)) {
            return;
        }
        T me = category.cast(self);
        for (Iterator<T> it = registry.getServiceProviders(category, false); it.hasNext();) {
            T other = it.next();
            if (other != me && other.getClass().getName().equals(otherClassName)) {
                registry.setOrdering(category, me, other);
            }
        }
    }
}
