package org.jpegmt.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.PriorityQueue;
import java.util.TreeSet;
import org.jpegmt.core.internal.DecodeJob;
import org.jpegmt.core.internal.McuGrid;
import org.jpegmt.core.internal.StagedDecode;
import org.jpegmt.core.DecoderOptions;
import org.jpegmt.core.internal.EncodeJob;
import org.jpegmt.core.JpegException;
import org.jpegmt.core.PixelImage;
import org.jpegmt.mt.ParallelJpegDecoder;
import org.jpegmt.mt.ParallelJpegEncoder;
import org.jpegmt.mt.WorkPlan;

/**
 * A scaling model for machines bigger than this one. On one core it measures the parts of a
 * decode and an encode through jpeg-core's public API: the serial parts (header parsing in
 * {@code DecodeJob.open}, the marker pre-scan {@code segmentBounds}, allocating the output;
 * {@code EncodeJob.create}, the header and the final join), the cost of every entropy-coded
 * segment (decode: the entropy decoding and inverse DCT of the MCU rows it covers, measured row by
 * row through {@code StagedDecode}; encode: {@code encodeIntervals}) and of upsampling +
 * colour-converting every MCU row ({@code StagedDecode.convert}). It then projects the speedup for 1..64 cores in two ways:
 * <ul>
 * <li><b>Amdahl</b>: serial + parallel / p;
 * <li><b>schedule simulation</b> of what jpeg-mt does with p threads, with jpeg-mt's own plan
 *     ({@link WorkPlan}: guided cuts for p threads, decode bands, encode strips). <i>Decode</i>
 *     with restart markers: the pre-scan and the zero-filling of the output run at the same time
 *     on two threads, then one phase of bands. A band costs its segments' decoding plus
 *     the conversion of its own MCU rows, which jpeg-mt does right behind the decoding; the two
 *     MCU rows around each boundary between bands are converted by whichever of the two bands
 *     finishes last, and the simulation gives them to that band ({@link #makespan(double[],
 *     double[], int)}). <i>Encode</i> with restart markers: one phase of strips. Parts are
 *     claimed in order by p workers (greedy list scheduling, as jpeg-mt's task runner), and the
 *     parallel phase is no faster than its memory traffic at {@code --bandwidth} GB/s (decode:
 *     entropy bytes read and output bytes written; encode: pixels read and bytes written).
 * </ul>
 * Files without restart markers: decode = the staged pipeline, measured on one core through
 * {@code StagedDecode} (entropy decoding alone, then the inverse DCT of every MCU
 * row): the caller's entropy decoding is serial, the inverse DCT and conversion are shared by
 * the p threads, so the time is max(entropy, all of it / p) plus the last row's conversion;
 * encode is serial. With one thread jpeg-mt takes the serial path (no
 * pre-scan), which is the model's 1-core time: the sum of the other measured parts. jpeg-mt
 * decodes such files by speculation when they are large enough: {@link SpeculativeModel} times
 * its parts with the plan for each core count (rows {@code none-speculative}).
 *
 * <p>This is a projection, not a measurement: the segment costs are measured by decoding into
 * whole sample planes (a serial pass, apportioned to segments by the MCUs they cover) and the row
 * costs by converting from them, while jpeg-mt's bands convert
 * from a ring of three MCU rows that is still in cache, so the per-part costs are somewhat
 * pessimistic on cache; task hand-off (microseconds) and the helpers' start-up are not modelled.
 *
 * <pre>--out DIR [--mode quick|full] [--image NAME] [--reps N] [--bandwidth GBs] [--cores list] [--restarts row,8rows,none]</pre>
 * Writes {@code DIR/model-parts.tsv}, {@code DIR/model-projection.tsv}, {@code DIR/model-segments.tsv}.
 */
public final class ScalingModel {
    private ScalingModel() {
    }

    static final int[] PROJECTED = {1, 2, 4, 8, 16, 32, 64};
    static final String PARTS_HEADER = "op\trestart\tpart\tms";
    static final String PROJECTION_HEADER = "op\trestart\tcores\tamdahl\tsimulated\tsimulatedMs\tserialMs\tbandwidthLimited";

