package org.jpegmt.core.internal;

import org.jpegmt.core.PixelImage;
import org.jpegmt.core.PixelFormat;
import org.jpegmt.core.InvalidJpegException;

/**
 * Turns plane rows into output rows: chroma upsampling ({@link Upsampler}) and colour
 * conversion ({@link ColorConverter}), with the colour space chosen as libjpeg does. Immutable;
 * each call has its own scratch, so threads may convert disjoint rows at once.
 */
final class RowConverter {
    private static final int GRAY = 0;
    private static final int YCC = 1;
    private static final int RGB = 2;
    private static final int CMYK = 3;
    private static final int YCCK = 4;

    private final FrameHeader frame;
    private final int colorMode;
    private final PixelFormat format;
    private final int[] method;
    private final int[] vRatio;
    /** Horizontal ratio Hmax / h of each component. */
    private final int[] hRatio;
    private final int[] dw;
    private final int[] dh;
    private final int upsampledWidth;
    /** 4:2:0 or 4:2:2 YCbCr: fancy upsampling fused with the colour conversion. */
    private final boolean fused;

    RowConverter(FrameHeader frame, MarkerReader markers, Warnings warn) throws InvalidJpegException {
        this.frame = frame;
        int nc = frame.count();
        this.colorMode = colorMode(frame, markers, warn);
        this.format = nc == 1 ? PixelFormat.GRAY : nc == 3 ? PixelFormat.RGB : PixelFormat.CMYK;
        int hmax = frame.hmax();
        int vmax = frame.vmax();
        method = new int[nc];
        vRatio = new int[nc];
        hRatio = new int[nc];
        dw = new int[nc];
        dh = new int[nc];
        int upw = 0;
        for (int c = 0; c < nc; c++) {
            FrameHeader.Component fc = frame.components()[c];
            hRatio[c] = hmax / fc.h();
            vRatio[c] = vmax / fc.v();
            dw[c] = frame.dw(c);
            dh[c] = frame.dh(c);
            method[c] = Upsampler.method(hRatio[c], vRatio[c], dw[c]);
            upw = Math.max(upw, dw[c] * hRatio[c]);
        }
        upsampledWidth = upw;
        fused = colorMode == YCC && method[0] == Upsampler.NONE && method[1] == method[2] && dw[1] == dw[2]
                && (method[1] == Upsampler.H2V2 || method[1] == Upsampler.H2V1);
    }

    PixelFormat format() {
        return format;
    }

    /** Converts output rows [y0, y1) from the planes into out. */
    void convert(Planes planes, int y0, int y1, PixelImage out) {
        int nc = frame.count();
        int w = frame.width();
        byte[] dst = out.data();
        int stride = w * format.channels();
        if (fused) {
            convertRowsFancy(planes, y0, y1, dst, stride);
            return;
        }
        byte[][] scratch = new byte[nc][];
        byte[][] src = new byte[nc][];
        int[] off = new int[nc];
        for (int c = 0; c < nc; c++) {
            if (method[c] != Upsampler.NONE) {
                scratch[c] = new byte[upsampledWidth];
            }
        }
        int[] cs = new int[upsampledWidth + 2];
        for (int y = y0; y < y1; y++) {
            for (int c = 0; c < nc; c++) {
                rowSource(planes, c, y, scratch[c], cs, src, off);
            }
            int o = y * stride;
            switch (colorMode) {
                case GRAY -> System.arraycopy(src[0], off[0], dst, o, w);
                case YCC -> ColorConverter.yccToRgb(src[0], off[0], src[1], off[1], src[2], off[2], w, dst, o);
                case RGB -> ColorConverter.interleave3(src[0], off[0], src[1], off[1], src[2], off[2], w, dst, o);
                case CMYK -> ColorConverter.interleave4(src, off, w, dst, o);
                default -> ColorConverter.ycckToCmyk(src, off, w, dst, o);
            }
        }
    }

