package org.jpegmt.imageio;

import java.util.Locale;
import java.util.Objects;
import javax.imageio.plugins.jpeg.JPEGImageWriteParam;
import org.jpegmt.core.EncoderOptions;
import org.jpegmt.core.Subsampling;

/**
 * Write settings of {@link JpegmtImageWriter}. As a {@link JPEGImageWriteParam} it takes the
 * usual compression quality and {@link #setOptimizeHuffmanTables(boolean) optimized Huffman
 * tables}; jpegmt adds chroma {@link #setSubsampling(Subsampling) subsampling}, the
 * {@link #setRestartRows(int) restart interval} and the number of
 * {@link #setThreads(int) threads} that encode one image.
 *
 * <p><b>Quality:</b> with {@code setCompressionMode(MODE_EXPLICIT)}, compression quality
 * {@code q} in 0..1 becomes IJG quality {@code round(q * 100)} clamped to 1..100, the scale of
 * {@code cjpeg -quality}. The JDK writer scales the same Annex K tables with the continuous
 * value {@code q * 100}, so both agree whenever {@code q * 100} is a whole number (0.75, 0.9,
 * ...). In any other mode the quality is 75, the JDK's default as well.
 *
 * <p>Defaults: quality 0.75 (75), 4:2:0, standard Huffman tables, <b>one restart marker per
 * MCU row</b> (so every file written can be decoded in parallel; the JDK writer writes none),
 * one thread. Progressive writing, tiling and custom tables are not supported: tiling throws as
 * for any parameter that cannot tile; {@code setProgressiveMode} is accepted, as the JDK's
 * parameter accepts it, and the writer writes baseline with a warning for {@code MODE_DEFAULT}
 * and {@code MODE_EXPLICIT}; custom tables are ignored with a warning.
 *
 * <pre>{@code
 * JpegmtImageWriteParam p = new JpegmtImageWriteParam(null);
 * p.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
 * p.setCompressionQuality(0.9f);
 * p.setSubsampling(Subsampling.S444);
 * p.setRestartMcus(16);
 * p.setThreads(4);
 * writer.write(null, new IIOImage(image, null, null), p);
 * }</pre>
 */
public class JpegmtImageWriteParam extends JPEGImageWriteParam {
    /** Quality used when the compression mode is not {@code MODE_EXPLICIT}. */
    public static final int DEFAULT_QUALITY = 75;

    private Subsampling subsampling = Subsampling.S420;
    private int restartInterval = 1;
    private EncoderOptions.RestartUnit restartUnit = EncoderOptions.RestartUnit.MCU_ROWS;
    private int threads = 1;

    /** @param locale for the compression quality descriptions, or null */
    public JpegmtImageWriteParam(Locale locale) {
        super(locale);
    }

    /**
     * The mapping this plugin uses from ImageIO's compression quality to IJG quality.
     *
     * @param compressionQuality 0..1
     * @return {@code round(compressionQuality * 100)} clamped to 1..100
     */
    public static int ijgQuality(float compressionQuality) {
        return Math.max(1, Math.min(100, Math.round(compressionQuality * 100f)));
    }

    /** @return chroma subsampling, or {@link Subsampling#GRAY} to write the luma only */
    public Subsampling getSubsampling() {
        return subsampling;
    }

    /** @param subsampling chroma subsampling (grey images are always written as one component) */
    public void setSubsampling(Subsampling subsampling) {
        this.subsampling = Objects.requireNonNull(subsampling, "subsampling");
    }

    /**
     * @param rows restart interval in MCU rows, 0 for no restart markers (then the image is
     *     encoded and can be decoded on one thread only)
     */
    public void setRestartRows(int rows) {
        EncoderOptions.defaults().withRestartRows(rows); // validates
        restartInterval = rows;
        restartUnit = EncoderOptions.RestartUnit.MCU_ROWS;
    }

    /** @param mcus restart interval in MCUs (1..65535), 0 for no restart markers */
    public void setRestartMcus(int mcus) {
        EncoderOptions.defaults().withRestartMcus(mcus); // validates
        restartInterval = mcus;
        restartUnit = EncoderOptions.RestartUnit.MCUS;
    }

    /** @return the restart interval in {@link #getRestartUnit()} units, 0 for none */
    public int getRestartInterval() {
        return restartInterval;
    }

    /** @return whether {@link #getRestartInterval()} counts MCU rows or MCUs */
    public EncoderOptions.RestartUnit getRestartUnit() {
        return restartUnit;
    }

    /** @return threads used to encode one image, the caller included */
    public int getThreads() {
        return threads;
    }

    /**
     * @param threads threads used to encode one image, the caller included (1 = serial); the
     *     bytes written are the same for every thread count
     */
    public void setThreads(int threads) {
        this.threads = JpegmtProviderInfo.requireThreads(threads);
    }
}
