package org.jpegmt.robustness;

import java.util.Arrays;
import java.util.Objects;
import org.jpegmt.core.JpegException;
import org.jpegmt.core.PixelImage;

/**
 * What one decode produced: an image, or the {@link JpegException} it threw. Anything else
 * (another exception, an error) propagates out of {@link #of}, which is what the fuzz targets
 * and tests want: it is a finding.
 */
record Outcome(PixelImage image, JpegException error) {

    @FunctionalInterface
    interface Decode {
        PixelImage run() throws JpegException;
    }

    static Outcome of(Decode decode) {
        try {
            return new Outcome(Objects.requireNonNull(decode.run(), "decoder returned null"), null);
        } catch (JpegException e) {
            return new Outcome(null, e);
        }
    }

    boolean ok() {
        return image != null;
    }

    /** Throws AssertionError unless both decoded to the same pixels or both threw. */
    static void assertSame(String what, Outcome a, Outcome b) {
        if (a.ok() != b.ok()) {
            throw new AssertionError(what + ": one decode threw, the other did not: "
                    + (a.ok() ? b.error : a.error).getMessage(), a.ok() ? b.error : a.error);
        }
        if (!a.ok()) {
            return;
        }
        PixelImage x = a.image;
        PixelImage y = b.image;
        if (x.width() != y.width() || x.height() != y.height() || x.format() != y.format()) {
            throw new AssertionError(what + ": different images " + x + " vs " + y);
        }
        if (!Arrays.equals(x.data(), y.data())) {
            throw new AssertionError(what + ": pixels differ at byte " + Arrays.mismatch(x.data(), y.data())
                    + " of " + x);
        }
    }
}
