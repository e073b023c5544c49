package org.jpegmt.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.TimeValue;

/** {@link SpeedupRun}'s bookkeeping on made-up scores: pairing by round, medians, order, arguments. No JMH run. */
class SpeedupRunTest {
    private static final String ROW = "image=x.jpg restart=row";
    private static final String NONE = "image=x.jpg restart=none";

    private static SpeedupRun.Trial trial(int round, int threads, String params, double... scores) {
        return new SpeedupRun.Trial(round, threads, "ParallelBenchmark.decode", params, 2.0, scores);
    }

    @Test
    void ratiosArePairedWithinARoundAndTheMedianIsOverRounds() {
        // the machine is twice as fast in round 1: unpaired medians would mix that in, the per-round ratios do not
        List<SpeedupRun.Trial> trials = List.of(
                trial(0, 1, ROW, 9, 10, 11), trial(0, 2, ROW, 19, 18, 20),           // medians 10, 19: 1.90
                trial(1, 2, ROW, 40, 40, 41), trial(1, 1, ROW, 20, 21, 19),          // 40, 20: 2.00
                trial(2, 1, ROW, 8, 12, 10, 30), trial(2, 2, ROW, 20, 19, 21, 25));  // 11, 20.5: 1.8636...
        List<SpeedupRun.Row> rows = SpeedupRun.summarize(trials, List.of(1, 2));
        assertEquals(1, rows.size());
        SpeedupRun.Row r = rows.get(0);
        assertEquals(2, r.threads());
        assertArrayEquals(new double[] {1.9, 2.0, 20.5 / 11}, r.ratios(), 1e-12);
        assertEquals(1.9, r.speedup(), 1e-12);
        assertEquals(20.5 / 11, r.min(), 1e-12);
        assertEquals(2.0, r.max(), 1e-12);
        assertEquals(11 * 2.0, r.mps1(), 1e-12); // median of 10, 20, 11, in megapixels per second
        assertEquals(20.5 * 2.0, r.mpsK(), 1e-12); // median of 19, 40, 20.5
    }

    @Test
    void roundsWithoutAPairAreLeftOutAndCombinationsKeepTheirOrder() {
        List<SpeedupRun.Trial> trials = List.of(
                trial(0, 1, NONE, 10), trial(0, 1, ROW, 10), trial(0, 2, NONE, 15), trial(0, 2, ROW, 18),
                trial(0, 4, ROW, 30),
                trial(1, 4, ROW, 28), trial(1, 2, ROW, 16), trial(1, 1, ROW, 10)); // NONE has no round-1 trials
        List<SpeedupRun.Row> rows = SpeedupRun.summarize(trials, List.of(1, 2, 4));
        assertEquals(3, rows.size());
        assertEquals(NONE, rows.get(0).params());
        assertArrayEquals(new double[] {1.5}, rows.get(0).ratios(), 1e-12);
        assertEquals(ROW, rows.get(1).params());
        assertEquals(2, rows.get(1).threads());
        assertEquals(1.7, rows.get(1).speedup(), 1e-12); // median of 1.8 and 1.6
        assertEquals(4, rows.get(2).threads());
        assertArrayEquals(new double[] {3.0, 2.8}, rows.get(2).ratios(), 1e-12);

        String table = SpeedupRun.table(rows);
        assertTrue(table.startsWith("Parameters of every row: image=x.jpg\n"), table);
        assertTrue(table.contains("| ParallelBenchmark.decode | restart=row | 4 | 20.0 | 58.0 | **2.90x** | 2.80x .. 3.00x | 3.00 2.80 |"),
                table);
    }

    @Test
    void orderAlternatesEveryRound() {
        assertEquals(List.of(1, 2), SpeedupRun.order(List.of(1, 2), 0));
        assertEquals(List.of(2, 1), SpeedupRun.order(List.of(1, 2), 1));
        assertEquals(List.of(1, 2), SpeedupRun.order(List.of(1, 2), 2));
        assertEquals(List.of(4, 2, 1), SpeedupRun.order(List.of(1, 2, 4), 3));
    }

    @Test
    void argumentsSplitBetweenThisToolAndJmh() throws Exception {
        SpeedupRun.Config c = SpeedupRun.parse(new String[] {"--rounds", "5", "-p", "restart=row,none", "-p", "quality=90",
                "ParallelBenchmark", "-wi", "1", "--rounds", "2", "-p", "restart=row", "--threads", "1,4", "--out", "x.md"});
        assertEquals(2, c.rounds());
        assertEquals(List.of(1, 4), c.threads());
        assertEquals("x.md", c.out());
        assertEquals(List.of("ParallelBenchmark", "-wi", "1", "-p", "quality=90", "-p", "restart=row"), c.jmhArgs());

        SpeedupRun.Config d = SpeedupRun.parse(new String[0]);
        assertEquals(5, d.rounds());
        assertEquals(List.of(1, 2), d.threads());
        assertThrows(IllegalArgumentException.class, () -> SpeedupRun.parse(new String[] {"--threads", "2,1"}));
        assertThrows(IllegalArgumentException.class, () -> SpeedupRun.parse(new String[] {"--threads", "1"}));
        assertThrows(IllegalArgumentException.class, () -> SpeedupRun.parse(new String[] {"-p", "threads=1,2"}));

        // defaults only where the command line says nothing; threads is always this trial's
        Options o = SpeedupRun.options(new CommandLineOptions(c.jmhArgs().toArray(new String[0])), 4);
        assertEquals(1, o.getWarmupIterations().get());
        assertEquals(3, o.getMeasurementIterations().get());
        assertEquals(TimeValue.seconds(1), o.getWarmupTime().get());
        assertEquals(1, o.getForkCount().get());
        assertEquals(List.of("4"), List.copyOf(o.getParameter("threads").get()));
        assertEquals(List.of("row"), List.copyOf(o.getParameter("restart").get()));
        assertEquals(List.of("ParallelBenchmark"), o.getIncludes());
        assertEquals(List.of(SpeedupRun.DEFAULT_INCLUDE), SpeedupRun.options(new CommandLineOptions(), 1).getIncludes());
    }
}
