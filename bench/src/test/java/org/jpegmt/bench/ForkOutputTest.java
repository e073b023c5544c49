package org.jpegmt.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ForkOutputTest {
    private static String filter(String... writes) throws IOException {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        try (ForkOutput.DropLine f = new ForkOutput.DropLine(sink, ForkOutput.INCUBATOR_WARNING)) {
            for (String w : writes) {
                byte[] b = w.getBytes(StandardCharsets.UTF_8);
                f.write(b, 0, b.length);
            }
        }
        return sink.toString(StandardCharsets.UTF_8);
    }

    @Test
    void dropsTheIncubatorWarningLineOnly() throws IOException {
        assertEquals("# Fork: 1 of 1\nIteration   1: 29.674 ops/s\n",
                filter("# Fork: 1 of 1\n", ForkOutput.INCUBATOR_WARNING + "\n", "Iteration   1: 29.674 ops/s\n"));
    }

    @Test
    void dropsItWhenSplitAcrossWritesAndWithCrLf() throws IOException {
        assertEquals("a\nb\n", filter("a\nWARNING: Using incu", "bator modules: jdk.incubator.vector\r", "\nb\n"));
    }

    @Test
    void keepsLinesThatOnlyStartLikeIt() throws IOException {
        assertEquals("WARNING: Using incubator modules: jdk.incubator.vector, jdk.other\nWARNING: x\nWAR",
                filter("WARNING: Using incubator modules: jdk.incubator.vector, jdk.other\n", "WARNING: x\n", "WAR"));
        assertEquals("x WARNING: Using incubator modules: jdk.incubator.vector\n",
                filter("x " + ForkOutput.INCUBATOR_WARNING + "\n"));
    }
}
