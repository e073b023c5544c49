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
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.spi.IIORegistry;
import javax.imageio.spi.ImageWriterSpi;
import javax.imageio.stream.ImageOutputStream;
import org.jpegmt.core.EncoderOptions;
import org.jpegmt.core.Subsampling;

/**
 * Test files made here and now: jpegmt encodes of generated pictures in the layouts the
 * contract tests need (4:2:0, 4:4:4, grey, restart markers, odd sizes), CMYK and YCCK files
 * written as rasters by the JDK's writer, and marker segments (APPn, COM, ICC chunks) inserted
 * after SOI.
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
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, 2);
        SegmentSplicer.segment(out, marker, payload);
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }

    /** Inserts a segment after the encoder's JFIF APP0 (which must be there). */
    static byte[] insertAfterJfif(byte[] jpeg, int marker, byte[] payload) {
        int at = 4 + NativeTree.u16(jpeg, 4);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, at);
        SegmentSplicer.segment(out, marker, payload);
        out.write(jpeg, at, jpeg.length - at);
        return out.toByteArray();
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
}
