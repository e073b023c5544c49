package org.jpegmt.core;

import java.util.Objects;

/**
 * Immutable decoder settings. Start from {@link #defaults()} and derive variants with the
 * {@code with...} methods:
 *
 * <pre>{@code
 * DecoderOptions opts = DecoderOptions.defaults().withStrict(true).withMaxPixels(50_000_000);
 * }</pre>
 */
public final class DecoderOptions {
    /** Default pixel limit: 2^28 pixels (a 16384 x 16384 image). */
    public static final long DEFAULT_MAX_PIXELS = 1L << 28;

    private static final JpegWarningListener IGNORE = (message, offset) -> { };
    private static final DecoderOptions DEFAULTS = new DecoderOptions(false, IGNORE, DEFAULT_MAX_PIXELS);

    private final boolean strict;
    private final JpegWarningListener warningListener;
    private final long maxPixels;

    private DecoderOptions(boolean strict, JpegWarningListener warningListener, long maxPixels) {
        this.strict = strict;
        this.warningListener = warningListener;
        this.maxPixels = maxPixels;
    }

    /** @return lenient decoding, warnings ignored, at most {@link #DEFAULT_MAX_PIXELS} pixels */
    public static DecoderOptions defaults() {
        return DEFAULTS;
    }

    /**
     * @param strict if true, the first problem that a lenient decode would report as a warning
     *     (damaged entropy data, missing or misnumbered restart markers, junk before a marker)
     *     throws an {@link InvalidJpegException} instead
     * @return a copy with this setting
     */
    public DecoderOptions withStrict(boolean strict) {
        return new DecoderOptions(strict, warningListener, maxPixels);
    }

    /**
     * @param listener receives the warnings of lenient decoding (must be thread-safe when used
     *     for parallel decoding)
     * @return a copy with this setting
     */
    public DecoderOptions withWarningListener(JpegWarningListener listener) {
        return new DecoderOptions(strict, Objects.requireNonNull(listener, "listener"), maxPixels);
    }

    /**
     * @param maxPixels largest {@code width * height} the decoder accepts; larger frames are
     *     refused when the frame header is read, before any pixel memory is allocated
     * @return a copy with this setting
     */
    public DecoderOptions withMaxPixels(long maxPixels) {
        if (maxPixels < 1) {
            throw new IllegalArgumentException("maxPixels must be positive, got " + maxPixels);
        }
        return new DecoderOptions(strict, warningListener, maxPixels);
    }

    /** @return whether warnings become exceptions */
    public boolean strict() {
        return strict;
    }

    /** @return the warning listener (never null) */
    public JpegWarningListener warningListener() {
        return warningListener;
    }

    /** @return the pixel limit */
    public long maxPixels() {
        return maxPixels;
    }

    @Override
    public String toString() {
        return "DecoderOptions[strict=" + strict + ", maxPixels=" + maxPixels + "]";
    }
}
