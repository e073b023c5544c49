package org.jpegmt.conformance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The human-readable conformance report, {@code conformance/target/conformance-report.md}.
 * Each direction adds a section; the file is rewritten whole after every section so that it
 * is complete however many test classes run.
 */
final class Report {
    private Report() {
    }

    /** Counts and findings of one direction. */
    static final class Section {
        final String title;
        final String description;
        int files;
        int exact;
        int maxDiff;
        double minPsnr = Double.POSITIVE_INFINITY;
        double maxPsnr = Double.NEGATIVE_INFINITY;
        final Map<String, Integer> outcomes = new TreeMap<>();
        final List<String> notExact = new ArrayList<>();
        final List<String> notes = new ArrayList<>();

        Section(String title, String description) {
            this.title = title;
            this.description = description;
        }

        synchronized void exact() {
            files++;
            exact++;
        }

        synchronized void differs(String what, int diff, String why) {
            files++;
            maxDiff = Math.max(maxDiff, diff);
            notExact.add(what + ": " + why);
        }

        /**
         * Records one pixel comparison.
         *
         * @param diff {@link Pixels#maxDiff} (negative: size or format differs)
         * @return true if the images are equal
         */
        synchronized boolean record(String what, int diff) {
            if (diff == 0) {
                exact();
                return true;
            }
            differs(what, Math.max(0, diff), diff < 0 ? "size/format differs" : "max difference " + diff);
            return false;
        }

        synchronized void psnr(double db) {
            minPsnr = Math.min(minPsnr, db);
            maxPsnr = Math.max(maxPsnr, db);
        }

        synchronized void outcome(String kind) {
            outcomes.merge(kind, 1, Integer::sum);
        }

        synchronized void note(String text) {
            notes.add(text);
        }
    }

    private static final Map<String, Section> SECTIONS = new LinkedHashMap<>();

    static synchronized Section section(String title, String description) {
        return SECTIONS.computeIfAbsent(title, t -> new Section(t, description));
    }

    /** Writes the report with every section so far. */
    static synchronized void write() {
        StringBuilder sb = new StringBuilder("# jpegmt conformance report\n\n");
        sb.append("java.version ").append(System.getProperty("java.version")).append(", ")
                .append(Runtime.getRuntime().availableProcessors()).append(" cores. ")
                .append("Produced by `mvn -pl conformance -am verify`.\n\n");
        for (Section s : SECTIONS.values()) {
            sb.append("## ").append(s.title).append("\n\n").append(s.description).append("\n\n");
            sb.append("| checks | exact | max difference | PSNR range (dB) |\n|---|---|---|---|\n");
            sb.append("| ").append(s.files).append(" | ").append(s.exact).append(" | ").append(s.maxDiff)
                    .append(" | ").append(s.minPsnr == Double.POSITIVE_INFINITY ? "-"
                            : String.format(java.util.Locale.ROOT, "%.2f .. %s", s.minPsnr,
                                    Double.isInfinite(s.maxPsnr) ? "inf (some images exact)"
                                            : String.format(java.util.Locale.ROOT, "%.2f", s.maxPsnr)))
                    .append(" |\n\n");
            if (!s.outcomes.isEmpty()) {
                sb.append("| outcome | files |\n|---|---|\n");
                s.outcomes.forEach((k, v) -> sb.append("| ").append(k).append(" | ").append(v).append(" |\n"));
                sb.append("| all files | ").append(s.outcomes.values().stream().mapToInt(Integer::intValue).sum())
                        .append(" |\n\n");
            }
            if (!s.notExact.isEmpty()) {
                sb.append("Not exact:\n\n");
                s.notExact.forEach(n -> sb.append("- ").append(n).append('\n'));
                sb.append('\n');
            }
            if (!s.notes.isEmpty()) {
                s.notes.forEach(n -> sb.append("- ").append(n).append('\n'));
                sb.append('\n');
            }
        }
        try {
            Path out = Path.of("target", "conformance-report.md");
            Files.createDirectories(out.getParent());
            Files.writeString(out, sb.toString(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
