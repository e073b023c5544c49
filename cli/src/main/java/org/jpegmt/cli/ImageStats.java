package org.jpegmt.cli;

import java.io.IOException;
import java.util.Locale;
import org.jpegmt.core.PixelFormat;
import org.jpegmt.core.PixelImage;

/**
 * How well a JPEG file keeps its source: size, bits per pixel, compression ratio against the
 * raw 8-bit samples of the source, and the error of the decoded pixels (MSE over all samples,
 * PSNR against a peak of 255).
 *
 * @param bytes size of the JPEG file
 * @param width image width
 * @param height image height
 * @param rawBytes size of the uncompressed source samples ({@code width * height * channels})
 * @param mse mean squared error per sample
 */
record ImageStats(long bytes, int width, int height, long rawBytes, double mse) {

    /**
     * Compares decoded pixels with their source. A grey decode of a colour source is compared
     * with the source's luma (ITU-R BT.601 weights, as the encoder uses).
     *
     * @throws IOException if the sizes differ or the formats cannot be compared
     */
    static ImageStats compare(PixelImage source, PixelImage decoded, long jpegBytes) throws IOException {
        if (source.width() != decoded.width() || source.height() != decoded.height()) {
            throw new IOException("cannot compare a " + decoded.width() + "x" + decoded.height()
                    + " image with a " + source.width() + "x" + source.height() + " original");
        }
        PixelImage src = source;
        if (decoded.format() == PixelFormat.GRAY && source.format() == PixelFormat.RGB) {
            src = luma(source);
        }
        if (src.format() != decoded.format()) {
            throw new IOException("cannot compare " + decoded.format() + " pixels with " + source.format());
        }
        byte[] a = src.data();
        byte[] b = decoded.data();
        long sum = 0;
        for (int i = 0; i < a.length; i++) {
            int d = (a[i] & 0xFF) - (b[i] & 0xFF);
            sum += d * d;
        }
        long raw = (long) source.width() * source.height() * source.format().channels();
        return new ImageStats(jpegBytes, source.width(), source.height(), raw, (double) sum / a.length);
    }

    /** Grey from RGB with the BT.601 weights in 16-bit fixed point. */
    static PixelImage luma(PixelImage rgb) {
        byte[] in = rgb.data();
        byte[] out = new byte[rgb.width() * rgb.height()];
        for (int i = 0, j = 0; i < out.length; i++, j += 3) {
            int y = (19595 * (in[j] & 0xFF) + 38470 * (in[j + 1] & 0xFF) + 7471 * (in[j + 2] & 0xFF) + 32768) >> 16;
            out[i] = (byte) y;
        }
        return new PixelImage(rgb.width(), rgb.height(), PixelFormat.GRAY, out);
    }

    /** @return peak signal-to-noise ratio in dB; infinite for identical pixels */
    double psnr() {
        return mse == 0 ? Double.POSITIVE_INFINITY : 10 * Math.log10(255.0 * 255.0 / mse);
    }

    /** @return bits of JPEG per pixel */
    double bitsPerPixel() {
        return bytes * 8.0 / ((double) width * height);
    }

    /** @return raw source size over JPEG size */
    double ratio() {
        return (double) rawBytes / bytes;
    }

    /** One line for people: {@code 12345 bytes, 1.23 bpp, ratio 19.5:1, PSNR 38.21 dB, MSE 9.810}. */
    String describe() {
        return String.format(Locale.ROOT, "%d bytes, %.3f bpp, ratio %.1f:1, PSNR %s dB, MSE %.3f",
                bytes, bitsPerPixel(), ratio(), Double.isInfinite(psnr()) ? "inf" : String.format(Locale.ROOT, "%.2f", psnr()), mse);
    }

    /** The same figures as a JSON object. */
    Json.Obj toJson() {
        return new Json.Obj().put("bytes", bytes).put("bits_per_pixel", bitsPerPixel()).put("ratio", ratio())
                .put("psnr_db", Double.isInfinite(psnr()) ? null : psnr()).put("mse", mse);
    }
}