    public static void main(String[] argv) throws Exception {
        Args args = new Args(argv);
        boolean quick = args.quick();
        String image = args.get("image", quick ? "sample" : "kleiber_6028x3391_q95_444.jpg");
        int reps = args.getInt("reps", quick ? 2 : 7);
        double bandwidth = Double.parseDouble(args.get("bandwidth", "50")) * 1e9;
        Path out = Path.of(args.get("out", "bench/results/latest"));
        Files.createDirectories(out);
        TreeSet<Integer> cores = new TreeSet<>();
        for (int p : PROJECTED) {
            cores.add(p);
        }
        for (String c : args.get("cores", "").split(",")) {
            if (!c.isBlank()) {
                cores.add(Integer.parseInt(c.trim()));
            }
        }
        try (PrintWriter parts = writer(out.resolve("model-parts.tsv"));
                PrintWriter proj = writer(out.resolve("model-projection.tsv"));
                PrintWriter segs = writer(out.resolve("model-segments.tsv"))) {
            parts.println(PARTS_HEADER);
            proj.println(PROJECTION_HEADER);
            segs.println("op\trestart\tsegment\tbytes\tms");
            parts.println(String.join("\t", "-", "-", "image " + image, "0"));
            parts.println(String.join("\t", "-", "-", "copyBandwidthGBs", f(copyBandwidth() / 1e9)));
            parts.println(String.join("\t", "-", "-", "assumedBandwidthGBs", f(bandwidth / 1e9)));
            for (String restart : args.get("restarts", "row,8rows,none").split(",")) {
                Workload w = Workload.of(image, restart, "420", 90);
                Decode d = Decode.measure(w, reps);
                d.write(parts, segs, restart);
                Encode e = Encode.measure(w, reps);
                e.write(parts, segs, restart);
                for (int p : cores) {
                    proj.println(d.project(p, bandwidth, restart));
                    proj.println(e.project(p, bandwidth, restart));
                }
                if (restart.equals("none")) {
                    speculative(w.jpeg, cores, reps, bandwidth, d, parts, proj);
                }
                parts.flush();
                proj.flush();
            }
        }
    }

    /**
     * The speculative decode of a file without restart markers ({@link SpeculativeModel}): its
     * parts for each core count, and its projection against the serial decode measured here.
     */
    static void speculative(byte[] jpeg, TreeSet<Integer> cores, int reps, double bandwidth, Decode d,
            PrintWriter parts, PrintWriter proj) throws JpegException {
        String label = "none-speculative";
        double t1 = d.wholeSerial;
        for (int p : cores) {
            if (p == 1) {
                proj.println(String.join("\t", "decode", label, "1", "1.0000", "1.0000", f(t1), f(t1), "false"));
                continue;
            }
            SpeculativeModel.Parts t = SpeculativeModel.measure(jpeg, p, reps);
            String at = " (plan for " + p + ")";
            row(parts, "decode", label, "serial decode, same run" + at, t.serialDecode);
            row(parts, "decode", label, "work on one thread" + at, SpeculativeModel.workMs(t));
            row(parts, "decode", label, "serial steps" + at, SpeculativeModel.serialMs(t));
            row(parts, "decode", label, "pre-scan pieces (sum)" + at, SpeculativeModel.sum(t.pieces));
            row(parts, "decode", label, "chunks + boundary checks (sum)" + at, SpeculativeModel.sum(t.chunks));
            row(parts, "decode", label, "chunks (count)" + at, t.chunks.length);
            row(parts, "decode", label, "bytes decoded twice" + at, t.twiceBytes);
            row(parts, "decode", label, "DC sums (sum)" + at, SpeculativeModel.sum(t.sums));
            row(parts, "decode", label, "reconstruction bands (sum)" + at, SpeculativeModel.sum(t.bands));
            row(parts, "decode", label, "stored coefficients (MB)" + at, t.storedBytes / 1e6);
            double[] sim = SpeculativeModel.projectMs(t, bandwidth);
            // speedup over this run's serial decode; Amdahl: the serial steps fixed, the rest over p
            double serial = SpeculativeModel.serialMs(t);
            double amdahl = t.serialDecode / (serial + (SpeculativeModel.workMs(t) - serial) / p);
            proj.println(String.join("\t", "decode", label, Integer.toString(p), f(amdahl), f(t.serialDecode / sim[0]),
                    f(sim[0]), f(serial), Boolean.toString(sim[1] > 0)));
        }
    }

