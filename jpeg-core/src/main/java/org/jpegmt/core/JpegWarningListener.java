package org.jpegmt.core;

/**
 * Receives the warnings of a lenient decode: damage the decoder recovered from the way libjpeg
 * does (for example "premature end of data segment", an unexpected marker instead of RSTn, or
 * extraneous bytes before a marker). Called on the decoding thread; implementations used with
 * parallel decoding must be thread-safe.
 */
@FunctionalInterface
public interface JpegWarningListener {
    /**
     * @param message what was found and what was done about it
     * @param offset byte offset in the input where it was found, or -1 if unknown
     */
    void warning(String message, long offset);
}
