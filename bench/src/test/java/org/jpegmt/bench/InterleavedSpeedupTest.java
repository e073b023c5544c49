package org.jpegmt.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collection;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/** The arithmetic of {@link BenchMain#interleavedSummary} and one real (tiny) run of the benchmark. */
class InterleavedSpeedupTest {

    @Test
    void speedupIsTheMedianOfPerIterationTimeRatios() {
        // {ns with 1 thread, ns with k threads, pairs} per iteration, 10 MP image
        List<double[]> its = List.of(new double[] {2e9, 1e9, 4}, new double[] {3e9, 1e9, 4}, new double[] {2e9, 2e9, 4});
        double[] s = BenchMain.interleavedSummary(its, 10);
        // MP/s one thread: 20, 13.3, 20 -> 20; k threads: 40, 40, 20 -> 40; ratios 2, 3, 1
        assertArrayEquals(new double[] {20, 40, 2, 1, 3}, s, 1e-9);
    }

    @Test
    void tinyRunReportsOneRowPerMethod() throws Exception {
        System.setProperty("jmh.ignoreLock", "true");
        Collection<RunResult> results = new Runner(new OptionsBuilder()
                .include("org\\.jpegmt\\.bench\\.InterleavedSpeedupBenchmark\\.")
                .param("image", "sample").param("restart", "row").param("subsampling", "420").param("quality", "90")
                .forks(0).warmupIterations(0).measurementIterations(2).measurementTime(TimeValue.milliseconds(100))
                .build()).run();
        assertEquals(2, results.size());
        String table = BenchMain.interleavedReport(results);
        assertTrue(table.contains("| InterleavedSpeedupBenchmark.decode | image=sample quality=90 restart=row subsampling=420 threads=2 |"), table);
        assertTrue(table.contains("| InterleavedSpeedupBenchmark.encode |"), table);
        assertTrue(table.contains(" | 2 |"), "two iterations: " + table);
    }
}
