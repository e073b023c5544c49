package org.jpegmt.bench;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * A JMH {@link Runner} whose console output leaves out the line every forked JVM prints while it
 * boots with {@code --add-modules jdk.incubator.vector} ({@link MatrixBase} adds it so jpegmt runs
 * its SIMD kernels): "WARNING: Using incubator modules: jdk.incubator.vector". The JVM has no
 * option to silence it, and JMH copies each fork's stderr to its own output, once per fork.
 * Everything else passes through unchanged.
 */
final class ForkOutput {
    static final String INCUBATOR_WARNING = "WARNING: Using incubator modules: jdk.incubator.vector";

    private ForkOutput() {
    }

    /** A runner for {@code options} printing to {@code System.out} without the incubator warning. */
    static Runner runner(Options options) {
        PrintStream out = new PrintStream(new DropLine(System.out, INCUBATOR_WARNING), true, StandardCharsets.UTF_8);
        return new Runner(options, OutputFormatFactory.createFormatInstance(out,
                options.verbosity().orElse(VerboseMode.NORMAL)));
    }

    /**
     * Drops every whole line equal to one given line. Bytes at the start of a line are held back
     * only while they still spell the start of that line; the first byte that differs releases
     * them, so other output is never delayed by more than one short prefix.
     */
    static final class DropLine extends FilterOutputStream {
        private final byte[] line;
        /** Bytes of the current line matched so far; -1 once the line is known to differ. */
        private int matched;

        DropLine(OutputStream out, String line) {
            super(out);
            this.line = line.getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public void write(int b) throws IOException {
            if (matched < 0) {
                out.write(b);
                if (b == '\n') {
                    matched = 0;
                }
            } else if (matched == line.length && (b == '\n' || b == '\r')) {
                if (b == '\n') {
                    matched = 0;   // the whole line matched: dropped
                }
            } else if (matched < line.length && (byte) b == line[matched]) {
                matched++;
            } else {
                out.write(line, 0, matched);
                out.write(b);
                matched = b == '\n' ? 0 : -1;
            }
        }

        /** Releases a held prefix and flushes, but leaves the underlying stream (System.out) open. */
        @Override
        public void close() throws IOException {
            if (matched > 0) {
                out.write(line, 0, matched);
            }
            matched = 0;
            out.flush();
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            for (int i = off; i < off + len; i++) {
                write(b[i]);
            }
        }
    }
}
