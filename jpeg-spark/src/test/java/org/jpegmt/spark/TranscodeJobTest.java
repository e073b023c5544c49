package org.jpegmt.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.Row;
import org.jpegmt.cli.CliRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The spark-submit entry point: its own two options around the command's, and the table it saves. */
class TranscodeJobTest {
    @TempDir
    Path dir;

    @Test
    void opAndResultsAreTakenOutAndTheRestIsTheCommandLine() {
        TranscodeJob.Args a = TranscodeJob.Args.parse("--op", "transcode", "--optimize", "--results", "r", "in", "out");
        assertEquals("transcode", a.op());
        assertEquals("r", a.results());
        assertEquals(List.of("--optimize", "in", "out"), a.command());
        TranscodeJob.Args b = TranscodeJob.Args.parse("-q", "90", "--op=encode", "in", "out");
        assertEquals("encode", b.op());
        assertNull(b.results());
        assertEquals(List.of("-q", "90", "in", "out"), b.command());
        assertThrows(IllegalArgumentException.class, () -> TranscodeJob.Args.parse("in", "out"));
        assertThrows(IllegalArgumentException.class, () -> TranscodeJob.Args.parse("in", "out", "--op"));
    }

    @Test
    void runWritesTheCommandsFilesAndSavesTheTable() throws Exception {
        Path in = dir.resolve("in");
        TestTree.write(in);
        Path cli = dir.resolve("cli");
        CliRunner.Run r = CliRunner.run("transcode", "--restart-rows", "0", "-o", cli.toString(), in.toString());
        assertEquals(1, r.status(), r.err());
        Path out = dir.resolve("out");
        Path results = dir.resolve("results");
        int status = TranscodeJob.run(TestSpark.session(), TranscodeJob.Args.parse("--op", "transcode", "--restart-rows",
                "0", "--results", results.toString(), in.toString(), out.toString()));
        assertEquals(0, status, "failed files do not fail the job");
        JpegBatchTest.assertSameFiles(cli, out);
        List<Row> saved = TestSpark.session().read().schema(JpegBatch.RESULT_SCHEMA).json(results.toString())
                .collectAsList();
        assertEquals(5, saved.size(), saved.toString());
        assertEquals(2, saved.stream().filter(row -> row.getAs("status").equals(JpegBatch.FAILED)).count());
        assertEquals(Set.of(TestTree.CORRUPT, TestTree.ARITHMETIC), Set.copyOf(saved.stream()
                .filter(row -> row.getAs("status").equals(JpegBatch.FAILED))
                .map(row -> in.relativize(Path.of(FileLayout.localName(row.getAs("path")))).toString()).toList()));
        assertTrue(saved.stream().allMatch(row -> row.getAs("millis") != null));
    }
}
