package org.jpegmt.spark;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.util.TaskCompletionListener;
import org.jpegmt.cli.Conversion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The executor side of a batch: converts the files of one partition of Spark's {@code binaryFile}
 * rows one after the other on the task's thread (each executor core works on its own files), each
 * with up to {@code threads} threads of jpeg-mt, writes each output atomically and yields one
 * result row per file. A failure of one file is that file's result, never the task's.
 */
final class ConvertFiles implements MapPartitionsFunction<Row, Row> {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(ConvertFiles.class);

    private final String op;
    private final List<String> args;
    private final FileLayout layout;
    private final Broadcast<Map<String, String>> skipped;
    private final int threads;

    /**
     * @param op and @param args the command line, parsed again on the executor (its objects do not serialise)
     * @param skipped the inputs the batch rules skip (same output as another, or output is an input), with the reason
     * @param threads threads per image, the task's thread included
     */
    ConvertFiles(String op, List<String> args, FileLayout layout, Broadcast<Map<String, String>> skipped, int threads) {
        this.op = op;
        this.args = args;
        this.layout = layout;
        this.skipped = skipped;
        this.threads = threads;
    }

    @Override
    public Iterator<Row> call(Iterator<Row> files) {
        Conversion conversion = Conversion.parse(op, args);
        Map<String, String> skip = skipped.value();
        // the task's thread works on each image too: threads - 1 helpers, started only when used
        AtomicInteger n = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads - 1), r -> {
            Thread t = new Thread(r, "jpegmt-task-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        // also when the task fails or is killed half-way: no idle helper threads left in the executor
        TaskContext.get().addTaskCompletionListener((TaskCompletionListener) context -> pool.shutdownNow());
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return files.hasNext();
            }

            @Override
            public Row next() {
                Row file = files.next();
                return convert(conversion, pool, file.getString(0), file.getAs(1), skip);
            }
        };
    }

    private Row convert(Conversion conversion, ExecutorService pool, String path, byte[] data, Map<String, String> skip) {
        long start = System.nanoTime();
        String relative = conversion.outputName(layout.relative(path));
        Path target = layout.output(relative);
        String reason = skip.get(path);
        if (reason != null) {
            return JpegBatch.failed(path, target.toString(), reason, data.length, millis(start));
        }
        try {
            Conversion.Result result = conversion.convert(data, path, target.getFileName().toString(), pool, threads);
            if (!result.warnings().isEmpty()) {
                LOG.warn(result.warnings());
            }
            String status = write(target, result.parts(), conversion.force());
            String warning = result.warnings().isEmpty() ? null : result.warnings();
            return RowFactory.create(path, target.toString(), status, null, warning, result.width(), result.height(),
                    (long) data.length, result.bytes(), millis(start));
        } catch (Exception | OutOfMemoryError | StackOverflowError e) {
            String error = Conversion.describe(e);
            LOG.warn("jpegmt: {}: {}", path, error);
            return JpegBatch.failed(path, target.toString(), error, data.length, millis(start));
        }
    }

    /**
     * Writes an output as the command does (a temporary file renamed into place). Without
     * {@code --force} an existing output with exactly these bytes is left alone and counts as
     * done: that is what a re-run, or a task Spark retries after it wrote some files, finds.
     *
     * @return {@link JpegBatch#OK}, or {@link JpegBatch#EXISTS} for an identical existing output
     */
    static String write(Path target, byte[][] parts, boolean force) throws IOException {
        try {
            Conversion.write(target, parts, force);
            return JpegBatch.OK;
        } catch (FileAlreadyExistsException e) {
            if (Files.isRegularFile(target) && sameBytes(target, parts)) {
                return JpegBatch.EXISTS;
            }
            throw e;
        }
    }

    private static boolean sameBytes(Path file, byte[][] parts) throws IOException {
        long size = 0;
        for (byte[] p : parts) {
            size += p.length;
        }
        if (Files.size(file) != size) {
            return false;
        }
        byte[] existing = Files.readAllBytes(file);
        int off = 0;
        for (byte[] p : parts) {
            if (!Arrays.equals(existing, off, off + p.length, p, 0, p.length)) {
                return false;
            }
            off += p.length;
        }
        return true;
    }

    private static long millis(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
