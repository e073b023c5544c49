package org.jpegmt.core.awt;

import org.jpegmt.core.PixelImage;
import org.jpegmt.core.PixelFormat;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferInt;
import java.awt.image.Raster;

/**
 * Converts between {@link PixelImage} and {@link BufferedImage}. Common types are copied
 * straight from or into their backing arrays; other types go through {@code getRGB}.
 */
public final class BufferedImages {
    private BufferedImages() {
    }

    /**
     * @param image a GRAY, RGB or CMYK image
     * @return {@code TYPE_BYTE_GRAY} for GRAY, {@code TYPE_3BYTE_BGR} for RGB; CMYK is converted
     *     to RGB first with the simple formula djpeg uses ({@code R = C*K/255}, rounded)
     */
    public static BufferedImage toBufferedImage(PixelImage image) {
        int w = image.width();
        int h = image.height();
        byte[] src = image.data();
        if (image.format() == PixelFormat.GRAY) {
            BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
            byte[] dst = ((DataBufferByte) out.getRaster().getDataBuffer()).getData();
            System.arraycopy(src, 0, dst, 0, w * h);
            return out;
        }
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
        byte[] dst = ((DataBufferByte) out.getRaster().getDataBuffer()).getData();
        int n = w * h;
        if (image.format() == PixelFormat.RGB) {
            for (int i = 0, j = 0; i < n; i++, j += 3) {
                dst[j] = src[j + 2];
                dst[j + 1] = src[j + 1];
                dst[j + 2] = src[j];
            }
        } else {
            for (int i = 0, s = 0, d = 0; i < n; i++, s += 4, d += 3) {
                int k = src[s + 3] & 0xFF;
                dst[d] = (byte) cmykChannel(src[s + 2] & 0xFF, k);
                dst[d + 1] = (byte) cmykChannel(src[s + 1] & 0xFF, k);
                dst[d + 2] = (byte) cmykChannel(src[s] & 0xFF, k);
            }
        }
        return out;
    }

    /** djpeg's CMYK to RGB for PPM output: {@code floor(c * k / 255.0 + 0.5)}. */
    public static int cmykChannel(int c, int k) {
        return (c * k * 2 + 255) / 510;
    }

    /**
     * @param image any BufferedImage
     * @return GRAY for a grey image ({@code TYPE_BYTE_GRAY}, and any grey or grey+alpha image of
     *     another sample size, such as {@code TYPE_USHORT_GRAY} or a 16-bit PNG), RGB otherwise
     *     (alpha is dropped, indexed colours expanded). Samples of more or fewer than 8 bits
     *     (16-bit PNG, TIFF) are scaled to 8 bits as cjpeg scales a PPM's maxval,
     *     {@code round(v * 255 / max)}; grey samples are taken as they are stored, without the
     *     linear-to-sRGB conversion {@link BufferedImage#getRGB} applies to a grey colour space.
     */
    public static PixelImage fromBufferedImage(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        int type = image.getType();
        Raster raster = image.getRaster();
        if (type == BufferedImage.TYPE_BYTE_GRAY) {
            byte[] out = new byte[w * h];
            raster.getDataElements(0, 0, w, h, out);
            return new PixelImage(w, h, PixelFormat.GRAY, out);
        }
        PixelImage scaled = fromComponents(image);
        if (scaled != null) {
            return scaled;
        }
        byte[] out = new byte[w * h * 3];
        if ((type == BufferedImage.TYPE_3BYTE_BGR || type == BufferedImage.TYPE_INT_RGB
                || type == BufferedImage.TYPE_INT_ARGB || type == BufferedImage.TYPE_INT_BGR)
                && isWhole(raster, w, h)) {
            if (type == BufferedImage.TYPE_3BYTE_BGR) {
                byte[] src = ((DataBufferByte) raster.getDataBuffer()).getData();
                for (int i = 0; i < out.length; i += 3) {
                    out[i] = src[i + 2];
                    out[i + 1] = src[i + 1];
                    out[i + 2] = src[i];
                }
            } else {
                int[] src = ((DataBufferInt) raster.getDataBuffer()).getData();
                boolean bgr = type == BufferedImage.TYPE_INT_BGR;
                for (int i = 0, j = 0; i < w * h; i++, j += 3) {
                    int p = src[i];
                    int a = (p >> 16) & 0xFF;
                    int c = p & 0xFF;
                    out[j] = (byte) (bgr ? c : a);
                    out[j + 1] = (byte) (p >> 8);
                    out[j + 2] = (byte) (bgr ? a : c);
                }
            }
            return new PixelImage(w, h, PixelFormat.RGB, out);
        }
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
            image.getRGB(0, y, w, 1, row, 0, w);
            for (int x = 0, j = y * w * 3; x < w; x++, j += 3) {
                int p = row[x];
                out[j] = (byte) (p >> 16);
                out[j + 1] = (byte) (p >> 8);
                out[j + 2] = (byte) p;
            }
        }
        return new PixelImage(w, h, PixelFormat.RGB, out);
    }

    /**
     * Grey of any sample size, and RGB of a sample size other than 8, from a
     * {@link ComponentColorModel} without premultiplied alpha: the colour samples scaled to 8
     * bits, the alpha sample ignored. Null for anything else (8-bit RGB keeps its own paths).
     */
    private static PixelImage fromComponents(BufferedImage image) {
        ColorModel cm = image.getColorModel();
        if (!(cm instanceof ComponentColorModel) || cm.isAlphaPremultiplied()) {
            return null;
        }
        int csType = cm.getColorSpace().getType();
        Raster raster = image.getRaster();
        int bits = raster.getSampleModel().getSampleSize(0);
        int channels;
        if (csType == ColorSpace.TYPE_GRAY && cm.getNumColorComponents() == 1) {
            channels = 1;
        } else if (cm.getColorSpace().isCS_sRGB() && cm.getNumColorComponents() == 3 && bits != 8) {
            channels = 3;
        } else {
            return null;
        }
        for (int b = 0; b < channels; b++) {
            if (raster.getSampleModel().getSampleSize(b) != bits) {
                return null;
            }
        }
        if (bits < 1 || bits > 16) {
            return null;
        }
        int w = image.getWidth();
        int h = image.getHeight();
        long max = (1L << bits) - 1;
        byte[] out = new byte[w * h * channels];
        int[] row = new int[w];
        for (int c = 0; c < channels; c++) {
            for (int y = 0; y < h; y++) {
                raster.getSamples(0, y, w, 1, c, row);
                for (int x = 0, j = y * w * channels + c; x < w; x++, j += channels) {
                    out[j] = (byte) (((row[x] & 0xFFFFFFFFL) * 510 + max) / (2 * max)); // round(v * 255 / max)
                }
            }
        }
        return new PixelImage(w, h, channels == 1 ? PixelFormat.GRAY : PixelFormat.RGB, out);
    }

    /** True when the raster's data buffer holds exactly this image, unshifted (not a sub-image). */
    private static boolean isWhole(Raster raster, int w, int h) {
        return raster.getSampleModelTranslateX() == 0 && raster.getSampleModelTranslateY() == 0
                && raster.getDataBuffer().getNumBanks() == 1
                && raster.getDataBuffer().getSize() == (long) w * h * (raster.getDataBuffer() instanceof DataBufferByte ? 3 : 1);
    }
}