    /** Measured decode parts of one file. */
    static final class Decode {
        double open;
        double scan;
        double alloc;
        double wholeSerial;
        double[] segment;
        long[] segmentBytes; // entropy-coded bytes of each segment
        int[] bounds; // segment s is bytes [bounds[2s], bounds[2s+1]) of the file
        int[] rowStart; // MCU row each segment starts, or -1 if it starts inside one
        int rows; // MCU rows
        double[] convertRow; // per MCU row
        double[] decodeRow; // per MCU row: entropy decoding and inverse DCT
        McuGrid grid; // the scan's MCU grid: which rows a band converts, and its edges
        long outputBytes;
        double stagedEntropy; // entropy decoding alone (staged decode, the path without bands)
        double stagedTransform; // every row's inverse DCT from coefficients (staged decode)

        static Decode measure(Workload w, int reps) throws JpegException {
            byte[] jpeg = w.jpeg;
            Decode d = new Decode();
            DecoderOptions o = DecoderOptions.defaults();
            ParallelJpegDecoder serial = new ParallelJpegDecoder(o, 1);
            for (int i = 0; i < Math.max(2, reps); i++) {
                serial.decode(jpeg); // JIT warm-up of the whole path
            }
            d.wholeSerial = time(reps, () -> serial.decode(jpeg));
            d.open = time(reps, () -> DecodeJob.open(jpeg, o));
            DecodeJob job = DecodeJob.open(jpeg, o);
            d.scan = time(reps, job::segmentBounds);
            d.alloc = time(reps, job::newOutput);
            PixelImage out = job.newOutput();
            d.outputBytes = out.data().length;
            int[] bounds = job.segmentBounds(); // the pre-scan jpeg-mt itself uses
            if (bounds == null) {
                throw new IllegalStateException("the workload's restart markers are not clean");
            }
            McuGrid grid = job.grid();
            d.grid = grid;
            int n = bounds.length / 2;
            d.bounds = bounds;
            d.segment = new double[n];
            d.segmentBytes = new long[n];
            d.rowStart = grid.rowStarts();
            for (int s = 0; s < n; s++) {
                d.segmentBytes[s] = bounds[2 * s + 1] - (long) bounds[2 * s];
            }
            d.rows = grid.mcuRows();
            d.measureRows(jpeg, o, reps, out);
            // A segment costs the decoding of the MCUs it covers, row by row.
            int perRow = grid.mcusPerRow();
            for (int s = 0; s < n; s++) {
                for (int m = grid.segmentStart(s); m < grid.segmentEnd(s); ) {
                    int next = Math.min(grid.segmentEnd(s), grid.rowEnd(m));
                    d.segment[s] += d.decodeRow[m / perRow] * (next - m) / perRow;
                    m = next;
                }
            }
            return d;
        }

        /**
         * Per MCU row, through the staged decode (the path jpeg-mt takes when it cannot cut
         * bands): the entropy decoding, the inverse DCT into whole planes, and the conversion
         * from them; the minimum of {@code reps} passes after two untimed ones.
         */
        private void measureRows(byte[] jpeg, DecoderOptions o, int reps, PixelImage out) throws JpegException {
            double[] entropy = new double[rows];
            double[] transform = new double[rows];
            convertRow = new double[rows];
            decodeRow = new double[rows];
            Arrays.fill(entropy, Double.MAX_VALUE);
            Arrays.fill(transform, Double.MAX_VALUE);
            Arrays.fill(convertRow, Double.MAX_VALUE);
            for (int r = -2; r < reps; r++) { // two untimed warm-up passes
                StagedDecode staged = DecodeJob.open(jpeg, o).staged(out);
                while (staged.hasNextRow()) {
                    long t0 = System.nanoTime();
                    int m = staged.decodeNextRow();
                    long t1 = System.nanoTime();
                    staged.inverseTransform(m);
                    long t2 = System.nanoTime();
                    if (r >= 0) {
                        entropy[m] = Math.min(entropy[m], (t1 - t0) / 1e6);
                        transform[m] = Math.min(transform[m], (t2 - t1) / 1e6);
                    }
                }
                staged.finish();
                for (int m = 0; m < rows; m++) {
                    long t0 = System.nanoTime();
                    staged.convert(m);
                    if (r >= 0) {
                        convertRow[m] = Math.min(convertRow[m], (System.nanoTime() - t0) / 1e6);
                    }
                }
            }
            stagedEntropy = 0;
            stagedTransform = 0;
            for (int m = 0; m < rows; m++) {
                stagedEntropy += entropy[m];
                stagedTransform += transform[m];
                decodeRow[m] = entropy[m] + transform[m];
            }
        }

