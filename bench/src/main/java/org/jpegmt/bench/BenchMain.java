package org.jpegmt.bench;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.Options;

/**
 * Runs JMH benchmarks (any JMH command-line options, e.g. a benchmark regex and {@code -p}
 * parameters) and prints the results as megapixels per second: the median over measurement
 * iterations, the min..max spread, and the ratio of each jpegmt score to javax.imageio's score
 * with the same parameters in the same run.
 *
 * <pre>
 * java -cp bench/target/benchmarks.jar org.jpegmt.bench.BenchMain DecodeBenchmark -p restart=row
 * </pre>
 */
public final class BenchMain {
    private BenchMain() {
    }

    public static void main(String[] args) throws RunnerException, CommandLineOptionException, IOException {
        Options options = new CommandLineOptions(args);
        Collection<RunResult> results = ForkOutput.runner(options).run();
        System.out.println();
        System.out.println("java.version=" + System.getProperty("java.version") + " ("
                + System.getProperty("java.vendor") + "), cores=" + Runtime.getRuntime().availableProcessors());
        System.out.println(report(results));
        String interleaved = interleavedReport(results);
        if (!interleaved.isEmpty()) {
            System.out.println(interleaved);
        }
        String versions = versionReport(results);
        if (!versions.isEmpty()) {
            System.out.println(versions);
        }
        String peers = peerReport(results);
        if (!peers.isEmpty()) {
            System.out.println(peers);
        }
    }

    /**
     * The ratios of {@link PeerPairBenchmark}: per measurement iteration,
     * {@code imageioNs / jpegmtNs} (above 1: jpegmt is faster than javax.imageio); the median and
     * min..max, and each side's median MP/s. Empty if no result has those secondary results.
     */
    static String peerReport(Collection<RunResult> results) {
        return pairsReport(results, "imageioNs", "jpegmtNs", "javax.imageio against jpegmt on one thread, interleaved"
                + " within each invocation (ratio = per-iteration time of javax.imageio / time of jpegmt; above 1:"
                + " jpegmt faster):\n\n"
                + "| benchmark | params | MP/s, imageio | MP/s, jpegmt | jpegmt vs imageio (median) | min .. max"
                + " | iterations |\n");
    }

    /**
     * The speedups of {@link InterleavedSpeedupBenchmark}: per measurement iteration,
     * {@code oneThreadNs / kThreadsNs}; the median and min..max of those ratios, and each side's
     * median speed in MP/s. Empty if no result has those secondary results.
     */
    static String interleavedReport(Collection<RunResult> results) {
        return pairsReport(results, "oneThreadNs", "kThreadsNs", "Interleaved pairs (1 thread and k threads alternate"
                + " within each invocation; speedup = per-iteration time with 1 thread / time with k threads):\n\n"
                + "| benchmark | params | MP/s, 1 thread | MP/s, k threads | speedup (median) | min .. max | iterations |\n");
    }

    /**
     * The ratios of {@link VersionAbBenchmark}: per measurement iteration, {@code oldNs / newNs}
     * (above 1: this build is faster); the median and min..max, and each side's median MP/s.
     * Empty if no result has those secondary results.
     */
    static String versionReport(Collection<RunResult> results) {
        return pairsReport(results, "oldNs", "newNs", "Old build against this one, interleaved within each invocation"
                + " (ratio = per-iteration time of the old build / time of this build; above 1: faster now):\n\n"
                + "| benchmark | params | MP/s, old | MP/s, new | new vs old (median) | min .. max | iterations |\n");
    }

    /** The table of paired secondary results {@code first}, {@code second} and {@code pairs}. */
    private static String pairsReport(Collection<RunResult> results, String first, String second, String header) {
        StringBuilder sb = new StringBuilder();
        for (RunResult r : results) {
            List<double[]> its = new ArrayList<>();
            for (BenchmarkResult b : r.getBenchmarkResults()) {
                for (IterationResult it : b.getIterationResults()) {
                    Map<String, org.openjdk.jmh.results.Result> sec = it.getSecondaryResults();
                    if (sec.containsKey(first) && sec.containsKey(second) && sec.containsKey("pairs")) {
                        its.add(new double[] {sec.get(first).getScore(), sec.get(second).getScore(),
                                sec.get("pairs").getScore()});
                    }
                }
            }
            if (its.isEmpty()) {
                continue;
            }
            if (sb.length() == 0) {
                sb.append(header).append("|---|---|---|---|---|---|---|\n");
            }
            double[] s = interleavedSummary(its, megapixels(r.getParams().getParam("image")));
            sb.append("| ").append(shortName(r.getParams().getBenchmark())).append(" | ").append(paramsOf(r, "oldJar"))
                    .append(" | ").append(fmt(s[0])).append(" | ").append(fmt(s[1]))
                    .append(String.format(Locale.ROOT, " | **%.2fx** | %.2fx .. %.2fx | %d |%n", s[2], s[3], s[4], its.size()));
        }
        return sb.toString();
    }

