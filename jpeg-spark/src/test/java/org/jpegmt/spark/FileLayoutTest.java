package org.jpegmt.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Input bases, relative paths and the extension glob, without Spark. */
class FileLayoutTest {
    @TempDir
    Path dir;

    @Test
    void extensionGlobMatchesEveryCaseOfTheCommandsExtensions() {
        assertEquals("*.{[pP][nN][gG],[jJ][pP][eE][gG]}", JpegBatch.extensionGlob(List.of(".png", ".jpeg")));
    }

    @Test
    void aDirectoryIsItsOwnBaseAFileItsParentAGlobItsFixedPart() throws Exception {
        Path in = Files.createDirectories(dir.resolve("in/a"));
        Files.write(in.resolve("x.png"), new byte[1]);
        Configuration conf = new Configuration();
        String out = dir.resolve("out").toString();
        String file = "file:" + in.resolve("x.png");

        assertEquals("a/x.png", FileLayout.of(dir.resolve("in").toString(), out, conf).relative(file));
        FileLayout single = FileLayout.of(in.resolve("x.png").toString(), out, conf);
        assertTrue(single.singleFile());
        assertEquals("x.png", single.relative(file));
        assertEquals("a/x.png", FileLayout.of(dir.resolve("in") + "/[a-b]/*.png", out, conf).relative(file));
        assertEquals(dir.resolve("out/a/x.jpg"), FileLayout.of(dir.resolve("in").toString(), "file:" + out, conf)
                .output("a/x.jpg"));
    }

    @Test
    void anOutputRootInsideTheInputHoldsOutputsNotInputs() throws Exception {
        Path in = Files.createDirectories(dir.resolve("in"));
        Configuration conf = new Configuration();
        FileLayout inside = FileLayout.of(in.toString(), in.resolve("out").toString(), conf);
        assertTrue(inside.inOutputRoot("file:" + in.resolve("out/a.jpg")));
        assertFalse(inside.inOutputRoot("file:" + in.resolve("a.jpg")));
        FileLayout same = FileLayout.of(in.toString(), in.toString(), conf);
        assertFalse(same.inOutputRoot("file:" + in.resolve("a.jpg")), "the command's rule: outputs beside inputs are inputs");
    }

    @Test
    void outputRootMustBeAMountedFileSystem() {
        assertThrows(IllegalArgumentException.class, () -> FileLayout.of(dir.toString(), "hdfs://nn/out", new Configuration()));
    }
}
