package org.jpegmt.core.internal;

import org.jpegmt.core.JpegEncoder;
import org.jpegmt.core.EncoderOptions;
import org.jpegmt.core.PixelImage;
import org.jpegmt.core.PixelFormat;
import org.jpegmt.core.Subsampling;
import org.jpegmt.core.awt.BufferedImages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.junit.jupiter.api.Test;

/** Files we write decode with the JDK's own JPEG reader, close to the input. */
class ImageIoEncodeRoundTripTest {
    private static BufferedImage decode(byte[] jpeg) throws Exception {
        Iterator<ImageReader> it = ImageIO.getImageReadersByFormatName("jpeg");
        ImageReader reader = null;
        while (it.hasNext()) {
            ImageReader r = it.next();
            if (r.getClass().getName().equals("com.sun.imageio.plugins.jpeg.JPEGImageReader")) {
                reader = r;
            }
        }
        assertTrue(reader != null, "JDK JPEG reader not found");
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(jpeg))) {
            reader.setInput(in);
            return reader.read(0);
        } finally {
            reader.dispose();
        }
    }

    /** PSNR over all channels (grey output compared with the input's luma). */
    private static double psnr(PixelImage in, BufferedImage out, boolean grey) {
        int w = in.width();
        int h = in.height();
        assertEquals(w, out.getWidth());
        assertEquals(h, out.getHeight());
        PixelImage ref = in;
        if (grey && in.format() == PixelFormat.RGB) {
            byte[] y = new byte[w * h];
            RgbToYcc.rowToY(in.data(), 0, w * h, y, 0);
            ref = new PixelImage(w, h, PixelFormat.GRAY, y);
        }
        PixelImage got = BufferedImages.fromBufferedImage(out);
        double se = 0;
        int n = 0;
        int ch = ref.format().channels();
        for (int i = 0; i < w * h; i++) {
            for (int c = 0; c < ch; c++) {
                int a = ref.data()[i * ch + c] & 0xFF;
                int b = got.format() == PixelFormat.GRAY ? got.data()[i] & 0xFF : got.data()[i * 3 + c] & 0xFF;
                se += (double) (a - b) * (a - b);
                n++;
            }
        }
        double mse = se / n;
        return mse == 0 ? 99 : 10 * Math.log10(255.0 * 255.0 / mse);
    }

    @Test
    void everyQualityAndSamplingDecodesCloseToTheInput() throws Exception {
        // a smooth picture: PSNR floors depend on the content, so keep it natural-looking
        PixelImage img = smooth(160, 120);
        int[] qualities = {10, 50, 75, 90, 100};
        double[] floors = {26, 32, 33, 37, 48};
        for (Subsampling s : Subsampling.values()) {
            for (int i = 0; i < qualities.length; i++) {
                EncoderOptions o = EncoderOptions.defaults().withQuality(qualities[i]).withSubsampling(s);
                byte[] jpeg = new JpegEncoder(o).encode(img);
                double p = psnr(img, decode(jpeg), s == Subsampling.GRAY);
                // halved chroma caps the PSNR whatever the quality
                double floor = s == Subsampling.S422 || s == Subsampling.S420 ? Math.min(floors[i], 35) : floors[i];
                System.out.printf("round trip %s q%d: PSNR %.2f%n", s.label(), qualities[i], p);
                assertTrue(p >= floor, o + ": PSNR " + p + " below " + floor);
            }
        }
    }

    @Test
    void oddSizesDecode() throws Exception {
        int[][] sizes = {{1, 1}, {7, 9}, {17, 13}, {1001, 7}};
        for (int[] wh : sizes) {
            PixelImage img = smooth(wh[0], wh[1]);
            for (Subsampling s : Subsampling.values()) {
                for (boolean opt : new boolean[] {false, true}) {
                    EncoderOptions o = EncoderOptions.defaults().withQuality(90).withSubsampling(s).withOptimizeHuffman(opt);
                    double p = psnr(img, decode(new JpegEncoder(o).encode(img)), s == Subsampling.GRAY);
                    assertTrue(p >= 30, wh[0] + "x" + wh[1] + " " + o + ": PSNR " + p);
                }
            }
            PixelImage grey = EncoderTestImages.gray(wh[0], wh[1], 1);
            BufferedImage back = decode(new JpegEncoder().encode(grey));
            assertEquals(wh[0], back.getWidth());
            assertEquals(wh[1], back.getHeight());
        }
    }

    @Test
    void restartMarkersAndOptimalTablesDecodeTheSame() throws Exception {
        PixelImage img = smooth(203, 91);
        for (Subsampling s : Subsampling.values()) {
            EncoderOptions base = EncoderOptions.defaults().withQuality(85).withSubsampling(s).withRestartRows(0);
            BufferedImage ref = decode(new JpegEncoder(base).encode(img));
            for (EncoderOptions o : new EncoderOptions[] {base.withRestartMcus(1), base.withRestartMcus(5),
                    base.withRestartRows(2), base.withOptimizeHuffman(true).withRestartMcus(3)}) {
                BufferedImage got = decode(new JpegEncoder(o).encode(img));
                // same coefficients, other packaging: the JDK decoder must give the same pixels
                for (int y = 0; y < img.height(); y++) {
                    for (int x = 0; x < img.width(); x++) {
                        if (ref.getRGB(x, y) != got.getRGB(x, y)) {
                            assertEquals(ref.getRGB(x, y), got.getRGB(x, y), o + " at " + x + "," + y);
                        }
                    }
                }
            }
        }
    }

    @Test
    void largestDimensionsEncode() throws Exception {
        // the JDK reader (libjpeg) stops at 65500; beyond that only check the frame header
        for (PixelImage img : new PixelImage[] {smooth(65500, 2), smooth(2, 65500)}) {
            for (Subsampling s : Subsampling.values()) {
                EncoderOptions o = EncoderOptions.defaults().withQuality(90).withSubsampling(s);
                double p = psnr(img, decode(new JpegEncoder(o).encode(img)), s == Subsampling.GRAY);
                // two columns with a hard colour edge between them: halved chroma costs a lot
                assertTrue(p >= 20, img + " " + o + ": PSNR " + p);
            }
        }
        byte[] jpeg = new JpegEncoder().encode(smooth(65535, 1));
        int sof = indexOf(jpeg, (byte) 0xC0);
        assertEquals(1, ((jpeg[sof + 4] & 0xFF) << 8) | (jpeg[sof + 5] & 0xFF));
        assertEquals(65535, ((jpeg[sof + 6] & 0xFF) << 8) | (jpeg[sof + 7] & 0xFF));
        assertEquals((byte) 0xD9, jpeg[jpeg.length - 1]);
    }

    private static int indexOf(byte[] b, byte marker) {
        for (int i = 0; i + 1 < b.length; i++) {
            if (b[i] == (byte) 0xFF && b[i + 1] == marker) {
                return i + 1;
            }
        }
        return -1;
    }

    private static PixelImage smooth(int w, int h) {
        byte[] d = new byte[w * h * 3];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int i = (y * w + x) * 3;
                d[i] = (byte) (128 + 100 * Math.sin(x * 0.05) * Math.cos(y * 0.04));
                d[i + 1] = (byte) (60 + (x + y) % 140);
                d[i + 2] = (byte) (200 - (x * 150) / Math.max(1, w));
            }
        }
        return new PixelImage(w, h, PixelFormat.RGB, d);
    }
}
