package org.jpegmt.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sksamuel.scrimage.ImmutableImage;
import com.sksamuel.scrimage.nio.JpegWriter;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.spi.IIORegistry;
import javax.imageio.spi.ImageReaderSpi;
import javax.imageio.spi.ImageWriterSpi;
import javax.imageio.stream.ImageInputStream;
import org.jpegmt.core.EncoderOptions;
import org.jpegmt.core.JpegDecoder;
import org.jpegmt.core.JpegEncoder;
import org.jpegmt.core.JpegInfo;
import org.jpegmt.core.awt.BufferedImages;
import org.jpegmt.imageio.JpegmtImageReaderSpi;
import org.jpegmt.imageio.JpegmtImageWriterSpi;
import org.junit.jupiter.api.Test;

/**
 * Scrimage 4.3.5 with its own dependencies, TwelveMonkeys' {@code imageio-jpeg} 3.12.0 included
 * (this class runs in its own surefire execution, the only one in this module with TwelveMonkeys
 * on the class path). ImageIO then offers TwelveMonkeys' plugin before jpegmt's, so Scrimage
 * writes (and reads) through TwelveMonkeys; ordering jpegmt first by hand puts jpegmt to work.
 * jpegmt's writer is told apart by its output: a DRI segment (one restart marker per MCU row
 * by default) and JFIF 1.01, where the JDK's codec, under TwelveMonkeys, writes no DRI and JFIF
 * 1.02.
 */
class ScrimageWithTwelveMonkeysTest {
    private static final String TM_READER_SPI = "com.twelvemonkeys.imageio.plugins.jpeg.JPEGImageReaderSpi";
    private static final String TM_WRITER_SPI = "com.twelvemonkeys.imageio.plugins.jpeg.JPEGImageWriterSpi";

    private static byte[] photo() {
        BufferedImage img = new BufferedImage(96, 64, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                img.setRGB(x, y, (x * 2) << 16 | (y * 3) << 8 | 90);
            }
        }
        return new JpegEncoder(EncoderOptions.defaults().withQuality(90)).encode(BufferedImages.fromBufferedImage(img));
    }

    private static byte[] scrimageRoundTrip(byte[] photo) throws IOException {
        ImmutableImage image = ImmutableImage.loader().fromBytes(photo);
        return image.scaleTo(48, 32).bytes(new JpegWriter().withCompression(90));
    }

    private static String firstReaderFor(byte[] photo) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(new java.io.ByteArrayInputStream(photo))) {
            return ImageIO.getImageReaders(in).next().getClass().getName();
        }
    }

    private static <T> T provider(Class<T> category, String className) {
        for (Iterator<T> it = IIORegistry.getDefaultInstance().getServiceProviders(category, false); it.hasNext();) {
            T spi = it.next();
            if (spi.getClass().getName().equals(className)) {
                return spi;
            }
        }
        throw new AssertionError(className + " is not registered");
    }

    @Test
    void twelveMonkeysComesFirstUnlessJpegmtIsOrderedFirstByHand() throws IOException {
        byte[] photo = photo();
        JpegDecoder decoder = new JpegDecoder();

        assertEquals("com.twelvemonkeys.imageio.plugins.jpeg.JPEGImageReader", firstReaderFor(photo));
        JpegInfo written = decoder.readInfo(scrimageRoundTrip(photo));
        assertEquals(0, written.restartInterval(), "Scrimage wrote through TwelveMonkeys (the JDK codec): no DRI");

        IIORegistry registry = IIORegistry.getDefaultInstance();
        ImageReaderSpi ourReader = registry.getServiceProviderByClass(JpegmtImageReaderSpi.class);
        ImageWriterSpi ourWriter = registry.getServiceProviderByClass(JpegmtImageWriterSpi.class);
        ImageReaderSpi tmReader = provider(ImageReaderSpi.class, TM_READER_SPI);
        ImageWriterSpi tmWriter = provider(ImageWriterSpi.class, TM_WRITER_SPI);
        registry.unsetOrdering(ImageReaderSpi.class, tmReader, ourReader);
        registry.unsetOrdering(ImageWriterSpi.class, tmWriter, ourWriter);
        assertTrue(registry.setOrdering(ImageReaderSpi.class, ourReader, tmReader));
        assertTrue(registry.setOrdering(ImageWriterSpi.class, ourWriter, tmWriter));
        try {
            assertEquals("org.jpegmt.imageio.JpegmtImageReader", firstReaderFor(photo));
            byte[] ours = scrimageRoundTrip(photo);
            JpegInfo info = decoder.readInfo(ours);
            assertTrue(info.restartInterval() > 0, "Scrimage wrote through jpegmt: one restart marker per MCU row");
            assertEquals(48, info.width());
        } finally {
            registry.unsetOrdering(ImageReaderSpi.class, ourReader, tmReader);
            registry.unsetOrdering(ImageWriterSpi.class, ourWriter, tmWriter);
        }
        assertFalse(firstReaderFor(photo).startsWith("org.jpegmt"), "the hand-made order undone");
    }
}
