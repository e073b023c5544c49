package org.jpegmt.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.jpegmt.core.DecoderOptions;
import org.jpegmt.mt.DecodeReport;
import org.jpegmt.mt.ParallelJpegDecoder;

/**
 * Issue 15's "no harm" check: every file of a directory tree (the shared corpus by default) that
 * jpeg-mt now decodes by speculation is decoded with 2 threads by speculation and by the staged
 * path it took before (speculation threshold out of reach: the same build, the old path),
 * interleaved pair by pair so that both sides see the same machine; prints each file's median
 * time ratio staged / speculative (above 1: speculation is faster). Every other file takes the
 * same path as before and is not timed.
 *
 * <pre>java -cp bench/target/benchmarks.jar org.jpegmt.bench.SpeculationHarmCheck [DIR] [pairs]</pre>
 */
public final class SpeculationHarmCheck {
    private SpeculationHarmCheck() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : System.getProperty("jpegmt.shared", "../shared") + "/corpus");
        int pairs = args.length > 1 ? Integer.parseInt(args[1]) : 21;
        ParallelJpegDecoder spec = new ParallelJpegDecoder(DecoderOptions.defaults(), 2);
        ParallelJpegDecoder staged = spec.withSpeculationThreshold(Long.MAX_VALUE);
        List<Path> files;
        try (Stream<Path> s = Files.walk(dir)) {
            files = s.filter(p -> p.toString().toLowerCase(Locale.ROOT).endsWith(".jpg")).sorted().toList();
        }
        List<String> worse = new ArrayList<>();
        int checked = 0;
        for (Path f : files) {
            byte[] jpeg = Files.readAllBytes(f);
            DecodeReport.Strategy plan;
            try {
                plan = spec.plannedStrategy(jpeg);
            } catch (Exception e) {
                continue;
            }
            if (plan != DecodeReport.Strategy.SPECULATIVE) {
                continue;
            }
            checked++;
            for (int w = 0; w < 5; w++) {
                spec.decode(jpeg);
                staged.decode(jpeg);
            }
            double[] ratio = new double[pairs];
            for (int i = 0; i < pairs; i++) {
                boolean specFirst = i % 2 == 0;
                long a = System.nanoTime();
                (specFirst ? spec : staged).decode(jpeg);
                long b = System.nanoTime();
                (specFirst ? staged : spec).decode(jpeg);
                long c = System.nanoTime();
                long specNs = specFirst ? b - a : c - b;
                long stagedNs = specFirst ? c - b : b - a;
                ratio[i] = stagedNs / (double) specNs;
            }
            Arrays.sort(ratio);
            double median = ratio[pairs / 2];
            DecodeReport r = spec.decodeReporting(jpeg);
            System.out.printf(Locale.ROOT, "%-70s %8d bytes  staged/speculative %.3f  (%s)%n",
                    dir.relativize(f), jpeg.length, median, r);
            if (median < 1 / 1.05) {
                worse.add(dir.relativize(f) + String.format(Locale.ROOT, " %.3f", median));
            }
        }
        System.out.println(checked + " files decoded by speculation; more than 5% slower than staged: "
                + (worse.isEmpty() ? "none" : worse));
    }
}