    /**
     * @param iterations per iteration: {oneThreadNs, kThreadsNs, pairs}
     * @param megapixels image size
     * @return {median MP/s with 1 thread, median MP/s with k, median ratio, min ratio, max ratio}
     */
    static double[] interleavedSummary(List<double[]> iterations, double megapixels) {
        int n = iterations.size();
        double[] one = new double[n];
        double[] k = new double[n];
        double[] ratio = new double[n];
        for (int i = 0; i < n; i++) {
            double[] it = iterations.get(i);
            one[i] = megapixels * it[2] / (it[0] / 1e9);
            k[i] = megapixels * it[2] / (it[1] / 1e9);
            ratio[i] = it[0] / it[1];
        }
        Arrays.sort(one);
        Arrays.sort(k);
        Arrays.sort(ratio);
        return new double[] {median(one), median(k), median(ratio), ratio[0], ratio[n - 1]};
    }

    /** A Markdown table of the results in MP/s with same-run ratios against imageio. */
    static String report(Collection<RunResult> results) throws IOException {
        Map<String, Double> imageioMedian = new HashMap<>();
        Map<String, Double> oneThread = new HashMap<>();
        List<String[]> rows = new ArrayList<>();
        Map<String, Double> megapixels = new HashMap<>();
        for (RunResult r : results) {
            String method = shortName(r.getParams().getBenchmark());
            String params = paramsOf(r);
            double mp = megapixels.computeIfAbsent(r.getParams().getParam("image"), BenchMain::megapixels);
            double[] scores = scores(r.getBenchmarkResults());
            Arrays.sort(scores);
            double median = median(scores) * mp;
            if ("1".equals(r.getParams().getParam("threads"))) {
                oneThread.put(method + params.replace("threads=1", ""), median);
            }
            if (method.endsWith(".imageio")) {
                imageioMedian.put(method.substring(0, method.lastIndexOf('.')) + params, median);
            }
            rows.add(new String[] {method, params, fmt(median), fmt(scores[0] * mp) + " .. " + fmt(scores[scores.length - 1] * mp)});
        }
        StringBuilder sb = new StringBuilder();
        sb.append("| benchmark | params | MP/s (median) | min .. max | vs imageio | vs 1 thread |\n|---|---|---|---|---|---|\n");
        for (String[] row : rows) {
            String key = row[0].substring(0, row[0].lastIndexOf('.')) + row[1];
            Double peer = imageioMedian.get(key);
            String ratio = peer == null || row[0].endsWith(".imageio") ? "" : String.format(Locale.ROOT, "%.2fx",
                    Double.parseDouble(row[2]) / peer);
            Double single = oneThread.get(row[0] + row[1].replaceAll("threads=\\d+", ""));
            String speedup = single == null ? "" : String.format(Locale.ROOT, "%.2fx", Double.parseDouble(row[2]) / single);
            sb.append("| ").append(row[0]).append(" | ").append(row[1]).append(" | ").append(row[2])
                    .append(" | ").append(row[3]).append(" | ").append(ratio).append(" | ").append(speedup).append(" |\n");
        }
        return sb.toString();
    }

    /** @return every measurement iteration's primary score, over all forks, in run order */
    static double[] scores(Collection<BenchmarkResult> results) {
        List<Double> all = new ArrayList<>();
        for (BenchmarkResult b : results) {
            for (IterationResult it : b.getIterationResults()) {
                all.add(it.getPrimaryResult().getScore());
            }
        }
        return all.stream().mapToDouble(Double::doubleValue).toArray();
    }

    static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    /** @return {@code Class.method} of a fully qualified benchmark name */
    static String shortName(String benchmark) {
        String[] parts = benchmark.split("\\.");
        return parts[parts.length - 2] + "." + parts[parts.length - 1];
    }

    /** @return {@code name=value} of every parameter of the run except {@code skip}, space-separated */
    static String paramsOf(RunResult r, String... skip) {
        StringBuilder sb = new StringBuilder();
        for (String key : r.getParams().getParamsKeys()) {
            if (Arrays.asList(skip).contains(key)) {
                continue;
            }
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(key).append('=').append(r.getParams().getParam(key));
        }
        return sb.toString();
    }

    /** @return width * height / 1e6 of a bench image, read from its header */
    static double megapixels(String image) {
        int[] crop = BenchImages.crop(image);
        if (crop != null) {
            return crop[0] * (double) crop[1] / 1e6;
        }
        try {
            try (ImageInputStream in = ImageIO.createImageInputStream(BenchImages.resolve(image).toFile())) {
                ImageReader r = ImageIO.getImageReaders(in).next();
                r.setInput(in);
                double mp = r.getWidth(0) * (double) r.getHeight(0) / 1e6;
                r.dispose();
                return mp;
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot size " + image, e);
        }
    }
}
