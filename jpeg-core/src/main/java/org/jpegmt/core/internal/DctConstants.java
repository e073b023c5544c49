package org.jpegmt.core.internal;

/**
 * The fixed-point cosine constants of the accurate integer DCT (libjpeg's "islow", shared by
 * {@link Fdct} and {@link Idct}): {@code Cx = round(x * 2^13)} with {@code CONST_BITS = 13}.
 * Compile-time constants, so using them costs nothing in the hot loops.
 */
final class DctConstants {
    private DctConstants() {
    }

    static final int C298 = 2446;   // 0.298631336
    static final int C390 = 3196;   // 0.390180644
    static final int C541 = 4433;   // 0.541196100
    static final int C765 = 6270;   // 0.765366865
    static final int C899 = 7373;   // 0.899976223
    static final int C1175 = 9633;  // 1.175875602
    static final int C1501 = 12299; // 1.501321110
    static final int C1847 = 15137; // 1.847759065
    static final int C1961 = 16069; // 1.961570560
    static final int C2053 = 16819; // 2.053119869
    static final int C2562 = 20995; // 2.562915447
    static final int C3072 = 25172; // 3.072711026
}
