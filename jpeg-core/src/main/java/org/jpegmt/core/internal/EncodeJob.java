package org.jpegmt.core.internal;

import org.jpegmt.core.JpegEncoder;
import org.jpegmt.core.EncoderOptions;
import org.jpegmt.core.PixelImage;
import org.jpegmt.core.PixelFormat;
import org.jpegmt.core.Subsampling;

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
    private static final byte[] EOI = {(byte) 0xFF, (byte) MarkerWriter.EOI};

    final PixelImage image;
    final EncoderOptions options;
    final int width;
    final int height;
    /** Number of components: 1 (grey) or 3 (YCbCr). */
    final int nc;
    final int[] h;
    final int[] v;
    final int hmax;
    final int vmax;
    /** Real blocks per row / column of each component (T.81 A.2; cjpeg's width_in_blocks). */
    final int[] wib;
    final int[] hib;
    /** Rows each component has before it is extended downward by repetition. */
    final int[] availRows;
    final int mcusX;
    final int mcusY;
    final int total;
    /** MCUs per restart interval (total when restarts are off). */
    final int interval;
    /** Value of the DRI segment, 0 for none. */
    final int restartInterval;
    final int intervals;
    final int[][] quant;
    /** Per slot: see {@link Fdct#quantizer}. */
    final long[][] quantizers;
    final HuffmanSpec[] dcSpec;
    final HuffmanSpec[] acSpec;
    final HuffmanEncoder[] dcEnc;
    final HuffmanEncoder[] acEnc;
    private final boolean tablesReady;

    private EncodeJob(PixelImage image, EncoderOptions options) {
        this.image = image;
        this.options = options;
        this.width = image.width();
        this.height = image.height();
        if (width > 65535 || height > 65535) {
            throw new IllegalArgumentException("JPEG images are at most 65535x65535, got " + width + "x" + height);
        }
        boolean grey = image.format() == PixelFormat.GRAY || options.subsampling() == Subsampling.GRAY;
        nc = grey ? 1 : 3;
        h = new int[nc];
        v = new int[nc];
        java.util.Arrays.fill(h, 1);
        java.util.Arrays.fill(v, 1);
        if (!grey) {
            h[0] = options.subsampling().lumaH();
            v[0] = options.subsampling().lumaV();
        }
        hmax = h[0];
        vmax = v[0];
        wib = new int[nc];
        hib = new int[nc];
        availRows = new int[nc];
        for (int c = 0; c < nc; c++) {
            int dw = ceilDiv(width * h[c], hmax);
            int dh = ceilDiv(height * v[c], vmax);
            wib[c] = ceilDiv(dw, 8);
            hib[c] = ceilDiv(dh, 8);
            availRows[c] = ceilDiv(height, vmax) * v[c];
        }
        if (nc == 1) {
            // non-interleaved scan: one block per MCU over the component's own block grid
            mcusX = wib[0];
            mcusY = hib[0];
        } else {
            mcusX = ceilDiv(width, 8 * hmax);
            mcusY = ceilDiv(height, 8 * vmax);
        }
        total = mcusX * mcusY;
        long n;
        if (options.restartInterval() == 0) {
            n = 0;
        } else if (options.restartUnit() == EncoderOptions.RestartUnit.MCU_ROWS) {
            n = Math.min(65535L, (long) options.restartInterval() * mcusX);
        } else {
            n = options.restartInterval();
        }
        restartInterval = (int) n;
        interval = n == 0 ? total : (int) n;
        intervals = ceilDiv(total, interval);
        int slots = nc > 1 ? 2 : 1;
        quant = new int[slots][];
        quantizers = new long[slots][];
        quant[0] = QuantTables.luminance(options.quality());
        if (slots > 1) {
            quant[1] = QuantTables.chrominance(options.quality());
        }
        for (int t = 0; t < slots; t++) {
            quantizers[t] = Fdct.quantizer(quant[t]);
        }
        dcSpec = new HuffmanSpec[] {StandardTables.DC_LUMINANCE, StandardTables.DC_CHROMINANCE};
        acSpec = new HuffmanSpec[] {StandardTables.AC_LUMINANCE, StandardTables.AC_CHROMINANCE};
        dcEnc = encoders(dcSpec);
        acEnc = encoders(acSpec);
        tablesReady = !options.optimizeHuffman();
    }

    /** A copy of {@code base} with other Huffman tables. */
    private EncodeJob(EncodeJob base, HuffmanSpec[] dc, HuffmanSpec[] ac) {
        image = base.image;
        options = base.options;
        width = base.width;
        height = base.height;
        nc = base.nc;
        h = base.h;
        v = base.v;
        hmax = base.hmax;
        vmax = base.vmax;
        wib = base.wib;
        hib = base.hib;
        availRows = base.availRows;
        mcusX = base.mcusX;
        mcusY = base.mcusY;
        total = base.total;
        interval = base.interval;
        restartInterval = base.restartInterval;
        intervals = base.intervals;
        quant = base.quant;
        quantizers = base.quantizers;
        dcSpec = dc;
        acSpec = ac;
        dcEnc = encoders(dc);
        acEnc = encoders(ac);
        tablesReady = true;
    }

    private static HuffmanEncoder[] encoders(HuffmanSpec[] specs) {
        HuffmanEncoder[] out = new HuffmanEncoder[specs.length];
        for (int i = 0; i < specs.length; i++) {
            out[i] = new HuffmanEncoder(specs[i]);
        }
        return out;
    }

    private static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
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
        return new EncodeJob(image, options);
    }

    /** @return number of restart intervals (entropy-coded segments), 1 if restarts are off */
    public int intervalCount() {
        return intervals;
    }

    /** @return number of MCUs in the scan */
    public int mcuCount() {
        return total;
    }

    /** @return MCUs per MCU row */
    public int mcusPerRow() {
        return mcusX;
    }

    /** @return MCUs per restart interval (the last one may be shorter); {@link #mcuCount()} without restarts */
    public int intervalMcus() {
        return interval;
    }

    /** @return true while optimal Huffman tables are asked for and not yet set by {@link #withTables} */
    public boolean needsTables() {
        return !tablesReady;
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
        new ScanEncoder(this).run(from, to, null, into);
    }

    /**
     * @param merged the symbol counts of every interval
     * @return a job coding with the optimal tables for these counts (T.81 K.2)
     */
    public EncodeJob withTables(SymbolCounts merged) {
        int slots = quant.length;
        HuffmanSpec[] dc = new HuffmanSpec[slots];
        HuffmanSpec[] ac = new HuffmanSpec[slots];
        for (int t = 0; t < slots; t++) {
            dc[t] = OptimalHuffman.build(merged.dc[t]);
            ac[t] = OptimalHuffman.build(merged.ac[t]);
        }
        return new EncodeJob(this, dc, ac);
    }

    /** @return SOI through SOS: JFIF, quantisation and Huffman tables, frame, restart interval */
    public byte[] header() {
        requireTables();
        int[] sampling = new int[nc];
        for (int c = 0; c < nc; c++) {
            sampling[c] = h[c] << 4 | v[c];
        }
        return MarkerWriter.header(width, height, sampling, quant, dcSpec, acSpec, restartInterval);
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
        new ScanEncoder(this).run(from, to, w, null);
    }

    /** A first guess of the output size (1 bit per sample, q90 photos need less); the writer grows. */
    int estimate(int from, int to) {
        long mcus = Math.min((long) to * interval, total) - (long) from * interval;
        long samples = (long) width * height * (nc == 1 ? 2 : 3) / 2 * mcus / Math.max(1, total);
        return (int) Math.min(1 << 28, samples / 8 + 1024);
    }

    private void checkRange(int from, int to) {
        if (from < 0 || to > intervals || from > to) {
            throw new IndexOutOfBoundsException("interval range [" + from + ", " + to + ") outside [0, " + intervals + ")");
        }
    }

    private void requireTables() {
        if (!tablesReady) {
            throw new IllegalStateException("optimizeHuffman is set: countSymbols and withTables first");
        }
    }
}
