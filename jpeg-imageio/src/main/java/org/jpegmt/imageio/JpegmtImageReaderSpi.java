package org.jpegmt.imageio;

import java.io.IOException;
import java.util.Locale;
import javax.imageio.ImageReader;
import javax.imageio.spi.ImageReaderSpi;
import javax.imageio.spi.ServiceRegistry;
import javax.imageio.stream.ImageInputStream;

/**
 * Service provider of {@link JpegmtImageReader}, listed in
 * {@code META-INF/services/javax.imageio.spi.ImageReaderSpi}.
 *
 * <p>{@link #canDecodeInput} reads the marker segments up to the frame header and answers true
 * only for 8-bit baseline (SOF0), extended sequential (SOF1) and progressive (SOF2) Huffman
 * files. Arithmetic-coded, lossless, hierarchical and 12-bit files get false, so
 * {@code ImageIO.read} passes them on to the next reader that accepts them, normally the JDK's.
 *
 * <p>On registration it orders itself ahead of the JDK's JPEG reader provider and after any
 * other JPEG reader provider (see {@code JpegmtProviderInfo.order} for why).
 */
public final class JpegmtImageReaderSpi extends ImageReaderSpi {
    /** Creates the provider (called by the service loader or {@link JpegmtImageIO#register()}). */
    public JpegmtImageReaderSpi() {
        super(JpegmtProviderInfo.VENDOR, JpegmtProviderInfo.VERSION, JpegmtProviderInfo.FORMAT_NAMES.clone(),
                JpegmtProviderInfo.SUFFIXES.clone(), JpegmtProviderInfo.MIME_TYPES.clone(),
                JpegmtProviderInfo.READER_CLASS, new Class<?>[] {ImageInputStream.class},
                new String[] {JpegmtProviderInfo.WRITER_SPI_CLASS},
                false, null, null, null, null,
                true, NativeTree.FORMAT, NativeFormat.class.getName(), null, null);
    }

    @Override
    public boolean canDecodeInput(Object source) throws IOException {
        if (!(source instanceof ImageInputStream)) {
            return false;
        }
        ImageInputStream in = (ImageInputStream) source;
        in.mark();
        try {
            JpegHeaders.Header header = JpegHeaders.read(in, false, false);
            return header != null && header.decodable();
        } catch (java.io.EOFException e) {
            return false;
        } finally {
            in.reset();
        }
    }

    @Override
    public ImageReader createReaderInstance(Object extension) {
        return new JpegmtImageReader(this);
    }

    @Override
    public String getDescription(Locale locale) {
        return "jpegmt JPEG reader (baseline, extended and progressive Huffman, 8-bit; parallel decoding)";
    }

    /** Orders this provider after other JPEG reader providers and ahead of the JDK's. */
    @Override
    public void onRegistration(ServiceRegistry registry, Class<?> category) {
        JpegmtProviderInfo.order(registry, category, this, JpegmtProviderInfo.JDK_READER_SPI);
    }
}
