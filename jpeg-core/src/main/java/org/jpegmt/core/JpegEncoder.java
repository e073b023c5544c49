package org.jpegmt.core;

import org.jpegmt.core.internal.EncodeJob;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Encodes 8-bit RGB or grey pixels as baseline JPEG (SOF0), byte-identical to libjpeg's
 * {@code cjpeg -dct int -baseline} for the same settings (see {@link EncoderOptions}).
 *
 * <p>GRAY input always gives a one-component file (as cjpeg does with PGM input); RGB input with
 * {@link Subsampling#GRAY} keeps only the luma (as {@code cjpeg -grayscale}). The encoding is
 * header + every restart interval + EOI through {@link EncodeJob}, the same operations a parallel
 * scheduler uses, so the bytes do not depend on how the work is split.
 *
 * <p>Instances are immutable and thread-safe: share one.
 */
public final class JpegEncoder {
    private final EncoderOptions options;

    /** An encoder with {@link EncoderOptions#defaults()}. */
    public JpegEncoder() {
        this(EncoderOptions.defaults());
    }

    /** @param options encoder settings */
    public JpegEncoder(EncoderOptions options) {
        this.options = java.util.Objects.requireNonNull(options, "options");
    }

    /** @return this encoder's settings */
    public EncoderOptions options() {
        return options;
    }

    /**
     * @param image RGB or GRAY pixels (CMYK is refused), at most 65535x65535
     * @return a complete JPEG file
     * @throws IllegalArgumentException for CMYK input or larger images
     */
    public byte[] encode(PixelImage image) {
        return EncodeJob.create(image, options).encodeAll();
    }

    /**
     * Encodes and writes {@code metadata}'s segments after the JFIF APP0
     * ({@link JpegMetadata#insertInto}); pass {@link JpegMetadata#withoutEncodingSegments()} of
     * a source file's metadata to carry its Exif, ICC profile, XMP and comments over.
     *
     * @param image RGB or GRAY pixels
     * @param metadata segments to write
     * @return a complete JPEG file
     */
    public byte[] encode(PixelImage image, JpegMetadata metadata) {
        return metadata.insertInto(encode(image));
    }

    /**
     * Writes a complete JPEG file to {@code out} (not closed).
     *
     * @param image RGB or GRAY pixels
     * @param out destination
     * @throws IOException if writing fails
     */
    public void encode(PixelImage image, OutputStream out) throws IOException {
        out.write(encode(image));
    }
}