        /** @return whether jpeg-mt can cut this file into bands (more than one segment) */
        boolean restarts() {
            return segment.length > 1;
        }

        /**
         * Serial parts with p threads: with one, jpeg-mt decodes serially (no pre-scan); with
         * more, the pre-scan and the output allocation overlap on two threads.
         */
        double serialMs(int p) {
            if (p == 1 || !restarts()) {
                return open + alloc;
            }
            return open + Math.max(scan, alloc);
        }

        double segmentsMs() {
            return Arrays.stream(segment).sum();
        }

        double convertMs() {
            return Arrays.stream(convertRow).sum();
        }

        /** Bands read the entropy-coded bytes and write the output (their row rings stay in cache). */
        long trafficBytes() {
            return outputBytes + Arrays.stream(segmentBytes).sum();
        }

        /**
         * @param bands band boundaries from {@link WorkPlan#decodeBands}
         * @return {cost, edge}: per band its segments' decoding and the conversion of the MCU rows
         *     it converts itself; per boundary b (between bands b - 1 and b) the conversion of the
         *     two MCU rows around it (edge[0] = 0), as {@code BandDecode.decode} and
         *     {@code BandDecode.convertEdge} share the rows
         */
        double[][] bandCosts(int[] bands) {
            int count = bands.length - 1;
            double[] cost = new double[count];
            double[] edge = new double[count];
            for (int b = 0; b < count; b++) {
                for (int s = bands[b]; s < bands[b + 1]; s++) {
                    cost[b] += segment[s];
                }
                int r0 = rowStart[bands[b]];
                int r1 = bands[b + 1] == segment.length ? rows : rowStart[bands[b + 1]];
                for (int r = grid.bandFirstConverted(r0); r <= grid.bandLastConverted(r1); r++) {
                    cost[b] += convertRow[r];
                }
                if (b > 0) {
                    int[] e = grid.edgeRows(r0);
                    for (int r = e[0]; r <= e[1]; r++) {
                        edge[b] += convertRow[r];
                    }
                }
            }
            return new double[][] {cost, edge};
        }

        void write(PrintWriter parts, PrintWriter segs, String restart) {
            row(parts, "decode", restart, "wholeSerial", wholeSerial);
            row(parts, "decode", restart, "open (headers)", open);
            row(parts, "decode", restart, "pre-scan", scan);
            row(parts, "decode", restart, "allocate output", alloc);
            row(parts, "decode", restart, "segments (sum)", segmentsMs());
            row(parts, "decode", restart, "staged: entropy decoding", stagedEntropy);
            row(parts, "decode", restart, "staged: inverse DCT (sum)", stagedTransform);
            row(parts, "decode", restart, "segments (count)", segment.length);
            row(parts, "decode", restart, "largest segment", Arrays.stream(segment).max().orElse(0));
            row(parts, "decode", restart, "convert rows (sum)", convertMs());
            row(parts, "decode", restart, "memory traffic (MB)", trafficBytes() / 1e6);
            for (int s = 0; s < segment.length; s++) {
                segs.println(String.join("\t", "decode", restart, Integer.toString(s), Long.toString(segmentBytes[s]), f(segment[s])));
            }
        }

