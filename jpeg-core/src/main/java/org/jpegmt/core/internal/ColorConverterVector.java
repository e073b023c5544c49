package org.jpegmt.core.internal;

import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vector API twin of {@link ColorConverter}'s fancy (triangle) upsampling fused with YCbCr to RGB
 * (4:2:0 and 4:2:2, most JPEG photos), and of {@link Upsampler#columnSums}. Same integers as the
 * scalar reference: the same formulas lane by lane, and the saturation is a min/max instead of
 * a table (equal for every value the formulas can give). Use only when {@link Simd#VECTOR}.
 *
 * <p>One step handles {@code L} pixel pairs ({@code L} int lanes of the preferred shape): the
 * chroma of the even and of the odd pixel of each pair, the Y samples split into even and odd
 * lanes, R, G and B packed as {@code R | G << 8 | B << 16} per pixel, the even and odd pixels
 * zipped back into pixel order, and each packed pixel's 3 bytes moved together by one byte
 * shuffle. Every store writes a whole vector of which the first 3/4 are pixels; the rest is
 * overwritten by the next store, so the loop stops while the last store still ends inside this
 * output row, and the scalar code finishes the row.
 */
final class ColorConverterVector {
    /**
     * 256 bits, 8 int lanes, whatever the preferred shape: with JDK 17 and 25 on an AVX-512 x86,
     * C2 compiled this kernel's operations to single instructions at 256 bits, while at 512 bits
     * some of them fell back to Java loops (far slower than the scalar code). The bytes that
     * widen to the lanes are a 64-bit vector: a widening with the same lane count on both sides.
     */
    private static final VectorSpecies<Integer> I = IntVector.SPECIES_256;
    private static final int L = I.length();
    /** L bytes, widened to the L int lanes. */
    private static final VectorSpecies<Byte> B_L = ByteVector.SPECIES_64;
    /** The bytes of one int vector. */
    private static final VectorSpecies<Byte> B_4L = I.withLanes(byte.class);

    /**
     * Zipping the even and odd pixels' chroma into pixel order: each vector's lanes spread to every
     * other lane ({@code j -> j / 2}, first half; {@code j -> L/2 + j / 2}, second half), then the
     * odd lanes taken from the odd pixels. Single-vector shuffles and a blend: the two-vector
     * rearrange rebuilds its shuffle on every call in JDK 17.
     */
    private static final VectorShuffle<Integer> SPREAD_LO = shuffle(I, j -> j / 2);
    private static final VectorShuffle<Integer> SPREAD_HI = shuffle(I, j -> L / 2 + j / 2);
    private static final VectorMask<Integer> ODD_LANES = VectorMask.fromLong(I, 0xAAAAAAAAAAAAAAAAL);
    /** Bytes 0, 1, 2 of every int, packed: lanes 3L .. 4L - 1 are don't-care (byte 0). */
    private static final VectorShuffle<Byte> PACK3 = shuffle(B_4L, j -> j < 3 * L ? (j / 3) * 4 + j % 3 : 0);

    private static final int RK = 32768 - 91881 * 128;
    private static final int GK = 32768 + (22554 + 46802) * 128;
    private static final int BK = 32768 - 116130 * 128;

    private ColorConverterVector() {
    }

    private static <E> VectorShuffle<E> shuffle(VectorSpecies<E> s, java.util.function.IntUnaryOperator index) {
        int[] idx = new int[s.length()];
        for (int j = 0; j < idx.length; j++) {
            idx[j] = index.applyAsInt(j);
        }
        return VectorShuffle.fromArray(s, idx, 0);
    }

    /** {@link Upsampler#columnSums}: cs[i + 1] = 3 near[i] + far[i], edges repeated. */
    static void columnSums(byte[] in, int nearOff, int farOff, int dw, int[] cs) {
        int i = 0;
        for (; i <= dw - L; i += L) {
            IntVector near = widen(in, nearOff + i);
            IntVector far = widen(in, farOff + i);
            near.mul(3).add(far).intoArray(cs, i + 1);
        }
        for (; i < dw; i++) {
            cs[i + 1] = 3 * (in[nearOff + i] & 0xFF) + (in[farOff + i] & 0xFF);
        }
        cs[0] = cs[1];
        cs[dw + 1] = cs[dw];
    }

    /** L unsigned bytes as ints. */
    private static IntVector widen(byte[] a, int off) {
        return ((IntVector) ByteVector.fromArray(B_L, a, off).convertShape(VectorOperators.B2I, I, 0)).and(0xFF);
    }

    /**
     * Same contract and result as {@link ColorConverter#yccToRgbFancy}, with two scratch rows of
     * at least {@code n} ints for the upsampled chroma.
     *
     * <p>Two passes over the row, each a small loop: C2 compiles a loop of this many vector
     * operations only when it fits its inlining budget, and a vector operation it could not
     * inline costs far more than the scalar code (boxed vectors, a Java loop per lane).
     */
    static void yccToRgbFancy(byte[] y, int yo, int[] csb, int[] csr, int n, int evenBias, int oddBias,
            int shift, int[] upb, int[] upr, byte[] out, int o) {
        // Pixels [0, 2 vectorPairs) go through the vectors, in steps of L pairs; every step's
        // stores (4L bytes for L pixels) stay inside the row when L more pixels follow.
        int vectorPairs = Math.max(0, (n - L) / (2 * L) * L);
        upsample(csb, vectorPairs, evenBias, oddBias, shift, upb);
        upsample(csr, vectorPairs, evenBias, oddBias, shift, upr);
        rgbRow(y, yo, upb, upr, 2 * vectorPairs, out, o);
        ColorConverter.yccToRgbFancy(y, yo, csb, csr, vectorPairs, n, evenBias, oddBias, shift, out, o);
    }

    /**
     * Horizontal fancy upsampling of pairs {@code [0, pairs)} (a multiple of L) from an edge-padded
     * row {@code cs} into pixel order: up[2i] = (3 cs[i+1] + cs[i] + evenBias) >> shift,
     * up[2i+1] = (3 cs[i+1] + cs[i+2] + oddBias) >> shift.
     */
    private static void upsample(int[] cs, int pairs, int evenBias, int oddBias, int shift, int[] up) {
        for (int i = 0; i < pairs; i += L) {
            IntVector c3 = IntVector.fromArray(I, cs, i + 1).mul(3);
            IntVector even = c3.add(IntVector.fromArray(I, cs, i)).add(evenBias).lanewise(VectorOperators.ASHR, shift);
            IntVector odd = c3.add(IntVector.fromArray(I, cs, i + 2)).add(oddBias).lanewise(VectorOperators.ASHR, shift);
            even.rearrange(SPREAD_LO).blend(odd.rearrange(SPREAD_LO), ODD_LANES).intoArray(up, 2 * i);
            even.rearrange(SPREAD_HI).blend(odd.rearrange(SPREAD_HI), ODD_LANES).intoArray(up, 2 * i + L);
        }
    }

    /**
     * YCbCr to RGB of pixels {@code [0, n)} (a multiple of L) with upsampled chroma; each step
     * stores 4L bytes of which the first 3L are its L pixels, the caller keeps the last store
     * inside the row.
     */
    private static void rgbRow(byte[] y, int yo, int[] cb, int[] cr, int n, byte[] out, int o) {
        for (int x = 0; x < n; x += L) {
            IntVector yy = ((IntVector) ByteVector.fromArray(B_L, y, yo + x).convertShape(VectorOperators.B2I, I, 0))
                    .and(0xFF);
            IntVector b = IntVector.fromArray(I, cb, x);
            IntVector r = IntVector.fromArray(I, cr, x);
            rgb(yy, b, r).reinterpretAsBytes().rearrange(PACK3).intoArray(out, o + 3 * x);
        }
    }

    /** R | G << 8 | B << 16 of each lane, as {@link ColorConverter} computes them. */
    private static IntVector rgb(IntVector y, IntVector cb, IntVector cr) {
        IntVector r = y.add(cr.mul(91881).add(RK).lanewise(VectorOperators.ASHR, 16)).max(0).min(255);
        IntVector g = y.add(cb.mul(-22554).sub(cr.mul(46802)).add(GK).lanewise(VectorOperators.ASHR, 16))
                .max(0).min(255);
        IntVector b = y.add(cb.mul(116130).add(BK).lanewise(VectorOperators.ASHR, 16)).max(0).min(255);
        return r.or(g.lanewise(VectorOperators.LSHL, 8)).or(b.lanewise(VectorOperators.LSHL, 16));
    }
}
