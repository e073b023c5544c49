package org.jpegmt.imageio;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jpegmt.core.JpegDecoder;
import org.jpegmt.mt.ParallelJpegDecoder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How the plugin and the codec behave for a user, in a fresh JVM each: the ImageIO plugin is
 * found and preferred over the JDK's both on the class path (through {@code META-INF/services})
 * and on the module path (through the {@code provides} clauses of {@code module-info}), the
 * codec's internal package is really encapsulated on the module path, and the codec runs in a
 * module graph without {@code java.desktop}.
 *
 * <p>This module's own tests run in whatever mode surefire picks (the module path, patched), so
 * they cannot show both; hence the child JVMs. Each child is the same {@code java} binary, runs a
 * small single-file source program (the probe, written to a temp dir) with the classes of
 * jpeg-core, jpeg-mt and jpeg-imageio found from this JVM (a directory or a jar each), prints one
 * line per check, and exits 0 only when every check holds.
 */
class PluginDiscoveryTest {
    private static final long TIMEOUT_SECONDS = 60;

    /** The probe's checks shared by both modes: which plugin ImageIO picks, and a round trip. */
    private static final String IMAGEIO_PROBE = """
            import java.awt.image.BufferedImage;
            import java.io.ByteArrayInputStream;
            import java.io.ByteArrayOutputStream;
            import java.lang.invoke.MethodHandles;
            import java.util.ArrayList;
            import java.util.Iterator;
            import java.util.List;
            import java.util.ServiceLoader;
            import javax.imageio.ImageIO;
            import javax.imageio.ImageReader;
            import javax.imageio.ImageWriter;
            import javax.imageio.spi.ImageReaderSpi;
            import javax.imageio.stream.ImageInputStream;

            public class ImageIoProbe {
                static final String OUR_READER = "org.jpegmt.imageio.JpegmtImageReader";
                static final String OUR_WRITER = "org.jpegmt.imageio.JpegmtImageWriter";
                static final String JDK_READER = "com.sun.imageio.plugins.jpeg.JPEGImageReader";
                static final String JDK_WRITER = "com.sun.imageio.plugins.jpeg.JPEGImageWriter";
                static int failures;

                static void check(boolean ok, String what) {
                    System.out.println((ok ? "ok   " : "FAIL ") + what);
                    if (!ok) {
                        failures++;
                    }
                }

                static List<String> names(Iterator<?> it) {
                    List<String> names = new ArrayList<>();
                    it.forEachRemaining(o -> names.add(o.getClass().getName()));
                    return names;
                }

                public static void main(String[] args) throws Exception {
                    boolean modular = args[0].equals("modulepath");
                    List<String> readers = names(ImageIO.getImageReadersByFormatName("jpeg"));
                    List<String> writers = names(ImageIO.getImageWritersByFormatName("jpeg"));
                    System.out.println("readers for jpeg: " + readers);
                    System.out.println("writers for jpeg: " + writers);
                    check(!readers.isEmpty() && readers.get(0).equals(OUR_READER), "first jpeg reader is jpegmt's");
                    check(!writers.isEmpty() && writers.get(0).equals(OUR_WRITER), "first jpeg writer is jpegmt's");
                    check(readers.contains(OUR_READER) && readers.indexOf(JDK_READER) > readers.indexOf(OUR_READER),
                            "the JDK reader is registered too, after jpegmt's");
                    check(writers.contains(OUR_WRITER) && writers.indexOf(JDK_WRITER) > writers.indexOf(OUR_WRITER),
                            "the JDK writer is registered too, after jpegmt's");
                    check(names(ImageIO.getImageReadersBySuffix("jpg")).get(0).equals(OUR_READER),
                            "first reader for suffix jpg is jpegmt's");
                    check(names(ImageIO.getImageReadersByMIMEType("image/jpeg")).get(0).equals(OUR_READER),
                            "first reader for image/jpeg is jpegmt's");

                    ImageReader reader = ImageIO.getImageReadersByFormatName("jpeg").next();
                    Module pluginModule = reader.getClass().getModule();
                    System.out.println("plugin module: " + pluginModule);
                    if (modular) {
                        check(pluginModule.isNamed() && pluginModule.getName().equals("org.jpegmt.imageio"),
                                "the reader comes from module org.jpegmt.imageio");
                        boolean provided = false;
                        for (ServiceLoader.Provider<ImageReaderSpi> p
                                : ServiceLoader.load(ImageReaderSpi.class).stream().toList()) {
                            if (p.type().getName().equals("org.jpegmt.imageio.JpegmtImageReaderSpi")) {
                                provided = p.type().getModule() == pluginModule;
                            }
                        }
                        check(provided, "ServiceLoader finds the reader provider in the module (provides clause)");
                    } else {
                        check(!pluginModule.isNamed(), "the reader comes from the class path (unnamed module)");
                    }

                    BufferedImage img = new BufferedImage(24, 16, BufferedImage.TYPE_INT_RGB);
                    for (int y = 0; y < img.getHeight(); y++) {
                        for (int x = 0; x < img.getWidth(); x++) {
                            img.setRGB(x, y, (x * 10) << 16 | (y * 12) << 8 | 128);
                        }
                    }
                    ByteArrayOutputStream out = new ByteArrayOutputStream();
                    check(ImageIO.write(img, "jpeg", out), "ImageIO.write(jpeg) found a writer");
                    byte[] jpeg = out.toByteArray();
                    check(jpeg.length > 4 && (jpeg[0] & 0xFF) == 0xFF && (jpeg[1] & 0xFF) == 0xD8,
                            "ImageIO.write produced a JPEG (" + jpeg.length + " bytes)");
                    try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(jpeg))) {
                        List<String> able = names(ImageIO.getImageReaders(in));
                        check(!able.isEmpty() && able.get(0).equals(OUR_READER),
                                "jpegmt's reader takes the file: " + able);
                    }
                    BufferedImage back = ImageIO.read(new ByteArrayInputStream(jpeg));
                    check(back != null && back.getWidth() == 24 && back.getHeight() == 16, "ImageIO.read gives 24x16");
                    if (back != null) {
                        int maxDiff = 0;
                        for (int y = 0; y < 16; y++) {
                            for (int x = 0; x < 24; x++) {
                                int a = img.getRGB(x, y);
                                int b = back.getRGB(x, y);
                                for (int shift = 0; shift < 24; shift += 8) {
                                    maxDiff = Math.max(maxDiff, Math.abs((a >> shift & 0xFF) - (b >> shift & 0xFF)));
                                }
                            }
                        }
                        check(maxDiff <= 40, "decoded pixels are close to the source (max difference " + maxDiff + ")");
                    }

                    if (modular) {
                        Module core = ModuleLayer.boot().findModule("org.jpegmt.core").orElseThrow();
                        Module mt = ModuleLayer.boot().findModule("org.jpegmt.mt").orElseThrow();
                        Module me = ImageIoProbe.class.getModule();
                        String internal = "org.jpegmt.core.internal";
                        check(core.isExported("org.jpegmt.core") && core.isExported("org.jpegmt.core.awt"),
                                "org.jpegmt.core and org.jpegmt.core.awt are exported");
                        check(!core.isExported(internal), internal + " is not exported to everyone");
                        check(!core.isExported(internal, me), internal + " is not exported to the probe");
                        // qualified export: raster writes use EncodeJob.createRaw
                        check(core.isExported(internal, pluginModule), internal + " is exported to org.jpegmt.imageio");
                        check(core.isExported(internal, mt), internal + " is exported to org.jpegmt.mt");
                        check(!core.isOpen(internal, me), internal + " is not open to the probe");
                        Class<?> annexK = Class.forName(internal + ".AnnexK");
                        try {
                            MethodHandles.publicLookup().accessClass(annexK);
                            check(false, "public class " + annexK.getName() + " is accessible to the probe");
                        } catch (IllegalAccessException expected) {
                            check(true, "public class " + annexK.getName() + " is not accessible: "
                                    + expected.getMessage());
                        }
                        try {
                            annexK.getMethod("zigZagToNatural").invoke(null);
                            check(false, "reflective call into " + internal + " succeeded");
                        } catch (IllegalAccessException expected) {
                            check(true, "reflective call into " + internal + " refused");
                        }
                    }
                    System.out.println(failures == 0 ? "PROBE PASSED" : "PROBE FAILED: " + failures + " check(s)");
                    System.exit(failures == 0 ? 0 : 1);
                }
            }
            """;

