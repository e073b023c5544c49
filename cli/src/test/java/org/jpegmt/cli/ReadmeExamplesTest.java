package org.jpegmt.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the examples of the README's "Command line" section in process, in order, with
 * {@code samples/} and {@code target/} mapped into a temporary directory, so the documented
 * commands keep working. {@code < FILE} and {@code > FILE} redirections are honoured.
 */
class ReadmeExamplesTest {
    @TempDir
    Path dir;

    static Path repoRoot() {
        String root = System.getProperty("jpegmt.root");
        Path p = root != null ? Path.of(root) : Path.of(System.getProperty("user.dir")).getParent();
        return p.toAbsolutePath().normalize();
    }

    /** The {@code ./jpegmt ...} lines of the sh blocks of the README's "Command line" section. */
    static List<String> examples(String readme) {
        int start = readme.indexOf("## Command line");
        int end = readme.indexOf("\n## ", start + 1);
        String section = readme.substring(start, end < 0 ? readme.length() : end);
        List<String> lines = new ArrayList<>();
        boolean inBlock = false;
        for (String line : section.lines().toList()) {
            if (line.startsWith("```")) {
                inBlock = line.equals("```sh");
                continue;
            }
            if (inBlock && !line.isBlank() && !line.startsWith("#")) {
                lines.add(line.strip());
            }
        }
        return lines;
    }

    private String map(String token) {
        return token.startsWith("samples") || token.startsWith("target/") ? dir.resolve(token).toString() : token;
    }

    @Test
    void commandLineExamplesRun() throws Exception {
        Path readme = repoRoot().resolve("README.md");
        assumeTrue(Files.isRegularFile(readme), "README.md not found at " + readme);
        Files.createDirectories(dir.resolve("samples"));
        Files.copy(repoRoot().resolve("samples/sample.png"), dir.resolve("samples/sample.png"));
        List<String> examples = examples(Files.readString(readme));
        assertTrue(examples.size() >= 10, "examples found: " + examples);
        for (String example : examples) {
            assertTrue(example.startsWith("./jpegmt "), "every example runs the launcher: " + example);
            List<String> tokens = new ArrayList<>(Arrays.asList(example.split("\\s+")));
            tokens.remove(0);
            byte[] stdin = new byte[0];
            Path stdoutFile = null;
            List<String> args = new ArrayList<>();
            for (int i = 0; i < tokens.size(); i++) {
                String t = tokens.get(i);
                if (t.equals("<")) {
                    stdin = Files.readAllBytes(Path.of(map(tokens.get(++i))));
                } else if (t.equals(">")) {
                    stdoutFile = Path.of(map(tokens.get(++i)));
                } else {
                    args.add(map(t));
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int status = Main.run(new ByteArrayInputStream(stdin), out, new PrintStream(err, true, StandardCharsets.UTF_8),
                    args.toArray(String[]::new));
            assertEquals(0, status, example + "\n" + err.toString(StandardCharsets.UTF_8));
            if (stdoutFile != null) {
                Files.write(stdoutFile, out.toByteArray());
            }
        }
        assertTrue(Files.exists(dir.resolve("target/demo/png/sample.png")));
        assertTrue(Files.size(dir.resolve("target/demo/from-pipe.jpg")) > 1000);
    }
}
