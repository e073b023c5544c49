package org.jpegmt.bench;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jpegmt.core.PixelImage;

/**
 * libjpeg-turbo's own benchmark, {@code tjbench} (Debian libjpeg-turbo-progs), on the same
 * pixels and the same jpegmt-encoded files as the JMH runs, single-threaded (run it pinned to
 * one core). Compress + decompress of a PPM per subsampling and quality (no restart markers:
 * tjbench cannot write them), and decompress of the jpegmt files with each restart setting.
 * Skipped, with the reason in the output, when {@code tjbench} is not installed.
 *
 * <pre>--out DIR [--mode quick|full] [--image NAME] [--tjbench PATH]</pre>
 * Writes {@code DIR/tjbench.tsv} (MP/s as tjbench reports them) and {@code DIR/tjbench.txt}.
 */
public final class TjBenchRun {
    private TjBenchRun() {
    }

    static final String HEADER = "what\trestart\tsubsampling\tquality\tcompressMps\tdecompressMps";

    public static void main(String[] argv) throws Exception {
        Args args = new Args(argv);
        boolean quick = args.quick();
        String image = args.get("image", quick ? "sample" : "kleiber_6028x3391_q95_444.jpg");
        String tjbench = args.get("tjbench", "/usr/bin/tjbench");
        Path out = Path.of(args.get("out", "bench/results/latest"));
        Files.createDirectories(out);
        if (!Files.isExecutable(Path.of(tjbench))) {
            Files.writeString(out.resolve("tjbench.txt"), "tjbench not installed (" + tjbench
                    + "; Debian package libjpeg-turbo-progs): skipped\n");
            System.out.println("tjbench skipped: " + tjbench + " not found");
            return;
        }
        String time = quick ? "0.2" : "5";
        String warm = quick ? "0.1" : "1";
        Path work = Files.createDirectories(Path.of("bench/target/tjbench"));
        Path ppm = work.resolve("input.ppm");
        writePpm(Workload.pixels(image), ppm);
        StringBuilder log = new StringBuilder();
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(out.resolve("tjbench.tsv"), StandardCharsets.UTF_8))) {
            w.println(HEADER);
            for (String s : new String[] {"420", "444"}) {
                for (String q : new String[] {"75", "90"}) {
                    String[] t = run(log, tjbench, ppm.toString(), q, "-subsamp", s, "-quiet", "-benchtime", time,
                            "-warmup", warm, "-nowrite", "-rgb");
                    w.println(String.join("\t", "ppm", "none", s, q, t[t.length - 3], t[t.length - 1]));
                    for (String restart : new String[] {"none", "row", "8rows"}) {
                        Path jpg = work.resolve("jpegmt-" + s + "-" + q + "-" + restart + ".jpg");
                        Files.write(jpg, Workload.of(image, restart, s, Integer.parseInt(q)).jpeg);
                        String[] d = run(log, tjbench, jpg.toString(), "-quiet", "-benchtime", time, "-warmup", warm,
                                "-nowrite", "-rgb");
                        w.println(String.join("\t", "jpegmt file", restart, s, q, "", d[d.length - 1]));
                    }
                }
            }
        }
        Files.writeString(out.resolve("tjbench.txt"), log.toString());
    }

    /** @return the tokens of tjbench's last result line */
    private static String[] run(StringBuilder log, String... cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int rc = p.waitFor();
        log.append("$ ").append(String.join(" ", cmd)).append('\n').append(text).append('\n');
        List<String> lines = new ArrayList<>();
        for (String l : text.split("\n")) {
            if (!l.isBlank()) {
                lines.add(l.trim());
            }
        }
        if (rc != 0 || lines.isEmpty()) {
            throw new IOException("tjbench failed (" + rc + "): " + text);
        }
        return lines.get(lines.size() - 1).split("\\s+");
    }

    static void writePpm(PixelImage img, Path file) throws IOException {
        try (OutputStream o = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
            o.write(String.format(Locale.ROOT, "P6\n%d %d\n255\n", img.width(), img.height()).getBytes(StandardCharsets.US_ASCII));
            int row = img.width() * 3;
            for (int y = 0; y < img.height(); y++) {
                o.write(img.data(), y * img.stride(), row);
            }
        }
    }
}
