package org.jpegmt.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.XYChart;

/**
 * Writes the Markdown report of a suite run from the result files in one folder (the JMH TSVs
 * of every core count, the batch scenario, the scaling model, tjbench and {@code system.txt}),
 * with PNG charts beside it.
 *
 * <pre>--dir DIR --md FILE</pre>
 */
public final class Report {
    private static final List<String> RESTARTS = List.of("none", "row", "8rows");

    private final Path dir;
    private final String chartPrefix;
    private final List<Tsv.Row> jmh;
    private final List<Tsv.Row> batch;
    private final List<Tsv.Row> parts;
    private final List<Tsv.Row> projection;
    private final List<Tsv.Row> tj;
    private final Properties system = new Properties();
    private final StringBuilder md = new StringBuilder();
    private final String mainImage;
    private final int maxCores;

    private Report(Path dir, Path mdFile) throws IOException {
        this.dir = dir;
        Path rel = mdFile.toAbsolutePath().getParent().relativize(dir.toAbsolutePath());
        this.chartPrefix = rel.toString().isEmpty() ? "" : rel + "/";
        jmh = Tsv.readAll(dir, "jmh-k");
        batch = Tsv.readAll(dir, "batch-k");
        parts = Tsv.readAll(dir, "model-parts");
        projection = Tsv.readAll(dir, "model-projection");
        tj = Tsv.readAll(dir, "tjbench");
        Path sys = dir.resolve("system.txt");
        if (Files.exists(sys)) {
            try (var in = Files.newBufferedReader(sys, StandardCharsets.UTF_8)) {
                system.load(in);
            }
        }
        mainImage = jmh.stream().map(r -> r.get("image")).filter(i -> !i.equals("sample")).findFirst().orElse("sample");
        maxCores = jmh.stream().mapToInt(r -> r.integer("cores")).max().orElse(1);
    }

    public static void main(String[] argv) throws IOException {
        Args args = new Args(argv);
        Path dir = Path.of(args.get("dir", "bench/results/latest"));
        Path mdFile = Path.of(args.get("md", dir.resolve("report.md").toString()));
        System.setProperty("java.awt.headless", "true");
        Report r = new Report(dir, mdFile);
        r.write();
        Files.writeString(mdFile, r.md.toString(), StandardCharsets.UTF_8);
        System.out.println("report: " + mdFile);
    }

    private void write() throws IOException {
        header();
        for (String op : new String[] {"decode", "encode"}) {
            operation(op);
        }
        batchSection();
        modelSection();
        tjbenchSection();
        notes();
    }

    // ---------------------------------------------------------------- header

    private void header() {
        md.append("# jpegmt benchmark report, ").append(system.getProperty("date", "?")).append(" on ")
                .append(system.getProperty("host", "?")).append("\n\n");
        if ("quick".equals(system.getProperty("mode"))) {
            md.append("> **QUICK MODE**: tiny image, no warm-up, one short iteration. These numbers only show that the "
                    + "suite runs end to end; they are not measurements.\n\n");
        }
        md.append("| | |\n|---|---|\n");
        md.append("| java.version | ").append(System.getProperty("java.version")).append(" (")
                .append(System.getProperty("java.vendor")).append(", ").append(System.getProperty("java.vm.name")).append(") |\n");
        md.append("| CPU | ").append(system.getProperty("cpu", "?")).append(" |\n");
        md.append("| cores (nproc) | ").append(system.getProperty("cores", "?")).append(" |\n");
        md.append("| core counts run | ").append(jmh.stream().map(r -> r.get("cores")).distinct().toList()).append(" |\n");
        md.append("| pinning | ").append(system.getProperty("pinning", "?")).append(" |\n");
        md.append("| load average at start / end | ").append(system.getProperty("load_start", "?")).append(" / ")
                .append(system.getProperty("load_end", "?")).append(" |\n");
        md.append("| jpegmt commit | ").append(system.getProperty("git", "?")).append(" |\n");
        md.append("| mode, JMH settings | ").append(system.getProperty("mode", "?")).append(", ")
                .append(system.getProperty("jmh", "?")).append(" |\n");
        md.append("| main image | `").append(mainImage).append("` (").append(fmt(megapixels(mainImage))).append(" MP) |\n\n");
        md.append("Throughput is megapixels per second (width x height / time); error is JMH's 99.9% confidence "
                + "half-width. Each core count k runs in its own JVM pinned to k cores (`taskset`) with "
                + "`-XX:ActiveProcessorCount=k`; jpeg-mt uses k threads, and 2k and 4k threads show oversubscription. "
                + "Speedup is against jpeg-mt's 1-thread score in the 1-core JVM for the same image and settings; "
                + "efficiency is speedup / k. Every decoder reads the same jpegmt-encoded file.\n\n");
    }