    /** The 4:2:0 and 4:2:2 YCbCr fast path: fancy upsampling fused with the colour conversion. */
    private void convertRowsFancy(Planes planes, int y0, int y1, byte[] dst, int stride) {
        int w = frame.width();
        int cw = dw[1];
        boolean v2 = method[1] == Upsampler.H2V2;
        boolean vector = Simd.VECTOR;
        // padded chroma rows: the 4:2:2 path and the vector kernels
        int[] csb = v2 && !vector ? null : new int[upsampledWidth + 2];
        int[] csr = v2 && !vector ? null : new int[upsampledWidth + 2];
        int[] upb = vector ? new int[w] : null; // the vector kernel's upsampled chroma rows
        int[] upr = vector ? new int[w] : null;
        for (int y = y0; y < y1; y++) {
            if (vector) {
                if (v2) {
                    int j = y >> 1;
                    int far = (y & 1) == 0 ? Math.max(j - 1, 0) : Math.min(j + 1, dh[1] - 1);
                    int nearOff = planes.rowOffset(1, j);
                    int farOff = planes.rowOffset(1, far);
                    ColorConverterVector.columnSums(planes.data[1], nearOff, farOff, cw, csb);
                    ColorConverterVector.columnSums(planes.data[2], nearOff, farOff, cw, csr);
                } else {
                    int off = planes.rowOffset(1, y);
                    Upsampler.padded(planes.data[1], off, cw, csb);
                    Upsampler.padded(planes.data[2], off, cw, csr);
                }
                ColorConverterVector.yccToRgbFancy(planes.data[0], planes.rowOffset(0, y), csb, csr, w,
                        v2 ? 8 : 1, v2 ? 7 : 2, v2 ? 4 : 2, upb, upr, dst, y * stride);
            } else if (v2) {
                int j = y >> 1;
                int far = (y & 1) == 0 ? Math.max(j - 1, 0) : Math.min(j + 1, dh[1] - 1);
                int nearOff = planes.rowOffset(1, j);
                int farOff = planes.rowOffset(1, far);
                ColorConverter.yccToRgbH2V2(planes.data[0], planes.rowOffset(0, y), planes.data[1], planes.data[2],
                        nearOff, farOff, cw, w, dst, y * stride);
            } else {
                int off = planes.rowOffset(1, y);
                Upsampler.padded(planes.data[1], off, cw, csb);
                Upsampler.padded(planes.data[2], off, cw, csr);
                ColorConverter.yccToRgbFancy(planes.data[0], planes.rowOffset(0, y), csb, csr, w, 1, 2, 2,
                        dst, y * stride);
            }
        }
    }

    /** Points src[c]/off[c] at the (upsampled) samples of component c for output row y. */
    private void rowSource(Planes planes, int c, int y, byte[] tmp, int[] cs, byte[][] src, int[] off) {
        byte[] plane = planes.data[c];
        switch (method[c]) {
            case Upsampler.NONE -> {
                src[c] = plane;
                off[c] = planes.rowOffset(c, y);
                return;
            }
            case Upsampler.H2V1 -> Upsampler.h2v1(plane, planes.rowOffset(c, y), dw[c], tmp);
            case Upsampler.H1V2, Upsampler.H2V2 -> {
                int j = y >> 1;
                boolean upper = (y & 1) == 0;
                int far = upper ? Math.max(j - 1, 0) : Math.min(j + 1, dh[c] - 1);
                int nearOff = planes.rowOffset(c, j);
                int farOff = planes.rowOffset(c, far);
                if (method[c] == Upsampler.H1V2) {
                    Upsampler.h1v2(plane, nearOff, farOff, upper ? 1 : 2, dw[c], tmp);
                } else {
                    Upsampler.h2v2(plane, nearOff, farOff, dw[c], cs, tmp);
                }
            }
            default -> Upsampler.box(plane, planes.rowOffset(c, y / vRatio[c]), dw[c], hRatio[c], tmp);
        }
        src[c] = tmp;
        off[c] = 0;
    }

    /** libjpeg jdapimin.c default_decompress_parms: which colour space the file is in. */
    private static int colorMode(FrameHeader frame, MarkerReader markers, Warnings warn)
            throws InvalidJpegException {
        int nc = frame.count();
        if (nc == 1) {
            return GRAY;
        }
        if (nc == 3) {
            if (markers.jfif) {
                return YCC;
            }
            if (markers.adobeTransform >= 0) {
                if (markers.adobeTransform == 0) {
                    return RGB;
                }
                if (markers.adobeTransform != 1) {
                    warn.warn("Unknown Adobe color transform code " + markers.adobeTransform, -1);
                }
                return YCC;
            }
            FrameHeader.Component[] c = frame.components();
            if (c[0].id() == 'R' && c[1].id() == 'G' && c[2].id() == 'B') {
                return RGB;
            }
            return YCC;
        }
        if (markers.adobeTransform < 0 || markers.adobeTransform == 0) {
            return CMYK;
        }
        if (markers.adobeTransform != 2) {
            warn.warn("Unknown Adobe color transform code " + markers.adobeTransform, -1);
        }
        return YCCK;
    }

}
