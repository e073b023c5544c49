package org.jpegmt.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.Test;

/**
 * The build's test wiring: surefire's default execution adds {@code jdk.incubator.vector} and
 * sets {@code jpegmt.expectVector=true}, its {@code scalar-path} execution leaves the module out
 * and sets {@code false} (parent pom). This pins that each execution really runs the kernels it
 * claims to, so a broken {@code --add-modules} cannot turn the vector tests into scalar ones
 * unnoticed, nor the scalar execution into a vector one.
 */
class SimdTest {
    @Test
    void theKernelsInUseAreTheOnesTheBuildAskedFor() {
        String expected = System.getProperty("jpegmt.expectVector");
        assumeTrue(expected != null, "not run by the Maven build (no jpegmt.expectVector)");
        assertEquals(Boolean.parseBoolean(expected), Simd.VECTOR,
                "jpegmt.expectVector=" + expected + " but Simd.VECTOR=" + Simd.VECTOR);
    }
}
