package org.jpegmt.core;

/**
 * Immutable encoder settings. Start from {@link #defaults()} (quality 75, 4:2:0, standard
 * Huffman tables, one restart marker per MCU row) and derive variants:
 *
 * <pre>{@code
 * EncoderOptions opts = EncoderOptions.defaults().withQuality(90).withSubsampling(Subsampling.S444);
 * }</pre>
 *
 * <p>The restart interval is a property of the file, never of the thread count, so the same
 * options give the same bytes however the image is encoded.
 */
public final class EncoderOptions {
    /** Unit of the restart interval. */
    public enum RestartUnit {
        /** Interval counted in MCU rows (as {@code cjpeg -restart N}). */
        MCU_ROWS,
        /** Interval counted in MCUs (as {@code cjpeg -restart NB}). */
        MCUS
    }

    private static final EncoderOptions DEFAULTS =
            new EncoderOptions(75, Subsampling.S420, false, 1, RestartUnit.MCU_ROWS);

    private final int quality;
    private final Subsampling subsampling;
    private final boolean optimizeHuffman;
    private final int restartInterval;
    private final RestartUnit restartUnit;

    private EncoderOptions(int quality, Subsampling subsampling, boolean optimizeHuffman,
            int restartInterval, RestartUnit restartUnit) {
        this.quality = quality;
        this.subsampling = subsampling;
        this.optimizeHuffman = optimizeHuffman;
        this.restartInterval = restartInterval;
        this.restartUnit = restartUnit;
    }

    /** @return quality 75, 4:2:0, standard tables, one restart marker per MCU row */
    public static EncoderOptions defaults() {
        return DEFAULTS;
    }

    /**
     * @param quality 1..100, scaling the T.81 Annex K tables the way IJG libjpeg does
     * @return a copy with this setting
     */
    public EncoderOptions withQuality(int quality) {
        if (quality < 1 || quality > 100) {
            throw new IllegalArgumentException("quality must be 1..100, got " + quality);
        }
        return new EncoderOptions(quality, subsampling, optimizeHuffman, restartInterval, restartUnit);
    }

    /**
     * @param subsampling chroma subsampling, or {@link Subsampling#GRAY} for greyscale output
     * @return a copy with this setting
     */
    public EncoderOptions withSubsampling(Subsampling subsampling) {
        return new EncoderOptions(quality, java.util.Objects.requireNonNull(subsampling, "subsampling"),
                optimizeHuffman, restartInterval, restartUnit);
    }

    /**
     * @param optimize build optimal Huffman tables from the image (T.81 K.2) instead of the
     *     standard Annex K tables: smaller files, one more pass over the coefficients
     * @return a copy with this setting
     */
    public EncoderOptions withOptimizeHuffman(boolean optimize) {
        return new EncoderOptions(quality, subsampling, optimize, restartInterval, restartUnit);
    }

    /**
     * @param rows restart interval in MCU rows, 0 for no restart markers
     * @return a copy with this setting
     */
    public EncoderOptions withRestartRows(int rows) {
        if (rows < 0 || rows > 65535) {
            throw new IllegalArgumentException("restart rows must be 0..65535, got " + rows);
        }
        return new EncoderOptions(quality, subsampling, optimizeHuffman, rows, RestartUnit.MCU_ROWS);
    }

    /**
     * @param mcus restart interval in MCUs (1..65535), 0 for no restart markers
     * @return a copy with this setting
     */
    public EncoderOptions withRestartMcus(int mcus) {
        if (mcus < 0 || mcus > 65535) {
            throw new IllegalArgumentException("restart MCUs must be 0..65535, got " + mcus);
        }
        return new EncoderOptions(quality, subsampling, optimizeHuffman, mcus, RestartUnit.MCUS);
    }

    /** @return quality 1..100 */
    public int quality() {
        return quality;
    }

    /** @return chroma subsampling or greyscale */
    public Subsampling subsampling() {
        return subsampling;
    }

    /** @return whether optimal Huffman tables are built */
    public boolean optimizeHuffman() {
        return optimizeHuffman;
    }

    /** @return restart interval in {@link #restartUnit()} units; 0 = no restart markers */
    public int restartInterval() {
        return restartInterval;
    }

    /** @return unit of {@link #restartInterval()} */
    public RestartUnit restartUnit() {
        return restartUnit;
    }

    @Override
    public String toString() {
        return "EncoderOptions[quality=" + quality + ", subsampling=" + subsampling.label()
                + ", optimizeHuffman=" + optimizeHuffman + ", restart=" + restartInterval + " "
                + restartUnit + "]";
    }
}