    /** The codec on the module path, in a module graph that has no java.desktop. */
    private static final String CODEC_PROBE = """
            import org.jpegmt.core.JpegEncoder;
            import org.jpegmt.core.PixelFormat;
            import org.jpegmt.core.PixelImage;
            import org.jpegmt.mt.ParallelJpegDecoder;
            import org.jpegmt.core.DecoderOptions;

            public class CodecProbe {
                public static void main(String[] args) throws Exception {
                    int failures = 0;
                    boolean desktop = ModuleLayer.boot().findModule("java.desktop").isPresent();
                    System.out.println((desktop ? "FAIL " : "ok   ") + "java.desktop is not in the boot layer");
                    failures += desktop ? 1 : 0;
                    PixelImage img = PixelImage.allocate(40, 24, PixelFormat.RGB);
                    byte[] px = img.data();
                    for (int i = 0; i < px.length; i++) {
                        px[i] = (byte) (i * 7 % 200);
                    }
                    byte[] jpeg = new JpegEncoder().encode(img);
                    PixelImage back = new ParallelJpegDecoder(DecoderOptions.defaults(), 2).decode(jpeg);
                    boolean ok = back.width() == 40 && back.height() == 24 && back.format() == PixelFormat.RGB;
                    System.out.println((ok ? "ok   " : "FAIL ") + "encode + parallel decode without AWT: " + back);
                    failures += ok ? 0 : 1;
                    System.out.println(failures == 0 ? "PROBE PASSED" : "PROBE FAILED: " + failures + " check(s)");
                    System.exit(failures == 0 ? 0 : 1);
                }
            }
            """;

