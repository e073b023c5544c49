package org.jpegmt.core;

/**
 * Where a decode reports the damage it recovers from: forwards to the caller's
 * {@link JpegWarningListener}, or, in strict mode, turns the first warning into an
 * {@link InvalidJpegException}. Stateless apart from the options, so one instance may be shared
 * by threads decoding different segments.
 */
final class Warnings {
    private final DecoderOptions options;

    Warnings(DecoderOptions options) {
        this.options = options;
    }

    void warn(String message, long offset) throws InvalidJpegException {
        if (options.strict()) {
            throw new InvalidJpegException(message, offset);
        }
        options.warningListener().warning(message, offset);
    }
}
