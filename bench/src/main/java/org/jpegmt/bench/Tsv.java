package org.jpegmt.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Rows of the tab-separated result files the bench tools write, keyed by column name. */
final class Tsv {
    private Tsv() {
    }

    /** One row: column name to value. */
    static final class Row {
        final Map<String, String> cells = new HashMap<>();

        String get(String column) {
            String v = cells.get(column);
            return v == null ? "" : v;
        }

        double num(String column) {
            String v = get(column);
            return v.isEmpty() ? Double.NaN : Double.parseDouble(v);
        }

        int integer(String column) {
            return (int) Math.round(num(column));
        }
    }

    /** @return the rows of every file in {@code dir} whose name starts with prefix and ends in .tsv */
    static List<Row> readAll(Path dir, String prefix) throws IOException {
        List<Row> rows = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.getFileName().toString().startsWith(prefix) && p.toString().endsWith(".tsv")).sorted().toList();
        }
        for (Path f : files) {
            List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
            if (lines.isEmpty()) {
                continue;
            }
            String[] header = lines.get(0).split("\t", -1);
            for (String line : lines.subList(1, lines.size())) {
                if (line.isBlank()) {
                    continue;
                }
                String[] cells = line.split("\t", -1);
                Row r = new Row();
                for (int i = 0; i < header.length && i < cells.length; i++) {
                    r.cells.put(header[i], cells[i]);
                }
                rows.add(r);
            }
        }
        return rows;
    }
}
