package org.jpegmt.core.internal;

import java.util.Arrays;
import org.jpegmt.core.DecoderOptions;
import org.jpegmt.core.JpegException;
import org.jpegmt.core.JpegInfo;
import org.jpegmt.core.PixelImage;

/**
 * The decode of a progressive file (SOF2, T.81 Annex G), in two phases as libjpeg does it
 * (djpeg reads every scan before it outputs a row):
 * <ol>
 *   <li>{@link #decodeScans()}: every scan in file order, serially, into a whole-image
 *       {@link CoefficientBuffer}, with libjpeg's warnings and restart resynchronisation; then
 *       whether block smoothing applies ({@link BlockSmoothing}). Or, for a scheduler,
 *       {@link #locateScans()}: the scans located ahead ({@link ScanScript}), decoded in any
 *       order their dependencies allow and on any threads, then {@link #finishScans}; a file
 *       with anything unusual goes to {@link #decodeScans()} all the same;
 *   <li>{@link #reconstructRows}: dequantisation, smoothing and inverse DCT of MCU rows into
 *       whole sample planes, then {@link #convertRows}: upsampling and colour conversion of
 *       output rows, both over disjoint rows on any threads (the same {@link RowConverter} as
 *       sequential files).
 * </ol>
 * A scheduler calls them in that order ({@link #decodeAll} does it on one thread).
 *
 * <p>Memory: the coefficients (2 bytes per sample, whole MCUs), the planes (1 byte) and the
 * output, all counted against {@link DecoderOptions#maxMemory()} when the frame header is read
 * ({@link DecodeLimits}), before anything is allocated.
 */
public final class ProgressiveDecode {
    /**
     * Most scans decoded in one file. Real scripts have 6 to 20 (cjpeg's 10; one scan per
     * component and bit at most adds a few dozen); every scan can touch every block, so a hostile
     * file of many tiny scans could otherwise cost time out of all proportion to its size. djpeg
     * has no limit by default; files over this one are decoded from their first scans only, with
     * a warning.
     */
    static final int MAX_SCANS = 256;

    private final byte[] data;
    private final Warnings warn;
    private final MarkerReader markers;
    private final FrameHeader frame;
    private final ScanHeader firstScan;
    private final RowConverter converter;
    private final RestartResync resync;
    private final JpegInfo info;
    /** Per frame component, latched at its first scan; the {@link ScanScript}'s after a concurrent decode. */
    private int[][] latchedQuant;
    /** The serial decode's bookkeeping; the {@link ScanScript}'s after a concurrent decode. */
    private Progression progression;
    private CoefficientBuffer coefficients;
    /** Whether {@link #locateScans} found a script, whose decodes write into the coefficients. */
    private boolean scriptFound;
    private Planes planes;
    /** {@link Progression#smoothingLatch} after the last scan; null: no smoothing. */
    private int[][] smoothing;

    ProgressiveDecode(byte[] data, Warnings warn, MarkerReader markers, ScanHeader firstScan)
            throws JpegException {
        this.data = data;
        this.warn = warn;
        this.markers = markers;
        this.frame = markers.frame;
        this.firstScan = firstScan;
        this.info = DecodeJob.makeInfo(frame, markers);
        this.converter = new RowConverter(frame, markers, warn);
        this.resync = new RestartResync(data, warn, markers.eofSeen());
        this.latchedQuant = new int[frame.count()][];
        this.progression = new Progression(frame.count());
    }

    /** @return what the headers say */
    JpegInfo info() {
        return info;
    }

    /** @return MCU rows of the frame: the unit of {@link #reconstructRows} */
    public int mcuRows() {
        return frame.mcusY();
    }

    /** @return a new, zero-filled output image of the file's size and pixel format */
    public PixelImage newOutput() {
        return PixelImage.allocate(frame.width(), frame.height(), converter.format());
    }

    /**
     * Decodes every scan serially into the coefficient buffer; call once before the other phases,
     * instead of {@link #locateScans} or after its script failed (the buffer is cleared first).
     */
    public void decodeScans() throws JpegException {
        if (coefficients == null) {
            coefficients = new CoefficientBuffer(frame);
        } else if (scriptFound) {
            for (short[] c : coefficients.coef) {
                Arrays.fill(c, (short) 0); // the script's decodes may have written some
            }
        }
        decodeScans(data, markers, firstScan, coefficients, resync, progression, latchedQuant, warn);
        smoothing = progression.smoothingLatch(latchedQuant);
        planes = Planes.whole(frame);
    }

    /**
     * The other way to the coefficients: every scan located ahead, for a scheduler that decodes
     * independent scans and restart intervals at once ({@link ScanScript#decode}), then calls
     * {@link #finishScans}. Call once, before the other phases.
     *
     * @return the scans, or null if the file has anything unusual: then call {@link #decodeScans}
     *     (so too when a {@link ScanScript#decode} throws, once no decode of it is running)
     */
    public ScanScript locateScans() {
        coefficients = new CoefficientBuffer(frame);
        ScanScript script = ScanScript.locate(data, markers, firstScan, warn, coefficients);
        scriptFound = script != null;
        return script;
    }

