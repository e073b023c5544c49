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
     * Puts {@code self} in its place among the JPEG providers of {@code category}: after every
     * other non-JDK JPEG provider (TwelveMonkeys, imageio-turbojpeg, ...) and ahead of the
     * JDK's own, so the order is "other plugins, jpegmt, JDK" for readers and writers alike.
     *
     * <p>Why this order and not jpegmt first: {@code ServiceRegistry} drops every ordering of a
     * provider when the provider is registered again, which each {@code ImageIO.scanForPlugins()}
     * does for every plugin on the class path, and iterates the providers that no ordering
     * constrains in identity-hash order. An ordering "jpegmt before X" set when jpegmt registers
     * is lost as soon as X registers again after it, so X would come first or second at random.
     * "X before jpegmt" is kept without any edge to X: jpegmt also orders itself after one of the
     * JDK's own non-JPEG providers, which are registered once and never again, and a provider
     * that has to wait for another comes out after every provider that waits for none, X
     * included.
     *
     * @param registry the registry
     * @param category the category being registered
     * @param self the jpegmt provider
     * @param jdkClassName class name of the JDK's JPEG provider of this category
     */
    static void order(ServiceRegistry registry, Class<?> category, Object self, String jdkClassName) {
        orderTyped(registry, category, self, jdkClassName);
    }

    private static <T> void orderTyped(ServiceRegistry registry, Class<T> category, Object self, String jdkClassName) {
        if (!category.isInstance(self)) {
            return;
        }
        T me = category.cast(self);
        T anchor = null;
        for (Iterator<T> it = registry.getServiceProviders(category, false); it.hasNext();) {
            T other = it.next();
            if (other == me) {
                continue;
            }
            String name = other.getClass().getName();
            if (name.equals(jdkClassName)) {
                registry.setOrdering(category, me, other);
            } else if (isJpeg(other)) {
                registry.setOrdering(category, other, me);
            } else if (name.startsWith(JDK_PLUGIN_PACKAGE)
                    && (anchor == null || name.compareTo(anchor.getClass().getName()) < 0)) {
                anchor = other;
            }
        }
        if (anchor != null) {
            registry.setOrdering(category, anchor, me);
        }
    }

    /** Package prefix of the JDK's own ImageIO plugins (registered by the JDK, never rescanned). */
    private static final String JDK_PLUGIN_PACKAGE = "com.sun.imageio.plugins.";

    /** @return whether a provider answers to the format name "jpeg" */
    private static boolean isJpeg(Object provider) {
        if (provider instanceof javax.imageio.spi.ImageReaderWriterSpi spi && spi.getFormatNames() != null) {
            for (String name : spi.getFormatNames()) {
                if ("jpeg".equalsIgnoreCase(name)) {
                    return true;
                }
            }
        }
        return false;
    }
}
