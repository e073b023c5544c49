package org.jpegmt.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.FilterFunction;
import org.apache.spark.sql.DataFrameReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.jpegmt.cli.Conversion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Encodes, decodes or transcodes a tree of files on Spark, as {@code jpegmt encode|decode|transcode
 * -o OUTPUT INPUT} does on one machine: the same options, defaults, output names and bytes.
 *
 * <pre>{@code
 * Dataset<Row> results = JpegBatch.parse("encode", "-q", "90", "/data/scans", "/data/jpeg").run(spark);
 * results.filter("status = 'failed'").show(false);
 * }</pre>
 * From PySpark: {@code spark._jvm.org.jpegmt.spark.JpegBatch.parse("transcode", ["--optimize", src, dst]).run(spark._jsparkSession)}.
 *
 * <p>The input (a directory searched recursively, one file, or a Hadoop glob such as
 * {@code hdfs://nn/photos/2024-*}) is read with Spark's {@code binaryFile} source, taking the files
 * the command would take from a directory ({@code .png .bmp ...} for encode, {@code .jpg .jpeg .jpe
 * .jfif} for decode and transcode, any case). {@code BASE/a/b.png} becomes {@code OUTPUT/a/b.jpg},
 * {@code BASE} being the input directory, a file's parent, or a glob's part before its first
 * wildcard. The output root must be a file system every executor mounts (local in local mode).
 * Each output is written to a temporary file in its directory and renamed into place, so a failed,
 * killed or retried task never leaves a half-written output. Without {@code --force} an existing
 * output is an error, unless it has exactly the bytes this run would write (a re-run or a retried
 * task): its status is then {@code exists}.
 *
 * <p>Each task converts its files one after the other, each with {@code --threads} threads of
 * jpeg-mt (default {@code spark.task.cpus}, so one per core Spark gives the task). A file that fails is
 * a row with status {@code failed} and the command's one-line error; it never fails the job.
 * Spark's file listing leaves out names starting with {@code _} or {@code .} (its hidden files),
 * which the command would convert.
 */
public final class JpegBatch {
    private static final Logger LOG = LoggerFactory.getLogger(JpegBatch.class);

    /** Status of a file converted and written. */
    public static final String OK = "ok";
    /** Status of a file whose output already held exactly the bytes this run made (not rewritten). */
    public static final String EXISTS = "exists";
    /** Status of a file that failed; {@code error} says why, and no output was written for it. */
    public static final String FAILED = "failed";

    /**
     * The result table, one row per input file: {@code path} (as Spark lists it), {@code output},
     * {@code status} ({@link #OK}, {@link #EXISTS}, {@link #FAILED}), {@code error} (the
     * command's one line, or null), {@code warning} (the lines the command prints for the file:
     * damaged data recovered, a JPEG input's kept quality; or null), {@code width} and
     * {@code height} (the image's; the source's for transcode; null when failed), {@code bytesIn},
     * {@code bytesOut} (null when failed) and {@code millis} (conversion and write).
     */
    public static final StructType RESULT_SCHEMA = new StructType()
            .add("path", DataTypes.StringType, false)
            .add("output", DataTypes.StringType, true)
            .add("status", DataTypes.StringType, false)
            .add("error", DataTypes.StringType, true)
            .add("warning", DataTypes.StringType, true)
            .add("width", DataTypes.IntegerType, true)
            .add("height", DataTypes.IntegerType, true)
            .add("bytesIn", DataTypes.LongType, false)
            .add("bytesOut", DataTypes.LongType, true)
            .add("millis", DataTypes.LongType, false);

    private final Conversion conversion;
    private final List<String> args;
    private final String input;
    private final String output;

    private JpegBatch(Conversion conversion, List<String> args, String input, String output) {
        this.conversion = conversion;
        this.args = args;
        this.input = input;
        this.output = output;
    }

    /**
     * Parses a command line of {@code jpegmt OP} with the command's parser: options, then
     * {@code INPUT OUTPUT} (or {@code -o OUTPUT INPUT}). OUTPUT is always the output root (the
     * command's directory mode). {@code --stats} and standard streams ({@code -}) are refused;
     * {@code --threads} is the threads per image within a task.
     *
     * @param op {@code encode}, {@code decode} or {@code transcode}
     * @throws IllegalArgumentException for a usage error, with the command's message
     */
    public static JpegBatch parse(String op, List<String> args) {
        Conversion c = Conversion.parse(op, args);
        if (c.hasOption("--stats")) {
            throw new IllegalArgumentException("--stats is not available in a Spark batch");
        }
        List<String> paths = new ArrayList<>(c.paths());
        String out = c.outputDir();
        if (out == null && paths.size() == 2) {
            out = paths.remove(1);
        }
        if (out == null || paths.size() != 1) {
            throw new IllegalArgumentException("expected INPUT OUTPUT, or -o OUTPUT INPUT: one input (a directory,"
                    + " a file or a glob) and the output root");
        }
        if (paths.get(0).equals("-") || out.equals("-")) {
            throw new IllegalArgumentException("standard input and output (-) are not available in a Spark batch");
        }
        return new JpegBatch(c, List.copyOf(args), paths.get(0), out);
    }

    /** As {@link #parse(String, List)}. */
    public static JpegBatch parse(String op, String... args) {
        return parse(op, Arrays.asList(args));
    }

    /** @return the command's {@code --help} text for {@code op} */
    public static String usage(String op) {
        return Conversion.usage(op);
    }

    /**
     * Runs the batch: converts every input file on the executors, logs a summary (the command's
     * summary line, and the first failures) and returns the result table, computed once and
     * persisted (unpersist it when done with it).
     *
     * @throws IOException if the input cannot be listed
     */
    public Dataset<Row> run(SparkSession spark) throws IOException {
        long start = System.nanoTime();
        FileLayout layout = FileLayout.of(input, output, spark.sparkContext().hadoopConfiguration());
        int threads = conversion.threads().orElse(Integer.parseInt(spark.conf().get("spark.task.cpus", "1")));

        // the driver applies the command's batch rules to the listing (paths only: no content is read)
        List<String> paths = new ArrayList<>(reader(spark, layout).load(input).select("path").as(Encoders.STRING())
                .collectAsList());
        paths.removeIf(layout::inOutputRoot);
        paths.sort(null);
        List<String[]> pairs = new ArrayList<>(paths.size());
        for (String p : paths) {
            pairs.add(new String[] {FileLayout.localName(p),
                    layout.output(conversion.outputName(layout.relative(p))).toString()});
        }
        List<String> reasons = Conversion.skipReasons(pairs);
        Map<String, String> skipped = new HashMap<>();
        for (int i = 0; i < paths.size(); i++) {
            if (reasons.get(i) != null) {
                skipped.put(paths.get(i), reasons.get(i));
            }
        }

        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        double listing = (System.nanoTime() - start) / 1e9;
        Dataset<Row> files = reader(spark, layout).load(input).select("path", "content")
                .filter((FilterFunction<Row>) file -> !layout.inOutputRoot(file.getString(0)));
        Dataset<Row> results = files.mapPartitions(
                new ConvertFiles(conversion.op(), args, layout, jsc.broadcast(skipped), threads), Encoders.row(RESULT_SCHEMA))
                .persist(StorageLevel.MEMORY_AND_DISK());
        logSummary(results, listing, start);
        return results;
    }

    /**
     * Spark's binaryFile reader over the input: recursive, and for a directory or glob only the
     * names the command takes from a directory (a case-insensitive glob on the extensions).
     */
    private DataFrameReader reader(SparkSession spark, FileLayout layout) {
        DataFrameReader r = spark.read().format("binaryFile").option("recursiveFileLookup", "true");
        return layout.singleFile() ? r : r.option("pathGlobFilter", extensionGlob(conversion.inputExtensions()));
    }

    /** {@code [".png", ".jpg"]} to {@code *.{[pP][nN][gG],[jJ][pP][gG]}}: Hadoop globs have no case-insensitive mode. */
    static String extensionGlob(List<String> extensions) {
        StringBuilder glob = new StringBuilder("*.{");
        for (int i = 0; i < extensions.size(); i++) {
            glob.append(i == 0 ? "" : ",");
            for (char ch : extensions.get(i).substring(1).toCharArray()) {
                char lower = Character.toLowerCase(ch);
                char upper = Character.toUpperCase(ch);
                glob.append(lower == upper ? String.valueOf(ch) : "[" + lower + upper + "]");
            }
        }
        return glob.append('}').toString();
    }

    private void logSummary(Dataset<Row> results, double listing, long start) {
        Row t = results.agg(
                count(when(col("status").equalTo(OK), 1)),
                count(when(col("status").equalTo(EXISTS), 1)),
                count(when(col("status").equalTo(FAILED), 1)),
                sum(when(col("status").notEqual(FAILED), col("bytesIn"))),
                sum(col("bytesOut")),
                sum(col("width").cast(DataTypes.LongType).multiply(col("height")))).first();
        double seconds = (System.nanoTime() - start) / 1e9;
        long ok = t.getLong(0);
        long exists = t.getLong(1);
        long failed = t.getLong(2);
        String line = Conversion.summary((int) (ok + exists), (int) failed, t.isNullAt(3) ? 0 : t.getLong(3),
                t.isNullAt(4) ? 0 : t.getLong(4), t.isNullAt(5) ? 0 : t.getLong(5), seconds);
        LOG.info("{} {}{} ({} tasks; listing {} s)", conversion.op(), line,
                exists == 0 ? "" : "; " + exists + " already there with the same bytes",
                results.rdd().getNumPartitions(), String.format(Locale.ROOT, "%.2f", listing));
        if (failed > 0) {
            for (Row f : results.filter(col("status").equalTo(FAILED)).select("path", "error").takeAsList(20)) {
                LOG.warn("jpegmt: {}: {}", f.getString(0), f.getString(1));
            }
        }
    }

    /** A result row for a file that failed. */
    static Row failed(String path, String output, String error, long bytesIn, long millis) {
        return RowFactory.create(path, output, FAILED, error, null, null, null, bytesIn, null, millis);
    }
}