    // ---------------------------------------------------------------- per operation

    private static String key(Tsv.Row r) {
        return r.get("image") + "|" + r.get("restart") + "|" + r.get("subsampling") + "|" + r.get("quality");
    }

    private static Comparator<String> keyOrder() {
        return Comparator.<String, String>comparing(k -> k.split("\\|")[0].equals("sample") ? "~" : k.split("\\|")[0])
                .thenComparing(k -> RESTARTS.indexOf(k.split("\\|")[1]))
                .thenComparing(k -> k.split("\\|")[2]).thenComparing(k -> k.split("\\|")[3]);
    }

    private Tsv.Row find(Predicate<Tsv.Row> p) {
        return jmh.stream().filter(p).findFirst().orElse(null);
    }

    private Tsv.Row jpegmt(String op, String key, int cores, int threads) {
        return find(r -> r.get("benchmark").equals("ParallelBenchmark." + op) && key(r).equals(key)
                && r.integer("cores") == cores && r.integer("threads") == threads);
    }

    private Tsv.Row peer(String benchmark, String key) {
        return find(r -> r.get("benchmark").equals(benchmark) && key(r).equals(key));
    }

    private double mps(Tsv.Row r) {
        return r == null ? Double.NaN : r.num("mps");
    }

    private void operation(String op) throws IOException {
        String cap = op.substring(0, 1).toUpperCase(Locale.ROOT) + op.substring(1);
        String peerClass = op.equals("decode") ? "DecodeBenchmark" : "EncodeBenchmark";
        md.append("## ").append(cap).append("\n\n");
        TreeSet<String> keys = new TreeSet<>(keyOrder());
        jmh.stream().filter(r -> r.get("benchmark").equals("ParallelBenchmark." + op)).forEach(r -> keys.add(key(r)));

        // peers side by side
        md.append("### jpegmt beside the peers (MP/s, single-threaded unless noted)\n\n");
        boolean turbo = jmh.stream().anyMatch(r -> r.get("benchmark").startsWith("TurboBenchmark"));
        md.append("| image | restart | sampling | q | jpegmt 1 thread | jpegmt ").append(maxCores).append(" cores | javax.imageio |");
        if (op.equals("decode")) {
            md.append(" Commons Imaging |");
        }
        md.append(turbo ? " TurboJPEG (JNI) |" : "").append(" tjbench | jpegmt 1t / imageio | jpegmt ").append(maxCores)
                .append("c / imageio |\n|---|---|---|---|---|---|---|").append(op.equals("decode") ? "---|" : "")
                .append(turbo ? "---|" : "").append("---|---|---|\n");
        for (String k : keys) {
            String[] p = k.split("\\|");
            double one = mps(jpegmt(op, k, 1, 1));
            double many = mps(jpegmt(op, k, maxCores, maxCores));
            double io = mps(peer(peerClass + ".imageio", k));
            md.append("| ").append(p[0]).append(" | ").append(p[1]).append(" | ").append(p[2]).append(" | ").append(p[3])
                    .append(" | ").append(fmt(one)).append(" | ").append(fmt(many)).append(" | ").append(fmt(io)).append(" |");
            if (op.equals("decode")) {
                md.append(' ').append(fmt(mps(peer("DecodeBenchmark.commonsImaging", k)))).append(" |");
            }
            if (turbo) {
                md.append(' ').append(fmt(mps(peer("TurboBenchmark." + op, k)))).append(" |");
            }
            md.append(' ').append(p[0].equals(mainImage) ? tjbench(op, p[1], p[2], p[3]) : "").append(" | ")
                    .append(ratio(one, io)).append(" | ").append(ratio(many, io)).append(" |\n");
        }
        md.append('\n');

        // scaling table
        md.append("### jpeg-mt per core count\n\n");
        md.append("| image | restart | sampling | q | cores k | threads | MP/s | ± error | speedup vs 1 thread | efficiency | vs javax.imageio |\n"
                + "|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (String k : keys) {
            String[] p = k.split("\\|");
            double base = mps(jpegmt(op, k, 1, 1));
            double io = mps(peer(peerClass + ".imageio", k));
            List<Tsv.Row> rows = jmh.stream().filter(r -> r.get("benchmark").equals("ParallelBenchmark." + op) && key(r).equals(k))
                    .sorted(Comparator.comparingInt((Tsv.Row r) -> r.integer("cores")).thenComparingInt(r -> r.integer("threads")))
                    .toList();
            for (Tsv.Row r : rows) {
                int cores = r.integer("cores");
                double s = r.num("mps") / base;
                md.append("| ").append(p[0]).append(" | ").append(p[1]).append(" | ").append(p[2]).append(" | ").append(p[3])
                        .append(" | ").append(cores).append(" | ").append(r.get("threads")).append(" | ").append(fmt(r.num("mps")))
                        .append(" | ").append(fmt(r.num("mpsError"))).append(" | ").append(fmt2(s)).append("x | ")
                        .append(pct(s / cores)).append(" | ").append(ratio(r.num("mps"), io)).append(" |\n");
            }
        }
        md.append('\n');
        speedupChart(op, keys);
        peerChart(op);
    }

