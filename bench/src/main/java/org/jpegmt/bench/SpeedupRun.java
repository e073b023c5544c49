package org.jpegmt.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * The speedup of k threads over 1 thread, measured with paired, alternating trials, for shared
 * machines whose speed drifts: every round runs the JMH benchmarks once per thread count (the
 * {@code threads} parameter, e.g. of {@link ParallelBenchmark}), in ascending order in even
 * rounds and descending order in odd ones, and the speedup of a round is the median iteration
 * score with k threads over the median with 1 thread <em>in the same round</em>. The report gives,
 * per benchmark method and parameter combination, the median of those per-round ratios and their
 * min .. max, so that drift between trials cancels instead of biasing the ratio (which it does
 * when all 1-thread trials run before all k-thread trials, as in one plain JMH run).
 *
 * <pre>
 * java -cp bench/target/benchmarks.jar org.jpegmt.bench.SpeedupRun [--rounds 5] [--threads 1,2] [--out FILE.md] \
 *     [JMH options: benchmark regex, -p name=v1,v2, -wi, -i, -w, -r, -f ...]
 * </pre>
 *
 * Defaults when not on the command line: {@code ParallelBenchmark}, 1 fork, 2 warm-up and 3
 * measurement iterations of 1 s. A repeated {@code -p name=...} replaces the earlier one, so
 * {@code bench/run.sh speedup} can put its defaults first. JMH holds its lock
 * ({@code /tmp/jmh.lock}) during each run only; if another JMH process holds it, the run stops
 * (with the rounds done so far reported) and {@code -Djmh.ignoreLock=true} forces it, at the cost
 * of both measurements.
 */
public final class SpeedupRun {
    private SpeedupRun() {
    }

    static final String DEFAULT_INCLUDE = "org\\.jpegmt\\.bench\\.ParallelBenchmark\\.";
    private static final String USAGE = "usage: SpeedupRun [--rounds R] [--threads 1,k,...] [--out FILE.md] [JMH options]";

    /** The command line: this tool's options and the arguments left for JMH. */
    record Config(int rounds, List<Integer> threads, String out, List<String> jmhArgs) {
    }

    /**
     * One JMH result of one round: the measurement iterations' scores (ops/s) of a benchmark method
     * with one parameter combination (without {@code threads}) and one thread count.
     */
    record Trial(int round, int threads, String benchmark, String params, double megapixels, double[] scores) {
    }

    /**
     * One row of the report: k threads against 1 thread for one combination, over the rounds that
     * have both. Speeds are megapixels per second; {@code ratios} are per round, in round order.
     */
    record Row(String benchmark, String params, int threads, double mps1, double mpsK, double speedup, double[] ratios) {
        double min() {
            return Arrays.stream(ratios).min().orElse(Double.NaN);
        }

        double max() {
            return Arrays.stream(ratios).max().orElse(Double.NaN);
        }
    }

