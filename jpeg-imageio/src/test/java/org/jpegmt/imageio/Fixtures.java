package org.jpegmt.imageio;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.awt.image.BufferedImage;
import java.awt.image.DataBuffer;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.spi.IIORegistry;
import javax.imageio.spi.ImageWriterSpi;
import javax.imageio.stream.ImageOutputStream;
import org.jpegmt.core.EncoderOptions;
import org.jpegmt.core.Subsampling;

/**
 * Test files made here and now: jpegmt encodes of generated pictures in the layouts the
 * contract tests need (4:2:0, 4:4:4, grey, restart markers, odd sizes), CMYK and YCCK files
 * written as rasters by the JDK's writer, progressive files written by the JDK's writer, and
 * marker segments (APPn, COM, ICC chunks) inserted after SOI or between scans.
 */
final class Fixtures {
    private Fixtures() {
    }

    static byte[] jpeg(BufferedImage img, Subsampling s, int restartMcus) {
        return TestImages.encode(img, EncoderOptions.defaults().withSubsampling(s).withRestartMcus(restartMcus));
    }

    static byte[] baseline420(int w, int h) {
        return jpeg(TestImages.rgb(w, h), Subsampling.S420, 0);
    }

    static byte[] baseline444(int w, int h) {
        return jpeg(TestImages.rgb(w, h), Subsampling.S444, 0);
    }

    static byte[] grey(int w, int h) {
        return jpeg(TestImages.gray(w, h), Subsampling.GRAY, 0);
    }

    static byte[] restarts(int w, int h) {
        return jpeg(TestImages.rgb(w, h), Subsampling.S420, 3);
    }

