package org.jpegmt.bench;

import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jpegmt.core.PixelImage;
import org.jpegmt.core.Subsampling;

/**
 * libjpeg-turbo through its own JNI classes ({@code org.libjpegturbo.turbojpeg}, Debian package
 * {@code libturbojpeg-java}, jar {@code /usr/share/java/turbojpeg.jar}), reached by reflection so
 * that the bench builds and runs without it. {@link #available()} says whether it can be used;
 * the runner leaves the TurboJPEG benchmarks out, visibly, when it cannot.
 */
final class TurboPeer {
    /** Where Debian installs the jar. */
    static final Path SYSTEM_JAR = Path.of("/usr/share/java/turbojpeg.jar");

    private static final int PF_RGB = 0; // TJ.PF_RGB
    private static final int SAMP_444 = 0; // TJ.SAMP_444
    private static final int SAMP_422 = 1;
    private static final int SAMP_420 = 2;

    private final Constructor<?> decompressorNew;
    private final Method decompress;
    private final Method decompressorClose;
    private final Constructor<?> compressorNew;
    private final Method setSubsamp;
    private final Method setQuality;
    private final Method compress;
    private final Method compressedSize;
    private final Method compressorClose;

    private TurboPeer() throws ReflectiveOperationException {
        Class<?> d = Class.forName("org.libjpegturbo.turbojpeg.TJDecompressor");
        decompressorNew = d.getConstructor(byte[].class);
        decompress = d.getMethod("decompress", int.class, int.class, int.class, int.class, int.class);
        decompressorClose = d.getMethod("close");
        Class<?> c = Class.forName("org.libjpegturbo.turbojpeg.TJCompressor");
        compressorNew = c.getConstructor(byte[].class, int.class, int.class, int.class, int.class, int.class, int.class);
        setSubsamp = c.getMethod("setSubsamp", int.class);
        setQuality = c.getMethod("setJPEGQuality", int.class);
        compress = c.getMethod("compress", int.class);
        compressedSize = c.getMethod("getCompressedSize");
        compressorClose = c.getMethod("close");
    }

    /** @return the peer, or null with the reason in {@link #whyMissing()} */
    static TurboPeer load() {
        try {
            TurboPeer p = new TurboPeer();
            p.probe();
            return p;
        } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
            return null;
        }
    }

    /** @return null when usable, else a one-line reason */
    static String whyMissing() {
        try {
            new TurboPeer().probe();
            return null;
        } catch (ReflectiveOperationException e) {
            return Files.exists(SYSTEM_JAR) ? "turbojpeg classes not on the class path (" + e + ")"
                    : "TurboJPEG Java classes not installed (" + SYSTEM_JAR + " missing: Debian libturbojpeg-java)";
        } catch (LinkageError | RuntimeException e) {
            return "TurboJPEG native library not usable: " + e;
        }
    }

    static boolean available() {
        return whyMissing() == null;
    }

    private void probe() throws ReflectiveOperationException {
        byte[] rgb = new byte[16 * 16 * 3];
        byte[] jpeg = encode(new PixelImage(16, 16, org.jpegmt.core.PixelFormat.RGB, rgb), 90, Subsampling.S420);
        decode(jpeg, 16, 16);
    }

    byte[] decode(byte[] jpeg, int width, int height) throws ReflectiveOperationException {
        Object d = decompressorNew.newInstance((Object) jpeg);
        try {
            return (byte[]) decompress.invoke(d, width, 0, height, PF_RGB, 0);
        } finally {
            decompressorClose.invoke(d);
        }
    }

    byte[] encode(PixelImage rgb, int quality, Subsampling subsampling) throws ReflectiveOperationException {
        Object c = compressorNew.newInstance(rgb.data(), 0, 0, rgb.width(), 0, rgb.height(), PF_RGB);
        try {
            setSubsamp.invoke(c, subsampling == Subsampling.S444 ? SAMP_444 : subsampling == Subsampling.S422 ? SAMP_422 : SAMP_420);
            setQuality.invoke(c, quality);
            byte[] buf = (byte[]) compress.invoke(c, 0);
            int n = (Integer) compressedSize.invoke(c);
            return n == buf.length ? buf : java.util.Arrays.copyOf(buf, n);
        } finally {
            compressorClose.invoke(c);
        }
    }
}
