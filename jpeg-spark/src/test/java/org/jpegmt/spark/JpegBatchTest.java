package org.jpegmt.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.jpegmt.cli.CliRunner;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The batch in local mode over a generated tree, against the {@code jpegmt} command's batch on the
 * same tree in this JVM: the same output files with the same bytes, the same failures with the
 * same messages, and nothing written for a failed input.
 */
class JpegBatchTest {
    @TempDir
    static Path dir;
    static Path in;

    /** The outputs the command writes for the tree, per command line below. */
    private static final Set<String> ENCODED = Set.of("a.jpg", "sub/b.jpg", "name with space.jpg", "UPPER.jpg",
            "dup.jpg", "sub/deep/c.jpg", "sub/deep/truncated.jpg", "sub/deep/prog.jpg");
    private static final Set<String> JPEG_INPUTS = Set.of("sub/deep/c.jpg", "sub/deep/truncated.jpg",
            "sub/deep/prog.jpg", TestTree.CORRUPT, TestTree.ARITHMETIC);

    @BeforeAll
    static void tree() throws Exception {
        in = dir.resolve("in");
        TestTree.write(in);
    }

    @Test
    void encodeWritesTheCommandsFilesAndReportsItsFailures() throws Exception {
        Path cli = dir.resolve("encode-cli");
        Path out = dir.resolve("encode-spark");
        CliRunner.Run r = CliRunner.run("encode", "-q", "85", "-o", cli.toString(), in.toString());
        assertEquals(1, r.status(), r.err());
        assertEquals(ENCODED, TestSpark.files(cli).keySet(), r.err());

        Dataset<Row> results = JpegBatch.parse("encode", "-q", "85", in.toString(), out.toString())
                .run(TestSpark.session());

        assertSameFiles(cli, out);
        Map<String, Row> rows = rows(results);
        Set<String> failed = Set.of(TestTree.CORRUPT, TestTree.ARITHMETIC, TestTree.NOT_AN_IMAGE, TestTree.SAME_OUTPUT);
        assertEquals(ENCODED.size() + failed.size(), rows.size(), rows.keySet().toString());
        for (Map.Entry<String, Row> e : rows.entrySet()) {
            Row row = e.getValue();
            String status = row.getAs("status");
            if (failed.contains(e.getKey())) {
                assertEquals(JpegBatch.FAILED, status, e.getKey());
                assertNull(row.getAs("bytesOut"));
                assertFalse(Files.exists(Path.of((String) row.getAs("output"))) && !e.getKey().equals(TestTree.SAME_OUTPUT),
                        "an output for " + e.getKey());
            } else {
                assertEquals(JpegBatch.OK, status, e.getKey() + ": " + row.getAs("error"));
                Path output = Path.of((String) row.getAs("output"));
                assertEquals(Files.size(output), (long) row.getAs("bytesOut"), e.getKey());
                assertEquals(Files.size(in.resolve(e.getKey())), (long) row.getAs("bytesIn"), e.getKey());
            }
        }
        // the command's own one-line reasons, word for word
        for (String bad : List.of(TestTree.CORRUPT, TestTree.ARITHMETIC, TestTree.NOT_AN_IMAGE)) {
            String error = rows.get(bad).getAs("error");
            assertTrue(r.err().contains("jpegmt: " + in.resolve(bad) + ": " + error + "\n"), bad + ": " + error + "\n" + r.err());
        }
        assertTrue(((String) rows.get(TestTree.ARITHMETIC).getAs("error")).contains("arithmetic"));
        assertTrue(((String) rows.get(TestTree.SAME_OUTPUT).getAs("error")).startsWith("same output "));
        Row a = rows.get("a.png");
        assertEquals(64, (int) a.getAs("width"));
        assertEquals(48, (int) a.getAs("height"));
        assertTrue(((String) rows.get(TestTree.TRUNCATED).getAs("warning")).contains(": warning: "));
        assertEquals(0, temporaryFiles(out));
        results.unpersist();
    }

    @Test
    void decodeToPngWritesTheCommandsFiles() throws Exception {
        Path cli = dir.resolve("decode-cli");
        Path out = dir.resolve("decode-spark");
        CliRunner.Run r = CliRunner.run("decode", "--format", "png", "-o", cli.toString(), in.toString());
        assertEquals(Set.of("sub/deep/c.png", "sub/deep/truncated.png", "sub/deep/prog.png"),
                TestSpark.files(cli).keySet(), r.err());
        // and each file on two threads of jpeg-mt within its task: the same bytes
        Map<String, Row> rows = rows(JpegBatch.parse("decode", "--threads", "2", "--format", "png", "-o", out.toString(),
                in.toString())
                .run(TestSpark.session()));
        assertSameFiles(cli, out);
        assertEquals(JPEG_INPUTS, rows.keySet());
        assertEquals(JpegBatch.FAILED, rows.get(TestTree.CORRUPT).getAs("status"));
        assertEquals(JpegBatch.FAILED, rows.get(TestTree.ARITHMETIC).getAs("status"));
        assertEquals(0, temporaryFiles(out));
    }

