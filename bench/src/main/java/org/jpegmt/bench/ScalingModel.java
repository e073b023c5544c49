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
import org.jpegmt.core.DecodeJob;
import org.jpegmt.core.DecoderOptions;
import org.jpegmt.core.EncodeJob;
import org.jpegmt.core.JpegException;
import org.jpegmt.core.PixelImage;
import org.jpegmt.mt.ParallelJpegDecoder;
import org.jpegmt.mt.ParallelJpegEncoder;

/**
 * A scaling model for machines bigger than this one. On one core it measures the parts of a
 * decode and an encode through jpeg-core's public segment API: the serial parts (header parsing
 * and plane allocation in {@code DecodeJob.open}, the marker pre-scan, allocating the output;
 * {@code EncodeJob.create}, the header and the final join) and the cost of every entropy-coded
 * segment and every MCU row of upsampling + colour conversion. It then projects the speedup for
 * 1..64 cores in two ways:
 * <ul>
 * <li><b>Amdahl</b>: serial + parallel / p;
 * <li><b>schedule simulation</b>: the bands jpeg-mt actually makes (decode: at most 4p bands of
 *     whole segments balanced by bytes, as {@code ParallelJpegDecoder.bands}; then
 *     max(1, min(4p, height / 16)) row bands for colour conversion; encode: at most 4p strips of
 *     equal interval counts), claimed in order by p workers as jpeg-mt's task runner does, each
 *     phase no faster than its memory traffic at {@code --bandwidth} GB/s.
 * </ul>
 * Files without restart markers: decode = serial entropy decoding with conversion pipelined onto
 * the other p - 1 threads; encode is serial.
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
                parts.flush();
                proj.flush();
            }
        }
    }

    /** Measured decode parts of one file. */
    static final class Decode {
        double open;
        double scan;
        double alloc;
        double wholeSerial;
        double[] segment;
        long[] segmentBytes;
        double[] convertRow; // per output row
        int width;
        int height;
        long planeBytes;

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
            d.alloc = time(reps, () -> PixelImage.allocate(job.info().width(), job.info().height(), job.format()));
            PixelImage out = job.allocateOutput();
            d.width = out.width();
            d.height = out.height();
            d.planeBytes = (long) out.width() * out.height() * 3 / 2; // 4:2:0 planes
            int[] bounds = job.segmentBounds(); // the pre-scan jpeg-mt itself uses
            if (bounds == null) {
                throw new IllegalStateException("the workload's restart markers are not clean");
            }
            int n = bounds.length / 2;
            d.segment = new double[n];
            d.segmentBytes = new long[n];
            Arrays.fill(d.segment, Double.MAX_VALUE);
            for (int r = -2; r < reps; r++) { // two untimed warm-up passes
                for (int s = 0; s < n; s++) {
                    int start = bounds[2 * s];
                    int end = bounds[2 * s + 1];
                    long t0 = System.nanoTime();
                    job.decodeSegment(s, start, end);
                    if (r >= 0) {
                        d.segment[s] = Math.min(d.segment[s], (System.nanoTime() - t0) / 1e6);
                    }
                    d.segmentBytes[s] = end - (long) start;
                }
            }
            int mh = job.mcuRowHeight();
            int rows = (d.height + mh - 1) / mh;
            d.convertRow = new double[d.height];
            double[] best = new double[rows];
            Arrays.fill(best, Double.MAX_VALUE);
            for (int r = -2; r < reps; r++) {
                for (int m = 0; m < rows; m++) {
                    int y0 = m * mh;
                    int y1 = Math.min(d.height, y0 + mh);
                    long t0 = System.nanoTime();
                    job.convertRows(y0, y1, out);
                    if (r >= 0) {
                        best[m] = Math.min(best[m], (System.nanoTime() - t0) / 1e6);
                    }
                }
            }
            for (int y = 0; y < d.height; y++) {
                int m = y / mh;
                d.convertRow[y] = best[m] / (Math.min(d.height, (m + 1) * mh) - m * mh);
            }
            return d;
        }

        /** Serial parts; without restart markers jpeg-mt skips the pre-scan. */
        double serialMs() {
            return open + alloc + (segment.length > 1 ? scan : 0);
        }

        double segmentsMs() {
            return Arrays.stream(segment).sum();
        }

        double convertMs() {
            return Arrays.stream(convertRow).sum();
        }

        /** Entropy decoding reads the file and writes the planes. */
        long phase1Bytes() {
            return planeBytes + Arrays.stream(segmentBytes).sum();
        }

        /** Conversion reads the planes and writes RGB. */
        long phase2Bytes() {
            return planeBytes + 3L * width * height;
        }

        long trafficBytes() {
            return phase1Bytes() + phase2Bytes();
        }

        void write(PrintWriter parts, PrintWriter segs, String restart) {
            row(parts, "decode", restart, "wholeSerial", wholeSerial);
            row(parts, "decode", restart, "open (headers, planes)", open);
            row(parts, "decode", restart, "pre-scan", scan);
            row(parts, "decode", restart, "allocate output", alloc);
            row(parts, "decode", restart, "segments (sum)", segmentsMs());
            row(parts, "decode", restart, "segments (count)", segment.length);
            row(parts, "decode", restart, "largest segment", Arrays.stream(segment).max().orElse(0));
            row(parts, "decode", restart, "convert rows (sum)", convertMs());
            row(parts, "decode", restart, "memory traffic (MB)", trafficBytes() / 1e6);
            for (int s = 0; s < segment.length; s++) {
                segs.println(String.join("\t", "decode", restart, Integer.toString(s), Long.toString(segmentBytes[s]), f(segment[s])));
            }
        }

        String project(int p, double bandwidth, String restart) {
            double parallel = segmentsMs() + convertMs();
            double t1 = serialMs() + parallel;
            double amdahl = t1 / (serialMs() + (restart.equals("none") ? segmentsMs() + convertMs() / p : parallel / p));
            double bwPlanes = phase1Bytes() / bandwidth * 1e3;
            double bwConvert = phase2Bytes() / bandwidth * 1e3;
            double phase1;
            double phase2;
            boolean limited;
            if (restart.equals("none") || p == 1 || segment.length < 2) {
                // serial entropy decoding; conversion pipelined onto the p - 1 helpers
                phase1 = segmentsMs();
                phase2 = p == 1 ? convertMs() : Math.max(0, convertMs() / (p - 1) - segmentsMs()) + convertMs() / height * 16;
                limited = false;
            } else {
                int[] bands = bands(segmentBytes, Math.min(segment.length, 4 * p));
                double[] bandCost = new double[bands.length - 1];
                for (int b = 0; b + 1 < bands.length; b++) {
                    for (int s = bands[b]; s < bands[b + 1]; s++) {
                        bandCost[b] += segment[s];
                    }
                }
                double m1 = makespan(bandCost, p);
                int rowBands = Math.max(1, Math.min(4 * p, height / 16));
                double[] rowCost = new double[rowBands];
                for (int r = 0; r < rowBands; r++) {
                    int y0 = (int) ((long) height * r / rowBands);
                    int y1 = (int) ((long) height * (r + 1) / rowBands);
                    for (int y = y0; y < y1; y++) {
                        rowCost[r] += convertRow[y];
                    }
                }
                double m2 = makespan(rowCost, p);
                phase1 = Math.max(m1, bwPlanes);
                phase2 = Math.max(m2, bwConvert);
                limited = bwPlanes > m1 || bwConvert > m2;
            }
            double sim = serialMs() + phase1 + phase2;
            return String.join("\t", "decode", restart, Integer.toString(p), f(amdahl), f(t1 / sim), f(sim), f(serialMs()),
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
            int n = interval.length;
            int strips = Math.min(n, 4 * p);
            if (p == 1 || strips < 2) {
                return String.join("\t", "encode", restart, Integer.toString(p), "1.0000", "1.0000", f(t1), f(serialMs()), "false");
            }
            double amdahl = t1 / (serialMs() + intervalsMs() / p);
            double[] cost = new double[strips];
            for (int s = 0; s < strips; s++) {
                for (int i = (int) ((long) n * s / strips); i < (int) ((long) n * (s + 1) / strips); i++) {
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

    /**
     * Band boundaries as jpeg-mt draws them: consecutive segments, a new band each time the bytes
     * done reach the next 1/parts of the total; empty bands dropped.
     */
    static int[] bands(long[] bytes, int parts) {
        long total = Arrays.stream(bytes).sum();
        int[] b = new int[parts + 1];
        int band = 1;
        long done = 0;
        for (int s = 0; s < bytes.length && band < parts; s++) {
            done += bytes[s];
            if (done * parts >= total * band) {
                b[band++] = s + 1;
            }
        }
        while (band <= parts) {
            b[band++] = bytes.length;
        }
        int k = 1;
        for (int i = 1; i <= parts; i++) {
            if (b[i] > b[k - 1]) {
                b[k++] = b[i];
            }
        }
        return Arrays.copyOf(b, k);
    }

    /** Tasks claimed in index order by whichever of {@code workers} is free first; returns the finish time. */
    static double makespan(double[] costs, int workers) {
        PriorityQueue<Double> free = new PriorityQueue<>();
        for (int i = 0; i < workers; i++) {
            free.add(0.0);
        }
        double end = 0;
        for (double c : costs) {
            double t = free.poll() + c;
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
