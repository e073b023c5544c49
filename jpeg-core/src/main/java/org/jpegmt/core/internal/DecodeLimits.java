package org.jpegmt.core.internal;

import org.jpegmt.core.DecoderOptions;
import org.jpegmt.core.InvalidJpegException;
import org.jpegmt.core.JpegException;
import org.jpegmt.core.UnsupportedJpegException;

/**
 * What this decoder accepts in a frame header (precision, component count, sampling factors and
 * ratios, size) and the limits of {@link DecoderOptions} (pixels, memory), checked when the frame
 * header is read, before anything is allocated, in overflow-safe arithmetic.
 */
final class DecodeLimits {
    private DecodeLimits() {
    }

    /** The limits and features of this decoder, checked before anything is allocated. */
    static void check(FrameHeader f, DecoderOptions options, long fileLength, int at) throws JpegException {
        if (f.precision() != 8) {
            throw new UnsupportedJpegException(f.precision() + "-bit precision", at);
        }
        int nf = f.count();
        if (nf != 1 && nf != 3 && nf != 4) {
            throw new UnsupportedJpegException(nf + "-component images", at);
        }
        for (FrameHeader.Component c : f.components()) {
            if (c.h() < 1 || c.h() > 4 || c.v() < 1 || c.v() > 4) {
                throw new InvalidJpegException("SOF: sampling factors " + c.h() + "x" + c.v()
                        + " of component " + c.id() + " are outside 1..4", at);
            }
        }
        int hmax = f.hmax();
        int vmax = f.vmax();
        for (FrameHeader.Component c : f.components()) {
            if (hmax % c.h() != 0 || vmax % c.v() != 0) {
                throw new UnsupportedJpegException("non-integral sampling ratio (" + f.width() + "x"
                        + f.height() + ", factors " + c.h() + "x" + c.v() + " of " + hmax + "x" + vmax + ")", at);
            }
        }
        if (f.width() > 65500 || f.height() > 65500) {
            throw new UnsupportedJpegException("image dimension over 65500 pixels (" + f.width() + "x"
                    + f.height() + ")", at);
        }
        long pixels = (long) f.width() * f.height();
        if (pixels > options.maxPixels()) {
            throw new UnsupportedJpegException("image of " + f.width() + "x" + f.height() + " = " + pixels
                    + " pixels, over the limit of " + options.maxPixels() + " (DecoderOptions.maxPixels)", at);
        }
        // Planes (whole MCUs, one byte per sample) plus the output image, in long arithmetic;
        // progressive files add their coefficients.
        long largest = pixels * (nf == 1 ? 1 : nf == 3 ? 3 : 4);
        long memory = largest;
        for (int c = 0; c < nf; c++) {
            long plane = (long) f.planeWidth(c) * f.planeHeight(c);
            largest = Math.max(largest, plane);
            memory += plane;
        }
        if (f.sof() == Markers.SOF2) {
            // progressive: the whole image's coefficients are kept between scans
            memory += CoefficientBuffer.bytes(f);
        }
        if (memory > options.maxMemory()) {
            throw new UnsupportedJpegException("image of " + f.width() + "x" + f.height() + " needs " + memory
                    + " bytes, over the limit of " + options.maxMemory() + " (DecoderOptions.maxMemory)", at);
        }
        if (largest > Integer.MAX_VALUE - 8) {
            throw new UnsupportedJpegException("image of " + f.width() + "x" + f.height()
                    + " needs an array over 2 GiB", at);
        }
        // pixels > maxPixelsPerByte * fileLength, without overflow
        if (pixels > DecoderOptions.EXPANSION_FREE_PIXELS && (pixels - 1) / options.maxPixelsPerByte() >= fileLength) {
            throw new UnsupportedJpegException("image of " + f.width() + "x" + f.height() + " = " + pixels
                    + " pixels from a file of " + fileLength + " bytes, over the limit of " + options.maxPixelsPerByte()
                    + " pixels per byte for images over " + DecoderOptions.EXPANSION_FREE_PIXELS
                    + " pixels (DecoderOptions.maxPixelsPerByte; a decompression bomb?)", at);
        }
    }
}
