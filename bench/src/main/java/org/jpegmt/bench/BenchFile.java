package org.jpegmt.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jpegmt.core.PixelFormat;
import org.jpegmt.core.PixelImage;

/**
 * Writes one benchmark workload to files for tools outside the JVM (tjbench in
 * {@code bench/percore.sh}): {@code PREFIX.jpg}, the image as the JMH benchmarks decode it
 * (jpegmt-encoded, no restart markers), and {@code PREFIX.ppm}, its RGB pixels.
 *
 * <pre>
 * java -cp bench/target/benchmarks.jar org.jpegmt.bench.BenchFile IMAGE QUALITY SUBSAMPLING PREFIX
 * </pre>
 */
public final class BenchFile {
    private BenchFile() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 4) {
            throw new IllegalArgumentException("usage: BenchFile IMAGE QUALITY SUBSAMPLING PREFIX");
        }
        Workload w = Workload.of(args[0], "none", args[2], Integer.parseInt(args[1]));
        Files.write(Path.of(args[3] + ".jpg"), w.jpeg);
        PixelImage p = w.pixels;
        if (p.format() != PixelFormat.RGB) {
            throw new IllegalStateException("expected RGB pixels, got " + p.format());
        }
        try (OutputStream out = Files.newOutputStream(Path.of(args[3] + ".ppm"))) {
            out.write(("P6\n" + p.width() + " " + p.height() + "\n255\n").getBytes(StandardCharsets.US_ASCII));
            out.write(p.data(), 0, p.width() * p.height() * 3);
        }
    }
}
