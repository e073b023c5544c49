package org.jpegmt.spark;

import java.io.IOException;
import java.io.Serializable;
import java.net.URI;
import java.nio.file.Path;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;

/**
 * Where a batch's inputs are and where their outputs go: the input's base directory (a directory
 * input itself, a file input's parent, or the part of a glob before its first wildcard), as the
 * fully qualified prefix Spark's {@code binaryFile} source gives in its {@code path} column, and the
 * output root, a directory of a file system every executor mounts (local mode: the local disk).
 * An input {@code BASE/a/b.png} goes to {@code ROOT/a/b.jpg}, as {@code jpegmt encode -o ROOT BASE}
 * names it. Immutable; built on the driver and shipped to the executors.
 */
final class FileLayout implements Serializable {
    private static final long serialVersionUID = 1L;

    /** The qualified base directory, ending with {@code /}: {@code file:/data/photos/}. */
    private final String base;
    /** The output root, absolute and normalised. */
    private final String root;
    /** Whether the input is one file (converted whatever its extension, as the command does). */
    private final boolean singleFile;

    private FileLayout(String base, String root, boolean singleFile) {
        this.base = base.endsWith("/") ? base : base + "/";
        this.root = root;
        this.singleFile = singleFile;
    }

    /**
     * @param input a directory, a file or a glob, as Spark reads it ({@code /data/in}, {@code hdfs://nn/in/*.png})
     * @param output the output root: a local path or a {@code file:} URI
     * @throws IllegalArgumentException if the output is not on a mounted file system
     */
    static FileLayout of(String input, String output, Configuration hadoop) throws IOException {
        URI out = new org.apache.hadoop.fs.Path(output).toUri();
        if (out.getScheme() != null && !out.getScheme().equals("file")) {
            throw new IllegalArgumentException(output + ": the output root must be a directory of a file system the"
                    + " executors mount (a local path or file:), not " + out.getScheme() + ":");
        }
        Path root = Path.of(out.getPath()).toAbsolutePath().normalize();
        org.apache.hadoop.fs.Path in = new org.apache.hadoop.fs.Path(input);
        FileSystem fs = in.getFileSystem(hadoop);
        int wildcard = firstWildcard(input);
        org.apache.hadoop.fs.Path base;
        boolean singleFile = false;
        if (wildcard >= 0) {
            String fixed = input.substring(0, wildcard);
            base = new org.apache.hadoop.fs.Path(fixed.contains("/") ? fixed.substring(0, fixed.lastIndexOf('/') + 1) : ".");
        } else {
            FileStatus status = fs.getFileStatus(in);
            singleFile = status.isFile();
            base = singleFile ? in.getParent() : in;
        }
        return new FileLayout(fs.makeQualified(base).toString(), root.toString(), singleFile);
    }

    /** @return the index of the first glob character of a Hadoop path, or -1 */
    static int firstWildcard(String path) {
        for (int i = 0; i < path.length(); i++) {
            if ("*?[{\\".indexOf(path.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }

    /** @return whether the input names one file rather than a directory or glob */
    boolean singleFile() {
        return singleFile;
    }

    /** @return an input's path below the base ({@code a/b.png}), or its file name if it is elsewhere */
    String relative(String path) {
        if (path.startsWith(base)) {
            return path.substring(base.length());
        }
        return path.substring(path.lastIndexOf('/') + 1);
    }

    /** @return the output file for an output name relative to the root */
    Path output(String relativeOutput) {
        return Path.of(root).resolve(relativeOutput);
    }

    /**
     * @return the path the command's batch rules compare an input by: its local path for
     *         {@code file:} inputs, else the URI (which no output can equal)
     */
    static String localName(String path) {
        URI uri = new org.apache.hadoop.fs.Path(path).toUri();
        return uri.getScheme() == null || uri.getScheme().equals("file") ? uri.getPath() : path;
    }

    /**
     * @return whether an input lies in the output root, inside the input directory: an earlier
     *         run's output, not an input (the command skips those too, unless the root is the input directory)
     */
    boolean inOutputRoot(String path) {
        String local = localName(path);
        return local.startsWith(root + "/") && !root.equals(localName(base.substring(0, base.length() - 1)));
    }
}
