package org.jpegmt.core;

/** The input is not valid JPEG (or is damaged beyond what the decoder tolerates). */
public class InvalidJpegException extends JpegException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message what was wrong and what was expected
     * @param offset byte offset in the input, or -1 if unknown
     */
    public InvalidJpegException(String message, long offset) {
        super("Invalid JPEG: " + message, offset);
    }
}
