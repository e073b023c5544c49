package org.jpegmt.core;

/** Layout of one pixel in a {@link PixelImage}: 8 bits per channel, channels interleaved. */
public enum PixelFormat {
    /** One grey sample per pixel. */
    GRAY(1),
    /** Red, green, blue. */
    RGB(3),
    /**
     * Cyan, magenta, yellow, black, as stored in 4-component JPEG files (after the YCCK to
     * CMYK transform when the file's Adobe marker asks for it). Values are the file's own:
     * Adobe-style files are usually inverted (0 = full ink); nothing is inverted here.
     */
    CMYK(4);

    private final int channels;

    PixelFormat(int channels) {
        this.channels = channels;
    }

    /** @return bytes per pixel */
    public int channels() {
        return channels;
    }
}
