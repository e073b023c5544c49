package org.jpegmt.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.jpegmt.core.PixelImage;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * What {@code encode} and {@code decode} share: turning the command line into jobs (one file to
 * one file, or many files and directories into an output directory), running the jobs on a pool
 * of {@code --threads} threads that the per-image strip work shares too, reporting each failure on
 * one line and going on, and the progress bar and summary.
 */
abstract class ConvertCommand extends IoCommand implements Callable<Integer> {
    /** Images at least this large show a progress bar even on their own. */
    static final long BIG_IMAGE_PIXELS = 50_000_000L;

    @Parameters(arity = "1..*", paramLabel = "PATH",
            description = "INPUT... OUTPUT, or INPUT... with -o DIR: files or directories; - is standard input/output")
    List<String> paths;

    @Option(names = {"-o", "--output-dir"}, paramLabel = "DIR",
            description = "write every output into DIR (created if needed), keeping the inputs' relative paths")
    Path outputDir;

    @Option(names = "--threads", paramLabel = "N",
            description = "cores to use in total, shared between files and strips of an image (default: all, here ${DEFAULT-VALUE})")
    int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = {"-f", "--force"}, description = "replace existing output files")
    boolean force;

    /** One input and where its output goes ({@code "-"} for a standard stream). */
    record Job(String input, String output) {
    }

    /** What one job did, for the summary. */
    record Done(long bytesIn, long bytesOut, long pixels) {
    }

    /**
     * One input converted in memory: the output file's bytes (in parts, written one after the
     * other: a PNM header and its samples), the size of the image, and the decoded source image
     * when the command had one (encode, for {@code --stats}), else null.
     */
    record Coded(byte[][] parts, int width, int height, PixelImage source) {
        long bytes() {
            long n = 0;
            for (byte[] part : parts) {
                n += part.length;
            }
            return n;
        }
    }

    /**
     * Converts one input's bytes without writing them anywhere; called on pool threads, so it must
     * be thread-safe.
     *
     * @param data the input file
     * @param label the input's name, for messages
     * @param format the output's format when it depends on the output's name (decode), else null
     * @param warnings where the input's warnings go (the caller finishes it)
     */
    abstract Coded code(byte[] data, String label, ImageFiles.OutputFormat format, Runner runner, FileWarnings warnings)
            throws Exception;

    /**
     * Converts one input into its output file (or standard output); called on pool threads, so
     * it must be thread-safe.
     *
     * @param warnings where the input's warnings go (the caller finishes it)
     */
    Done convert(Job job, Runner runner, FileWarnings warnings) throws Exception {
        ImageFiles.OutputFormat format = outputFormat(job.output());
        byte[] data = readInput(job.input());
        Coded coded = code(data, job.input(), format, runner, warnings);
        SafeOutput.write(Path.of(job.output()), coded.parts(), force, stdout);
        runner.step(job.output() + " (written)");
        written(job, coded, runner, warnings);
        return new Done(data.length, coded.bytes(), (long) coded.width() * coded.height());
    }

    /** @return the output format an output's name asks for (decode), or null where it is always JPEG */
    ImageFiles.OutputFormat outputFormat(String output) {
        return null;
    }

    /** Called once an output is written (encode's {@code --stats}). */
    void written(Job job, Coded coded, Runner runner, FileWarnings warnings) throws Exception {
    }

    /** @return the extension of outputs in directory mode, with the dot */
    abstract String outputExtension();

    /** @return the extensions, lower-case with the dot, of the files that are inputs of this command in a directory */
    abstract List<String> inputExtensions();

    /** @return whether a file found while walking an input directory is an input of this command */
    final boolean isInput(Path file) {
        return hasExtension(file, inputExtensions().toArray(new String[0]));
    }

    /** Checks the options before any work; throws a usage error. */
    void validate() {
    }

    /** Checks a one-file-to-one-file job before any work; throws a usage error. */
    void checkSingle(Job job) {
    }

    /** The shared pool and thread budget handed to {@link #convert}, and the steps of one big image. */
    final class Runner {
        final ExecutorService pool;
        final int threads;
        private final boolean single;
        private volatile Progress steps;

        Runner(ExecutorService pool, int threads, boolean single) {
            this.pool = pool;
            this.threads = threads;
            this.single = single;
        }

        /**
         * Called once the input is read: a single image of at least {@link #BIG_IMAGE_PIXELS}
         * gets a progress bar of its three steps (read, coded, written) on a terminal.
         */
        void read(long pixels, String label) {
            if (single && terminal && !quiet && pixels >= BIG_IMAGE_PIXELS) {
                steps = new Progress(stderr, true, 3, "steps");
                steps.advance(1, label + " (read)");
            }
        }

        /** Marks one more step of a big image done. */
        void step(String what) {
            Progress p = steps;
            if (p != null) {
                p.advance(1, what);
            }
        }

        void finish() {
            Progress p = steps;
            if (p != null) {
                p.finish();
            }
        }
    }

    /** Checks every option before any work; throws a usage error. */
    final void checkOptions() {
        if (threads < 1) {
            throw usage("--threads must be at least 1, got " + threads);
        }
        limits(); // a bad --max-* value is a usage error, once, before any file
        validate();
    }

    @Override
    public Integer call() throws Exception {
        checkOptions();
        List<Job> jobs = new ArrayList<>();
        List<String[]> failures = new ArrayList<>();
        boolean batch = plan(jobs, failures);
        int failed = 0;
        for (String[] f : failures) {
            reportFailure(f[0], new IOException(f[1]));
            failed++;
        }
        if (!batch) {
            checkSingle(jobs.get(0));
            return runSingle(jobs.get(0));
        }
        return runBatch(jobs, failed);
    }

    /**
     * Turns the positional paths into jobs. Without {@code -o}: exactly {@code IN OUT}, unless
     * there are more paths, the input is a directory or OUT is an existing directory, in which
     * case the last path is the output directory (as with {@code cp}: it must exist when there
     * are several inputs; one input directory may go into a new one).
     *
     * @return true for a batch (directory output), false for one file to one file
     */
    boolean plan(List<Job> jobs, List<String[]> failures) throws IOException {
        List<String> inputs = new ArrayList<>(paths);
        Path dir = outputDir;
        if (dir == null) {
            if (inputs.size() < 2) {
                throw usage("expected INPUT... OUTPUT, or INPUT... -o DIR");
            }
            String last = inputs.remove(inputs.size() - 1);
            boolean single = inputs.size() == 1 && !Files.isDirectory(Path.of(inputs.get(0)))
                    && (last.equals("-") || !Files.isDirectory(Path.of(last)));
            if (single) {
                jobs.add(new Job(inputs.get(0), last));
                return false;
            }
            if (last.equals("-")) {
                throw usage("standard output (-) takes a single input file");
            }
            if (inputs.size() > 1 && !Files.isDirectory(Path.of(last))) {
                // as cp does: never create a directory named like the file the user meant
                throw usage(last + ": not a directory; several inputs need an existing directory as the last path, or -o DIR");
            }
            dir = Path.of(last);
        }
        if (dir.toString().equals("-")) {
            throw usage("-o wants a directory, not -");
        }
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw usage(dir + " is not a directory");
        }
        if (inputs.contains("-")) {
            throw usage("standard input (-) takes a single output file, not -o DIR");
        }
        Path absDir = dir.toAbsolutePath().normalize();
        List<Job> found = new ArrayList<>();
        for (String in : inputs) {
            Path p = Path.of(in);
            if (Files.isDirectory(p)) {
                // an output directory below the input directory holds earlier outputs, not inputs
                boolean skipOut = !p.toAbsolutePath().normalize().equals(absDir);
                try (Stream<Path> walk = Files.walk(p)) {
                    for (Path f : walk.filter(Files::isRegularFile).sorted().toList()) {
                        if (isInput(f) && !(skipOut && f.toAbsolutePath().normalize().startsWith(absDir))) {
                            found.add(new Job(f.toString(), dir.resolve(withExtension(p.relativize(f))).toString()));
                        }
                    }
                }
            } else if (!Files.exists(p)) {
                failures.add(new String[] {in, "no such file or directory"});
            } else {
                found.add(new Job(in, dir.resolve(withExtension(p.getFileName())).toString()));
            }
        }
        List<String> skipped = skipReasons(found);
        for (int i = 0; i < found.size(); i++) {
            if (skipped.get(i) == null) {
                jobs.add(found.get(i));
            } else {
                failures.add(new String[] {found.get(i).input(), skipped.get(i)});
            }
        }
        return true;
    }

    /**
     * The batch's rule for outputs: a job whose output is another job's output (the first in
     * {@code found}'s order wins) or one of the batch's inputs is skipped.
     *
     * @return for each job of {@code found}, null if it is kept, else why it is skipped
     */
    static List<String> skipReasons(List<Job> found) {
        Map<Path, String> outputs = new HashMap<>();
        Set<Path> inputSet = new HashSet<>();
        for (Job j : found) {
            inputSet.add(Path.of(j.input()).toAbsolutePath().normalize());
        }
        List<String> reasons = new ArrayList<>(found.size());
        for (Job j : found) {
            Path out = Path.of(j.output()).toAbsolutePath().normalize();
            String other = outputs.putIfAbsent(out, j.input());
            if (other != null) {
                reasons.add("same output " + j.output() + " as " + other + " (skipped)");
            } else if (inputSet.contains(out)) {
                reasons.add("output " + j.output() + " is an input of this batch (skipped)");
            } else {
                reasons.add(null);
            }
        }
        return reasons;
    }

    /** {@code a/b.png} to {@code a/b.jpg}: an input's path relative to its directory, as the output's. */
    Path withExtension(Path relative) {
        String name = relative.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        Path parent = relative.getParent();
        String out = stem + outputExtension();
        return parent == null ? Path.of(out) : parent.resolve(out);
    }

    static boolean hasExtension(Path file, String... extensions) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        for (String e : extensions) {
            if (name.endsWith(e)) {
                return true;
            }
        }
        return false;
    }

    private ExecutorService newPool() {
        AtomicInteger n = new AtomicInteger();
        return Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "jpegmt-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    private int runSingle(Job job) throws Exception {
        checkDistinct(job.input(), job.output());
        ExecutorService pool = newPool();
        Runner runner = new Runner(pool, threads, true);
        FileWarnings warnings = warnings(job.input(), runner::finish);
        try {
            pool.submit(() -> convert(job, runner, warnings)).get();
            return 0;
        } catch (ExecutionException e) {
            runner.finish();
            warnings.finish();
            reportFailure(job.input(), e.getCause());
            return Main.EXIT_FAILED;
        } finally {
            runner.finish();
            warnings.finish();
            pool.shutdownNow();
        }
    }

    private int runBatch(List<Job> jobs, int failedBefore) throws InterruptedException {
        long start = System.nanoTime();
        Progress progress = new Progress(stderr, terminal && !quiet, jobs.size(), "files");
        AtomicLong in = new AtomicLong();
        AtomicLong out = new AtomicLong();
        AtomicLong pixels = new AtomicLong();
        AtomicInteger failed = new AtomicInteger(failedBefore);
        AtomicInteger ok = new AtomicInteger();
        ExecutorService pool = newPool();
        try {
            Runner runner = new Runner(pool, threads, false);
            List<Future<?>> futures = new ArrayList<>();
            for (Job job : jobs) {
                futures.add(pool.submit(() -> {
                    FileWarnings warnings = warnings(job.input(), progress::finish);
                    try {
                        checkDistinct(job.input(), job.output());
                        Done d = convert(job, runner, warnings);
                        in.addAndGet(d.bytesIn());
                        out.addAndGet(d.bytesOut());
                        pixels.addAndGet(d.pixels());
                        ok.incrementAndGet();
                    } catch (Throwable e) {
                        synchronized (stderr) {
                            progress.finish();
                            warnings.finish();
                            reportFailure(job.input(), e);
                        }
                        failed.incrementAndGet();
                    }
                    warnings.finish(); // one file's lines together, before the bar counts it
                    progress.advance(1, job.input());
                }));
            }
            for (Future<?> f : futures) {
                try {
                    f.get();
                } catch (ExecutionException e) {
                    failed.incrementAndGet(); // not reached: the task catches everything
                }
            }
        } finally {
            pool.shutdownNow();
            progress.finish();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (!quiet && !SafeOutput.stopping()) {
            stderr.println(summary(ok.get(), failed.get(), in.get(), out.get(), pixels.get(), seconds));
        }
        return failed.get() == 0 ? 0 : Main.EXIT_FAILED;
    }

    /** {@code jpegmt: 12 files converted, 1 failed; 3.4 MB in, 512.0 kB out (ratio 6.8:1); 1.20 s, 41.2 MP/s}. */
    static String summary(int ok, int failed, long in, long out, long pixels, double seconds) {
        return String.format(Locale.ROOT, "jpegmt: %d file%s converted, %d failed; %s in, %s out (ratio %s); %.2f s, %.1f MP/s",
                ok, ok == 1 ? "" : "s", failed, bytes(in), bytes(out),
                out == 0 ? "-" : String.format(Locale.ROOT, "%.2f:1", (double) in / out), seconds,
                seconds > 0 ? pixels / 1e6 / seconds : 0.0);
    }

    static String bytes(long n) {
        if (n < 1000) {
            return n + " B";
        }
        if (n < 1_000_000) {
            return String.format(Locale.ROOT, "%.1f kB", n / 1e3);
        }
        if (n < 1_000_000_000) {
            return String.format(Locale.ROOT, "%.1f MB", n / 1e6);
        }
        return String.format(Locale.ROOT, "%.2f GB", n / 1e9);
    }

    /** Where per-file reports go: standard output, unless the image itself is going there. */
    PrintStream reportStream(Job job) {
        return job.output().equals("-") ? stderr : new PrintStream(stdout, true);
    }
}
