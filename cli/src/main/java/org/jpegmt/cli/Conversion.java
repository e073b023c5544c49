package org.jpegmt.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.ExecutorService;
import picocli.CommandLine;

/**
 * The conversion that one {@code jpegmt encode|decode|transcode} command line asks for, for
 * programs that feed it files of their own (jpeg-spark's job runs it on Spark executors): the
 * command's option parsing, its names for outputs in a batch, its bytes for each output and its
 * atomic file writing, without its directory walking, thread pool, progress bar or standard streams.
 * A file converted here is byte-identical to the one the command writes.
 *
 * <p>Immutable once parsed and thread-safe: {@link #convert} may run on many threads at once.
 */
public final class Conversion {
    private final String op;
    private final ConvertCommand command;
    private final CommandLine.ParseResult parsed;

    private Conversion(String op, ConvertCommand command, CommandLine.ParseResult parsed) {
        this.op = op;
        this.command = command;
        this.parsed = parsed;
    }

    /** One input converted: the output file's bytes, in parts written one after the other. */
    public static final class Result {
        private final ConvertCommand.Coded coded;
        private final String warnings;

        Result(ConvertCommand.Coded coded, String warnings) {
            this.coded = coded;
            this.warnings = warnings;
        }

        /** @return the output file's parts (a PNM header and its samples, or one array); not copied, do not modify */
        public byte[][] parts() {
            return coded.parts();
        }

        /** @return the output file's size in bytes */
        public long bytes() {
            return coded.bytes();
        }

        /** @return the image's width (the source's, for transcode) */
        public int width() {
            return coded.width();
        }

        /** @return the image's height (the source's, for transcode) */
        public int height() {
            return coded.height();
        }

        /**
         * @return the lines the command prints on standard error for this input (damaged-data
         *         warnings, as {@code --quiet}/{@code --verbose} choose, and notes such as the
         *         quality a JPEG input keeps), without a line end; empty if none
         */
        public String warnings() {
            return warnings;
        }
    }

    /**
     * Parses a command line of {@code jpegmt OP} with the command's own parser, defaults and checks.
     *
     * @param op {@code encode}, {@code decode} or {@code transcode}
     * @param args the options and paths, as after {@code jpegmt OP}
     * @return the conversion
     * @throws IllegalArgumentException for an unknown op or a usage error, with the command's message
     */
    public static Conversion parse(String op, List<String> args) {
        CommandLine cmd = commandLine(op);
        ConvertCommand command = cmd.getCommand();
        try {
            CommandLine.ParseResult parsed = cmd.parseArgs(args.toArray(new String[0]));
            command.checkOptions();
            return new Conversion(op, command, parsed);
        } catch (CommandLine.ParameterException e) {
            String singleDash = Main.singleDashOption(e);
            throw new IllegalArgumentException(singleDash != null ? singleDash : e.getMessage(), e);
        }
    }

    /** @return the {@code --help} text of {@code jpegmt OP} */
    public static String usage(String op) {
        return commandLine(op).getUsageMessage(CommandLine.Help.Ansi.OFF);
    }

    private static CommandLine commandLine(String op) {
        ConvertCommand command;
        switch (op) {
            case "encode": command = new EncodeCommand(); break;
            case "decode": command = new DecodeCommand(); break;
            case "transcode": command = new TranscodeCommand(); break;
            default: throw new IllegalArgumentException("unknown operation " + op + ": encode, decode or transcode");
        }
        CommandLine cmd = new CommandLine(command);
        cmd.setPosixClusteredShortOptionsAllowed(false); // as Main: -optimize is not -o ptimize
        return cmd;
    }

    /** @return {@code encode}, {@code decode} or {@code transcode} */
    public String op() {
        return op;
    }

    /** @return the positional paths, as given */
    public List<String> paths() {
        return command.paths == null ? List.of() : List.copyOf(command.paths);
    }

    /** @return the {@code -o DIR} given, or null */
    public String outputDir() {
        return command.outputDir == null ? null : command.outputDir.toString();
    }