        String project(int p, double bandwidth, String restart) {
            double segments = segmentsMs();
            double convert = convertMs();
            double t1 = serialMs(1) + segments + convert;
            double serial = serialMs(p);
            double amdahl = p == 1 ? 1 : t1 / (serial + (restarts() ? (segments + convert) / p
                    : stagedEntropy + (stagedTransform + convert) / p)); // 1 thread: the serial path
            int[] bands = p > 1 && restarts() ? WorkPlan.decodeBands(bounds, WorkPlan.cuts(p), rowStart, rows) : null;
            double parallel;
            boolean limited = false;
            if (p == 1) {
                parallel = segments + convert;
            } else if (bands == null || bands.length < 3) {
                // staged: entropy decoding on the caller, inverse DCT and conversion shared; the last row after it
                parallel = Math.max(stagedEntropy, (stagedEntropy + stagedTransform + convert) / p) + convert / rows;
            } else {
                double[][] c = bandCosts(bands);
                double m = makespan(c[0], c[1], p);
                double bw = trafficBytes() / bandwidth * 1e3;
                parallel = Math.max(m, bw);
                limited = bw > m;
            }
            double sim = serial + parallel;
            return String.join("\t", "decode", restart, Integer.toString(p), f(amdahl), f(t1 / sim), f(sim), f(serial),
                    Boolean.toString(limited));
        }
    }

    /** Measured encode parts of one image. */
    static final class Encode {
        double create;
        double header;
        double join;
        double wholeSerial;
        double[] interval;
        long outputBytes;
        long pixelBytes;

        static Encode measure(Workload w, int reps) {
            Encode e = new Encode();
            PixelImage img = w.pixels;
            e.pixelBytes = (long) img.width() * img.height() * 3;
            ParallelJpegEncoder serial = new ParallelJpegEncoder(w.options, 1);
            for (int i = 0; i < Math.max(3, reps); i++) {
                serial.encode(img);
            }
            e.wholeSerial = time(reps, () -> serial.encode(img));
            e.create = time(reps, () -> EncodeJob.create(img, w.options));
            EncodeJob job = EncodeJob.create(img, w.options);
            e.header = time(reps, job::header);
            int n = job.intervalCount();
            e.interval = new double[n];
            Arrays.fill(e.interval, Double.MAX_VALUE);
            byte[][] parts = new byte[n][];
            for (int r = -2; r < reps; r++) {
                for (int i = 0; i < n; i++) {
                    long t0 = System.nanoTime();
                    parts[i] = job.encodeIntervals(i, i + 1);
                    if (r >= 0) {
                        e.interval[i] = Math.min(e.interval[i], (System.nanoTime() - t0) / 1e6);
                    }
                }
            }
            long total = 0;
            for (byte[] p : parts) {
                total += p.length;
            }
            e.outputBytes = total;
            long size = total;
            e.join = time(reps, () -> {
                byte[] joined = new byte[(int) size];
                int pos = 0;
                for (byte[] p : parts) {
                    System.arraycopy(p, 0, joined, pos, p.length);
                    pos += p.length;
                }
                return joined;
            });
            return e;
        }

        double serialMs() {
            return create + header + join;
        }

        double intervalsMs() {
            return Arrays.stream(interval).sum();
        }

        void write(PrintWriter parts, PrintWriter segs, String restart) {
            row(parts, "encode", restart, "wholeSerial", wholeSerial);
            row(parts, "encode", restart, "create job", create);
            row(parts, "encode", restart, "header", header);
            row(parts, "encode", restart, "join", join);
            row(parts, "encode", restart, "intervals (sum)", intervalsMs());
            row(parts, "encode", restart, "intervals (count)", interval.length);
            row(parts, "encode", restart, "largest interval", Arrays.stream(interval).max().orElse(0));
            row(parts, "encode", restart, "memory traffic (MB)", (pixelBytes + outputBytes) / 1e6);
            for (int s = 0; s < interval.length; s++) {
                segs.println(String.join("\t", "encode", restart, Integer.toString(s), "0", f(interval[s])));
            }
        }