    @TempDir
    Path dir;

    @Test
    void pluginIsFoundAndPreferredOnTheClassPath() throws Exception {
        String classPath = String.join(File.pathSeparator, location(JpegDecoder.class),
                location(ParallelJpegDecoder.class), location(JpegmtImageReader.class));
        runProbe("ImageIoProbe", IMAGEIO_PROBE, List.of("-cp", classPath), "classpath");
    }

    @Test
    void pluginIsFoundAndPreferredOnTheModulePathAndInternalsStayEncapsulated() throws Exception {
        String modulePath = String.join(File.pathSeparator, location(JpegDecoder.class),
                location(ParallelJpegDecoder.class), location(JpegmtImageReader.class));
        runProbe("ImageIoProbe", IMAGEIO_PROBE,
                List.of("--module-path", modulePath, "--add-modules", "org.jpegmt.imageio"), "modulepath");
    }

    @Test
    void codecRunsOnTheModulePathWithoutJavaDesktop() throws Exception {
        String modulePath = String.join(File.pathSeparator, location(JpegDecoder.class),
                location(ParallelJpegDecoder.class));
        // jdk.compiler: the source launcher compiles the probe in the child; jdk.zipfs: javac
        // reads the module path's jars through the zip file system
        runProbe("CodecProbe", CODEC_PROBE, List.of("--module-path", modulePath, "--add-modules", "org.jpegmt.mt",
                "--limit-modules", "org.jpegmt.mt,jdk.compiler,jdk.zipfs"), "modulepath");
    }

    /** Where a class was loaded from: a classes directory or a jar. */
    private static String location(Class<?> c) throws URISyntaxException {
        return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    }

    private void runProbe(String className, String source, List<String> jvmOptions, String mode)
            throws IOException, InterruptedException {
        Path program = dir.resolve(className + ".java");
        Files.writeString(program, source, StandardCharsets.UTF_8);
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Djava.awt.headless=true");
        command.addAll(jvmOptions);
        command.add(program.toString());
        command.add(mode);
        Path output = dir.resolve(className + "-" + mode + ".out");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(output.toFile()).directory(dir.toFile());
        // the child's options are exactly the ones above
        builder.environment().remove("JDK_JAVA_OPTIONS");
        builder.environment().remove("JAVA_TOOL_OPTIONS");
        Process child = builder.start();
        boolean finished = child.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        if (!finished) {
            child.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        String out = Files.readString(output, StandardCharsets.UTF_8);
        String report = "command: " + String.join(" ", command) + "\n--- child output ---\n" + out;
        if (!finished) {
            fail("probe did not finish within " + TIMEOUT_SECONDS + " s\n" + report);
        }
        assertTrue(child.exitValue() == 0 && out.contains("PROBE PASSED") && !out.contains("FAIL "),
                "probe exit code " + child.exitValue() + "\n" + report);
    }
}
