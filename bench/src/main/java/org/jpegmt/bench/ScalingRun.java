package org.jpegmt.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.results.format.ResultFormatType;

/**
 * One step of the scaling suite: the JMH benchmarks for one core count k, meant to run inside a
 * JVM pinned to k cores ({@code taskset -c 0-(k-1) java -XX:ActiveProcessorCount=k ...}, see
 * {@code bench/run.sh}). The forked benchmark JVMs inherit the CPU affinity and get
 * {@code -XX:ActiveProcessorCount=k} too. jpeg-mt runs with threads k, 2k and 4k; the
 * single-threaded peers (and jpegmt's serial path) run only in the k = 1 step.
 *
 * <pre>
 * --cores k  --out DIR  [--mode quick|full]  [--full-matrix true|false]  [-p name=v1,v2 ...]
 * </pre>
 *
 * Writes {@code DIR/jmh-k<k>.json} (JMH's own JSON) and {@code DIR/jmh-k<k>.tsv} (one row per
 * result, in megapixels per second, read by {@link Report}).
 */
public final class ScalingRun {
    private ScalingRun() {
    }

    /** Column names of the TSV written here and read by {@link Report}. */
    static final String HEADER = "cores\tbenchmark\timage\trestart\tsubsampling\tquality\tthreads\tmegapixels\tops\topsError\tmps\tmpsError";

    public static void main(String[] argv) throws RunnerException, IOException {
        Args args = new Args(argv);
        int cores = args.getInt("cores", Runtime.getRuntime().availableProcessors());
        Path out = Path.of(args.get("out", "bench/results/latest"));
        Files.createDirectories(out);
        boolean quick = args.quick();
        boolean fullMatrix = Boolean.parseBoolean(args.get("full-matrix", "true"));
        String heap = quick ? "768m" : args.get("heap", "4g");

        Map<String, String[]> params = new LinkedHashMap<>();
        if (quick) {
            params.put("image", new String[] {"sample"});
            params.put("restart", new String[] {"none", "row", "8rows"});
            params.put("subsampling", new String[] {"420"});
            params.put("quality", new String[] {"90"});
        } else if (!fullMatrix) {
            params.put("subsampling", new String[] {"420"});
            params.put("quality", new String[] {"90"});
        }
        // the scaling report compares standard tables only (its rows have no Huffman column)
        params.put("huffman", new String[] {"standard"});
        for (String p : args.params()) {
            int eq = p.indexOf('=');
            params.put(p.substring(0, eq), p.substring(eq + 1).split(","));
        }
        params.put("threads", new String[] {Integer.toString(cores), Integer.toString(2 * cores), Integer.toString(4 * cores)});

        List<String> includes = new ArrayList<>();
        includes.add("org\\.jpegmt\\.bench\\.ParallelBenchmark\\.");
        if (cores == 1) {
            includes.add("org\\.jpegmt\\.bench\\.DecodeBenchmark\\.(imageio|commonsImaging)$");
            includes.add("org\\.jpegmt\\.bench\\.EncodeBenchmark\\.imageio$");
            String why = TurboPeer.whyMissing();
            if (why == null) {
                includes.add("org\\.jpegmt\\.bench\\.TurboBenchmark\\.");
            } else {
                System.out.println("TurboJPEG peer skipped: " + why);
                Files.writeString(out.resolve("turbojpeg-skipped.txt"), why + "\n");
            }
        }

        ChainedOptionsBuilder opts = new OptionsBuilder()
                .forks(1)
                .shouldFailOnError(false)
                // One collector for every k: with ActiveProcessorCount=1 the JVM would pick SerialGC and
                // with 2+ cores G1, so k = 1 and k = 2 would not compare the same thing.
                .jvmArgsAppend("-Xms" + heap, "-Xmx" + heap, "-XX:+AlwaysPreTouch", "-Djava.awt.headless=true",
                        "-XX:+UseG1GC", "-XX:ActiveProcessorCount=" + cores, "--add-modules=jdk.incubator.vector",
                        "-Djpegmt.shared=" + System.getProperty("jpegmt.shared", "../shared"))
                .resultFormat(ResultFormatType.JSON)
                .result(out.resolve("jmh-k" + cores + ".json").toString());
        if (quick) {
            opts.warmupIterations(0).measurementIterations(1).measurementTime(TimeValue.milliseconds(200));
        } else {
            opts.warmupIterations(args.getInt("wi", 3)).warmupTime(TimeValue.seconds(args.getInt("w", 1)))
                    .measurementIterations(args.getInt("i", 5)).measurementTime(TimeValue.seconds(args.getInt("r", 1)));
        }
        for (String inc : includes) {
            opts.include(inc);
        }
        for (Map.Entry<String, String[]> e : params.entrySet()) {
            opts.param(e.getKey(), e.getValue());
        }
        Collection<RunResult> results = ForkOutput.runner(opts.build()).run();
        writeTsv(out.resolve("jmh-k" + cores + ".tsv"), cores, results);
    }

    static void writeTsv(Path file, int cores, Collection<RunResult> results) throws IOException {
        Map<String, Double> mp = new HashMap<>();
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8))) {
            w.println(HEADER);
            for (RunResult r : results) {
                var p = r.getParams();
                String[] parts = p.getBenchmark().split("\\.");
                String name = parts[parts.length - 2] + "." + parts[parts.length - 1];
                String image = p.getParam("image");
                double megapixels = mp.computeIfAbsent(image, BenchMain::megapixels);
                String threads = p.getParam("threads") == null ? "1" : p.getParam("threads");
                double score = r.getPrimaryResult().getScore();
                double error = r.getPrimaryResult().getScoreError();
                if (Double.isNaN(error)) {
                    error = 0; // a single iteration has no error estimate
                }
                w.println(String.join("\t", Integer.toString(cores), name, image, p.getParam("restart"),
                        p.getParam("subsampling"), p.getParam("quality"), threads, f(megapixels), f(score), f(error),
                        f(score * megapixels), f(error * megapixels)));
            }
        }
    }

    private static String f(double v) {
        return String.format(Locale.ROOT, "%.4f", v);
    }
}
