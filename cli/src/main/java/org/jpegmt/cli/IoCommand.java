package org.jpegmt.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jpegmt.core.DecoderOptions;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Shared plumbing of the subcommands: where the standard streams go, reading an input, the
 * options every command has ({@code --quiet}, {@code --verbose}, {@code --debug}), warnings and usage errors.
 */
abstract class IoCommand {
    OutputStream stdout = System.out;
    PrintStream stderr = System.err;
    InputStream stdin = System.in;
    /** Whether stderr is a terminal (progress bars are drawn only there). */
    boolean terminal = System.console() != null;

    @Spec
    CommandSpec spec;

    @Option(names = "--quiet", description = "no progress bar, no batch summary and no warnings")
    boolean quiet;

    @Option(names = "--verbose", description = "every warning of a file, not only the first and a count")
    boolean verbose;

    @Option(names = "--debug", description = "print stack traces with errors")
    boolean debug;

    @Option(names = "--max-pixels", paramLabel = "N", description = "refuse JPEG input of more than N pixels"
            + " (default: ${DEFAULT-VALUE})")
    long maxPixels = DecoderOptions.DEFAULT_MAX_PIXELS;

    @Option(names = "--max-memory", paramLabel = "BYTES", description = "refuse JPEG input whose decoding needs"
            + " more than BYTES of memory (default: ${DEFAULT-VALUE})")
    long maxMemory = DecoderOptions.DEFAULT_MAX_MEMORY;

    @Option(names = "--max-pixels-per-byte", paramLabel = "N", description = "refuse JPEG input over 32 Mi pixels"
            + " that claims more than N pixels per byte of the file, a decompression bomb (default: ${DEFAULT-VALUE})")
    long maxPixelsPerByte = DecoderOptions.DEFAULT_MAX_PIXELS_PER_BYTE;

    void streams(InputStream in, OutputStream out, PrintStream err) {
        this.stdin = in;
        this.stdout = out;
        this.stderr = err;
    }

    /** A usage error: reported with a hint to --help, exit status 2. */
    CommandLine.ParameterException usage(String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }

    /**
     * Reports one failed input on one line (and its stack trace with --debug); nothing while the
     * JVM is being stopped (Ctrl-C, SIGTERM), when jobs fail only because of that.
     */
    void reportFailure(String label, Throwable e) {
        if (SafeOutput.stopping()) {
            return;
        }
        synchronized (stderr) {
            String reason = Main.describe(e);
            if (reason.startsWith(label + ": ")) {
                reason = reason.substring(label.length() + 2);
            }
            stderr.println("jpegmt: " + label + ": " + reason);
            if (debug) {
                e.printStackTrace(stderr);
            }
        }
    }

    /**
     * The warnings of one input as standard error shows them: the first and a count (default),
     * all ({@code --verbose}) or none ({@code --quiet}, which wins); call {@link FileWarnings#finish}
     * when the input is done.
     *
     * @param eraseBar erases the progress bar before a warning is printed, or null
     */
    FileWarnings warnings(String label, Runnable eraseBar) {
        FileWarnings.Shown shown = quiet ? FileWarnings.Shown.NONE
                : verbose ? FileWarnings.Shown.ALL : FileWarnings.Shown.FIRST;
        return new FileWarnings(stderr, label, shown, eraseBar);
    }

    /** Decoder settings whose warnings go to {@code warnings}. */
    DecoderOptions decoderOptions(FileWarnings warnings, boolean strict) {
        return limits().withStrict(strict).withWarningListener(warnings);
    }

    /** @return the default decoder settings with the {@code --max-pixels}, {@code --max-memory} and {@code --max-pixels-per-byte} limits */
    DecoderOptions limits() {
        if (maxPixels < 1 || maxMemory < 1 || maxPixelsPerByte < 1) {
            throw usage("--max-pixels, --max-memory and --max-pixels-per-byte must be at least 1");
        }
        return DecoderOptions.defaults().withMaxPixels(maxPixels).withMaxMemory(maxMemory)
                .withMaxPixelsPerByte(maxPixelsPerByte);
    }

    /** Reads a whole input file, or standard input for {@code -}. */
    byte[] readInput(String name) throws IOException {
        if (name.equals("-")) {
            return stdin.readAllBytes();
        }
        Path p = Path.of(name);
        if (Files.isDirectory(p)) {
            throw new IOException("is a directory");
        }
        return Files.readAllBytes(p);
    }

    /** Refuses to let an output overwrite its own input. */
    static void checkDistinct(String input, String output) throws IOException {
        if (input.equals("-") || output.equals("-")) {
            return;
        }
        Path in = Path.of(input).toAbsolutePath().normalize();
        Path out = Path.of(output).toAbsolutePath().normalize();
        if (in.equals(out) || (Files.exists(out) && Files.exists(in) && Files.isSameFile(in, out))) {
            throw new IOException(output + ": output is the input file");
        }
    }
}