    /** CMYK samples of a generated picture, interleaved, as stored (not inverted). */
    static WritableRaster cmykRaster(int w, int h) {
        WritableRaster r = Raster.createInterleavedRaster(DataBuffer.TYPE_BYTE, w, h, 4, null);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                r.setPixel(x, y, new int[] {x * 255 / Math.max(1, w - 1), y * 255 / Math.max(1, h - 1),
                    (x + y) * 3 & 0xFF, 40 + (x * y & 63)});
            }
        }
        return r;
    }

    /**
     * A 4-component file: the JDK writer stores a 4-band raster without colour conversion; an
     * Adobe APP14 segment is added that says transform 0 (CMYK) or 2 (YCCK).
     *
     * @param samples what the components hold (CMYK or YCCK samples)
     * @param transform 0 or 2
     */
    static byte[] fourComponents(Raster samples, int transform) throws IOException {
        ImageWriter w = jdkWriter();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ImageOutputStream o = ImageIO.createImageOutputStream(out)) {
            w.setOutput(o);
            w.write(null, new IIOImage(samples, null, null), null);
        } finally {
            w.dispose();
        }
        byte[] adobe = {'A', 'd', 'o', 'b', 'e', 0, 100, 0, 0, 0, 0, (byte) transform};
        return insertAfterSoi(out.toByteArray(), 0xEE, adobe);
    }

    /**
     * A progressive file written by the JDK's writer ({@code MODE_DEFAULT}: libjpeg's default
     * scan script, optimized Huffman tables before each scan).
     *
     * @param img a colour ({@code TYPE_INT_RGB}) or grey picture
     * @param h horizontal sampling factor of the first (luma) component of a colour file
     * @param v its vertical sampling factor (the chroma components are 1 x 1)
     */
    static byte[] progressive(BufferedImage img, int h, int v) throws IOException {
        ImageWriter w = jdkWriter();
        ImageWriteParam p = w.getDefaultWriteParam();
        p.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
        IIOMetadata m = w.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(img), p);
        if (img.getRaster().getNumBands() == 3) {
            IIOMetadataNode tree = (IIOMetadataNode) m.getAsTree(NativeTree.FORMAT);
            IIOMetadataNode luma = (IIOMetadataNode) tree.getElementsByTagName("componentSpec").item(0);
            luma.setAttribute("HsamplingFactor", Integer.toString(h));
            luma.setAttribute("VsamplingFactor", Integer.toString(v));
            m.setFromTree(NativeTree.FORMAT, tree);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ImageOutputStream o = ImageIO.createImageOutputStream(out)) {
            w.setOutput(o);
            w.write(null, new IIOImage(img, null, m), p);
        } finally {
            w.dispose();
        }
        return out.toByteArray();
    }

    /**
     * Progressive files of every common sampling, grey, and odd sizes down to 1 x 1, by name;
     * a name starts with the sampling that {@code JpegInfo.subsampling()} gives for the file.
     */
    static Map<String, byte[]> progressiveFiles() throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("4:2:0 48x32", progressive(TestImages.rgb(48, 32), 2, 2));
        files.put("4:4:4 33x17", progressive(TestImages.rgb(33, 17), 1, 1));
        files.put("4:2:2 50x21", progressive(TestImages.rgb(50, 21), 2, 1));
        files.put("4:4:0 19x40", progressive(TestImages.rgb(19, 40), 1, 2));
        files.put("4:1:1 70x9", progressive(TestImages.rgb(70, 9), 4, 1));
        files.put("4:2:0 1x1", progressive(TestImages.rgb(1, 1), 2, 2));
        files.put("4:2:0 7x200", progressive(TestImages.rgb(7, 200), 2, 2));
        files.put("4:2:0 129x67", progressive(TestImages.rgb(129, 67), 2, 2));
        files.put("gray 37x41", progressive(TestImages.gray(37, 41), 1, 1));
        files.put("gray 1x1", progressive(TestImages.gray(1, 1), 1, 1));
        return files;
    }

    /** Offsets of the SOS markers of a file (entropy-coded data never holds {@code FF DA}). */
    static List<Integer> scanOffsets(byte[] jpeg) {
        List<Integer> at = new ArrayList<>();
        for (int i = 0; i + 1 < jpeg.length; i++) {
            if (jpeg[i] == (byte) 0xFF && jpeg[i + 1] == (byte) 0xDA) {
                at.add(i);
            }
        }
        return at;
    }

    /** Inserts one marker segment at {@code offset} (before a marker). */
    static byte[] insertAt(byte[] jpeg, int offset, int marker, byte[] payload) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, offset);
        SegmentSplicer.segment(out, marker, payload);
        out.write(jpeg, offset, jpeg.length - offset);
        return out.toByteArray();
    }

    static ImageWriter jdkWriter() throws IOException {
        for (var it = IIORegistry.getDefaultInstance().getServiceProviders(ImageWriterSpi.class, false); it.hasNext();) {
            ImageWriterSpi spi = it.next();
            if (spi.getClass().getName().equals("com.sun.imageio.plugins.jpeg.JPEGImageWriterSpi")) {
                return spi.createWriterInstance();
            }
        }
        throw new IllegalStateException("JDK JPEG writer not registered");
    }

    /** Inserts one marker segment right after SOI (before JFIF, if any). */
    static byte[] insertAfterSoi(byte[] jpeg, int marker, byte[] payload) {
        return insertAt(jpeg, 2, marker, payload);
    }

    /** Inserts a segment after the encoder's JFIF APP0 (which must be there). */
    static byte[] insertAfterJfif(byte[] jpeg, int marker, byte[] payload) {
        return insertAt(jpeg, 4 + NativeTree.u16(jpeg, 4), marker, payload);
    }

    /** An embedded profile that is not sRGB: the JDK's linear RGB. */
    static ICC_Profile linearRgb() {
        return ICC_Profile.getInstance(ColorSpace.CS_LINEAR_RGB);
    }

    /** {@code jpeg} with {@code profile} in APP2 chunks after JFIF. */
    static byte[] withProfile(byte[] jpeg, ICC_Profile profile) {
        byte[] out = jpeg;
        var chunks = IccProfiles.chunks(profile);
        for (int i = chunks.size() - 1; i >= 0; i--) {
            out = insertAfterJfif(out, 0xE2, chunks.get(i));
        }
        return out;
    }

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** A JFXX APP0 payload: "JFXX", the extension code, then the parts. */
    static byte[] jfxx(int code, byte[]... parts) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes(ascii("JFXX\0"));
        b.write(code);
        for (byte[] p : parts) {
            b.writeBytes(p);
        }
        return b.toByteArray();
    }
}