    /**
     * After every segment of every scan of {@code script} was decoded (with a happens-before edge
     * to this call): takes its bookkeeping, as the serial decode would have left it.
     */
    public void finishScans(ScanScript script) {
        progression = script.progression;
        latchedQuant = script.latchedQuant;
        progression.lastGoodRow = script.lastGoodRow();
        smoothing = progression.smoothingLatch(latchedQuant);
        planes = Planes.whole(frame);
    }

    /**
     * Decodes the scans from {@code first} on, serially, into {@code buf} (at most
     * {@link #MAX_SCANS}, with a warning past that), until the end of the image or of the data.
     * Shared with the lossless transcoder, which reads the coefficients without reconstructing.
     *
     * @param latchedQuant per frame component, filled in at its first scan
     */
    static void decodeScans(byte[] data, MarkerReader markers, ScanHeader first, CoefficientBuffer buf,
            RestartResync resync, Progression progression, int[][] latchedQuant, Warnings warn) throws JpegException {
        ScanHeader scan = first;
        for (;;) {
            ProgressiveScan decoder = ProgressiveScan.forScan(markers.frame, scan, markers, latchedQuant, progression,
                    warn);
            markers.pos = decoder.decode(data, buf, resync, progression);
            if (resync.eofSeen() || markers.eofSeen()) {
                break;
            }
            scan = markers.readUntilScan();
            if (scan == null) {
                break;
            }
            if (progression.scans() >= MAX_SCANS) {
                warn.warn("more than " + MAX_SCANS + " scans in a progressive file: the rest is ignored",
                        scan.dataOffset());
                break;
            }
        }
    }

    /**
     * Inverse DCT (after block smoothing, when it applies) of MCU rows {@code [r0, r1)} into the
     * planes. Disjoint ranges may run on different threads at once, after {@link #decodeScans};
     * all of them before any {@link #convertRows}.
     */
    public void reconstructRows(int r0, int r1) {
        int[] block = new int[64];
        int[] ws = new int[64];
        BlockSmoothing smoother = smoothing == null ? null
                : new BlockSmoothing(coefficients, frame, latchedQuant, smoothing, progression.lastGoodRow);
        for (int c = 0; c < frame.count(); c++) {
            int v = frame.components()[c].v();
            int y1 = Math.min(r1 * v, frame.hib(c));
            int[] q = latchedQuant[c];
            byte[] plane = planes.data[c];
            int stride = planes.stride[c];
            if (q == null) {
                // No scan ever coded this component: all coefficients zero, every sample 128.
                Arrays.fill(plane, r0 * v * 8 * stride, y1 * 8 * stride, (byte) 128);
                continue;
            }
            short[] coef = coefficients.coef[c];
            int wib = frame.wib(c);
            for (int by = r0 * v; by < y1; by++) {
                if (smoother != null) {
                    smoother.startRow(c, by);
                }
                int base = coefficients.offset(c, 0, by);
                int off = by * 8 * stride;
                for (int bx = 0; bx < wib; bx++, base += 64, off += 8) {
                    load(coef, base, block);
                    if (smoother != null) {
                        smoother.smooth(bx, block, q);
                    }
                    inverse(block, q, ws, plane, off, stride);
                }
            }
        }
    }

    private static void load(short[] coef, int base, int[] block) {
        for (int k = 0; k < 64; k++) {
            block[k] = coef[base + k];
        }
    }

    /**
     * The inverse DCT of one block: the shortcut kernels of {@link Idct} are chosen from where its
     * nonzero coefficients lie (exact, like the sequential path's choice from the last zig-zag
     * position): DC only, top-left 4 x 4 only, or anywhere.
     */
    private static void inverse(int[] block, int[] q, int[] ws, byte[] plane, int off, int stride) {
        int ac = 0;
        int outside4x4 = 0;
        for (int k = 1; k < 64; k++) {
            int v = block[k];
            ac |= v;
            if ((k & 4) != 0 || k >= 32) { // column 4..7 or row 4..7
                outside4x4 |= v;
            }
        }
        if (ac == 0) {
            fillBlock(plane, off, stride, Idct.dcOnly(block[0], q[0]));
        } else if (outside4x4 == 0) {
            Idct.inverse4x4(block, q, ws, plane, off, stride);
        } else {
            Idct.inverse(block, q, ws, plane, off, stride);
        }
    }

    private static void fillBlock(byte[] plane, int off, int stride, byte v) {
        for (int r = 0; r < 8; r++, off += stride) {
            Arrays.fill(plane, off, off + 8, v);
        }
    }

    /**
     * Upsamples and colour-converts output rows {@code [y0, y1)} from the planes into {@code out}.
     * Disjoint rows may be converted on different threads at once, once every MCU row is
     * reconstructed.
     */
    public void convertRows(int y0, int y1, PixelImage out) {
        converter.convert(planes, y0, y1, out);
    }

    /** All three phases on the calling thread. */
    PixelImage decodeAll() throws JpegException {
        PixelImage out = newOutput();
        decodeScans();
        reconstructRows(0, mcuRows());
        convertRows(0, out.height(), out);
        return out;
    }
}