        String project(int p, double bandwidth, String restart) {
            double t1 = serialMs() + intervalsMs();
            int[] strips = p > 1 ? WorkPlan.encodeStrips(interval.length, WorkPlan.cuts(p)) : null;
            if (strips == null || strips.length < 3) {
                return String.join("\t", "encode", restart, Integer.toString(p), "1.0000", "1.0000", f(t1), f(serialMs()), "false");
            }
            double amdahl = t1 / (serialMs() + intervalsMs() / p);
            double[] cost = new double[strips.length - 1];
            for (int s = 0; s < cost.length; s++) {
                for (int i = strips[s]; i < strips[s + 1]; i++) {
                    cost[s] += interval[i];
                }
            }
            double m = makespan(cost, p);
            double bw = (pixelBytes + outputBytes) / bandwidth * 1e3;
            double sim = serialMs() + Math.max(m, bw);
            return String.join("\t", "encode", restart, Integer.toString(p), f(amdahl), f(t1 / sim), f(sim), f(serialMs()),
                    Boolean.toString(bw > m));
        }
    }

    /** Tasks claimed in index order by whichever of {@code workers} is free first; returns the finish time. */
    static double makespan(double[] costs, int workers) {
        return makespan(costs, new double[costs.length], workers);
    }

    /**
     * As {@link #makespan(double[], int)} for decode bands with shared edges: the worker of band
     * b works {@code costs[b]}, then converts edge b (toward band b - 1) if band b - 1 has done
     * its part already, then edge b + 1 if band b + 1 has, as {@code ParallelJpegDecoder} hands
     * each edge to whichever of its two bands finishes last.
     *
     * @param edges edges[b] = cost of the boundary between bands b - 1 and b (edges[0] unused)
     * @return the finish time of the last worker
     */
    static double makespan(double[] costs, double[] edges, int workers) {
        PriorityQueue<Double> free = new PriorityQueue<>();
        for (int i = 0; i < workers; i++) {
            free.add(0.0);
        }
        boolean[] edgeDone = new boolean[costs.length + 1];
        double end = 0;
        for (int b = 0; b < costs.length; b++) {
            double t = free.poll() + costs[b];
            if (b > 0 && !edgeDone[b]) {
                t += edges[b]; // band b - 1 was done first (else it would have taken this edge)
            }
            // Band b + 1 goes to the next free worker; if it is done before band b gets here, band b takes the edge.
            if (b + 1 < costs.length && !free.isEmpty() && free.peek() + costs[b + 1] < t) {
                t += edges[b + 1];
                edgeDone[b + 1] = true;
            }
            end = Math.max(end, t);
            free.add(t);
        }
        return end;
    }

    /** Single-thread copy bandwidth in bytes per second (read + write counted). */
    static double copyBandwidth() {
        byte[] a = new byte[64 << 20];
        byte[] b = new byte[64 << 20];
        double best = Double.MAX_VALUE;
        for (int r = 0; r < 5; r++) {
            long t0 = System.nanoTime();
            System.arraycopy(a, 0, b, 0, a.length);
            best = Math.min(best, (System.nanoTime() - t0) / 1e9);
        }
        return 2.0 * a.length / best;
    }

    @FunctionalInterface
    interface Timed {
        Object run() throws Exception;
    }

    /** @return the fastest of {@code reps} runs after as many untimed warm-up runs (at least 3), in ms */
    static double time(int reps, Timed t) {
        double best = Double.MAX_VALUE;
        Object sink = null;
        try {
            for (int r = 0; r < Math.max(3, reps); r++) {
                sink = t.run();
            }
            for (int r = 0; r < reps; r++) {
                long t0 = System.nanoTime();
                sink = t.run();
                best = Math.min(best, (System.nanoTime() - t0) / 1e6);
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        if (sink == null) {
            throw new IllegalStateException("nothing timed");
        }
        return best;
    }

    private static void row(PrintWriter w, String op, String restart, String part, double ms) {
        w.println(String.join("\t", op, restart, part, f(ms)));
    }

    private static PrintWriter writer(Path p) throws IOException {
        return new PrintWriter(Files.newBufferedWriter(p, StandardCharsets.UTF_8));
    }

    static String f(double v) {
        return String.format(Locale.ROOT, "%.4f", v);
    }
}
