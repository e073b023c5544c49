package org.jpegmt.core;

import org.jpegmt.core.internal.DecodeJob;

import java.io.IOException;
import java.io.InputStream;

/**
 * Decodes baseline (SOF0) and extended sequential 8-bit Huffman (SOF1) JPEG files, pixel for
 * pixel as libjpeg's {@code djpeg} does by default (accurate integer IDCT, fancy upsampling,
 * libjpeg's fixed-point colour conversion).
 *
 * <p>Output: {@link PixelFormat#GRAY} for 1-component files, {@link PixelFormat#RGB} for
 * 3-component files, {@link PixelFormat#CMYK} for 4-component files (YCCK converted to CMYK
 * when the Adobe marker says so; values not inverted).
 *
 * <p>Instances are immutable and thread-safe: share one.
 */
public final class JpegDecoder {
    private final DecoderOptions options;

    /** A decoder with {@link DecoderOptions#defaults()}. */
    public JpegDecoder() {
        this(DecoderOptions.defaults());
    }

    /** @param options decoder settings */
    public JpegDecoder(DecoderOptions options) {
        this.options = java.util.Objects.requireNonNull(options, "options");
    }

    /** @return this decoder's settings */
    public DecoderOptions options() {
        return options;
    }

    /**
     * @param jpeg a whole JPEG file
     * @return the decoded image
     * @throws UnsupportedJpegException for progressive, arithmetic, lossless, hierarchical or
     *     non-8-bit files, naming the feature
     * @throws InvalidJpegException for data that is not JPEG, or (strict mode) damaged data
     */
    public PixelImage decode(byte[] jpeg) throws JpegException {
        java.util.Objects.requireNonNull(jpeg, "jpeg");
        return DecodeJob.open(jpeg, options).decodeAll();
    }

    /**
     * Reads the whole stream, then decodes it. The stream is not closed.
     *
     * @param in a JPEG file
     * @return the decoded image
     * @throws IOException if reading fails, or a {@link JpegException} as {@link #decode(byte[])}
     */
    public PixelImage decode(InputStream in) throws IOException {
        return decode(in.readAllBytes());
    }

    /**
     * Reads the headers up to the first scan without decoding pixels. Works on any JPEG
     * process (progressive files are described, not refused).
     *
     * @param jpeg a JPEG file, or at least its headers
     * @return size, components, sampling, SOF type and restart interval
     * @throws InvalidJpegException if no valid frame header is found
     */
    public JpegInfo readInfo(byte[] jpeg) throws JpegException {
        java.util.Objects.requireNonNull(jpeg, "jpeg");
        return DecodeJob.readInfo(jpeg, options);
    }

    /**
     * Reads the file's application and comment segments (Exif, ICC profile, XMP, Adobe, JFIF,
     * comments...) without decoding anything else.
     *
     * @param jpeg a JPEG file (any process)
     * @return its APPn and COM segments in file order
     * @throws InvalidJpegException if the data does not start with SOI
     */
    public JpegMetadata readMetadata(byte[] jpeg) throws JpegException {
        return JpegMetadata.read(jpeg);
    }
}
