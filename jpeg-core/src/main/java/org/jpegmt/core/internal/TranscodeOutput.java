package org.jpegmt.core.internal;

import java.util.Arrays;
import java.util.List;
import org.jpegmt.core.JpegException;
import org.jpegmt.core.UnsupportedJpegException;

/**
 * The coding side of a {@link TranscodeJob}: the output coefficients cut into restart intervals
 * that can be coded independently, as {@link EncodeJob} does for pixels. Each interval is a
 * self-contained entropy-coded segment, so ranges of intervals can be coded on different threads
 * and joined in order; the bytes are the same however the intervals are split.
 *
 * <pre>{@code
 * if (out.needsTables()) {                 // optimize: count first, per thread, then merge
 *     SymbolCounts all = out.newCounts();
 *     out.countSymbols(a, b, mine); all.add(mine);
 *     out = out.withTables(all);
 * }
 * write(out.header()); write(out.encodeIntervals(a, b)) ...; write(out.trailer());
 * }</pre>
 *
 * Immutable; every method may be called concurrently.
 */
public final class TranscodeOutput {
    private static final byte[] EOI = {(byte) 0xFF, (byte) Markers.EOI};

    private final CoefficientImage image;
    private final McuGrid grid;
    private final int restartInterval;
    private final TranscodeHeader.ColorSpace space;
    private final boolean writeJfif;
    private final TranscodeHeader.Jfif jfif;
    private final List<SavedSegments.Segment> kept;
    private final int[] slots;
    /** Null until optimal tables are built. */
    private final EncodeTables tables;

    TranscodeOutput(CoefficientImage image, McuGrid grid, int restartInterval, TranscodeHeader.ColorSpace space,
            boolean writeJfif, TranscodeHeader.Jfif jfif, List<SavedSegments.Segment> kept, EncodeTables tables)
            throws JpegException {
        this.image = image;
        this.grid = grid;
        this.restartInterval = restartInterval;
        this.space = space;
        this.writeJfif = writeJfif;
        this.jfif = jfif;
        this.kept = kept;
        this.slots = space.tableSlots(image.frame.count());
        this.tables = tables;
        FrameHeader.Component[] comps = image.frame.components();
        for (int c = 0; c < comps.length; c++) {
            for (int d = 0; d < c; d++) {
                if (comps[c].tq() == comps[d].tq() && !Arrays.equals(image.quant[c], image.quant[d])) {
                    // jpegtran: "Cannot transcode due to multiple use of quantization table N"
                    throw new UnsupportedJpegException("components " + comps[d].id() + " and " + comps[c].id()
                            + " use different tables from quantization table slot " + comps[c].tq(), -1);
                }
            }
        }
    }

    private TranscodeOutput(TranscodeOutput o, EncodeTables tables) {
        this.image = o.image;
        this.grid = o.grid;
        this.restartInterval = o.restartInterval;
        this.space = o.space;
        this.writeJfif = o.writeJfif;
        this.jfif = o.jfif;
        this.kept = o.kept;
        this.slots = o.slots;
        this.tables = tables;
    }

    /** @return the output's width */
    public int width() {
        return image.frame.width();
    }

    /** @return the output's height */
    public int height() {
        return image.frame.height();
    }

    /** @return the output scan's grid: MCUs, restart intervals */
    public McuGrid grid() {
        return grid;
    }

    /** @return restart intervals (entropy-coded segments) in the output */
    public int intervalCount() {
        return grid.segments();
    }

    /** @return true while optimal tables are asked for and not yet set by {@link #withTables} */
    public boolean needsTables() {
        return tables == null;
    }

    /** @return empty counts for {@link #countSymbols} */
    public SymbolCounts newCounts() {
        return new SymbolCounts();
    }

    /** Adds the Huffman symbols of intervals {@code [from, to)} to {@code into} (owned by the caller's thread). */
    public void countSymbols(int from, int to, SymbolCounts into) throws JpegException {
        checkRange(from, to);
        new CoefficientEncoder(image, grid, slots, null).run(from, to, null, into);
    }

    /** @return an output coding with the optimal tables for these counts of every interval (T.81 K.2) */
    public TranscodeOutput withTables(SymbolCounts merged) {
        int used = 1;
        for (int s : slots) {
            used = Math.max(used, s + 1);
        }
        return new TranscodeOutput(this, EncodeTables.optimal(merged, used));
    }

    /** @return SOI through SOS */
    public byte[] header() {
        requireTables();
        return TranscodeHeader.write(image.frame, image.quant, space, writeJfif, jfif, kept, tables.dc(), tables.ac(),
                restartInterval);
    }

    /**
     * @return intervals {@code [from, to)} coded, each followed by RST(i mod 8) but the image's last
     */
    public byte[] encodeIntervals(int from, int to) throws JpegException {
        checkRange(from, to);
        requireTables();
        BitWriter w = new BitWriter(estimate(from, to));
        new CoefficientEncoder(image, grid, slots, tables).run(from, to, w, null);
        return w.toByteArray();
    }

    /** @return the EOI marker */
    public byte[] trailer() {
        return EOI.clone();
    }

    /** @return the whole file coded on this thread (counting first when optimising) */
    public byte[] encodeAll() throws JpegException {
        TranscodeOutput o = this;
        if (needsTables()) {
            SymbolCounts counts = newCounts();
            countSymbols(0, intervalCount(), counts);
            o = withTables(counts);
        }
        byte[] head = o.header();
        BitWriter w = new BitWriter(head.length + estimate(0, intervalCount()) + 2);
        w.raw(head);
        new CoefficientEncoder(o.image, o.grid, o.slots, o.tables).run(0, intervalCount(), w, null);
        w.raw(EOI);
        return w.toByteArray();
    }

    /** A first guess of the coded size (two bits per coefficient block on average, at least 1 KiB); the writer grows. */
    private int estimate(int from, int to) {
        long mcus = grid.segmentStart(to) - grid.segmentStart(from);
        long blocks = 0;
        for (int c = 0; c < image.frame.count(); c++) {
            blocks += (long) image.frame.wib(c) * image.frame.hib(c);
        }
        return (int) Math.min(1 << 28, blocks * 16 * mcus / Math.max(1, grid.mcuCount()) + 1024);
    }

    private void checkRange(int from, int to) {
        if (from < 0 || to > intervalCount() || from > to) {
            throw new IndexOutOfBoundsException("interval range [" + from + ", " + to + ") outside [0, "
                    + intervalCount() + ")");
        }
    }

    private void requireTables() {
        if (tables == null) {
            throw new IllegalStateException("optimize is set: countSymbols and withTables first");
        }
    }
}
