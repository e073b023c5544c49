package org.jpegmt.imageio;

import javax.imageio.ImageReadParam;
import org.jpegmt.core.DecoderOptions;

/**
 * Read settings of {@link JpegmtImageReader}: everything {@link ImageReadParam} offers (source
 * region, subsampling, destination, bands) plus jpegmt's own:
 *
 * <ul>
 *   <li>{@link #setThreads(int) threads}: how many threads decode one image (1, the default,
 *       decodes on the calling thread only). Files with restart markers are split between
 *       them; the pixels are identical for every thread count.
 *   <li>{@link #setStrict(boolean) strict}: damaged data throws instead of being recovered
 *       with a warning.
 *   <li>{@link #setMaxPixels(long) maxPixels}: larger frames are refused before any pixel
 *       memory is allocated.
 *   <li>{@link #setRawSamples(boolean) rawSamples}: colour files with an embedded ICC profile
 *       are read as decoded (djpeg's samples, labelled sRGB) instead of converted from the
 *       profile as the JDK reader does.
 * </ul>
 *
 * <pre>{@code
 * JpegmtImageReadParam p = (JpegmtImageReadParam) reader.getDefaultReadParam();
 * p.setThreads(4);
 * BufferedImage img = reader.read(0, p);
 * }</pre>
 */
public class JpegmtImageReadParam extends ImageReadParam {
    private int threads = 1;
    private boolean strict;
    private long maxPixels = DecoderOptions.DEFAULT_MAX_PIXELS;
    private boolean rawSamples;

    /** Default settings: one thread, lenient, {@link DecoderOptions#DEFAULT_MAX_PIXELS}. */
    public JpegmtImageReadParam() {
    }

    /** @return threads used to decode one image, the caller included */
    public int getThreads() {
        return threads;
    }

    /**
     * @param threads threads used to decode one image, the caller included (1 = serial)
     * @throws IllegalArgumentException if below 1
     */
    public void setThreads(int threads) {
        this.threads = JpegmtProviderInfo.requireThreads(threads);
    }

    /** @return whether damaged data throws instead of being recovered */
    public boolean isStrict() {
        return strict;
    }

    /** @param strict true to throw on damage that a lenient decode reports as a warning */
    public void setStrict(boolean strict) {
        this.strict = strict;
    }

    /** @return the largest {@code width * height} accepted */
    public long getMaxPixels() {
        return maxPixels;
    }

    /**
     * @param maxPixels the largest {@code width * height} accepted
     * @throws IllegalArgumentException if not positive
     */
    public void setMaxPixels(long maxPixels) {
        if (maxPixels < 1) {
            throw new IllegalArgumentException("maxPixels must be positive, got " + maxPixels);
        }
        this.maxPixels = maxPixels;
    }

    /** @return whether embedded ICC profiles are ignored */
    public boolean isRawSamples() {
        return rawSamples;
    }

    /**
     * @param rawSamples true to read colour files with an embedded ICC profile as decoded,
     *     without the conversion from the profile to sRGB (false, the default, converts as the
     *     JDK reader does); the image types offered then no longer include the profile's own
     */
    public void setRawSamples(boolean rawSamples) {
        this.rawSamples = rawSamples;
    }
}