    public static void main(String[] argv) throws IOException {
        Config config;
        CommandLineOptions cmd;
        try {
            config = parse(argv);
            cmd = new CommandLineOptions(config.jmhArgs().toArray(new String[0]));
        } catch (IllegalArgumentException | CommandLineOptionException e) {
            System.err.println(e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
            return;
        }
        String loadStart = loadavg();
        LocalDateTime date = LocalDateTime.now().truncatedTo(ChronoUnit.SECONDS);
        Instant start = Instant.now();

        List<Trial> trials = new ArrayList<>();
        Map<String, Double> megapixels = new HashMap<>();
        Set<String> withoutThreads = new LinkedHashSet<>();
        String failure = null;
        int done = 0;
        rounds:
        for (int round = 0; round < config.rounds(); round++) {
            List<Trial> thisRound = new ArrayList<>();
            for (int t : order(config.threads(), round)) {
                System.out.printf(Locale.ROOT, "%n== SpeedupRun: round %d of %d, threads=%d (order %s)%n", round + 1,
                        config.rounds(), t, join(order(config.threads(), round), ","));
                Collection<RunResult> results;
                try {
                    results = ForkOutput.runner(options(cmd, t)).run();
                } catch (RunnerException e) {
                    failure = "round " + (round + 1) + ", threads=" + t + ": " + e.getMessage();
                    break rounds;
                }
                for (RunResult r : results) {
                    String benchmark = BenchMain.shortName(r.getParams().getBenchmark());
                    if (r.getParams().getParam("threads") == null) {
                        withoutThreads.add(benchmark);
                        continue;
                    }
                    String image = r.getParams().getParam("image");
                    double mp = image == null ? Double.NaN : megapixels.computeIfAbsent(image, BenchMain::megapixels);
                    thisRound.add(new Trial(round, Integer.parseInt(r.getParams().getParam("threads")), benchmark,
                            BenchMain.paramsOf(r, "threads"), mp, BenchMain.scores(r.getBenchmarkResults())));
                }
            }
            trials.addAll(thisRound); // an interrupted round has no pairs to offer
            done++;
        }

        StringBuilder md = new StringBuilder();
        md.append("# Speedup over 1 thread: paired, alternating JMH trials\n\n");
        md.append("- command: `").append(commandLine(argv)).append("`\n");
        md.append("- date: ").append(date).append(", duration ")
                .append(Duration.between(start, Instant.now()).toSeconds()).append(" s\n");
        md.append("- java: ").append(System.getProperty("java.version")).append(" (")
                .append(System.getProperty("java.vm.name")).append(' ').append(System.getProperty("java.vm.version"))
                .append(", ").append(System.getProperty("java.vendor")).append(")\n");
        md.append("- nproc: ").append(Runtime.getRuntime().availableProcessors()).append('\n');
        md.append("- /proc/loadavg: start `").append(loadStart).append("`, end `").append(loadavg()).append("`\n");
        Options shown = options(cmd, 1);
        md.append(String.format(Locale.ROOT, "- per trial: %d fork(s), %d x %s warm-up, %d x %s measurement%n",
                shown.getForkCount().orElse(-1), shown.getWarmupIterations().orElse(-1),
                shown.getWarmupTime().orElse(null), shown.getMeasurementIterations().orElse(-1),
                shown.getMeasurementTime().orElse(null)));
        md.append("- rounds: ").append(done).append(" of ").append(config.rounds()).append(", thread counts ")
                .append(join(config.threads(), ",")).append(" (ascending in rounds 1, 3, ..., descending in 2, 4, ...)\n");
        if (!withoutThreads.isEmpty()) {
            md.append("- ignored (no `threads` parameter): ").append(String.join(", ", withoutThreads)).append('\n');
        }
        if (failure != null) {
            md.append("- **stopped** in ").append(failure.strip()).append('\n');
        }
        md.append('\n').append(table(summarize(trials, config.threads())));
        md.append("\nspeedup: per round, the median iteration score with k threads divided by the median with 1 thread "
                + "in the same round; the median of those ratios over the rounds, their min .. max, and each round's "
                + "ratio in round order. MP/s: the median over the rounds of each trial's median.\n");

        System.out.println();
        System.out.print(md);
        if (config.out() != null) {
            Path out = Path.of(config.out());
            if (out.toAbsolutePath().getParent() != null) {
                Files.createDirectories(out.toAbsolutePath().getParent());
            }
            Files.writeString(out, md, StandardCharsets.UTF_8);
            System.out.println("written to " + out);
        }
        if (failure != null) {
            System.err.println("SpeedupRun stopped in " + failure);
            System.exit(1);
        }
    }

    /** Splits off this tool's options; a later {@code -p name=...} replaces an earlier one of the same name. */
    static Config parse(String[] args) {
        int rounds = 5;
        List<Integer> threads = List.of(1, 2);
        String out = null;
        List<String> jmh = new ArrayList<>();
        Map<String, String> params = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            boolean ours = a.equals("--rounds") || a.equals("--threads") || a.equals("--out");
            if ((ours || a.equals("-p")) && i + 1 == args.length) {
                throw new IllegalArgumentException(a + " needs a value");
            }
            if (a.equals("--rounds")) {
                rounds = Integer.parseInt(args[++i]);
            } else if (a.equals("--threads")) {
                threads = Arrays.stream(args[++i].split(",")).map(String::trim).map(Integer::valueOf).toList();
            } else if (a.equals("--out")) {
                out = args[++i];
            } else if (a.equals("-p")) {
                String p = args[++i];
                String name = p.substring(0, Math.max(p.indexOf('='), 0));
                if (name.equals("threads")) {
                    throw new IllegalArgumentException("set the thread counts with --threads, not -p threads");
                }
                params.remove(name); // keep the order in which the last values were given
                params.put(name, p);
            } else {
                jmh.add(a);
            }
        }
        if (rounds < 1) {
            throw new IllegalArgumentException("--rounds must be at least 1");
        }
        if (threads.size() < 2 || threads.get(0) != 1 || threads.stream().anyMatch(t -> t < 1)
                || new LinkedHashSet<>(threads).size() != threads.size()) {
            throw new IllegalArgumentException("--threads: 1 first, then at least one other distinct thread count, e.g. 1,2");
        }
        for (String p : params.values()) {
            jmh.add("-p");
            jmh.add(p);
        }
        return new Config(rounds, threads, out, jmh);
    }

