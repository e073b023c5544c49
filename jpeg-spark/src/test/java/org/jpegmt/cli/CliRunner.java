package org.jpegmt.cli;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** Runs the {@code jpegmt} command in this JVM, as the tests of jpeg-spark compare against it. */
public final class CliRunner {
    private CliRunner() {
    }

    /** The exit status and standard error of one run. */
    public record Run(int status, String err) {
    }

    public static Run run(String... args) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Main.run(InputStream.nullInputStream(), OutputStream.nullOutputStream(),
                new PrintStream(err, true, StandardCharsets.UTF_8), args);
        return new Run(status, err.toString(StandardCharsets.UTF_8));
    }
}
