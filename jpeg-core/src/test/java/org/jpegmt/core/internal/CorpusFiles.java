package org.jpegmt.core.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The shared corpus's files that a sequential transcoder takes, read from its MANIFEST.tsv. */
final class CorpusFiles {
    private CorpusFiles() {
    }

    /**
     * @return the 8-bit baseline and extended Huffman files djpeg decodes cleanly; empty when
     *     the corpus is absent
     */
    static List<TranscodeJpegtranTest.Source> sequential() throws Exception {
        String prop = System.getProperty("jpegmt.shared");
        Path corpus = Path.of(prop == null ? "../../shared" : prop).resolve("corpus");
        Path manifest = corpus.resolve("MANIFEST.tsv");
        List<TranscodeJpegtranTest.Source> out = new ArrayList<>();
        if (!Files.isRegularFile(manifest)) {
            return out;
        }
        List<String> lines = Files.readAllLines(manifest);
        String[] head = lines.get(0).split("\t");
        int file = col(head, "file");
        int sof = col(head, "sof_type");
        int result = col(head, "djpeg_result");
        int precision = col(head, "precision");
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split("\t", -1);
            boolean sequential = f[sof].equals("baseline") || f[sof].equals("extended");
            if (sequential && f[result].equals("ok") && f[precision].equals("8")) {
                out.add(new TranscodeJpegtranTest.Source(f[file], Files.readAllBytes(corpus.resolve(f[file]))));
            }
        }
        return out;
    }

    private static int col(String[] head, String name) {
        for (int i = 0; i < head.length; i++) {
            if (head[i].equals(name)) {
                return i;
            }
        }
        throw new IllegalStateException("no column " + name + " in MANIFEST.tsv");
    }
}
