package org.jpegmt.conformance;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.spi.IIORegistry;
import javax.imageio.spi.ImageReaderSpi;
import javax.imageio.spi.ImageWriterSpi;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;
import org.jpegmt.core.awt.BufferedImages;
import org.jpegmt.core.PixelFormat;
import org.jpegmt.core.PixelImage;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The JDK's own JPEG reader and writer, selected by class name so that other registered
 * plugins can never stand in for them.
 */
final class JdkJpeg {
    private JdkJpeg() {
    }

    static final String READER = "com.sun.imageio.plugins.jpeg.JPEGImageReader";
    static final String WRITER = "com.sun.imageio.plugins.jpeg.JPEGImageWriter";
    private static final String NATIVE_FORMAT = "javax_imageio_jpeg_image_1.0";

    static ImageReader reader() throws IOException {
        for (var it = IIORegistry.getDefaultInstance().getServiceProviders(ImageReaderSpi.class, true); it.hasNext();) {
            ImageReaderSpi spi = it.next();
            if (spi.getPluginClassName().equals(READER)) {
                return spi.createReaderInstance();
            }
        }
        throw new IllegalStateException(READER + " not registered");
    }

    static ImageWriter writer() throws IOException {
        for (var it = IIORegistry.getDefaultInstance().getServiceProviders(ImageWriterSpi.class, true); it.hasNext();) {
            ImageWriterSpi spi = it.next();
            if (spi.getPluginClassName().equals(WRITER)) {
                return spi.createWriterInstance();
            }
        }
        throw new IllegalStateException(WRITER + " not registered");
    }

    /** Decodes with the JDK reader; samples taken from the raster (RGB or GRAY). */
    static PixelImage decode(byte[] jpeg) throws IOException {
        ImageReader r = reader();
        try (ImageInputStream in = ImageIO.createImageInputStream(Pixels.stream(jpeg))) {
            r.setInput(in, true, true);
            return Pixels.fromRaster(r.read(0));
        } finally {
            r.dispose();
        }
    }

    /**
     * Encodes with the JDK writer.
     *
     * @param quality IJG-style 1..100 (passed as quality/100)
     * @param lumaH horizontal sampling factor of Y (chroma stays 1x1), set through the native
     *     metadata; 2 and 2 are the writer's default 4:2:0
     * @param lumaV vertical sampling factor of Y
     * @param restartInterval DRI in MCUs set through the native metadata tree, 0 for none
     */
    static byte[] encode(PixelImage image, int quality, int lumaH, int lumaV, int restartInterval) throws IOException {
        ImageWriter w = writer();
        try {
            BufferedImage img = BufferedImages.toBufferedImage(image);
            ImageWriteParam param = w.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality / 100f);
            IIOMetadata md = w.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(img), param);
            Element root = (Element) md.getAsTree(NATIVE_FORMAT);
            Element seq = (Element) root.getElementsByTagName("markerSequence").item(0);
            if (image.format() != PixelFormat.GRAY) {
                NodeList specs = root.getElementsByTagName("componentSpec");
                for (int i = 0; i < specs.getLength(); i++) {
                    Element c = (Element) specs.item(i);
                    c.setAttribute("HsamplingFactor", Integer.toString(i == 0 ? lumaH : 1));
                    c.setAttribute("VsamplingFactor", Integer.toString(i == 0 ? lumaV : 1));
                }
            }
            if (restartInterval > 0) {
                IIOMetadataNode dri = new IIOMetadataNode("dri");
                dri.setAttribute("interval", Integer.toString(restartInterval));
                seq.insertBefore(dri, seq.getElementsByTagName("sof").item(0));
            }
            md.setFromTree(NATIVE_FORMAT, root);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
                w.setOutput(out);
                w.write(null, new IIOImage(img, null, md), param);
            }
            return bytes.toByteArray();
        } finally {
            w.dispose();
        }
    }
}
