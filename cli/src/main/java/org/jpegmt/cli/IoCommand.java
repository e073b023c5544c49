package org.jpegmt.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Shared plumbing of the subcommands: where standard streams go, and reading an input. */
abstract class IoCommand {
    OutputStream stdout = System.out;
    PrintStream stderr = System.err;
    InputStream stdin = System.in;

    void streams(InputStream in, OutputStream out, PrintStream err) {
        this.stdin = in;
        this.stdout = out;
        this.stderr = err;
    }

    /** Reads a whole input file, or standard input for {@code -}. */
    byte[] readInput(String name) throws IOException {
        if (name.equals("-")) {
            return stdin.readAllBytes();
        }
        Path p = Path.of(name);
        if (Files.isDirectory(p)) {
            throw new IOException(name + ": is a directory");
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
        if (in.equals(out) || (Files.exists(out) && Files.isSameFile(in, out))) {
            throw new IOException(output + ": output is the input file");
        }
    }
}
