package org.jpegmt.core;

import java.util.Objects;

/**
 * An 8-bit raster: {@code width * height} pixels in row-major order, channels interleaved as
 * given by {@link #format()}, rows packed with no padding.
 *
 * <p>For speed the pixel array is shared, not copied: {@link #data()} returns the array this
 * image was built on. Treat it as read-only if the image is shared between threads.
 */
public final class PixelImage {
    private final int width;
    private final int height;
    private final PixelFormat format;
    private final byte[] data;

    /**
     * @param width pixels per row, at least 1
     * @param height rows, at least 1
     * @param format channel layout
     * @param data exactly {@code width * height * format.channels()} bytes (not copied)
     * @throws IllegalArgumentException if the sizes do not match
     */
    public PixelImage(int width, int height, PixelFormat format, byte[] data) {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(data, "data");
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("image size must be at least 1x1, got " + width + "x" + height);
        }
        long expected = (long) width * height * format.channels();
        if (data.length != expected) {
            throw new IllegalArgumentException("pixel array holds " + data.length + " bytes, "
                    + width + "x" + height + " " + format + " needs " + expected);
        }
        this.width = width;
        this.height = height;
        this.format = format;
        this.data = data;
    }

    /**
     * Allocates a zero-filled image.
     *
     * @param width pixels per row
     * @param height rows
     * @param format channel layout
     * @return a new image
     * @throws IllegalArgumentException if the image would exceed 2^31 - 1 bytes
     */
    public static PixelImage allocate(int width, int height, PixelFormat format) {
        long bytes = (long) width * height * format.channels();
        if (width < 1 || height < 1 || bytes > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("cannot allocate a " + width + "x" + height + " " + format + " image");
        }
        return new PixelImage(width, height, format, new byte[(int) bytes]);
    }

    /** @return pixels per row */
    public int width() {
        return width;
    }

    /** @return number of rows */
    public int height() {
        return height;
    }

    /** @return channel layout */
    public PixelFormat format() {
        return format;
    }

    /** @return the backing array (shared, not a copy) */
    public byte[] data() {
        return data;
    }

    /** @return bytes per row, {@code width * format().channels()} */
    public int stride() {
        return width * format.channels();
    }

    @Override
    public String toString() {
        return "PixelImage[" + width + "x" + height + " " + format + "]";
    }
}
