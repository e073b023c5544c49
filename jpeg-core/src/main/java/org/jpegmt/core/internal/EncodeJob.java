package org.jpegmt.core.internal;

import org.jpegmt.core.JpegEncoder;
import org.jpegmt.core.EncoderOptions;
import org.jpegmt.core.PixelImage;
import org.jpegmt.core.PixelFormat;

import java.util.Objects;

/**
 * Low-level API for parallel schedulers (such as jpeg-mt): one image prepared for encoding,
 * cut into restart intervals that can be coded independently.
 *
 * <p>Each restart interval is a self-contained entropy-coded segment (DC predictors restart at
 * zero, the bit stream restarts on a byte boundary), so a scheduler can hand ranges of intervals
 * to threads and join the results in order:
 *
 * <pre>{@code
 * EncodeJob job = EncodeJob.create(image, options);
 * if (job.needsTables()) {                      // optimizeHuffman: count first
 *     SymbolCounts all = job.newCounts();
 *     // per thread: SymbolCounts c = job.newCounts(); job.countSymbols(a, b, c); then all.add(c)
 *     job = job.withTables(all);
 * }
 * out.write(job.header());
 * // per thread, disjoint ranges in order: out.write(job.encodeIntervals(a, b));
 * out.write(job.trailer());
 * }</pre>
 *
 * The result is byte-identical to {@link JpegEncoder#encode} however the intervals are split.
 * Colour conversion, downsampling, DCT, quantisation and Huffman coding of the MCU rows a range
 * touches all happen inside the call, on the calling thread. Instances are immutable; every
 * method is safe to call concurrently.
 *
 * <p>Each call allocates scratch for one band of MCU rows, and a band shared by two ranges is
 * converted twice, so give each thread a strip of many intervals (whole MCU rows where the
 * interval allows), not one interval per call.
 */
public final class EncodeJob {
    /** The EOI marker that ends every file (T.81 B.2.1). */
    private static final byte[] EOI = {(byte) 0xFF, (byte) Markers.EOI};

    private final EncodeSetup setup;
    /** Null while optimal tables are asked for and not yet built. */
    private final EncodeTables tables;

    private EncodeJob(EncodeSetup setup, EncodeTables tables) {
        this.setup = setup;
        this.tables = tables;
    }

    /**
     * Prepares {@code image} for encoding. With {@link EncoderOptions#optimizeHuffman()} the
     * job starts without tables: count symbols and call {@link #withTables} first.
     *
     * @param image RGB or GRAY pixels, at most 65535x65535 (GRAY input always gives a
     *     one-component file, as cjpeg does with PGM input)
     * @param options encoder settings
     * @return the job
     * @throws IllegalArgumentException for CMYK input or an image larger than 65535x65535
     */
    public static EncodeJob create(PixelImage image, EncoderOptions options) {
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(options, "options");
        if (image.format() == PixelFormat.CMYK) {
            throw new IllegalArgumentException("CMYK input is not supported by the encoder; convert to RGB first");
        }
        if (image.width() > 65535 || image.height() > 65535) {
            throw new IllegalArgumentException("JPEG images are at most 65535x65535, got "
                    + image.width() + "x" + image.height());
        }
        return new EncodeJob(EncodeSetup.of(image, options), options.optimizeHuffman() ? null : EncodeTables.STANDARD);
    }

    /**
     * Prepares samples that are already in the file's colour space (what the JDK's ImageIO
     * writer does with a {@code Raster}: YCbCr, CMYK, YCCK or anything else, written as given):
     * band {@code c} becomes frame component {@code c}, with no colour conversion and no JFIF
     * APP0. Quantisation table slot 0 holds the luminance table of the options' quality, slot 1
     * the chrominance one; a component codes with its slot's quantisation and Huffman tables.
     *
     * @param samples {@code ids.length} interleaved bytes per pixel, {@code width} pixels per row
     * @param width pixels per row, 1..65535
     * @param height rows, 1..65535
     * @param ids component identifiers (1..4 components)
     * @param lumaH horizontal sampling factor of component 0: 1 or 2 (the others have 1)
     * @param lumaV vertical sampling factor of component 0: 1, or 2 with {@code lumaH} 2
     * @param slots table slot (0 or 1) per component
     * @param options quality, restart interval and optimised tables (subsampling is ignored)
     * @return the job
     * @throws IllegalArgumentException for sizes, counts or sampling factors outside these
     */
    public static EncodeJob createRaw(byte[] samples, int width, int height, int[] ids, int lumaH, int lumaV,
            int[] slots, EncoderOptions options) {
        Objects.requireNonNull(samples, "samples");
        Objects.requireNonNull(options, "options");
        int n = ids.length;
        if (n < 1 || n > 4 || slots.length != n) {
            throw new IllegalArgumentException("1 to 4 components with one table slot each, got " + n);
        }
        if (width < 1 || height < 1 || width > 65535 || height > 65535) {
            throw new IllegalArgumentException("JPEG images are 1x1 to 65535x65535, got " + width + "x" + height);
        }
        if ((long) width * height * n != samples.length) {
            throw new IllegalArgumentException("expected " + (long) width * height * n + " samples, got " + samples.length);
        }
        // ScanEncoder's downsampling: the other components at h2v1 or h2v2 of component 0 (4:2:2, 4:2:0)
        boolean sampling = lumaH == 1 && lumaV == 1 || lumaH == 2 && (lumaV == 1 || lumaV == 2);
        if (!sampling || n == 1 && lumaH != 1) {
            throw new IllegalArgumentException("unsupported sampling factors " + lumaH + "x" + lumaV);
        }
        FrameHeader.Component[] comps = new FrameHeader.Component[n];
        for (int c = 0; c < n; c++) {
            if (slots[c] != 0 && slots[c] != 1 || ids[c] < 0 || ids[c] > 255) {
                throw new IllegalArgumentException("component " + c + ": id " + ids[c] + ", slot " + slots[c]);
            }
            comps[c] = new FrameHeader.Component(ids[c], c == 0 ? lumaH : 1, c == 0 ? lumaV : 1, slots[c]);
        }
        return new EncodeJob(EncodeSetup.raw(samples, width, height, comps, options),
                options.optimizeHuffman() ? null : EncodeTables.STANDARD);
    }

