package org.jpegmt.spark;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;

/**
 * The {@code spark-submit} entry point:
 * <pre>
 * spark-submit --class org.jpegmt.spark.TranscodeJob jpeg-spark.jar --op encode|decode|transcode [OPTIONS] INPUT OUTPUT
 * </pre>
 * OPTIONS are those of {@code jpegmt OP}, with its names and defaults, so each file comes out
 * byte-identical to the command's; one more, {@code --results DIR}, saves the result table
 * ({@link JpegBatch#RESULT_SCHEMA}) there as JSON lines. The summary goes to Spark's log. Exit
 * status: 0 when the batch ran (failed files are rows of the table and lines of the log, not a
 * failed application), 2 for a usage error.
 */
public final class TranscodeJob {
    /** Exit status of a usage error, as the command's. */
    static final int EXIT_USAGE = 2;

    private TranscodeJob() {
    }

    /** The job's own arguments taken out of the command line, and the command's. */
    record Args(String op, String results, List<String> command) {
        /**
         * @throws IllegalArgumentException when {@code --op} is missing or an option of the job lacks its value
         */
        static Args parse(String... args) {
            String op = null;
            String results = null;
            List<String> command = new ArrayList<>();
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                if (a.equals("--op") || a.equals("--results")) {
                    if (i + 1 == args.length) {
                        throw new IllegalArgumentException(a + " needs a value");
                    }
                    if (a.equals("--op")) {
                        op = args[++i];
                    } else {
                        results = args[++i];
                    }
                } else if (a.startsWith("--op=")) {
                    op = a.substring(5);
                } else if (a.startsWith("--results=")) {
                    results = a.substring(10);
                } else {
                    command.add(a);
                }
            }
            if (op == null) {
                throw new IllegalArgumentException("missing --op encode|decode|transcode");
            }
            return new Args(op, results, command);
        }
    }

    /**
     * Runs the job on a session.
     *
     * @return the exit status
     */
    static int run(SparkSession spark, Args args) throws IOException {
        Dataset<Row> results = JpegBatch.parse(args.op(), args.command()).run(spark);
        if (args.results() != null) {
            results.write().mode(SaveMode.Overwrite).json(args.results());
        }
        results.unpersist();
        return 0;
    }

    public static void main(String[] argv) throws IOException {
        Args args;
        try {
            args = Args.parse(argv);
            if (Arrays.asList(argv).contains("--help") || Arrays.asList(argv).contains("-h")) {
                System.out.println(help(args.op()));
                return;
            }
            JpegBatch.parse(args.op(), args.command()); // usage errors before Spark starts
        } catch (IllegalArgumentException e) {
            System.err.println("jpegmt: " + e.getMessage());
            System.err.println("Usage: spark-submit --class " + TranscodeJob.class.getName()
                    + " jpeg-spark.jar --op encode|decode|transcode [OPTIONS] INPUT OUTPUT [--results DIR]"
                    + " (--op OP --help lists the options)");
            System.exit(EXIT_USAGE);
            return;
        }
        SparkSession spark = SparkSession.builder().appName("jpegmt " + args.op()).getOrCreate();
        int status;
        try {
            status = run(spark, args);
        } finally {
            spark.stop();
        }
        System.exit(status);
    }

    private static String help(String op) {
        return "spark-submit --class " + TranscodeJob.class.getName() + " jpeg-spark.jar --op " + op
                + " [OPTIONS] INPUT OUTPUT [--results DIR]\n"
                + "INPUT: a directory (searched recursively), a file or a glob; OUTPUT: the output root, on a file system"
                + " every executor mounts. --results DIR saves the per-file table as JSON. --threads is per image within a"
                + " task (default spark.task.cpus); --stats and - are not available. The options of jpegmt " + op + ":\n\n"
                + JpegBatch.usage(op);
    }
}
