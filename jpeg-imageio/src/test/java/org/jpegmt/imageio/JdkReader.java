package org.jpegmt.imageio;

import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.IOException;
import javax.imageio.ImageReader;
import javax.imageio.spi.IIORegistry;
import javax.imageio.spi.ImageReaderSpi;
import javax.imageio.stream.ImageInputStream;

/** The JDK's own JPEG reader, picked by class name so that no other plugin stands in for it. */
final class JdkReader {
    private JdkReader() {
    }

    static ImageReader create() throws IOException {
        for (var it = IIORegistry.getDefaultInstance().getServiceProviders(ImageReaderSpi.class, false); it.hasNext();) {
            ImageReaderSpi spi = it.next();
            if (spi.getClass().getName().equals(JpegmtProviderInfo.JDK_READER_SPI)) {
                return spi.createReaderInstance();
            }
        }
        throw new IllegalStateException("JDK JPEG reader not registered");
    }

    static BufferedImage read(byte[] jpeg) throws IOException {
        ImageReader r = create();
        try (ImageInputStream in = TestImages.stream(jpeg)) {
            r.setInput(in);
            return r.read(0);
        } finally {
            r.dispose();
        }
    }

    static Raster readRaster(byte[] jpeg) throws IOException {
        ImageReader r = create();
        try (ImageInputStream in = TestImages.stream(jpeg)) {
            r.setInput(in);
            return r.readRaster(0, null);
        } finally {
            r.dispose();
        }
    }
}
