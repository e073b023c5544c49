package org.jpegmt.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import org.jpegmt.core.PixelImage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Keeps the benchmark suite from rotting: every benchmark method once on the repository's 1 MP
 * sample, one real JMH run (in-process, one short iteration), and the batch, model and report
 * steps of {@code bench/run.sh} in quick mode. Numbers are not checked, only that everything runs
 * and produces its files.
 */
class BenchSuiteQuickTest {
    @TempDir
    Path tmp;

    @BeforeAll
    static void headless() {
        System.setProperty("java.awt.headless", "true");
    }

    private static <T extends MatrixBase> T matrix(T b, String restart, String subsampling) {
        b.image = "sample";
        b.restart = restart;
        b.subsampling = subsampling;
        b.quality = 90;
        return b;
    }

    @Test
    void everyBenchmarkMethodRunsOnTheSample() throws Exception {
        for (String restart : new String[] {"none", "row", "8rows"}) {
            for (String sub : restart.equals("row") ? new String[] {"420", "444"} : new String[] {"420"}) {
                DecodeBenchmark d = matrix(new DecodeBenchmark(), restart, sub);
                d.setUp();
                PixelImage serial = d.jpegmt();
                assertEquals(1280, serial.width());
                assertEquals(800, d.imageio().getHeight());
                if (restart.equals("row") && sub.equals("420")) {
                    assertEquals(1280, d.commonsImaging().getWidth()); // slow when cold: once is enough
                }
                d.tearDown();

                EncodeBenchmark e = matrix(new EncodeBenchmark(), restart, sub);
                e.huffman = "standard";
                e.setUp();
                assertTrue(e.jpegmt().length > 1000);
                byte[] jdk = e.imageio();
                assertTrue(jdk.length > 1000);
                if (!restart.equals("none")) {
                    assertTrue(countRst(jdk) > 0, "the JDK writer was given a restart interval");
                }
                e.tearDown();
                if (restart.equals("row") && sub.equals("420")) {
                    EncodeBenchmark o = matrix(new EncodeBenchmark(), restart, sub);
                    o.huffman = "optimized";
                    o.setUp();
                    // image-specific tables make both files smaller than the example tables do
                    assertTrue(o.jpegmt().length < e.jpegmt().length);
                    assertTrue(o.imageio().length < jdk.length);
                    o.tearDown();
                }

                for (int threads : new int[] {1, 2}) {
                    ParallelBenchmark p = matrix(new ParallelBenchmark(), restart, sub);
                    p.threads = threads;
                    p.setUp();
                    assertArrayEquals(serial.data(), p.decode().data());
                    assertArrayEquals(e.jpegmt(), p.encode());
                }
                if (TurboPeer.available()) {
                    TurboBenchmark t = matrix(new TurboBenchmark(), restart, sub);
                    t.setUp();
                    assertEquals(1280 * 800 * 3, t.decode().length);
                    assertTrue(t.encode().length > 1000);
                } else {
                    assertNotNull(TurboPeer.whyMissing());
                }
            }
        }
    }

    private static int countRst(byte[] jpeg) {
        int n = 0;
        for (int i = 0; i + 1 < jpeg.length; i++) {
            if (jpeg[i] == (byte) 0xFF && (jpeg[i + 1] & 0xF8) == 0xD0) {
                n++;
            }
        }
        return n;
    }

    @Test
    void wholeSuiteInQuickMode() throws Exception {
        System.setProperty("jmh.ignoreLock", "true"); // the test machine may run other JMH instances
        Collection<RunResult> results = new Runner(new OptionsBuilder()
                .include("org\\.jpegmt\\.bench\\.ParallelBenchmark\\.decode$")
                .param("image", "sample").param("restart", "row").param("subsampling", "420").param("quality", "90")
                .param("threads", "1")
                .forks(0).warmupIterations(0).measurementIterations(1).measurementTime(TimeValue.milliseconds(100))
                .build()).run();
        assertEquals(1, results.size());
        ScalingRun.writeTsv(tmp.resolve("jmh-k1.tsv"), 1, results);
        Files.writeString(tmp.resolve("system.txt"), "mode=quick\nhost=test\ndate=today\n");

        BatchBench.main(new String[] {"--cores", "2", "--mode", "quick", "--count", "4", "--out", tmp.toString(),
                "--images", tmp.resolve("images").toString()});
        ScalingModel.main(new String[] {"--mode", "quick", "--out", tmp.toString(), "--reps", "1", "--cores", "1,2",
                "--restarts", "row,none"});
        Path md = tmp.resolve("report.md");
        Report.main(new String[] {"--dir", tmp.toString(), "--md", md.toString()});

        String text = Files.readString(md);
        assertTrue(text.contains("## Decode") && text.contains("## Batch") && text.contains("scaling model"), text);
        for (String png : new String[] {"batch-encode.png", "batch-decode.png", "model-decode.png", "model-encode.png"}) {
            assertTrue(Files.size(tmp.resolve(png)) > 1000, png);
        }
        assertEquals(4 * 2 * 3 + 1, Files.readAllLines(tmp.resolve("batch-k2.tsv")).size());
    }

    // The plan itself (cuts, bands, strips) is jpeg-mt's WorkPlan, pinned by its WorkPlanTest.
    @Test
    void scheduleIsGreedyAndEachBandEdgeGoesToTheNeighbourThatFinishesLast() {
        assertEquals(5.0, ScalingModel.makespan(new double[] {1, 1, 1, 1, 1}, 1), 1e-9);
        assertEquals(3.0, ScalingModel.makespan(new double[] {1, 1, 1, 1, 1}, 2), 1e-9);
        assertEquals(4.0, ScalingModel.makespan(new double[] {1, 4, 1, 1}, 4), 1e-9);
        // bands 4, 1, 1, 4 on two workers, each edge 0.5: band 1 ends at 1, so band 0 (ends at 4) converts
        // edge 1 (4.5); band 2 runs 1..2 and converts edge 2 (band 1 was done) to 2.5; band 3 runs 2.5..6.5
        // and converts edge 3 -> 7 (6 without edges)
        double[] bands = {4, 1, 1, 4};
        assertEquals(7.0, ScalingModel.makespan(bands, new double[] {0, 0.5, 0.5, 0.5}, 2), 1e-9);
        assertEquals(6.0, ScalingModel.makespan(bands, 2), 1e-9);
        // one worker: every edge goes to the later band, all work adds up
        assertEquals(11.5, ScalingModel.makespan(bands, new double[] {0, 0.5, 0.5, 0.5}, 1), 1e-9);
    }
}