    private String tjbench(String op, String restart, String sampling, String quality) {
        for (Tsv.Row r : tj) {
            if (!r.get("subsampling").equals(sampling) || !r.get("quality").equals(quality)) {
                continue;
            }
            if (op.equals("decode") && r.get("what").equals("jpegmt file") && r.get("restart").equals(restart)) {
                return fmt(r.num("decompressMps"));
            }
            if (op.equals("encode") && r.get("what").equals("ppm")) {
                return fmt(r.num("compressMps")) + (restart.equals("none") ? "" : " (no RST)");
            }
        }
        return "";
    }

    private void speedupChart(String op, TreeSet<String> keys) throws IOException {
        List<Integer> cores = jmh.stream().map(r -> r.integer("cores")).distinct().sorted().toList();
        if (cores.isEmpty()) {
            return;
        }
        XYChart c = Charts.xy(op + " speedup vs cores (" + mainImage + ", 4:2:0 q90)", "cores k (JVM pinned to k cores)",
                "speedup vs 1 thread");
        double[] xs = cores.stream().mapToDouble(Integer::doubleValue).toArray();
        Charts.ideal(c, xs);
        boolean any = false;
        for (String restart : RESTARTS) {
            String k = mainImage + "|" + restart + "|420|90";
            if (!keys.contains(k)) {
                continue;
            }
            double base = mps(jpegmt(op, k, 1, 1));
            for (int mult : new int[] {1, 4}) {
                double[] ys = new double[xs.length];
                for (int i = 0; i < xs.length; i++) {
                    ys[i] = mps(jpegmt(op, k, cores.get(i), mult * cores.get(i))) / base;
                }
                if (Double.isNaN(ys[0])) {
                    continue;
                }
                Charts.line(c, "restart " + restart + (mult == 1 ? ", threads = k" : ", threads = 4k"), xs, ys, mult != 1);
                any = true;
            }
        }
        if (any) {
            String file = "speedup-" + op + ".png";
            Charts.save(c, dir.resolve(file));
            md.append("![").append(op).append(" speedup](").append(chartPrefix).append(file).append(")\n\n");
        }
    }