    @Test
    void transcodeWritesTheCommandsFiles() throws Exception {
        Path cli = dir.resolve("transcode-cli");
        Path out = dir.resolve("transcode-spark");
        CliRunner.Run r = CliRunner.run("transcode", "--optimize", "--copy", "all", "-o", cli.toString(), in.toString());
        assertTrue(TestSpark.files(cli).keySet().containsAll(Set.of("sub/deep/c.jpg", "sub/deep/truncated.jpg")), r.err());
        Map<String, Row> rows = rows(JpegBatch.parse("transcode", "--optimize", "--copy", "all", in.toString(),
                out.toString()).run(TestSpark.session()));
        assertSameFiles(cli, out);
        assertEquals(JPEG_INPUTS, rows.keySet());
        for (String name : JPEG_INPUTS) {
            boolean written = Files.exists(cli.resolve(name));
            assertEquals(written ? JpegBatch.OK : JpegBatch.FAILED, rows.get(name).getAs("status"), name);
        }
        assertEquals(0, temporaryFiles(out));
    }

    @Test
    void rerunKeepsIdenticalOutputsAndRefusesToReplaceOthersWithoutForce() throws Exception {
        Path out = dir.resolve("rerun");
        List<String> args = List.of("-q", "70", in.toString(), out.toString());
        rows(JpegBatch.parse("encode", args).run(TestSpark.session()));
        Map<String, byte[]> first = TestSpark.files(out);
        assertEquals(ENCODED, first.keySet());

        Map<String, Row> again = rows(JpegBatch.parse("encode", args).run(TestSpark.session()));
        assertEquals(JpegBatch.EXISTS, again.get("a.png").getAs("status"));
        assertEquals(JpegBatch.EXISTS, again.get("sub/deep/c.jpg").getAs("status"));
        assertEquals(JpegBatch.FAILED, again.get(TestTree.CORRUPT).getAs("status"));

        Files.writeString(out.resolve("sub/b.jpg"), "changed by someone", StandardCharsets.US_ASCII);
        Map<String, Row> changed = rows(JpegBatch.parse("encode", args).run(TestSpark.session()));
        assertEquals(JpegBatch.FAILED, changed.get("sub/b.png").getAs("status"));
        assertTrue(((String) changed.get("sub/b.png").getAs("error")).contains("exists (use --force to overwrite)"));
        assertEquals("changed by someone", Files.readString(out.resolve("sub/b.jpg"), StandardCharsets.US_ASCII));

        Map<String, Row> forced = rows(JpegBatch.parse("encode", "--force", "-q", "70", in.toString(), out.toString())
                .run(TestSpark.session()));
        assertEquals(JpegBatch.OK, forced.get("sub/b.png").getAs("status"));
        Map<String, byte[]> last = TestSpark.files(out);
        assertEquals(first.keySet(), last.keySet());
        for (String name : first.keySet()) {
            assertArrayEquals(first.get(name), last.get(name), name);
        }
        assertEquals(0, temporaryFiles(out));
    }

    @Test
    void oneFileAndGlobInputsKeepTheirPathsBelowTheFixedPart() throws Exception {
        Path out = dir.resolve("glob");
        Map<String, Row> rows = rows(JpegBatch.parse("encode", in.resolve("sub") + "/*/c.jpg", out.toString())
                .run(TestSpark.session()));
        assertEquals(Set.of("sub/deep/c.jpg"), rows.keySet());
        assertEquals(Set.of("deep/c.jpg"), TestSpark.files(out).keySet());

        Path single = dir.resolve("single");
        rows(JpegBatch.parse("encode", in.resolve("sub/b.png").toString(), single.toString()).run(TestSpark.session()));
        assertEquals(Set.of("b.jpg"), TestSpark.files(single).keySet());
    }

    @Test
    void usageErrorsAreTheCommandsAndComeBeforeSpark() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> JpegBatch.parse("encode", "-optimize", "a", "b"))
                .getMessage().contains("did you mean --optimize?"));
        assertThrows(IllegalArgumentException.class, () -> JpegBatch.parse("encode", "-q", "0", "a", "b"));
        assertThrows(IllegalArgumentException.class, () -> JpegBatch.parse("encode", "--stats", "a", "b"));
        assertThrows(IllegalArgumentException.class, () -> JpegBatch.parse("decode", "a", "b", "c"));
        assertThrows(IllegalArgumentException.class, () -> JpegBatch.parse("decode", "-", "b"));
        assertThrows(IllegalArgumentException.class, () -> JpegBatch.parse("resize", "a", "b"));
        assertNotNull(JpegBatch.parse("transcode", "--rotate", "90", "-o", "out", "in"));
    }

    /** Asserts that two output trees hold the same files with the same bytes. */
    static void assertSameFiles(Path expected, Path actual) {
        Map<String, byte[]> want = TestSpark.files(expected);
        Map<String, byte[]> got = TestSpark.files(actual);
        assertEquals(want.keySet(), got.keySet());
        for (String name : want.keySet()) {
            assertArrayEquals(want.get(name), got.get(name), name);
        }
    }

    /** The result rows by input path relative to the tree. */
    static Map<String, Row> rows(Dataset<Row> results) {
        Map<String, Row> rows = new HashMap<>();
        for (Row row : results.collectAsList()) {
            String path = FileLayout.localName(row.getAs("path"));
            assertNull(rows.put(in.relativize(Path.of(path)).toString(), row), path);
        }
        results.unpersist();
        return rows;
    }

    static long temporaryFiles(Path dir) throws Exception {
        return TestSpark.files(dir).keySet().stream().filter(n -> n.endsWith(".tmp")).count();
    }
}
