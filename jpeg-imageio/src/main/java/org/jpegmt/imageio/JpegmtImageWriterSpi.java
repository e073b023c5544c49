package org.jpegmt.imageio;

import java.awt.color.ColorSpace;
import java.awt.image.ColorModel;
import java.util.Locale;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriter;
import javax.imageio.spi.ImageWriterSpi;
import javax.imageio.spi.ServiceRegistry;
import javax.imageio.stream.ImageOutputStream;

/**
 * Service provider of {@link JpegmtImageWriter}, listed in
 * {@code META-INF/services/javax.imageio.spi.ImageWriterSpi}; on registration it orders itself
 * ahead of the JDK's JPEG writer provider and after any other JPEG writer provider.
 *
 * <p>{@link #canEncodeImage} accepts grey and RGB colour models (indexed ones included)
 * without alpha. Like the JDK writer it declines images with alpha, so {@code ImageIO.write}
 * returns false for them rather than silently dropping the alpha channel.
 */
public final class JpegmtImageWriterSpi extends ImageWriterSpi {
    /** Creates the provider (called by the service loader or {@link JpegmtImageIO#register()}). */
    public JpegmtImageWriterSpi() {
        super(JpegmtProviderInfo.VENDOR, JpegmtProviderInfo.VERSION, JpegmtProviderInfo.FORMAT_NAMES.clone(),
                JpegmtProviderInfo.SUFFIXES.clone(), JpegmtProviderInfo.MIME_TYPES.clone(),
                JpegmtProviderInfo.WRITER_CLASS, new Class<?>[] {ImageOutputStream.class},
                new String[] {JpegmtProviderInfo.READER_SPI_CLASS},
                false, null, null, null, null,
                true, NativeTree.FORMAT, NativeFormat.class.getName(), null, null);
    }

    @Override
    public boolean canEncodeImage(ImageTypeSpecifier type) {
        ColorModel cm = type.getColorModel();
        if (cm == null || cm.hasAlpha()) {
            return false;
        }
        int space = cm.getColorSpace().getType();
        return space == ColorSpace.TYPE_RGB || space == ColorSpace.TYPE_GRAY;
    }

    @Override
    public ImageWriter createWriterInstance(Object extension) {
        return new JpegmtImageWriter(this);
    }

    @Override
    public String getDescription(Locale locale) {
        return "jpegmt baseline JPEG writer (restart markers, parallel encoding)";
    }

    /** Orders this provider after other JPEG writer providers and ahead of the JDK's. */
    @Override
    public void onRegistration(ServiceRegistry registry, Class<?> category) {
        JpegmtProviderInfo.order(registry, category, this, JpegmtProviderInfo.JDK_WRITER_SPI);
    }
}
