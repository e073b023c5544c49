package org.jpegmt.robustness;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.jpegmt.core.DecoderOptions;
import org.jpegmt.core.JpegDecoder;
import org.jpegmt.core.Subsampling;
import org.jpegmt.mt.ParallelJpegDecoder;
import org.junit.jupiter.api.Test;

/**
 * No input under 1 MB takes more than a second to decode or reject: every regression input of
 * the fuzz targets (seeds, findings, the slowest inputs fuzzing met), serial and parallel,
 * lenient and strict, under the fuzz targets' pixel limit ({@link DecoderFuzzTest#FUZZ_MAX_PIXELS};
 * a file that claims a bigger image costs what producing that image costs, whatever its size).
 */
class TimeBoundTest {
    private static final long LIMIT_NANOS = 1_000_000_000L;

    @Test
    void everyRegressionInputDecodesOrFailsWithinASecond() throws Exception {
        DecoderOptions lenient = DecoderOptions.defaults().withMaxPixels(DecoderFuzzTest.FUZZ_MAX_PIXELS);
        DecoderOptions strict = lenient.withStrict(true);
        List<Outcome.Decode> warmUp = new ArrayList<>();
        byte[] seed = Images.jpeg(64, 64, Subsampling.S420, 80, 1, 5);
        for (int i = 0; i < 20; i++) {
            warmUp.add(() -> new JpegDecoder(lenient).decode(seed));
            warmUp.add(() -> new ParallelJpegDecoder(lenient, 3).withParallelThreshold(0).decode(seed));
        }
        warmUp.forEach(Outcome::of);
        List<Path> files = inputs();
        assertTrue(files.size() > 5, "regression inputs found: " + files.size());
        String slowest = "";
        long worst = 0;
        for (Path f : files) {
            byte[] data = Files.readAllBytes(f);
            if (data.length >= 1 << 20) {
                continue;
            }
            for (DecoderOptions o : List.of(lenient, strict)) {
                for (int threads : new int[] {1, 3}) {
                    ParallelJpegDecoder d = new ParallelJpegDecoder(o, threads).withParallelThreshold(0);
                    // best of two: the first run of a rare path may still be interpreted, and
                    // the build machine is shared; a real blow-up is slow both times
                    long t = Long.MAX_VALUE;
                    for (int attempt = 0; attempt < 2 && t >= LIMIT_NANOS / 4; attempt++) {
                        long t0 = System.nanoTime();
                        Outcome.of(() -> d.decode(data));
                        t = Math.min(t, System.nanoTime() - t0);
                    }
                    if (t > worst) {
                        worst = t;
                        slowest = f.getParent().getFileName() + "/" + f.getFileName();
                    }
                    String name = f.getFileName().toString();
                    assertTrue(t < LIMIT_NANOS, name + " took " + t / 1_000_000 + " ms");
                }
            }
        }
        System.out.printf("TimeBoundTest: %d inputs, slowest %s in %d ms%n", files.size(), slowest, worst / 1_000_000);
    }

    static List<Path> inputs() throws URISyntaxException, java.io.IOException {
        Path dir = Paths.get(TimeBoundTest.class.getResource("DecoderFuzzTestInputs").toURI());
        List<Path> files = new ArrayList<>();
        try (Stream<Path> s = Files.walk(dir)) {
            s.filter(Files::isRegularFile).sorted().forEach(files::add);
        }
        return files;
    }
}
