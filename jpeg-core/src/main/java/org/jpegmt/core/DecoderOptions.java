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
    /** Default memory limit: 1 GiB for the sample planes and the output image together. */
    public static final long DEFAULT_MAX_MEMORY = 1L << 30;
    /**
     * Default expansion limit: an image over {@link #EXPANSION_FREE_PIXELS} pixels may claim at
     * most 32 pixels per byte of the file. Photographs take 2 to 15 pixels per byte; a file of a
     * few kilobytes claiming hundreds of megapixels (a decompression bomb) is refused before its
     * output is allocated.
     */
    public static final long DEFAULT_MAX_PIXELS_PER_BYTE = 32;
    /**
     * Images up to this many pixels (2^25, 32 Mi) are never refused for their pixels per byte.
     * With the default expansion limit, a file under 1 MiB thus decodes to at most 2^25 pixels.
     */
    public static final long EXPANSION_FREE_PIXELS = 1L << 25;

    private static final JpegWarningListener IGNORE = (message, offset) -> { };
    private static final DecoderOptions DEFAULTS = new DecoderOptions(false, IGNORE, DEFAULT_MAX_PIXELS, DEFAULT_MAX_MEMORY,
            DEFAULT_MAX_PIXELS_PER_BYTE);

    private final boolean strict;
    private final JpegWarningListener warningListener;
    private final long maxPixels;
    private final long maxMemory;
    private final long maxPixelsPerByte;

    private DecoderOptions(boolean strict, JpegWarningListener warningListener, long maxPixels, long maxMemory,
            long maxPixelsPerByte) {
        this.strict = strict;
        this.warningListener = warningListener;
        this.maxPixels = maxPixels;
        this.maxMemory = maxMemory;
        this.maxPixelsPerByte = maxPixelsPerByte;
    }

    /**
     * @return lenient decoding, warnings ignored, at most {@link #DEFAULT_MAX_PIXELS} pixels,
     *     {@link #DEFAULT_MAX_MEMORY} bytes and {@link #DEFAULT_MAX_PIXELS_PER_BYTE} pixels per byte
     */
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
        return new DecoderOptions(strict, warningListener, maxPixels, maxMemory, maxPixelsPerByte);
    }

    /**
     * @param listener receives the warnings of lenient decoding (must be thread-safe when used
     *     for parallel decoding)
     * @return a copy with this setting
     */
    public DecoderOptions withWarningListener(JpegWarningListener listener) {
        return new DecoderOptions(strict, Objects.requireNonNull(listener, "listener"), maxPixels, maxMemory,
                maxPixelsPerByte);
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
        return new DecoderOptions(strict, warningListener, maxPixels, maxMemory, maxPixelsPerByte);
    }

    /**
     * @param bytes most memory one decode may allocate for its sample planes (one byte per
     *     sample, padded to whole MCUs) plus the output image; checked, with the pixel limit,
     *     when the frame header is read, before anything is allocated. Per-thread scratch and
     *     tables (a few kilobytes) are not counted.
     * @return a copy with this setting
     */
    public DecoderOptions withMaxMemory(long bytes) {
        if (bytes < 1) {
            throw new IllegalArgumentException("maxMemory must be positive, got " + bytes);
        }
        return new DecoderOptions(strict, warningListener, maxPixels, bytes, maxPixelsPerByte);
    }

    /**
     * @param pixelsPerByte most pixels an image over {@link #EXPANSION_FREE_PIXELS} may claim per
     *     byte of the whole file, checked when the frame header is read; {@code Long.MAX_VALUE}
     *     turns the check off (for files that really are that compressible: large flat images)
     * @return a copy with this setting
     */
    public DecoderOptions withMaxPixelsPerByte(long pixelsPerByte) {
        if (pixelsPerByte < 1) {
            throw new IllegalArgumentException("maxPixelsPerByte must be positive, got " + pixelsPerByte);
        }
        return new DecoderOptions(strict, warningListener, maxPixels, maxMemory, pixelsPerByte);
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

    /** @return the memory limit in bytes (sample planes plus output image) */
    public long maxMemory() {
        return maxMemory;
    }

    /** @return the expansion limit: pixels per byte of the file, for images over {@link #EXPANSION_FREE_PIXELS} */
    public long maxPixelsPerByte() {
        return maxPixelsPerByte;
    }

    @Override
    public String toString() {
        return "DecoderOptions[strict=" + strict + ", maxPixels=" + maxPixels + ", maxMemory=" + maxMemory
                + ", maxPixelsPerByte=" + maxPixelsPerByte + "]";
    }
}
