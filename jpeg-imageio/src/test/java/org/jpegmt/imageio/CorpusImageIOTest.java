package org.jpegmt.imageio;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The plugin on the shared corpus ({@code jpegmt.shared} system property, set by the root pom
 * for surefire, or {@code ../shared}): every {@code expect=decode} file read through
 * {@code ImageIO.read} equals jpegmt's own decode; the progressive (SOF2) {@code expect=reject}
 * files, which jpeg-core decodes now, are claimed, read as jpegmt decodes them and described by
 * the same metadata trees as the JDK reader's; every other {@code expect=reject} file
 * (arithmetic, lossless, 12-bit, no frame) is declined by the provider, so ImageIO hands it to
 * another reader. Prints a note and skips when the corpus is absent.
 */
class CorpusImageIOTest {
    private static Path corpus;
    /** {@code sof_type} of the SOF2 rows. */
    private static final String PROGRESSIVE = "progressive";
    /** file, expect and sof_type columns of MANIFEST.tsv. */
    private static final List<String[]> ROWS = new ArrayList<>();

    @BeforeAll
    static void locate() throws IOException {
        String prop = System.getProperty("jpegmt.shared");
        for (String candidate : new String[] {prop, "../shared", "../../shared"}) {
            if (candidate != null && Files.isRegularFile(Path.of(candidate, "corpus", "MANIFEST.tsv"))) {
                corpus = Path.of(candidate, "corpus");
                break;
            }
        }
        if (corpus == null) {
            System.out.println("NOTE: shared corpus not found (-Djpegmt.shared=" + prop
                    + ", ../shared): ImageIO corpus checks SKIPPED");
            return;
        }
        List<String> lines = Files.readAllLines(corpus.resolve("MANIFEST.tsv"), StandardCharsets.UTF_8);
        List<String> header = List.of(lines.get(0).split("\t", -1));
        int file = header.indexOf("file");
        int expect = header.indexOf("expect");
        int sofType = header.indexOf("sof_type");
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split("\t", -1);
            if (f.length > Math.max(file, Math.max(expect, sofType))) {
                ROWS.add(new String[] {f[file], f[expect], f[sofType]});
            }
        }
    }

    private static List<Path> files(String expect) {
        return files(expect, null, false);
    }

    /**
     * @param sofType a {@code sof_type} value, or null for every row
     * @param exclude whether to take the rows without that type instead of those with it
     */
    private static List<Path> files(String expect, String sofType, boolean exclude) {
        Assumptions.assumeTrue(corpus != null, "shared corpus absent");
        List<Path> out = new ArrayList<>();
        for (String[] row : ROWS) {
            if (row[1].equals(expect) && (sofType == null || row[2].equals(sofType) != exclude)) {
                out.add(corpus.resolve(row[0]));
            }
        }
        return out;
    }

    @Test
    void imageIoReadEqualsJpegmtDecodeOnDecodableFiles() throws IOException {
        List<Path> files = files("decode");
        JpegmtImageReaderSpi spi = new JpegmtImageReaderSpi();
        List<String> failures = new ArrayList<>();
        for (Path p : files) {
            File f = p.toFile();
            try (ImageInputStream in = ImageIO.createImageInputStream(f)) {
                ImageReader picked = ImageIO.getImageReaders(in).next();
                if (!(picked instanceof JpegmtImageReader) || !spi.canDecodeInput(in)) {
                    failures.add(p + ": ImageIO picked " + picked.getClass().getName());
                    continue;
                }
            }
            BufferedImage expected = TestImages.decode(Files.readAllBytes(p));
            try {
                TestImages.assertSamplesEqual(expected, readRaw(f), p.toString());
            } catch (AssertionError e) {
                failures.add(e.getMessage());
            }
        }
        System.out.println("ImageIO plugin on the corpus: " + (files.size() - failures.size()) + "/"
                + files.size() + " expect=decode files read with rawSamples equal jpegmt's decode (corpus " + corpus + ")");
        assertTrue(failures.isEmpty(), failures.size() + " failures, first: " + failures);
    }

    /** Reads with {@link JpegmtImageReadParam#setRawSamples}: embedded profiles not applied. */
    private static BufferedImage readRaw(File f) throws IOException {
        JpegmtImageReader reader = (JpegmtImageReader) new JpegmtImageReaderSpi().createReaderInstance();
        try (ImageInputStream in = ImageIO.createImageInputStream(f)) {
            reader.setInput(in);
            JpegmtImageReadParam p = (JpegmtImageReadParam) reader.getDefaultReadParam();
            p.setRawSamples(true);
            return reader.read(0, p);
        } finally {
            reader.dispose();
        }
    }

    /**
     * Colour files with an embedded ICC profile: the default read equals the JDK reader's
     * (which converts from the profile to sRGB), sample for sample.
     */
    @Test
    void filesWithProfilesReadAsTheJdkReadsThem() throws IOException {
        List<Path> files = new ArrayList<>(files("decode"));
        files.addAll(files("decode-optional"));
        files.addAll(files("reject", PROGRESSIVE, false));
        JpegmtImageReaderSpi spi = new JpegmtImageReaderSpi();
        List<String> failures = new ArrayList<>();
        int checked = 0;
        for (Path p : files) {
            byte[] bytes = Files.readAllBytes(p);
            JpegHeaders.Header h;
            try (ImageInputStream in = TestImages.stream(bytes)) {
                if (!spi.canDecodeInput(in)) {
                    continue;
                }
                h = JpegHeaders.read(in, false, true);
            }
            if (h == null || IccProfiles.embedded(h.segments(), 3) == null || !isColour(h)) {
                continue;
            }
            checked++;
            try {
                TestImages.assertSamplesEqual(JdkReader.read(bytes), ImageIO.read(p.toFile()), p.toString());
            } catch (AssertionError | IOException e) {
                failures.add(p + ": " + e.getMessage());
            }
        }
        System.out.println("ImageIO plugin on the corpus: " + checked + " colour files with an ICC profile, "
                + failures.size() + " differ from the JDK reader");
        assertTrue(failures.isEmpty(), failures.size() + " failures: " + failures);
    }

    private static boolean isColour(JpegHeaders.Header h) {
        for (JpegHeaders.Segment s : h.segments()) {
            if (JpegHeaders.isSof(s.marker())) {
                return (s.payload()[5] & 0xFF) == 3;
            }
        }
        return false;
    }

    /** SOF1, CMYK/YCCK and files djpeg warns about: when the plugin reads one, it reads it as jpegmt does. */
    @Test
    void optionalFilesReadThroughThePluginEqualJpegmtDecode() throws IOException {
        List<Path> files = files("decode-optional");
        JpegmtImageReaderSpi spi = new JpegmtImageReaderSpi();
        List<String> failures = new ArrayList<>();
        int claimed = 0;
        for (Path p : files) {
            try (ImageInputStream in = ImageIO.createImageInputStream(p.toFile())) {
                if (!spi.canDecodeInput(in)) {
                    continue;
                }
            }
            claimed++;
            try {
                TestImages.assertSamplesEqual(TestImages.decode(Files.readAllBytes(p)), readRaw(p.toFile()),
                        p.toString());
            } catch (AssertionError | IOException e) {
                failures.add(p + ": " + e.getMessage());
            }
        }
        System.out.println("ImageIO plugin on the corpus: " + claimed + "/" + files.size()
                + " expect=decode-optional files claimed, " + failures.size() + " differ from jpegmt's decode");
        assertTrue(failures.isEmpty(), "failures: " + failures);
    }

    /**
     * Progressive files of the corpus (its {@code reject} rows from before jpegmt decoded them):
     * claimed, read with raw samples as jpegmt decodes them (equal to djpeg: conformance's
     * progressive tests), and the native and standard metadata trees equal the JDK reader's
     * wherever the JDK reader gives metadata.
     */
    @Test
    void progressiveFilesAreClaimedAndReadAsJpegmtDecodes() throws IOException {
        List<Path> files = files("reject", PROGRESSIVE, false);
        JpegmtImageReaderSpi spi = new JpegmtImageReaderSpi();
        List<String> failures = new ArrayList<>();
        int treesCompared = 0;
        for (Path p : files) {
            byte[] bytes = Files.readAllBytes(p);
            try (ImageInputStream in = TestImages.stream(bytes)) {
                if (!spi.canDecodeInput(in)) {
                    failures.add(p + ": declined");
                    continue;
                }
            }
            try {
                TestImages.assertSamplesEqual(TestImages.decode(bytes), readRaw(p.toFile()), p.toString());
            } catch (AssertionError | IOException e) {
                failures.add(p + ": " + e.getMessage());
            }
            if (compareMetadata(p, bytes, failures)) {
                treesCompared++;
            }
        }
        System.out.println("ImageIO plugin on the corpus: " + (files.size() - failures.size()) + "/" + files.size()
                + " progressive files read as jpegmt decodes them, metadata trees compared with the JDK's for "
                + treesCompared);
        assertTrue(failures.isEmpty(), failures.size() + " failures: " + failures);
    }

    /**
     * Compares the native and standard trees of jpegmt's reader with the JDK reader's.
     *
     * @return false if the JDK reader gives no metadata for the file (nothing compared)
     */
    private static boolean compareMetadata(Path p, byte[] bytes, List<String> failures) {
        String jdkNative;
        String jdkStandard;
        try {
            javax.imageio.metadata.IIOMetadata jdk = MetadataAndRasterTest.metadata(JdkReader.create(), bytes);
            jdkNative = MetadataAndRasterTest.describe(jdk.getAsTree(NativeTree.FORMAT));
            jdkStandard = MetadataAndRasterTest.describe(jdk.getAsTree("javax_imageio_1.0"));
        } catch (IOException | RuntimeException e) {
            System.out.println("NOTE: JDK reader gives no metadata for " + p + ": " + e);
            return false;
        }
        try {
            javax.imageio.metadata.IIOMetadata ours =
                    MetadataAndRasterTest.metadata(new JpegmtImageReaderSpi().createReaderInstance(), bytes);
            if (!jdkNative.equals(MetadataAndRasterTest.describe(ours.getAsTree(NativeTree.FORMAT)))) {
                failures.add(p + ": native metadata differs from the JDK reader's");
            } else if (!jdkStandard.equals(MetadataAndRasterTest.describe(ours.getAsTree("javax_imageio_1.0")))) {
                failures.add(p + ": standard metadata differs from the JDK reader's");
            }
        } catch (IOException | RuntimeException e) {
            failures.add(p + ": metadata: " + e);
        }
        return true;
    }

    /**
     * Files whose trees are known to differ from the JDK reader's, left out of the comparison:
     * a 557 KB CMYK profile whose
     * {@code ICC_Profile.getData()} differs from byte 131036 on between the JDK's profile object
     * and a fresh one made of the same chunk bytes (LCMS re-serializes the profile; two fresh
     * instances agree with each other, the JDK's instance has been through other calls).
     */
    private static final java.util.Set<String> KNOWN_METADATA_DIFFERENCES = java.util.Set.of(
            "twelvemonkeys-jpeg/cco-illegalargument-rgb-coated-fogra27.jpg");

    /** Every claimed baseline file: both metadata trees equal the JDK reader's, wherever it gives them. */
    @Test
    void metadataTreesEqualTheJdkReadersOnClaimedFiles() throws IOException {
        List<Path> files = new ArrayList<>(files("decode"));
        files.addAll(files("decode-optional"));
        JpegmtImageReaderSpi spi = new JpegmtImageReaderSpi();
        List<String> failures = new ArrayList<>();
        int compared = 0;
        for (Path p : files) {
            byte[] bytes = Files.readAllBytes(p);
            try (ImageInputStream in = TestImages.stream(bytes)) {
                if (!spi.canDecodeInput(in)) {
                    continue;
                }
            }
            if (KNOWN_METADATA_DIFFERENCES.contains(corpus.relativize(p).toString())) {
                continue;
            }
            if (compareMetadata(p, bytes, failures)) {
                compared++;
            }
        }
        System.out.println("ImageIO plugin on the corpus: metadata trees of " + compared + "/" + files.size()
                + " decode and decode-optional files compared with the JDK's, " + failures.size() + " differ ("
                + KNOWN_METADATA_DIFFERENCES.size() + " known differences left out)");
        assertTrue(failures.isEmpty(), failures.size() + " failures: " + failures);
    }

    /** Every claimed file: thumbnail count, sizes and pixels equal the JDK reader's, wherever it reads them. */
    @Test
    void thumbnailsEqualTheJdkReadersOnClaimedFiles() throws IOException {
        List<Path> files = new ArrayList<>(files("decode"));
        files.addAll(files("decode-optional"));
        JpegmtImageReaderSpi spi = new JpegmtImageReaderSpi();
        List<String> failures = new ArrayList<>();
        int withThumbnails = 0;
        for (Path p : files) {
            byte[] bytes = Files.readAllBytes(p);
            ImageReader jdk = JdkReader.create();
            ImageReader ours = spi.createReaderInstance();
            try (ImageInputStream a = TestImages.stream(bytes); ImageInputStream b = TestImages.stream(bytes)) {
                if (!spi.canDecodeInput(b)) {
                    continue;
                }
                jdk.setInput(a);
                ours.setInput(b);
                int n;
                try {
                    n = jdk.getNumThumbnails(0);
                } catch (IOException | RuntimeException e) {
                    continue; // the JDK reader cannot read the header: nothing to compare
                }
                if (n > 0) {
                    withThumbnails++;
                }
                if (ours.getNumThumbnails(0) != n) {
                    failures.add(p + ": " + ours.getNumThumbnails(0) + " thumbnails, the JDK reader gives " + n);
                    continue;
                }
                for (int t = 0; t < n; t++) {
                    BufferedImage e = jdk.readThumbnail(0, t);
                    BufferedImage o = ours.readThumbnail(0, t);
                    if (e.getWidth() != o.getWidth() || e.getHeight() != o.getHeight()
                            || !java.util.Arrays.equals(argb(e), argb(o))) {
                        failures.add(p + ": thumbnail " + t + " differs from the JDK reader's");
                    }
                }
            } catch (IOException | RuntimeException e) {
                failures.add(p + ": thumbnails: " + e);
            } finally {
                jdk.dispose();
                ours.dispose();
            }
        }
        System.out.println("ImageIO plugin on the corpus: " + withThumbnails
                + " claimed files with JFIF/JFXX thumbnails, " + failures.size() + " differ from the JDK reader's");
        assertTrue(failures.isEmpty(), failures.size() + " failures: " + failures);
    }

    private static int[] argb(BufferedImage img) {
        return img.getRGB(0, 0, img.getWidth(), img.getHeight(), null, 0, img.getWidth());
    }

    @Test
    void providerDeclinesWhatJpegmtDoesNotDecode() throws IOException {
        List<Path> files = files("reject", PROGRESSIVE, true);
        JpegmtImageReaderSpi spi = new JpegmtImageReaderSpi();
        List<String> claimed = new ArrayList<>();
        for (Path p : files) {
            try (ImageInputStream in = ImageIO.createImageInputStream(p.toFile())) {
                if (spi.canDecodeInput(in)) {
                    claimed.add(p.toString());
                }
            }
        }
        System.out.println("ImageIO plugin on the corpus: declined " + (files.size() - claimed.size()) + "/"
                + files.size() + " expect=reject files");
        assertTrue(claimed.isEmpty(), "claimed: " + claimed);
    }

    /** Malformed and fuzzed files: when the plugin claims one, reading ends in an image or an IOException. */
    @Test
    void damagedFilesGiveAnImageOrAnIoException() throws IOException {
        List<Path> files = files("robust");
        JpegmtImageReaderSpi spi = new JpegmtImageReaderSpi();
        List<String> crashes = new ArrayList<>();
        int claimed = 0;
        for (Path p : files) {
            ImageReader reader = spi.createReaderInstance();
            try (ImageInputStream in = ImageIO.createImageInputStream(p.toFile())) {
                if (!spi.canDecodeInput(in)) {
                    continue;
                }
                claimed++;
                reader.setInput(in);
                reader.read(0);
            } catch (IOException expected) {
                // a clean refusal
            } catch (RuntimeException e) {
                crashes.add(p + ": " + e);
            } finally {
                reader.dispose();
            }
        }
        System.out.println("ImageIO plugin on the corpus: " + claimed + "/" + files.size()
                + " expect=robust files claimed, " + crashes.size() + " runtime exceptions");
        assertTrue(crashes.isEmpty(), "runtime exceptions: " + crashes);
    }
}