    /** @return whether {@code --force} was given: existing outputs are replaced */
    public boolean force() {
        return command.force;
    }

    /** @return the {@code --threads} given, or empty when the command line leaves it to its default */
    public OptionalInt threads() {
        return parsed.hasMatchedOption("--threads") ? OptionalInt.of(command.threads) : OptionalInt.empty();
    }

    /** @return whether an option was given, by one of its names ({@code "--stats"}) */
    public boolean hasOption(String name) {
        return parsed.hasMatchedOption(name);
    }

    /** @return the extensions (lower-case, with the dot) of the files this command takes from a directory */
    public List<String> inputExtensions() {
        return command.inputExtensions();
    }

    /** @return whether a file of this name is an input of this command when found in a directory (any case) */
    public boolean isInput(String fileName) {
        return command.isInput(Path.of(fileName));
    }

    /**
     * @param relativeInput an input's path relative to the input directory, {@code a/b.png}
     * @return its output's path relative to the output directory, as the command's batch names it: {@code a/b.jpg}
     */
    public String outputName(String relativeInput) {
        return command.withExtension(Path.of(relativeInput)).toString();
    }

    /**
     * The batch's rule for outputs: of the inputs whose outputs would be the same file, the first
     * is kept and the others fail; an input whose output is an input of the batch fails.
     *
     * @param inputsAndOutputs {input, output} path pairs, in the order of the batch
     * @return for each pair, null if kept, else the reason it is skipped
     */
    public static List<String> skipReasons(List<String[]> inputsAndOutputs) {
        List<ConvertCommand.Job> found = new ArrayList<>();
        for (String[] p : inputsAndOutputs) {
            found.add(new ConvertCommand.Job(p[0], p[1]));
        }
        return ConvertCommand.skipReasons(found);
    }

    /**
     * Converts one input's bytes as the command would, without writing them.
     *
     * @param data the input file's bytes
     * @param label the input's name in messages
     * @param outputName the output's file name (decode takes its format from it unless {@code --format} says)
     * @param pool threads for the strips of one image (jpeg-mt); the calling thread works too
     * @param threads how many threads may work on this image, the caller included (1 = serial)
     * @return the output
     * @throws Exception what the command reports for this input ({@link #describe} gives its one line)
     */
    public Result convert(byte[] data, String label, String outputName, ExecutorService pool, int threads)
            throws Exception {
        ByteArrayOutputStream lines = new ByteArrayOutputStream();
        PrintStream err = new PrintStream(lines, true, StandardCharsets.UTF_8);
        FileWarnings warnings = new FileWarnings(err, label, command.quiet ? FileWarnings.Shown.NONE
                : command.verbose ? FileWarnings.Shown.ALL : FileWarnings.Shown.FIRST, null);
        ConvertCommand.Coded coded;
        try {
            coded = command.code(data, label, command.outputFormat(outputName), command.new Runner(pool, threads, false),
                    warnings);
        } finally {
            warnings.finish();
        }
        return new Result(coded, lines.toString(StandardCharsets.UTF_8).strip());
    }

    /**
     * Writes a file as the command does: into a temporary file in the target directory (created if
     * needed), renamed into place when complete, so that no half-written output ever exists.
     *
     * @param force replace an existing file (otherwise it is an error)
     * @throws java.nio.file.FileAlreadyExistsException when the file exists and {@code force} is false
     */
    public static void write(Path target, byte[][] parts, boolean force) throws IOException {
        SafeOutput.write(target, parts, force, null);
    }

    /**
     * @return the line that ends the command's batches:
     *         {@code jpegmt: 12 files converted, 1 failed; 3.4 MB in, 512.0 kB out (ratio 6.8:1); 1.20 s, 41.2 MP/s}
     */
    public static String summary(int converted, int failed, long bytesIn, long bytesOut, long pixels, double seconds) {
        return ConvertCommand.summary(converted, failed, bytesIn, bytesOut, pixels, seconds);
    }

    /** @return the one line the command prints for a failed input */
    public static String describe(Throwable e) {
        return Main.describe(e);
    }
}
