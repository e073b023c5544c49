package org.jpegmt.core.internal;

import org.jpegmt.core.UnsupportedJpegException;

/**
 * Lossless transforms of a {@link CoefficientImage} (jpegtran's {@code -rotate}, {@code -flip},
 * {@code -transpose}, {@code -transverse}).
 */
public final class LosslessTransform {
    /** The transforms, named as jpegtran's options. */
    public enum Kind {
        NONE, FLIP_HORIZONTAL, FLIP_VERTICAL, TRANSPOSE, TRANSVERSE, ROTATE_90, ROTATE_180, ROTATE_270
    }

    private LosslessTransform() {
    }

    static CoefficientImage apply(CoefficientImage src, Kind kind, boolean trim) throws UnsupportedJpegException {
        if (kind == Kind.NONE) {
            return src;
        }
        throw new UnsupportedJpegException("transform " + kind + " is not implemented yet", -1);
    }
}