    /** @return number of restart intervals (entropy-coded segments), 1 if restarts are off */
    public int intervalCount() {
        return setup.grid().segments();
    }

    /** @return number of MCUs in the scan */
    public int mcuCount() {
        return setup.grid().mcuCount();
    }

    /** @return MCUs per MCU row */
    public int mcusPerRow() {
        return setup.grid().mcusPerRow();
    }

    /** @return MCUs per restart interval (the last one may be shorter); {@link #mcuCount()} without restarts */
    public int intervalMcus() {
        return setup.grid().interval();
    }

    /** @return true while optimal Huffman tables are asked for and not yet set by {@link #withTables} */
    public boolean needsTables() {
        return tables == null;
    }

    /** @return empty counts for {@link #countSymbols} */
    public SymbolCounts newCounts() {
        return new SymbolCounts();
    }

    /**
     * Adds the Huffman symbols of intervals {@code [from, to)} to {@code into}. Safe to call
     * concurrently for different {@code into} instances.
     *
     * @param from first interval
     * @param to end interval (exclusive)
     * @param into counts owned by the caller's thread
     */
    public void countSymbols(int from, int to, SymbolCounts into) {
        checkRange(from, to);
        new ScanEncoder(setup, null).run(from, to, null, into);
    }

    /**
     * @param merged the symbol counts of every interval
     * @return a job coding with the optimal tables for these counts (T.81 K.2)
     */
    public EncodeJob withTables(SymbolCounts merged) {
        return new EncodeJob(setup, EncodeTables.optimal(merged, setup.slots()));
    }

    /** @return SOI through SOS: JFIF, quantisation and Huffman tables, frame, restart interval */
    public byte[] header() {
        requireTables();
        return MarkerWriter.header(setup.frame(), setup.quant(), tables.dc(), tables.ac(), setup.restartInterval(),
                setup.jfif());
    }

    /**
     * Encodes intervals {@code [from, to)}: each one's entropy-coded data padded with 1-bits,
     * followed by its marker RST(i mod 8), except after the last interval of the image.
     *
     * @param from first interval
     * @param to end interval (exclusive)
     * @return the bytes
     */
    public byte[] encodeIntervals(int from, int to) {
        checkRange(from, to);
        BitWriter w = new BitWriter(estimate(from, to));
        encodeInto(w, from, to);
        return w.toByteArray();
    }

    /**
     * The whole file on this thread: counts symbols first if optimal tables are asked for, then
     * header, every interval and EOI into one buffer ({@link JpegEncoder#encode}).
     *
     * @return the complete JPEG file
     */
    public byte[] encodeAll() {
        EncodeJob job = this;
        int intervals = intervalCount();
        if (job.needsTables()) {
            SymbolCounts counts = newCounts();
            countSymbols(0, intervals, counts);
            job = withTables(counts);
        }
        BitWriter w = new BitWriter(job.estimate(0, intervals) + 2048);
        w.raw(job.header());
        job.encodeInto(w, 0, intervals);
        w.raw(EOI);
        return w.toByteArray();
    }

    /** @return the EOI marker that ends the file */
    public byte[] trailer() {
        return EOI.clone();
    }

    /** Serial path: appends intervals [from, to) to {@code w}. */
    void encodeInto(BitWriter w, int from, int to) {
        requireTables();
        new ScanEncoder(setup, tables).run(from, to, w, null);
    }

    /** A first guess of the output size (1 bit per sample, q90 photos need less); the writer grows. */
    int estimate(int from, int to) {
        McuGrid grid = setup.grid();
        FrameHeader frame = setup.frame();
        long mcus = grid.segmentStart(to) - grid.segmentStart(from);
        long samples = (long) frame.width() * frame.height() * (frame.count() == 1 ? 2 : 3) / 2 * mcus
                / Math.max(1, grid.mcuCount());
        return (int) Math.min(1 << 28, samples / 8 + 1024);
    }

    private void checkRange(int from, int to) {
        int intervals = intervalCount();
        if (from < 0 || to > intervals || from > to) {
            throw new IndexOutOfBoundsException("interval range [" + from + ", " + to + ") outside [0, " + intervals + ")");
        }
    }

    private void requireTables() {
        if (tables == null) {
            throw new IllegalStateException("optimizeHuffman is set: countSymbols and withTables first");
        }
    }
}