    private void peerChart(String op) throws IOException {
        CategoryChart c = Charts.bars(op + " throughput, " + mainImage + " 4:2:0 q90", "restart setting", "MP/s");
        List<String> cats = new ArrayList<>();
        for (String restart : RESTARTS) {
            if (jpegmt(op, mainImage + "|" + restart + "|420|90", 1, 1) != null) {
                cats.add(restart);
            }
        }
        if (cats.isEmpty()) {
            return;
        }
        String peerClass = op.equals("decode") ? "DecodeBenchmark" : "EncodeBenchmark";
        Map<String, java.util.function.Function<String, Double>> series = new LinkedHashMap<>();
        series.put("jpegmt 1 thread", k -> mps(jpegmt(op, k, 1, 1)));
        if (maxCores > 1) {
            series.put("jpegmt " + maxCores + " cores", k -> mps(jpegmt(op, k, maxCores, maxCores)));
        }
        series.put("javax.imageio", k -> mps(peer(peerClass + ".imageio", k)));
        if (op.equals("decode")) {
            series.put("Commons Imaging", k -> mps(peer("DecodeBenchmark.commonsImaging", k)));
        }
        series.put("TurboJPEG (JNI)", k -> mps(peer("TurboBenchmark." + op, k)));
        series.put("tjbench", k -> {
            String[] p = k.split("\\|");
            String t = tjbench(op, p[1], p[2], p[3]).replace(" (no RST)", "");
            return t.isEmpty() ? Double.NaN : Double.parseDouble(t);
        });
        for (Map.Entry<String, java.util.function.Function<String, Double>> e : series.entrySet()) {
            List<Double> ys = new ArrayList<>();
            boolean any = false;
            for (String restart : cats) {
                double v = e.getValue().apply(mainImage + "|" + restart + "|420|90");
                any |= !Double.isNaN(v);
                ys.add(Double.isNaN(v) ? 0.0 : v);
            }
            if (any) {
                Charts.bar(c, e.getKey(), cats, ys);
            }
        }
        String file = "peers-" + op + ".png";
        Charts.save(c, dir.resolve(file));
        md.append("![").append(op).append(" peers](").append(chartPrefix).append(file).append(")\n\n");
    }

    // ---------------------------------------------------------------- batch

