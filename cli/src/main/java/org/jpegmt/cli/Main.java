package org.jpegmt.cli;

import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.NoSuchFileException;
import org.jpegmt.core.JpegException;
import org.jpegmt.core.internal.Simd;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code jpegmt} command: encode, decode and inspect JPEG files. */
@Command(name = "jpegmt", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Baseline JPEG encoder/decoder, multithreaded through restart markers.",
        subcommands = {EncodeCommand.class, DecodeCommand.class, TranscodeCommand.class, InfoCommand.class, BenchCommand.class,
                CompletionCommand.class, CommandLine.HelpCommand.class},
        footer = {"", "Examples:", "  jpegmt encode photo.png photo.jpg",
                "  jpegmt decode -o decoded/ photos/", "  jpegmt info --json photo.jpg",
                "  jpegmt bench photo.jpg", "", "Exit status: 0 all inputs done, 1 some input failed, 2 usage error."})
public final class Main {
    /** Exit status: some input failed. */
    static final int EXIT_FAILED = 1;
    /** Exit status: bad command line. */
    static final int EXIT_USAGE = 2;

    /**
     * Runs the command without exiting the JVM (used by tests).
     *
     * @param in standard input (for {@code -} inputs)
     * @param stdout standard output (for {@code -} outputs and reports); a failed write to it
     *        is an error (exit status 1), even where a {@code PrintStream} would swallow it
     * @param err standard error (errors, one line each)
     * @param args command-line arguments
     * @return the exit status: 0 success, 1 some input failed, 2 usage error
     */
    static int run(java.io.InputStream in, java.io.OutputStream stdout, java.io.PrintStream err, String... args) {
        CheckedOutputStream out = new CheckedOutputStream(stdout);
        int status = execute(in, out, err, args);
        try {
            out.flush();
        } catch (IOException e) {
            // recorded in out.error()
        }
        if (out.error() != null && status == 0) {
            // a write the PrintStreams and PrintWriters swallowed (failed conversions were reported already)
            err.println("jpegmt: " + out.error().getMessage());
            status = EXIT_FAILED;
        }
        return status;
    }

    private static int execute(java.io.InputStream in, java.io.OutputStream out, java.io.PrintStream err, String... args) {
        CommandLine cmd = new CommandLine(new Main());
        // -optimize is not -o ptimize: single-dash options are one letter, never clusters
        cmd.setPosixClusteredShortOptionsAllowed(false);
        clusterSynopsis(cmd);
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        for (CommandLine sub : cmd.getSubcommands().values()) {
            if (sub.getCommand() instanceof IoCommand io) {
                io.streams(in, out, err);
            }
        }
        cmd.setExitCodeExceptionMapper(e -> EXIT_FAILED);
        cmd.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            err.println("jpegmt: " + describe(e));
            if (commandLine.getCommand() instanceof IoCommand io && io.debug) {
                e.printStackTrace(err);
            }
            return EXIT_FAILED;
        });
        cmd.setParameterExceptionHandler((e, args1) -> {
            String singleDash = singleDashOption(e);
            if (singleDash != null) {
                err.println("jpegmt: " + singleDash);
                return EXIT_USAGE;
            }
            err.println("jpegmt: " + e.getMessage());
            err.println("Try 'jpegmt " + (e.getCommandLine().getCommandName().equals("jpegmt") ? ""
                    : e.getCommandLine().getCommandName() + " ") + "--help' for usage.");
            return EXIT_USAGE;
        });
        return cmd.execute(args);
    }

    /**
     * The usage line keeps listing one-letter flags together ({@code [-fhV]}) as before: picocli
     * only does so while clusters are parsed, and they no longer are.
     */
    private static void clusterSynopsis(CommandLine cmd) {
        cmd.getHelpSectionMap().put(CommandLine.Model.UsageMessageSpec.SECTION_KEY_SYNOPSIS, help -> help.detailedSynopsis(
                help.synopsisHeadingLength(), CommandLine.Help.createShortOptionArityAndNameComparator(), true));
        for (CommandLine sub : cmd.getSubcommands().values()) {
            clusterSynopsis(sub);
        }
    }

    /**
     * The one-line error for a single-dash word such as {@code -optimize} or {@code -outfile}
     * (cjpeg's spellings), with a hint; null if the error is about something else.
     */
    static String singleDashOption(CommandLine.ParameterException e) {
        if (!(e instanceof CommandLine.UnmatchedArgumentException u)) {
            return null;
        }
        CommandLine.Model.CommandSpec spec = e.getCommandLine().getCommandSpec();
        for (String arg : u.getUnmatched()) {
            if (arg.length() <= 2 || !arg.startsWith("-") || arg.startsWith("--") || Character.isDigit(arg.charAt(1))) {
                continue;
            }
            String word = arg.substring(1);
            int eq = word.indexOf('=');
            String name = eq < 0 ? word : word.substring(0, eq);
            CommandLine.Model.OptionSpec shortOption = spec.findOption(arg.substring(0, 2));
            String hint;
            if (spec.findOption("--" + name) != null) {
                hint = "did you mean --" + word + "?";
            } else if (name.equals("outfile")) {
                hint = "the output file is the last PATH";
            } else if (shortOption != null && shortOption.arity().max() > 0 && !Character.isLetter(arg.charAt(2))) {
                hint = "did you mean " + arg.substring(0, 2) + " " + arg.substring(2) + "?"; // -q90
            } else if (shortOption != null && shortOption.arity().max() > 0) {
                hint = "a value goes after a space: " + arg.substring(0, 2) + " " + shortOption.paramLabel(); // -oDIR
            } else {
                hint = "see 'jpegmt " + (spec.name().equals("jpegmt") ? "" : spec.name() + " ") + "--help'";
            }
            return "unknown option '" + arg + "': single-dash options are one letter; " + hint;
        }
        return null;
    }

    /** One line for an error, without a stack trace. */
    static String describe(Throwable e) {
        if (e instanceof NoSuchFileException) {
            return e.getMessage() + ": no such file or directory";
        }
        if (e instanceof AccessDeniedException) {
            return e.getMessage() + ": permission denied";
        }
        if (e instanceof OutOfMemoryError) {
            return "out of memory (try fewer --threads, or more heap: JPEGMT_JAVA_OPTS=-Xmx8g)";
        }
        if (e instanceof FileAlreadyExistsException) {
            return e.getMessage();
        }
        if (e instanceof JpegException || e instanceof IllegalArgumentException) {
            return e.getMessage();
        }
        String msg = e.getMessage();
        return msg == null ? e.getClass().getSimpleName() : msg;
    }

    public static void main(String[] args) {
        // not System.out: a PrintStream swallows write errors (decode x.jpg - > /dev/full)
        System.exit(run(System.in, new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16),
                System.err, args));
    }

    /** Reports the version from the jar manifest, or "development". */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"jpegmt " + (v == null ? "development build" : v),
                    "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")",
                    Simd.vectorKernels() ? "SIMD: Vector API (jdk.incubator.vector)"
                            : "SIMD: off, scalar kernels (no jdk.incubator.vector, or -Djpegmt.vector=false)"};
        }
    }
}
