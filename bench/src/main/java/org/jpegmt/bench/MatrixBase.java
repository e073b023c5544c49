package org.jpegmt.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The benchmark matrix shared by every codec benchmark: image (the 20 MP photo and the
 * repository's 1 MP sample by default; any file of {@code ../shared/bench-images} with
 * {@code -p image=...}), restart setting ({@link Workload}), chroma subsampling and quality.
 * Score: operations per second ({@link Report} turns it into megapixels per second). Fork and
 * iteration settings here are the defaults; {@link ScalingRun} sets its own. The forks add
 * {@code jdk.incubator.vector}, so jpegmt runs its SIMD kernels as {@code ./jpegmt} does; add
 * {@code -jvmArgsPrepend -Djpegmt.vector=false} to measure the scalar ones (an {@code -jvmArgsAppend}
 * on the command line would replace this list).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g", "-XX:+AlwaysPreTouch", "-XX:+UseG1GC", "-Djava.awt.headless=true",
        "--add-modules=jdk.incubator.vector"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public abstract class MatrixBase {
    @Param({"kleiber_6028x3391_q95_444.jpg", "sample"})
    public String image;

    @Param({"none", "row", "8rows"})
    public String restart;

    @Param({"420", "444"})
    public String subsampling;

    @Param({"75", "90"})
    public int quality;

    /** @return this point of the matrix, encoded by jpegmt */
    Workload workload() throws java.io.IOException {
        return Workload.of(image, restart, subsampling, quality);
    }
}
