package org.jpegmt.conformance;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The shared reference corpus ({@code ../shared/corpus}, described by its {@code MANIFEST.tsv}
 * and README). Located through the system property {@code jpegmt.shared} that the build sets,
 * or {@code ../shared} relative to the repository root.
 */
final class Corpus {
    private Corpus() {
    }

    /** One MANIFEST.tsv row. */
    record Entry(String file, String expect, String reference, String sofType, String sampling,
            int restartInterval, int rstMarkers, String djpegResult) {
        Path path() {
            return dir().resolve(file);
        }

        Path referencePath() {
            return reference.equals("-") ? null : dir().resolve(reference);
        }
    }

    /** @return the shared folder, or null when it is not there */
    static Path sharedDir() {
        String prop = System.getProperty("jpegmt.shared");
        List<Path> candidates = new ArrayList<>();
        if (prop != null) {
            candidates.add(Path.of(prop));
        }
        candidates.add(Path.of("../shared"));
        candidates.add(Path.of("../../shared"));
        for (Path p : candidates) {
            if (Files.isDirectory(p.resolve("corpus"))) {
                return p.toAbsolutePath().normalize();
            }
        }
        return null;
    }

    static boolean present() {
        return sharedDir() != null;
    }

    /** Prints (once per call site) why corpus checks did not run. */
    static String absentMessage() {
        return "NOTE: shared corpus not found (looked at -Djpegmt.shared=" + System.getProperty("jpegmt.shared")
                + " and ../shared): corpus checks SKIPPED";
    }

    static Path dir() {
        Path shared = sharedDir();
        if (shared == null) {
            throw new IllegalStateException(absentMessage());
        }
        return shared.resolve("corpus");
    }

    /** All rows of MANIFEST.tsv, in file order. */
    static List<Entry> entries() throws IOException {
        List<String> lines = Files.readAllLines(dir().resolve("MANIFEST.tsv"), StandardCharsets.UTF_8);
        String[] header = lines.get(0).split("\t", -1);
        Map<String, Integer> col = new HashMap<>();
        for (int i = 0; i < header.length; i++) {
            col.put(header[i], i);
        }
        List<Entry> out = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.split("\t", -1);
            out.add(new Entry(f[col.get("file")], f[col.get("expect")], f[col.get("reference")],
                    f[col.get("sof_type")], f[col.get("sampling")], parseInt(f[col.get("restart_interval")]),
                    parseInt(f[col.get("rst_markers")]), f[col.get("djpeg_result")]));
        }
        return out;
    }

    private static int parseInt(String s) {
        try {
            return Integer.parseInt(s.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
