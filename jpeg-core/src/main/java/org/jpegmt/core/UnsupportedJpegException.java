package org.jpegmt.core;

/**
 * The input is (as far as was read) valid JPEG, but uses a feature jpegmt does not implement,
 * such as progressive (SOF2), arithmetic coding, lossless or hierarchical modes, or 12-bit
 * precision. {@link #feature()} names it.
 */
public class UnsupportedJpegException extends JpegException {
    private static final long serialVersionUID = 1L;

    private final String feature;

    /**
     * @param feature the unsupported feature, e.g. {@code "progressive (SOF2)"}
     * @param offset byte offset in the input, or -1 if unknown
     */
    public UnsupportedJpegException(String feature, long offset) {
        super("Unsupported JPEG feature: " + feature, offset);
        this.feature = feature;
    }

    /** @return the unsupported feature, e.g. {@code "progressive (SOF2)"} */
    public String feature() {
        return feature;
    }
}
