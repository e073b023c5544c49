package org.jpegmt.core.internal;

import org.jpegmt.core.DecoderOptions;
import org.jpegmt.core.InvalidJpegException;
import org.jpegmt.core.JpegWarningListener;

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

    /**
     * "Corrupt JPEG data: N extraneous bytes before marker 0xXX", built without String.format:
     * damaged files can raise such warnings for every MCU, and formatting dominated their cost.
     */
    static String extraneous(int count, int marker) {
        return "Corrupt JPEG data: " + count + " extraneous bytes before marker " + hex(marker);
    }

    /** @return "0x" and two lower-case hex digits, as libjpeg prints marker codes */
    static String hex(int code) {
        return "0x" + Character.forDigit((code >> 4) & 15, 16) + Character.forDigit(code & 15, 16);
    }

    /**
     * @return warnings that throw at the first one, as strict mode does: for a decode that must
     *     hand anything unusual back to the serial path, which then reports it as usual
     */
    Warnings probe() {
        return options.strict() ? this : new Warnings(options.withStrict(true));
    }

    void warn(String message, long offset) throws InvalidJpegException {
        if (options.strict()) {
            throw new InvalidJpegException(message, offset);
        }
        options.warningListener().warning(message, offset);
    }
}
