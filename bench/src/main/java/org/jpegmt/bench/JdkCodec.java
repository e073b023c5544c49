package org.jpegmt.bench;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.plugins.jpeg.JPEGImageWriteParam;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;
import org.jpegmt.core.Subsampling;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The JDK's own JPEG reader and writer (picked by class name, so other plugins on the class
 * path cannot take their place), set up like jpegmt: same quality, same chroma subsampling
 * (through the sampling factors of the native metadata) and the same restart interval (a
 * {@code dri} node; the JDK writer emits the RST markers).
 */
final class JdkCodec implements AutoCloseable {
    private static final String FORMAT = "javax_imageio_jpeg_image_1.0";

    private final ImageReader reader = BenchImages.jdkReader();
    private final ImageWriter writer = BenchImages.jdkWriter();
    private final ImageWriteParam param;
    private final IIOMetadata metadata;
    private final int sizeHint;

    JdkCodec(BufferedImage sample, int quality, Subsampling subsampling, int restartMcus) throws IOException {
        this(sample, quality, subsampling, restartMcus, false);
    }

    /**
     * @param optimizeHuffman the writer builds image-specific Huffman tables (its
     *     {@link JPEGImageWriteParam#setOptimizeHuffmanTables}), as jpegmt's optimizeHuffman
     */
    JdkCodec(BufferedImage sample, int quality, Subsampling subsampling, int restartMcus, boolean optimizeHuffman)
            throws IOException {
        // Without this ImageIO.createImageOutputStream buffers through a temporary file, which
        // slows the JDK writer down (the CLI sets it too).
        ImageIO.setUseCache(false);
        param = writer.getDefaultWriteParam();
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        ((JPEGImageWriteParam) param).setOptimizeHuffmanTables(optimizeHuffman);
        param.setCompressionQuality(quality / 100f);
        metadata = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(sample), param);
        Element root = (Element) metadata.getAsTree(FORMAT);
        NodeList specs = root.getElementsByTagName("componentSpec");
        for (int i = 0; i < specs.getLength(); i++) {
            Element spec = (Element) specs.item(i);
            boolean luma = i == 0;
            spec.setAttribute("HsamplingFactor", Integer.toString(luma ? subsampling.lumaH() : 1));
            spec.setAttribute("VsamplingFactor", Integer.toString(luma ? subsampling.lumaV() : 1));
        }
        if (restartMcus > 0) {
            Element seq = (Element) root.getElementsByTagName("markerSequence").item(0);
            IIOMetadataNode dri = new IIOMetadataNode("dri");
            dri.setAttribute("interval", Integer.toString(restartMcus));
            seq.insertBefore(dri, seq.getElementsByTagName("sof").item(0)); // the writer puts it before SOS
        }
        metadata.setFromTree(FORMAT, root);
        sizeHint = Math.max(1 << 16, sample.getWidth() * sample.getHeight() / 2);
    }

    BufferedImage decode(byte[] jpeg) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(jpeg))) {
            reader.setInput(in, true, true);
            return reader.read(0);
        }
    }

    byte[] encode(BufferedImage image) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(sizeHint);
        try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(out);
            writer.write(null, new IIOImage(image, null, metadata), param);
        }
        return bytes.toByteArray();
    }

    @Override
    public void close() {
        reader.dispose();
        writer.dispose();
    }
}