    private void batchSection() throws IOException {
        if (batch.isEmpty()) {
            return;
        }
        md.append("## Batch: a folder of photos with k cores\n\n");
        md.append("Files of 1-4 MP cropped and scaled from the bench photos at run time (4:2:0 q90, one restart "
                + "marker per MCU row). `serial`: one thread; `files`: k threads each coding whole files (file-level "
                + "parallelism); `strips`: one file at a time split by jpeg-mt over k threads; `both`: k threads taking "
                + "files, each file split by jpeg-mt on the same k-thread pool so that idle cores help at the tail. "
                + "Wall time, median of the repetitions; inputs in memory (no disk I/O).\n\n");
        md.append("| cores k | op | files | MP | serial s | files s | strips s | both s | best | best vs serial |\n"
                + "|---|---|---|---|---|---|---|---|---|---|\n");
        Map<String, Map<String, Double>> byCase = new TreeMap<>();
        Map<String, Double> mp = new TreeMap<>();
        for (Tsv.Row r : batch) {
            String k = String.format(Locale.ROOT, "%03d|%s|%04d", r.integer("cores"), r.get("op"), r.integer("files"));
            byCase.computeIfAbsent(k, x -> new LinkedHashMap<>()).put(r.get("strategy"), r.num("medianMs") / 1e3);
            mp.put(k, r.num("megapixels"));
        }
        List<String> verdicts = new ArrayList<>();
        for (Map.Entry<String, Map<String, Double>> e : byCase.entrySet()) {
            String[] p = e.getKey().split("\\|");
            Map<String, Double> t = e.getValue();
            String best = t.entrySet().stream().filter(x -> !x.getKey().equals("serial")).min(Map.Entry.comparingByValue())
                    .map(Map.Entry::getKey).orElse("?");
            double serial = t.getOrDefault("serial", Double.NaN);
            md.append("| ").append(Integer.parseInt(p[0])).append(" | ").append(p[1]).append(" | ").append(Integer.parseInt(p[2]))
                    .append(" | ").append(fmt(mp.get(e.getKey()))).append(" | ").append(fmt3(serial)).append(" | ")
                    .append(fmt3(t.get("files"))).append(" | ").append(fmt3(t.get("strips"))).append(" | ").append(fmt3(t.get("both")))
                    .append(" | ").append(best).append(" | ").append(fmt2(serial / t.getOrDefault(best, Double.NaN))).append("x |\n");
            if (Integer.parseInt(p[0]) == maxBatchCores()) {
                verdicts.add(String.format(Locale.ROOT, "- %s, %d files, %d cores: **%s** wins (files %.2fx, strips %.2fx, both %.2fx faster than serial).",
                        p[1], Integer.parseInt(p[2]), Integer.parseInt(p[0]), best, serial / t.getOrDefault("files", Double.NaN),
                        serial / t.getOrDefault("strips", Double.NaN), serial / t.getOrDefault("both", Double.NaN)));
            }
        }
        md.append('\n');
        for (String op : new String[] {"encode", "decode"}) {
            int k = maxBatchCores();
            CategoryChart c = Charts.bars("batch " + op + ", " + k + " cores: wall time", "files in the batch", "seconds");
            List<String> cats = new ArrayList<>();
            Map<String, List<Double>> ys = new LinkedHashMap<>();
            for (Map.Entry<String, Map<String, Double>> e : byCase.entrySet()) {
                String[] p = e.getKey().split("\\|");
                if (Integer.parseInt(p[0]) != k || !p[1].equals(op)) {
                    continue;
                }
                cats.add(Integer.parseInt(p[2]) + " files");
                for (String s : BatchBench.STRATEGIES) {
                    ys.computeIfAbsent(s, x -> new ArrayList<>()).add(e.getValue().getOrDefault(s, 0.0));
                }
            }
            if (cats.isEmpty()) {
                continue;
            }
            for (Map.Entry<String, List<Double>> e : ys.entrySet()) {
                String label = e.getKey().equals("serial") ? "serial (1 thread)" : e.getKey() + " (" + k + " cores)";
                Charts.bar(c, label, cats, e.getValue());
            }
            String file = "batch-" + op + ".png";
            Charts.save(c, dir.resolve(file));
            md.append("![batch ").append(op).append("](").append(chartPrefix).append(file).append(")\n\n");
        }
        md.append("**Which strategy wins** (at ").append(maxBatchCores()).append(" cores, from the table):\n\n");
        for (String v : verdicts) {
            md.append(v).append('\n');
        }
        md.append("\nReading: with many files and at most as many cores as files, file-level parallelism needs no "
                + "coordination and keeps every core busy, so `files` and `both` lead; its weak spot is the tail (the "
                + "last files leave cores idle) and a batch with fewer files than cores, where `strips` and `both` win "
                + "because they also split the last, or the only, files. `both` pays a few task hand-offs per file for "
                + "that. For a single large image (or latency per image) only `strips` helps.\n\n");
    }

    private int maxBatchCores() {
        return batch.stream().mapToInt(r -> r.integer("cores")).max().orElse(1);
    }

    // ---------------------------------------------------------------- model

    private double part(String op, String restart, String name) {
        for (Tsv.Row r : parts) {
            if (r.get("op").equals(op) && r.get("restart").equals(restart) && r.get("part").equals(name)) {
                return r.num("ms");
            }
        }
        return Double.NaN;
    }