    /** @return the thread counts in the order of round {@code round} (0-based): as given when even, reversed when odd */
    static List<Integer> order(List<Integer> threads, int round) {
        List<Integer> o = new ArrayList<>(threads);
        if (round % 2 == 1) {
            Collections.reverse(o);
        }
        return o;
    }

    /** JMH options of one trial: the command line's, {@code threads} fixed to t, and this tool's defaults. */
    static Options options(Options cmd, int threads) {
        ChainedOptionsBuilder b = new OptionsBuilder().parent(cmd).param("threads", Integer.toString(threads));
        if (cmd.getIncludes().isEmpty()) {
            b.include(DEFAULT_INCLUDE);
        }
        if (!cmd.getForkCount().hasValue()) {
            b.forks(1);
        }
        if (!cmd.getWarmupIterations().hasValue()) {
            b.warmupIterations(2);
        }
        if (!cmd.getWarmupTime().hasValue()) {
            b.warmupTime(TimeValue.seconds(1));
        }
        if (!cmd.getMeasurementIterations().hasValue()) {
            b.measurementIterations(3);
        }
        if (!cmd.getMeasurementTime().hasValue()) {
            b.measurementTime(TimeValue.seconds(1));
        }
        // the forks inherit this JVM's arguments unless -jvmArgs replaces them; keep the image folder either way
        String shared = System.getProperty("jpegmt.shared");
        if (shared != null && !cmd.getJvmArgsPrepend().hasValue()) {
            b.jvmArgsPrepend("-Djpegmt.shared=" + shared);
        }
        return b.build();
    }

    /**
     * Pairs the trials of each round: for every combination (benchmark and parameters, in the order
     * first seen) and every thread count k other than 1, one row over the rounds that have both a
     * 1-thread and a k-thread trial.
     */
    static List<Row> summarize(List<Trial> trials, List<Integer> threads) {
        // combination -> threads -> round -> median score (ops/s)
        Map<String, Map<Integer, Map<Integer, Double>>> medians = new LinkedHashMap<>();
        Map<String, Trial> first = new HashMap<>();
        for (Trial t : trials) {
            String key = t.benchmark() + '\u0000' + t.params();
            first.putIfAbsent(key, t);
            double[] sorted = t.scores().clone();
            Arrays.sort(sorted);
            medians.computeIfAbsent(key, k -> new HashMap<>()).computeIfAbsent(t.threads(), k -> new TreeMap<>())
                    .put(t.round(), BenchMain.median(sorted));
        }
        List<Row> rows = new ArrayList<>();
        for (Map.Entry<String, Map<Integer, Map<Integer, Double>>> e : medians.entrySet()) {
            Trial any = first.get(e.getKey());
            Map<Integer, Double> one = e.getValue().getOrDefault(1, Map.of());
            for (int k : threads) {
                Map<Integer, Double> many = e.getValue().get(k);
                if (k == 1 || many == null) {
                    continue;
                }
                List<Integer> paired = many.keySet().stream().filter(one::containsKey).toList(); // rounds, ascending
                double[] ratios = paired.stream().mapToDouble(r -> many.get(r) / one.get(r)).toArray();
                double[] s1 = paired.stream().mapToDouble(one::get).sorted().toArray();
                double[] sk = paired.stream().mapToDouble(many::get).sorted().toArray();
                rows.add(new Row(any.benchmark(), any.params(), k, medianOrNaN(s1) * any.megapixels(),
                        medianOrNaN(sk) * any.megapixels(), medianOrNaN(Arrays.stream(ratios).sorted().toArray()), ratios));
            }
        }
        return rows;
    }

