package org.jpegmt.core;

import java.io.IOException;

/**
 * Base of every error jpegmt reports about JPEG data.
 *
 * <p>Two branches: {@link InvalidJpegException} (the data breaks the format) and
 * {@link UnsupportedJpegException} (valid JPEG using a feature this codec does not implement).
 * Messages name the segment, the bad value and, where known, the byte offset, which is also
 * available from {@link #offset()}.
 */
public class JpegException extends IOException {
    private static final long serialVersionUID = 1L;

    private final long offset;

    /**
     * @param message what was wrong and what was expected
     * @param offset byte offset in the input where the problem was found, or -1 if unknown
     */
    public JpegException(String message, long offset) {
        super(offset >= 0 ? message + " (at byte " + offset + ")" : message);
        this.offset = offset;
    }

    /**
     * @param message what was wrong and what was expected
     * @param offset byte offset in the input, or -1 if unknown
     * @param cause the underlying error
     */
    public JpegException(String message, long offset, Throwable cause) {
        super(offset >= 0 ? message + " (at byte " + offset + ")" : message, cause);
        this.offset = offset;
    }

    /** @return the byte offset in the input where the problem was found, or -1 if unknown */
    public long offset() {
        return offset;
    }
}