    private void modelSection() throws IOException {
        if (parts.isEmpty()) {
            return;
        }
        String modelImage = parts.stream().map(r -> r.get("part")).filter(p -> p.startsWith("image ")).findFirst()
                .orElse("image ?").substring(6);
        md.append("## Beyond this machine: a scaling model (projection)\n\n");
        md.append("Measured on one core through jpeg-core's public segment API (`DecodeJob`, `EncodeJob`), image `")
                .append(modelImage).append("` 4:2:0 q90, the fastest of the repetitions: the serial parts, and the cost of "
                + "every entropy-coded segment and of converting every MCU row. From them, **projected** speedups: "
                + "Amdahl (serial + parallel / p) and a simulation of jpeg-mt's real schedule (guided parts, each "
                + "1/(2p) of the work left, down to 1/(32p); decode: the marker pre-scan beside the output allocation, "
                + "then bands of whole MCU rows balanced by bytes, as `WorkPlan.decodeBands`, each decoding and "
                + "converting its own rows, the two rows at each band boundary converted by the neighbour that finishes "
                + "last; encode: strips of whole intervals; tasks claimed in order by p workers), no faster than the "
                + "memory traffic at the assumed bandwidth. Task "
                + "hand-off costs (microseconds) are not modelled. The pre-scan is `DecodeJob.segmentBounds()`, the one "
                + "jpeg-mt uses.\n\n");
        md.append("Copy bandwidth from one thread: ").append(fmt(part("-", "-", "copyBandwidthGBs")))
                .append(" GB/s; ceiling used for every core count: ").append(fmt(part("-", "-", "assumedBandwidthGBs")))
                .append(" GB/s (measured with all cores of this machine by `BandwidthProbe`, or `BANDWIDTH=`; a bigger "
                + "machine has more, so beyond this machine's cores the bandwidth bound is pessimistic).\n\n");
        md.append("The model's 1-core time is the sum of the parts of the serial path (no pre-scan); `wholeSerial` is "
                + "one whole serial call (jpeg-core's "
                + "fused MCU-row loop) for comparison: if they differ much, the per-part timings (fastest of the "
                + "repetitions, each part alone) do not describe the real run, and the projection inherits that error.\n\n");
        md.append("| op | restart | part | ms |\n|---|---|---|---|\n");
        for (Tsv.Row r : parts) {
            if (!r.get("op").equals("-")) {
                md.append("| ").append(r.get("op")).append(" | ").append(r.get("restart")).append(" | ").append(r.get("part"))
                        .append(" | ").append(r.get("part").endsWith("(count)") ? Integer.toString(r.integer("ms")) : fmt3(r.num("ms")))
                        .append(" |\n");
            }
        }
        md.append("\n| op | restart | cores | Amdahl | simulated | simulated ms | of which serial | efficiency | bandwidth-bound |\n"
                + "|---|---|---|---|---|---|---|---|---|\n");
        for (Tsv.Row r : projection) {
            md.append("| ").append(r.get("op")).append(" | ").append(r.get("restart")).append(" | ").append(r.get("cores"))
                    .append(" | ").append(fmt2(r.num("amdahl"))).append("x | ").append(fmt2(r.num("simulated"))).append("x | ")
                    .append(fmt3(r.num("simulatedMs"))).append(" | ").append(pct(r.num("serialMs") / r.num("simulatedMs")))
                    .append(" | ").append(pct(r.num("simulated") / r.num("cores"))).append(" | ").append(r.get("bandwidthLimited"))
                    .append(" |\n");
        }
        md.append('\n');
        for (String op : new String[] {"decode", "encode"}) {
            modelChart(op, modelImage);
        }
        md.append("**Where the design stops scaling** (from the model, not measured):\n\n");
        for (String op : new String[] {"decode", "encode"}) {
            for (String restart : RESTARTS) {
                String v = verdict(op, restart);
                if (v != null) {
                    md.append("- ").append(v).append('\n');
                }
            }
        }
        md.append('\n');
    }

    private List<Tsv.Row> proj(String op, String restart) {
        return projection.stream().filter(r -> r.get("op").equals(op) && r.get("restart").equals(restart))
                .sorted(Comparator.comparingInt(r -> r.integer("cores"))).toList();
    }

