package org.jpegmt.imageio;

import javax.imageio.spi.IIORegistry;
import javax.imageio.spi.ImageReaderSpi;
import javax.imageio.spi.ImageWriterSpi;

/**
 * Explicit registration of the jpegmt plugin with ImageIO's default registry.
 *
 * <p>Normally nothing is needed: ImageIO finds the plugin through {@code META-INF/services}
 * when jpeg-imageio is on the class path at the time ImageIO first scans for plugins. Call
 * {@link #register()} where that scan does not see it:
 *
 * <ul>
 *   <li>servlet containers and other child class loaders (ImageIO scans the context class
 *       loader once, often before the web application's jars are visible); pair it with
 *       {@link #deregister()} when the application stops, so the registry does not keep its
 *       class loader alive;
 *   <li>fat jars whose build kept only one {@code META-INF/services/javax.imageio.spi.*} file
 *       (with the Maven shade plugin, add {@code ServicesResourceTransformer} so the service
 *       files of all jars are merged instead).
 * </ul>
 *
 * <p>Registration, either way, puts the jpegmt providers ahead of the JDK's JPEG providers and
 * after any other JPEG plugin (see the README's "How ImageIO finds it").
 */
public final class JpegmtImageIO {
    private JpegmtImageIO() {
    }

    /**
     * Registers the reader and writer providers with {@link IIORegistry#getDefaultInstance()},
     * ahead of the JDK's JPEG plugin and after other JPEG plugins. Does nothing for a provider
     * already registered.
     */
    public static synchronized void register() {
        IIORegistry registry = IIORegistry.getDefaultInstance();
        if (registry.getServiceProviderByClass(JpegmtImageReaderSpi.class) == null) {
            registry.registerServiceProvider(new JpegmtImageReaderSpi(), ImageReaderSpi.class);
        }
        if (registry.getServiceProviderByClass(JpegmtImageWriterSpi.class) == null) {
            registry.registerServiceProvider(new JpegmtImageWriterSpi(), ImageWriterSpi.class);
        }
    }

    /** Removes the reader and writer providers from the default registry, if present. */
    public static synchronized void deregister() {
        IIORegistry registry = IIORegistry.getDefaultInstance();
        JpegmtImageReaderSpi reader = registry.getServiceProviderByClass(JpegmtImageReaderSpi.class);
        if (reader != null) {
            registry.deregisterServiceProvider(reader, ImageReaderSpi.class);
        }
        JpegmtImageWriterSpi writer = registry.getServiceProviderByClass(JpegmtImageWriterSpi.class);
        if (writer != null) {
            registry.deregisterServiceProvider(writer, ImageWriterSpi.class);
        }
    }

    /** @return true if both providers are registered with the default registry */
    public static boolean isRegistered() {
        IIORegistry registry = IIORegistry.getDefaultInstance();
        return registry.getServiceProviderByClass(JpegmtImageReaderSpi.class) != null
                && registry.getServiceProviderByClass(JpegmtImageWriterSpi.class) != null;
    }
}
