package org.jpegmt.robustness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/** The read-only shared corpus, when present (never copied into this repository). */
final class Corpus {
    private Corpus() {
    }

    /** @return the corpus directory, or null if it is not there */
    static Path dir() {
        String prop = System.getProperty("jpegmt.shared");
        Path shared = prop != null ? Paths.get(prop) : Paths.get("").toAbsolutePath().getParent().resolveSibling("shared");
        Path corpus = shared.resolve("corpus");
        return Files.isDirectory(corpus) ? corpus : null;
    }

    /** @return the file's bytes, or null if the corpus or the file is missing */
    static byte[] read(String relative) {
        Path dir = dir();
        if (dir == null || !Files.isRegularFile(dir.resolve(relative))) {
            return null;
        }
        try {
            return Files.readAllBytes(dir.resolve(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
