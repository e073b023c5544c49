package org.jpegmt.core.internal;

/**
 * The run-time switch between the scalar kernels (the default and the reference) and their
 * Vector API twins ({@code *Vector} classes of this package, {@code jdk.incubator.vector}).
 *
 * <p>The vector kernels are used only when the incubator module is in the boot layer (the JVM
 * was started with {@code --add-modules jdk.incubator.vector}) and the system property
 * {@value #PROPERTY} is not {@code false}. Both paths produce the same integers: they implement
 * the same integer arithmetic, and the tests compare them over random blocks and rows and over
 * the whole corpus.
 *
 * <p>Code that uses a vector class must test {@link #VECTOR} first: without the module in the
 * boot layer, loading a {@code *Vector} class fails with {@code NoClassDefFoundError}.
 */
public final class Simd {
    /** System property: {@code false} forces the scalar kernels even when the module is present. */
    static final String PROPERTY = "jpegmt.vector";

    /** Whether the vector kernels are in use in this JVM. */
    static final boolean VECTOR = moduleInBootLayer() && !"false".equalsIgnoreCase(property());

    private Simd() {
    }

    /** {@link #VECTOR}, for the command line's {@code --version} (this package is exported to it). */
    public static boolean vectorKernels() {
        return VECTOR;
    }

    private static boolean moduleInBootLayer() {
        return ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
    }

    private static String property() {
        try {
            return System.getProperty(PROPERTY, "");
        } catch (SecurityException e) {
            return "";
        }
    }
}
