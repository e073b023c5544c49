package org.jpegmt.core.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jpegmt.core.DecoderOptions;
import org.jpegmt.core.JpegException;
import org.jpegmt.core.UnsupportedJpegException;

/**
 * Low-level API for lossless transcoding, what {@code jpegtran} does: the quantised coefficients
 * of a sequential or progressive Huffman file (SOF0/SOF1/SOF2) are read without any inverse DCT
 * (a progressive file becomes a baseline one, as with jpegtran without {@code -progressive}), optionally
 * transformed (rotation, flips, transposition: {@link LosslessTransform}), and written again with
 * new restart intervals and standard or optimal Huffman tables, byte-identical to libjpeg-turbo
 * 2.1.5's {@code jpegtran} for the same options. The pixels of the result are the source's.
 *
 * <pre>{@code
 * TranscodeJob job = TranscodeJob.open(jpeg, decoderOptions, settings);
 * int[] bounds = job.sourceSegments();            // null: read serially
 * if (bounds == null) job.readSource();
 * else // per thread, disjoint runs of the source's restart intervals:
 *     job.readSourceSegments(bounds, a, b);
 * TranscodeOutput out = job.output();              // after every read
 * // then as an EncodeJob: counts and withTables if optimising, header, intervals, trailer
 * }</pre>
 *
 * Reads fill the job's coefficient image (disjoint blocks per run); {@link #output()} must come
 * after every read has returned (a happens-before edge, such as a joined task).
 */
public final class TranscodeJob {
    /** Which APPn and COM segments of the source are copied (jpegtran's {@code -copy}). */
    public enum Copy {
        /** None. */
        NONE,
        /** COM segments only (jpegtran's default). */
        COMMENTS,
        /** Every APPn and COM segment, in source order. */
        ALL
    }

    /**
     * The transcode's options, named after jpegtran's.
     *
     * @param restartRows restart interval in MCU rows ({@code -restart N}), 0 for none
     * @param restartMcus restart interval in MCUs ({@code -restart NB}), 0 for none; at most one
     *     of the two is set
     * @param optimize optimal Huffman tables ({@code -optimize}) instead of the standard ones
     * @param copy segments to copy ({@code -copy})
     * @param transform lossless transform ({@code -rotate}, {@code -flip}, ...)
     * @param trim drop the partial edge MCUs a transform would move ({@code -trim})
     */
    public record Settings(int restartRows, int restartMcus, boolean optimize, Copy copy,
            LosslessTransform.Kind transform, boolean trim) {
        /** jpegtran's defaults: no restarts, standard tables, comments copied, no transform. */
        public static final Settings JPEGTRAN = new Settings(0, 0, false, Copy.COMMENTS, LosslessTransform.Kind.NONE,
                false);

        /** @throws IllegalArgumentException for a negative or double restart setting */
        public Settings {
            Objects.requireNonNull(copy, "copy");
            Objects.requireNonNull(transform, "transform");
            if (restartRows < 0 || restartMcus < 0 || restartRows > 65535 || restartMcus > 65535) {
                throw new IllegalArgumentException("restart interval outside 0..65535");
            }
            if (restartRows > 0 && restartMcus > 0) {
                throw new IllegalArgumentException("restart interval in rows or in MCUs, not both");
            }
        }

        /** @return these settings with an interval of {@code rows} MCU rows */
        public Settings withRestartRows(int rows) {
            return new Settings(rows, 0, optimize, copy, transform, trim);
        }

        /** @return these settings with an interval of {@code mcus} MCUs */
        public Settings withRestartMcus(int mcus) {
            return new Settings(0, mcus, optimize, copy, transform, trim);
        }

        public Settings withOptimize(boolean on) {
            return new Settings(restartRows, restartMcus, on, copy, transform, trim);
        }

        public Settings withCopy(Copy c) {
            return new Settings(restartRows, restartMcus, optimize, c, transform, trim);
        }

        public Settings withTransform(LosslessTransform.Kind t, boolean trimEdges) {
            return new Settings(restartRows, restartMcus, optimize, copy, t, trimEdges);
        }
    }

    private final CoefficientReader reader;
    private final CoefficientImage source;
    private final Settings settings;
    private final List<SavedSegments.Segment> segments;

    private TranscodeJob(CoefficientReader reader, Settings settings, List<SavedSegments.Segment> segments) {
        this.reader = reader;
        this.settings = settings;
        this.segments = segments;
        this.source = reader.newImage();
    }