    private static double medianOrNaN(double[] sorted) {
        return sorted.length == 0 ? Double.NaN : BenchMain.median(sorted);
    }

    /** A Markdown table of the rows; parameters shared by every row are listed once above it. */
    static String table(List<Row> rows) {
        if (rows.isEmpty()) {
            return "(no paired results)\n";
        }
        Set<String> common = new LinkedHashSet<>(Arrays.asList(rows.get(0).params().split(" ")));
        for (Row r : rows) {
            common.retainAll(Arrays.asList(r.params().split(" ")));
        }
        common.remove("");
        StringBuilder sb = new StringBuilder();
        if (!common.isEmpty()) {
            sb.append("Parameters of every row: ").append(String.join(" ", common)).append("\n\n");
        }
        sb.append("| benchmark | params | threads | MP/s, 1 thread | MP/s, k threads | speedup | min .. max | per round |\n");
        sb.append("|---|---|---|---|---|---|---|---|\n");
        for (Row r : rows) {
            String params = Arrays.stream(r.params().split(" ")).filter(p -> !common.contains(p))
                    .collect(Collectors.joining(" "));
            String perRound = Arrays.stream(r.ratios()).mapToObj(v -> String.format(Locale.ROOT, "%.2f", v))
                    .collect(Collectors.joining(" "));
            sb.append("| ").append(r.benchmark()).append(" | ").append(params.isEmpty() ? "-" : params)
                    .append(" | ").append(r.threads())
                    .append(" | ").append(String.format(Locale.ROOT, "%.1f", r.mps1()))
                    .append(" | ").append(String.format(Locale.ROOT, "%.1f", r.mpsK()))
                    .append(" | ").append(String.format(Locale.ROOT, "**%.2fx**", r.speedup()))
                    .append(" | ").append(String.format(Locale.ROOT, "%.2fx .. %.2fx", r.min(), r.max()))
                    .append(" | ").append(perRound).append(" |\n");
        }
        return sb.toString();
    }

    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_./=,:@%+-]+");

    /** @return this JVM's command line, shell-quoted where needed (the arguments alone if the OS does not say) */
    private static String commandLine(String[] argv) {
        ProcessHandle.Info info = ProcessHandle.current().info();
        List<String> words = new ArrayList<>();
        String prefix = "";
        if (info.command().isPresent() && info.arguments().isPresent()) {
            words.add(info.command().get());
            words.addAll(Arrays.asList(info.arguments().get()));
        } else {
            prefix = "java ... ";
            words.add(SpeedupRun.class.getName());
            words.addAll(Arrays.asList(argv));
        }
        return prefix + words.stream().map(w -> PLAIN.matcher(w).matches() ? w : "'" + w.replace("'", "'\\''") + "'")
                .collect(Collectors.joining(" "));
    }

    private static String loadavg() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (IOException e) {
            return "n/a";
        }
    }

    private static String join(List<Integer> values, String sep) {
        return values.stream().map(String::valueOf).collect(Collectors.joining(sep));
    }
}
