package org.jpegmt.core.internal;

import org.jpegmt.core.PixelImage;
import org.jpegmt.core.PixelFormat;

import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.Random;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;
import org.w3c.dom.Node;

/** Test JPEGs made at test time with the JDK's own JPEG codec (javax.imageio), and its decodes. */
final class Fixtures {
    private static final String FORMAT = "javax_imageio_jpeg_image_1.0";

    private Fixtures() {
    }

    /** A photo-like test picture: smooth gradients, edges, some noise. */
    static BufferedImage picture(int w, int h, boolean gray, long seed) {
        BufferedImage img = new BufferedImage(w, h, gray ? BufferedImage.TYPE_BYTE_GRAY : BufferedImage.TYPE_3BYTE_BGR);
        Random rnd = new Random(seed);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int r = (x * 255 / Math.max(1, w - 1) + rnd.nextInt(24)) & 0xFF;
                int g = ((y * 255 / Math.max(1, h - 1)) ^ ((x / 5 % 2) * 90)) & 0xFF;
                int b = ((x + y) % 37 < 18 ? 40 : 220) + rnd.nextInt(16);
                img.setRGB(x, y, (r << 16) | (g << 8) | Math.min(255, b));
            }
        }
        return img;
    }

    /**
     * @param sampling luma H, V factors (chroma 1x1), ignored for grey
     * @param restart restart interval in MCUs, 0 for none
     */
    static byte[] encode(BufferedImage img, float quality, int h, int v, int restart, boolean progressive)
            throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ImageWriteParam param = writer.getDefaultWriteParam();
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(quality);
        if (progressive) {
            param.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
        }
        IIOMetadata md = writer.getDefaultImageMetadata(new ImageTypeSpecifier(img), param);
        IIOMetadataNode root = (IIOMetadataNode) md.getAsTree(FORMAT);
        IIOMetadataNode seq = (IIOMetadataNode) root.getElementsByTagName("markerSequence").item(0);
        IIOMetadataNode sof = (IIOMetadataNode) seq.getElementsByTagName("sof").item(0);
        if (sof != null && sof.getChildNodes().getLength() > 1) {
            IIOMetadataNode y = (IIOMetadataNode) sof.getChildNodes().item(0);
            y.setAttribute("HsamplingFactor", Integer.toString(h));
            y.setAttribute("VsamplingFactor", Integer.toString(v));
        }
        if (restart > 0) {
            IIOMetadataNode dri = new IIOMetadataNode("dri");
            dri.setAttribute("interval", Integer.toString(restart));
            Node first = seq.getFirstChild();
            seq.insertBefore(dri, first);
        }
        md.setFromTree(FORMAT, root);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(out);
            writer.write(null, new IIOImage(img, null, md), param);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    /** Decodes with the JDK's JPEG reader (libjpeg inside) and returns its samples as a PixelImage. */
    static PixelImage imageIoDecode(byte[] jpeg) throws IOException {
        ImageReader reader = null;
        for (Iterator<ImageReader> it = ImageIO.getImageReadersByFormatName("jpeg"); it.hasNext();) {
            ImageReader r = it.next();
            if (r.getClass().getName().equals("com.sun.imageio.plugins.jpeg.JPEGImageReader")) {
                reader = r;
            }
        }
        if (reader == null) {
            throw new IllegalStateException("JDK JPEG reader not found");
        }
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(jpeg))) {
            reader.setInput(in);
            BufferedImage img = reader.read(0);
            Raster r = img.getRaster();
            int bands = r.getNumBands();
            int[] px = r.getPixels(0, 0, img.getWidth(), img.getHeight(), (int[]) null);
            byte[] data = new byte[px.length];
            for (int i = 0; i < px.length; i++) {
                data[i] = (byte) px[i];
            }
            return new PixelImage(img.getWidth(), img.getHeight(), bands == 1 ? PixelFormat.GRAY : PixelFormat.RGB, data);
        } finally {
            reader.dispose();
        }
    }

    /** @return offsets of every RSTn marker's FF byte in the file's scan data */
    static java.util.List<Integer> restartMarkers(byte[] jpeg, int from) {
        java.util.List<Integer> out = new java.util.ArrayList<>();
        for (int i = from; i + 1 < jpeg.length; i++) {
            if ((jpeg[i] & 0xFF) == 0xFF && (jpeg[i + 1] & 0xF8) == 0xD0) {
                out.add(i);
            }
        }
        return out;
    }

    /** @return the ints as bytes (0xFF -> (byte) 0xFF), for hand-written byte strings */
    static byte[] bytes(int... v) {
        byte[] out = new byte[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = (byte) v[i];
        }
        return out;
    }

    /**
     * Band starts for tests of band decoding: segment 0, then every segment that starts an MCU
     * row at least {@code bandRows} rows after the last start and {@code lastRows} rows before the
     * end (the caller adds the segment count as the end).
     */
    static java.util.List<Integer> bandStarts(McuGrid grid, int bandRows, int lastRows) {
        return bandStarts(grid, bandRows, lastRows, false);
    }

    /** As above; with {@code withEnd}, the segment count follows as the end of the last band. */
    static java.util.List<Integer> bandStarts(McuGrid grid, int bandRows, int lastRows, boolean withEnd) {
        java.util.List<Integer> starts = new java.util.ArrayList<>(java.util.List.of(0));
        for (int s = 1; s < grid.segments(); s++) {
            int row = grid.rowOfSegment(s);
            if (grid.startsMcuRow(s) && row - grid.rowOfSegment(starts.get(starts.size() - 1)) >= bandRows
                    && grid.mcuRows() - row >= lastRows) {
                starts.add(s);
            }
        }
        if (withEnd) {
            starts.add(grid.segments());
        }
        return starts;
    }

    /**
     * Decodes the bands between consecutive {@code starts} (the last entry ends the last band) in
     * reverse order, then converts the edges between them.
     *
     * @return the band decode, for further checks
     */
    static BandDecode decodeBandsBackwards(DecodeJob job, int[] bounds, java.util.List<Integer> starts, PixelImage out)
            throws java.io.IOException {
        BandDecode bands = job.bands(bounds, out);
        for (int b = starts.size() - 2; b >= 0; b--) {
            bands.decode(starts.get(b), starts.get(b + 1));
        }
        for (int b = 1; b < starts.size() - 1; b++) {
            bands.convertEdge(starts.get(b));
        }
        return bands;
    }
}