    private String verdict(String op, String restart) {
        List<Tsv.Row> rows = proj(op, restart);
        if (rows.isEmpty()) {
            return null;
        }
        Tsv.Row last = rows.get(rows.size() - 1);
        int p = last.integer("cores");
        String half = rows.stream().filter(r -> r.num("simulated") / r.integer("cores") < 0.5).findFirst()
                .map(r -> "efficiency falls below 50% at " + r.get("cores") + " cores").orElse("efficiency stays above 50% up to " + p + " cores");
        if (restart.equals("none")) {
            return op.equals("encode")
                    ? "encode, no restart markers: one entropy-coded segment, so encoding is serial (speedup 1 at any core count)."
                    : String.format(Locale.ROOT, "decode, no restart markers: entropy decoding (%.1f ms) is serial; only conversion "
                            + "overlaps it, so the speedup saturates at %.2fx (%s).", part(op, restart, "segments (sum)"),
                            last.num("simulated"), half);
        }
        double serial = last.num("serialMs");
        double total = last.num("simulatedMs");
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%s, restart %s: simulated %.1fx at %d cores (%s); at %d cores the serial part is "
                + "%.0f%% of the time (%.2f of %.2f ms)", op, restart, last.num("simulated"), p, half, p, 100 * serial / total, serial, total));
        if (op.equals("decode")) {
            double scan = part(op, restart, "pre-scan");
            double open = part(op, restart, "open (headers)");
            double alloc = part(op, restart, "allocate output");
            sb.append(String.format(Locale.ROOT, ": pre-scan %.2f ms, header parsing %.2f ms, output "
                    + "allocation %.2f ms", scan, open, alloc));
            String biggest = scan >= open && scan >= alloc ? "the serial marker pre-scan" : open >= alloc
                    ? "header parsing in `DecodeJob.open`" : "allocating (zeroing) the output image";
            sb.append("; the first limit is ").append(biggest);
        } else {
            sb.append(String.format(Locale.ROOT, ": job creation %.2f ms, header %.2f ms, joining the strips %.2f ms",
                    part(op, restart, "create job"), part(op, restart, "header"), part(op, restart, "join")));
        }
        int count = (int) part(op, restart, op.equals("decode") ? "segments (count)" : "intervals (count)");
        double largest = part(op, restart, op.equals("decode") ? "largest segment" : "largest interval");
        double parallelPhase = total - serial;
        if (count > 0 && count < p) {
            sb.append(String.format(Locale.ROOT, "; only %d segments, so at most %d cores get work and the largest segment "
                    + "(%.2f ms) bounds the parallel phase", count, count, largest));
        } else if (largest >= 0.5 * parallelPhase) {
            sb.append(String.format(Locale.ROOT, "; the largest segment (%.2f ms) is at least half of the parallel phase "
                    + "(%.2f ms): the bands are too coarse for this many cores", largest, parallelPhase));
        }
        double traffic = part(op, restart, "memory traffic (MB)");
        double bw = part("-", "-", "assumedBandwidthGBs");
        if (!Double.isNaN(traffic) && !Double.isNaN(bw)) {
            double ms = traffic / bw; // MB / (GB/s) = ms
            sb.append(String.format(Locale.ROOT, "; memory traffic %.0f MB per image takes %.2f ms at %.1f GB/s against "
                    + "%.2f ms of parallel work at %d cores: %s", traffic, ms, bw, parallelPhase, p,
                    Boolean.parseBoolean(last.get("bandwidthLimited")) ? "**memory bandwidth bounds at least one phase** (the "
                            + "conversion, or the entropy decoding, is faster than its traffic)"
                            : ms > 0.5 * parallelPhase ? "close to the memory bandwidth limit" : "not bandwidth-bound"));
        }
        return sb.append('.').toString();
    }

    private void modelChart(String op, String modelImage) throws IOException {
        XYChart c = Charts.xy("PROJECTION: " + op + " speedup, " + modelImage + " 4:2:0 q90 (lines: model; points: measured)",
                "cores (log scale)", "speedup vs 1 thread (log scale)");
        c.getStyler().setXAxisLogarithmic(true);
        c.getStyler().setYAxisLogarithmic(true);
        c.getStyler().setYAxisMin(0.5);
        List<Tsv.Row> row = proj(op, "row");
        if (row.isEmpty()) {
            return;
        }
        double[] xs = row.stream().mapToDouble(r -> r.num("cores")).toArray();
        Charts.ideal(c, xs);
        Charts.line(c, "Amdahl, restart row (projection)", xs, row.stream().mapToDouble(r -> r.num("amdahl")).toArray(), true);
        Charts.line(c, "schedule simulation, restart row (projection)", xs,
                row.stream().mapToDouble(r -> r.num("simulated")).toArray(), false);
        List<Tsv.Row> eight = proj(op, "8rows");
        if (!eight.isEmpty()) {
            Charts.line(c, "schedule simulation, restart 8rows (projection)", eight.stream().mapToDouble(r -> r.num("cores")).toArray(),
                    eight.stream().mapToDouble(r -> r.num("simulated")).toArray(), false);
        }
        for (String restart : new String[] {"row", "8rows"}) {
            String k = modelImage + "|" + restart + "|420|90";
            double base = mps(jpegmt(op, k, 1, 1));
            List<Integer> cores = jmh.stream().filter(r -> key(r).equals(k) && r.get("benchmark").equals("ParallelBenchmark." + op))
                    .map(r -> r.integer("cores")).distinct().sorted().toList();
            if (cores.isEmpty() || Double.isNaN(base)) {
                continue;
            }
            Charts.points(c, "measured, restart " + restart, cores.stream().mapToDouble(Integer::doubleValue).toArray(),
                    cores.stream().mapToDouble(k2 -> mps(jpegmt(op, k, k2, k2)) / base).toArray());
        }
        String file = "model-" + op + ".png";
        Charts.save(c, dir.resolve(file));
        md.append("![").append(op).append(" scaling projection](").append(chartPrefix).append(file).append(")\n\n");
    }

    // ---------------------------------------------------------------- tjbench, notes

    private void tjbenchSection() throws IOException {
        md.append("## libjpeg-turbo tjbench\n\n");
        if (tj.isEmpty()) {
            Path txt = dir.resolve("tjbench.txt");
            md.append(Files.exists(txt) ? Files.readString(txt) : "not run").append("\n\n");
            return;
        }
        md.append("`tjbench` (libjpeg-turbo SIMD, one core, RGB buffers, accurate DCT defaults) on the same pixels (`ppm`) "
                + "and on jpegmt's files (`jpegmt file`, decompression only). tjbench cannot write restart markers. Full "
                + "output in `tjbench.txt`.\n\n| input | restart | sampling | q | compress MP/s | decompress MP/s |\n"
                + "|---|---|---|---|---|---|\n");
        for (Tsv.Row r : tj) {
            md.append("| ").append(r.get("what")).append(" | ").append(r.get("restart")).append(" | ").append(r.get("subsampling"))
                    .append(" | ").append(r.get("quality")).append(" | ").append(r.get("compressMps")).append(" | ")
                    .append(r.get("decompressMps")).append(" |\n");
        }
        md.append('\n');
    }

    private void notes() throws IOException {
        md.append("## Notes\n\n");
        Path turbo = dir.resolve("turbojpeg-skipped.txt");
        if (Files.exists(turbo)) {
            md.append("- TurboJPEG (JNI) peer **skipped**: ").append(Files.readString(turbo).trim()).append('\n');
        }
        md.append("- Commons Imaging 1.0.0-alpha6 does not reset its DC predictors at restart markers, so its pixels are "
                + "wrong for `row` and `8rows` files; its time is still that of decoding the whole file.\n");
        md.append("- javax.imageio encodes with the same quality, sampling factors and restart interval (a DRI node in its "
                + "metadata); its speed depends on the JDK (Debian's JDK 17 links the system libjpeg-turbo, other builds "
                + "bundle IJG 6b), hence the java.version above.\n");
        md.append("- Raw data: `jmh-k<k>.json` (JMH), `jmh-k<k>.tsv`, `batch-k<k>.tsv`, `model-*.tsv`, `tjbench.tsv` beside "
                + "the charts.\n");
    }

    // ---------------------------------------------------------------- formatting

    private static double megapixels(String image) {
        try {
            return BenchMain.megapixels(image);
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }

    private static String fmt(Double v) {
        return v == null || v.isNaN() ? "" : String.format(Locale.ROOT, "%.1f", v);
    }

    private static String fmt2(double v) {
        return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.2f", v);
    }

    private static String fmt3(Double v) {
        return v == null || v.isNaN() ? "" : String.format(Locale.ROOT, "%.3f", v);
    }

    private static String pct(double v) {
        return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.0f%%", 100 * v);
    }

    private static String ratio(double a, double b) {
        return Double.isNaN(a) || Double.isNaN(b) || b == 0 ? "" : String.format(Locale.ROOT, "%.2fx", a / b);
    }
}