    /**
     * Reads the headers up to the first scan and checks the limits, the coefficients' memory
     * (twice for a transform, which writes a second image) included, before allocating them.
     *
     * @param jpeg the whole file (not copied; must not change while the job is used)
     * @throws UnsupportedJpegException for arithmetic, lossless or 12-bit files,
     *     and for files over the limits
     */
    public static TranscodeJob open(byte[] jpeg, DecoderOptions options, Settings settings) throws JpegException {
        Objects.requireNonNull(settings, "settings");
        CoefficientReader reader = CoefficientReader.open(jpeg, options);
        if (settings.transform() != LosslessTransform.Kind.NONE) {
            long need = 2 * CoefficientBuffer.bytes(reader.frame);
            if (need > options.maxMemory()) {
                throw new UnsupportedJpegException("transforming the coefficients of a " + reader.frame.width() + "x"
                        + reader.frame.height() + " image needs " + need + " bytes, over the limit of "
                        + options.maxMemory() + " (DecoderOptions.maxMemory)", reader.firstScan.dataOffset());
            }
        }
        List<SavedSegments.Segment> segments = SavedSegments.read(jpeg); // JFIF density is carried over even with Copy.NONE
        return new TranscodeJob(reader, settings, segments);
    }

    /** @return the settings */
    public Settings settings() {
        return settings;
    }

    /** @return the source's pixel count, width x height */
    public long sourcePixels() {
        return (long) reader.frame.width() * reader.frame.height();
    }

    /** @return the source's first scan grid (its restart intervals) */
    public McuGrid sourceGrid() {
        return reader.firstGrid;
    }

    /**
     * @return the source's restart intervals, segment i in {@code jpeg[b[2i], b[2i+1])}, for
     *     {@link #readSourceSegments}; null when the file has one interval, several scans, or
     *     markers that are not clean: use {@link #readSource()}
     */
    public int[] sourceSegments() {
        return reader.segmentBounds();
    }

    /** Reads every scan of the source on this thread (libjpeg's restart resynchronisation included). */
    public void readSource() throws JpegException {
        reader.readAll(source);
    }

    /**
     * Reads the source's restart intervals {@code [from, to)}; disjoint runs may be read on
     * different threads at once.
     *
     * @param bounds {@link #sourceSegments()}
     */
    public void readSourceSegments(int[] bounds, int from, int to) throws JpegException {
        reader.readSegments(bounds, from, to, source);
    }

    /**
     * @return the output: the source's coefficients, transformed as asked, ready to be coded;
     *     call once every read has returned
     */
    public TranscodeOutput output() throws JpegException {
        CoefficientImage out = LosslessTransform.apply(source.withUnitSampling(), settings.transform(), settings.trim());
        TranscodeHeader.ColorSpace space = colorSpace();
        List<SavedSegments.Segment> kept = new ArrayList<>();
        for (SavedSegments.Segment s : segments) {
            if (settings.copy() == Copy.ALL || (settings.copy() == Copy.COMMENTS && s.marker() == Markers.COM)) {
                kept.add(s);
            }
        }
        boolean exifFirst = !kept.isEmpty() && kept.get(0).isExif();
        if (exifFirst && (out.frame.width() != source.frame.width() || out.frame.height() != source.frame.height())) {
            kept.set(0, new SavedSegments.Segment(kept.get(0).marker(),
                    ExifDimensions.rewrite(kept.get(0).body(), out.frame.width(), out.frame.height())));
        }
        int perRow = CoefficientEncoder.grid(out.frame, 0).mcusPerRow();
        int interval = settings.restartMcus() > 0 ? settings.restartMcus()
                : (int) Math.min(65535, (long) settings.restartRows() * perRow);
        return new TranscodeOutput(out, CoefficientEncoder.grid(out.frame, interval), interval, space,
                space.writesJfif() && !exifFirst, TranscodeHeader.Jfif.of(segments), List.copyOf(kept),
                settings.optimize() ? null : EncodeTables.STANDARD);
    }

    /** libjpeg's choice of the source's colour space (jdapimin.c default_decompress_parms). */
    private TranscodeHeader.ColorSpace colorSpace() {
        MarkerReader m = reader.markers;
        FrameHeader.Component[] c = reader.frame.components();
        if (c.length == 1) {
            return TranscodeHeader.ColorSpace.GRAY;
        }
        if (c.length == 3) {
            if (m.jfif) {
                return TranscodeHeader.ColorSpace.YCBCR;
            }
            if (m.adobeTransform >= 0) {
                return m.adobeTransform == 0 ? TranscodeHeader.ColorSpace.RGB : TranscodeHeader.ColorSpace.YCBCR;
            }
            boolean rgb = c[0].id() == 'R' && c[1].id() == 'G' && c[2].id() == 'B';
            return rgb ? TranscodeHeader.ColorSpace.RGB : TranscodeHeader.ColorSpace.YCBCR;
        }
        return m.adobeTransform <= 0 ? TranscodeHeader.ColorSpace.CMYK : TranscodeHeader.ColorSpace.YCCK;
    }
}
