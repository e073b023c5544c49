package org.jpegmt.core.internal;

import static org.jpegmt.core.internal.DctConstants.*;

import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

/**
 * The Vector API twin of {@link Idct}: dequantisation and the same accurate integer inverse DCT
 * for a group of eight horizontally adjacent blocks of one component, block j in int lane j
 * (coefficient n of block j at {@code gb + n * 8 + j}, {@link ScanDecoder.CoefficientRow}).
 * Both passes are lane-wise (no shuffles); only the store zips each output row's two halves of
 * the eight blocks into pixel order. Use only when {@link Simd#VECTOR}.
 *
 * <p>Same ints as {@link Idct}: the same operations in every lane. The scalar code takes two
 * shortcuts the full kernel reproduces exactly (zero terms dropped, a row with only ws0) and one
 * it reproduces only while the dequantised row-0 coefficients lie in (-2^18, 2^18): a column
 * with no AC gives {@code x0 << 2}, the kernel {@code ((x0 << 13) + 2^10) >> 11}, which differ
 * once {@code x0 << 13} wraps. {@link #exact} tells the caller when to take the scalar path
 * instead (corrupt data only; baseline coefficients stay far below).
 *
 * <p>Range limit without the table: {@code RANGE_LIMIT[u & 1023]} is
 * {@code clamp(((u + 512) & 1023) - 384, 0, 255)}; the 512 is folded into the pass-2 rounding
 * constant ({@code 512 << 18}: only bits 18..27 of the sum reach the result, so a wrap changes
 * nothing).
 */
final class IdctVector {
    private static final VectorSpecies<Integer> I = IntVector.SPECIES_256;

    /** Zipping lanes j of two vectors into j, j (first half) / 4 + j (second half): see {@link #store}. */
    private static final VectorShuffle<Integer> SPREAD_LO = VectorShuffle.fromValues(I, 0, 0, 1, 1, 2, 2, 3, 3);
    private static final VectorShuffle<Integer> SPREAD_HI = VectorShuffle.fromValues(I, 4, 4, 5, 5, 6, 6, 7, 7);
    private static final VectorMask<Integer> ODD_LANES = VectorMask.fromLong(I, 0xAA);

    /** Pass-2 rounding (2^17) plus the range limit's 512 (see the class comment). */
    private static final int ROUND2 = (1 << 17) + (512 << 18);

    private IdctVector() {
    }

    /**
     * @param gb first int of the group
     * @return false when some block's dequantised row-0 coefficient is outside (-2^18, 2^18),
     *     where {@link #group} would differ from {@link Idct}
     */
    static boolean exact(int[] coef, int gb, int[] q) {
        IntVector acc = IntVector.zero(I);
        for (int c = 0; c < 8; c++) {
            acc = acc.or(IntVector.fromArray(I, coef, gb + c * 8).mul(q[c]).add(1 << 18));
        }
        return acc.lanewise(VectorOperators.LSHR, 19).compare(VectorOperators.EQ, 0).allTrue();
    }

    /**
     * The samples of the eight blocks of a group whose nonzero coefficients all lie in zig-zag
     * positions 0..{@code last}, written to {@code out[off + r * stride + 8 j + c]} (64 bytes per
     * row); leaves the group's coefficients zero. Requires {@link #exact} unless {@code last} is 0.
     *
     * @param q the component's quantisation table, natural order
     * @param ws 512-int scratch
     */
    static void group(int[] coef, int gb, int[] q, int last, int[] ws, byte[] out, int off, int stride) {
        // Each vector method below is its own small compilation: C2 compiles a method holding
        // all of them past its inlining budget, and the vector calls it leaves out of line run
        // as Java loops on boxed vectors.
        if (last == 0) {
            dcOnly(coef, gb, q[0], out, off, stride);
        } else if (last <= Idct.LAST_4X4) {
            for (int c = 0; c < 4; c++) {
                column4(coef, gb, q, ws, c);
            }
            for (int r = 0; r < 8; r++) {
                row4(ws, r);
            }
            storeRows(ws, out, off, stride);
        } else {
            for (int c = 0; c < 8; c++) {
                column(coef, gb, q, ws, c);
            }
            for (int r = 0; r < 8; r++) {
                row(ws, r);
            }
            storeRows(ws, out, off, stride);
        }
    }

    /** {@link Idct#dcOnly} in every lane, the same value on all 64 samples of each block. */
    private static void dcOnly(int[] coef, int gb, int q0, byte[] out, int off, int stride) {
        IntVector dc = IntVector.fromArray(I, coef, gb);
        IntVector.zero(I).intoArray(coef, gb);
        IntVector v = limit(dc.mul(q0).lanewise(VectorOperators.LSHL, 2).add(16 + (512 << 5))
                .lanewise(VectorOperators.ASHR, 5));
        IntVector p = v.mul(0x01010101);
        IntVector lo = p.rearrange(SPREAD_LO);
        IntVector hi = p.rearrange(SPREAD_HI);
        for (int r = 0; r < 8; r++, off += stride) {
            lo.reinterpretAsBytes().intoArray(out, off);
            hi.reinterpretAsBytes().intoArray(out, off + 32);
        }
    }

    /** (u & 1023) - 384 clamped to 0..255: the range-limit table for u already offset by 512. */
    private static IntVector limit(IntVector u) {
        return u.and(1023).sub(384).max(0).min(255);
    }

    /**
     * Pass 1 for column c of every block, {@link Idct}'s full column kernel; ws gets ws(r, c) of
     * block j at {@code (r * 8 + c) * 8 + j}. Zeroes the column's coefficients.
     */
    private static void column(int[] coef, int gb, int[] q, int[] ws, int c) {
        IntVector x0 = load(coef, gb, q, c);
        IntVector x1 = load(coef, gb, q, c + 8);
        IntVector x2 = load(coef, gb, q, c + 16);
        IntVector x3 = load(coef, gb, q, c + 24);
        IntVector x4 = load(coef, gb, q, c + 32);
        IntVector x5 = load(coef, gb, q, c + 40);
        IntVector x6 = load(coef, gb, q, c + 48);
        IntVector x7 = load(coef, gb, q, c + 56);
        IntVector z1 = x2.add(x6).mul(C541);
        IntVector a2 = z1.sub(x6.mul(C1847));
        IntVector a3 = z1.add(x2.mul(C765));
        IntVector a0 = x0.add(x4).lanewise(VectorOperators.LSHL, 13).add(1 << 10);
        IntVector a1 = x0.sub(x4).lanewise(VectorOperators.LSHL, 13).add(1 << 10);
        IntVector e10 = a0.add(a3);
        IntVector e13 = a0.sub(a3);
        IntVector e11 = a1.add(a2);
        IntVector e12 = a1.sub(a2);
        IntVector o1 = x7.add(x1);
        IntVector o2 = x5.add(x3);
        IntVector o3 = x7.add(x3);
        IntVector o4 = x5.add(x1);
        IntVector z5 = o3.add(o4).mul(C1175);
        IntVector z3 = z5.sub(o3.mul(C1961));
        IntVector z4 = z5.sub(o4.mul(C390));
        IntVector q0 = x7.mul(C298).sub(o1.mul(C899)).add(z3);
        IntVector q1 = x5.mul(C2053).sub(o2.mul(C2562)).add(z4);
        IntVector q2 = x3.mul(C3072).sub(o2.mul(C2562)).add(z3);
        IntVector q3 = x1.mul(C1501).sub(o1.mul(C899)).add(z4);
        shr11(e10.add(q3), ws, c);
        shr11(e10.sub(q3), ws, c + 56);
        shr11(e11.add(q2), ws, c + 8);
        shr11(e11.sub(q2), ws, c + 48);
        shr11(e12.add(q1), ws, c + 16);
        shr11(e12.sub(q1), ws, c + 40);
        shr11(e13.add(q0), ws, c + 24);
        shr11(e13.sub(q0), ws, c + 32);
    }

    /** Pass 1 for column c (0..3) when coefficient rows 4..7 and columns 4..7 are zero: {@link Idct}'s column4. */
    private static void column4(int[] coef, int gb, int[] q, int[] ws, int c) {
        IntVector x0 = load(coef, gb, q, c);
        IntVector x1 = load(coef, gb, q, c + 8);
        IntVector x2 = load(coef, gb, q, c + 16);
        IntVector x3 = load(coef, gb, q, c + 24);
        IntVector z1 = x2.mul(C541);
        IntVector a3 = z1.add(x2.mul(C765));
        IntVector a0 = x0.lanewise(VectorOperators.LSHL, 13).add(1 << 10);
        IntVector e10 = a0.add(a3);
        IntVector e13 = a0.sub(a3);
        IntVector e11 = a0.add(z1);
        IntVector e12 = a0.sub(z1);
        IntVector z5 = x3.add(x1).mul(C1175);
        IntVector z3 = z5.sub(x3.mul(C1961));
        IntVector z4 = z5.sub(x1.mul(C390));
        IntVector q0 = z3.sub(x1.mul(C899));
        IntVector q1 = z4.sub(x3.mul(C2562));
        IntVector q2 = x3.mul(C3072 - C2562).add(z3);
        IntVector q3 = x1.mul(C1501 - C899).add(z4);
        shr11(e10.add(q3), ws, c);
        shr11(e10.sub(q3), ws, c + 56);
        shr11(e11.add(q2), ws, c + 8);
        shr11(e11.sub(q2), ws, c + 48);
        shr11(e12.add(q1), ws, c + 16);
        shr11(e12.sub(q1), ws, c + 40);
        shr11(e13.add(q0), ws, c + 24);
        shr11(e13.sub(q0), ws, c + 32);
    }

    /** Coefficient n of the eight blocks, dequantised; zeroes it in coef. */
    private static IntVector load(int[] coef, int gb, int[] q, int n) {
        int at = gb + n * 8;
        IntVector x = IntVector.fromArray(I, coef, at).mul(q[n]);
        IntVector.zero(I).intoArray(coef, at);
        return x;
    }

    private static void shr11(IntVector v, int[] ws, int n) {
        v.lanewise(VectorOperators.ASHR, 11).intoArray(ws, n * 8);
    }

    /** Pass 2 for row r, {@link Idct}'s full row kernel; the range-limited samples replace the row's ws. */
    private static void row(int[] ws, int r) {
        int b = r * 64;
        IntVector x0 = IntVector.fromArray(I, ws, b);
        IntVector x1 = IntVector.fromArray(I, ws, b + 8);
        IntVector x2 = IntVector.fromArray(I, ws, b + 16);
        IntVector x3 = IntVector.fromArray(I, ws, b + 24);
        IntVector x4 = IntVector.fromArray(I, ws, b + 32);
        IntVector x5 = IntVector.fromArray(I, ws, b + 40);
        IntVector x6 = IntVector.fromArray(I, ws, b + 48);
        IntVector x7 = IntVector.fromArray(I, ws, b + 56);
        IntVector z1 = x2.add(x6).mul(C541);
        IntVector a2 = z1.sub(x6.mul(C1847));
        IntVector a3 = z1.add(x2.mul(C765));
        IntVector a0 = x0.add(x4).lanewise(VectorOperators.LSHL, 13).add(ROUND2);
        IntVector a1 = x0.sub(x4).lanewise(VectorOperators.LSHL, 13).add(ROUND2);
        IntVector e10 = a0.add(a3);
        IntVector e13 = a0.sub(a3);
        IntVector e11 = a1.add(a2);
        IntVector e12 = a1.sub(a2);
        IntVector o1 = x7.add(x1);
        IntVector o2 = x5.add(x3);
        IntVector o3 = x7.add(x3);
        IntVector o4 = x5.add(x1);
        IntVector z5 = o3.add(o4).mul(C1175);
        IntVector z3 = z5.sub(o3.mul(C1961));
        IntVector z4 = z5.sub(o4.mul(C390));
        IntVector q0 = x7.mul(C298).sub(o1.mul(C899)).add(z3);
        IntVector q1 = x5.mul(C2053).sub(o2.mul(C2562)).add(z4);
        IntVector q2 = x3.mul(C3072).sub(o2.mul(C2562)).add(z3);
        IntVector q3 = x1.mul(C1501).sub(o1.mul(C899)).add(z4);
        shr18(e10.add(q3), ws, b);
        shr18(e10.sub(q3), ws, b + 56);
        shr18(e11.add(q2), ws, b + 8);
        shr18(e11.sub(q2), ws, b + 48);
        shr18(e12.add(q1), ws, b + 16);
        shr18(e12.sub(q1), ws, b + 40);
        shr18(e13.add(q0), ws, b + 24);
        shr18(e13.sub(q0), ws, b + 32);
    }

    /** Pass 2 for row r when ws columns 4..7 are zero: {@link Idct}'s rows4. */
    private static void row4(int[] ws, int r) {
        int b = r * 64;
        IntVector x0 = IntVector.fromArray(I, ws, b);
        IntVector x1 = IntVector.fromArray(I, ws, b + 8);
        IntVector x2 = IntVector.fromArray(I, ws, b + 16);
        IntVector x3 = IntVector.fromArray(I, ws, b + 24);
        IntVector z1 = x2.mul(C541);
        IntVector a3 = z1.add(x2.mul(C765));
        IntVector a0 = x0.lanewise(VectorOperators.LSHL, 13).add(ROUND2);
        IntVector e10 = a0.add(a3);
        IntVector e13 = a0.sub(a3);
        IntVector e11 = a0.add(z1);
        IntVector e12 = a0.sub(z1);
        IntVector z5 = x3.add(x1).mul(C1175);
        IntVector z3 = z5.sub(x3.mul(C1961));
        IntVector z4 = z5.sub(x1.mul(C390));
        IntVector q0 = z3.sub(x1.mul(C899));
        IntVector q1 = z4.sub(x3.mul(C2562));
        IntVector q2 = x3.mul(C3072 - C2562).add(z3);
        IntVector q3 = x1.mul(C1501 - C899).add(z4);
        shr18(e10.add(q3), ws, b);
        shr18(e10.sub(q3), ws, b + 56);
        shr18(e11.add(q2), ws, b + 8);
        shr18(e11.sub(q2), ws, b + 48);
        shr18(e12.add(q1), ws, b + 16);
        shr18(e12.sub(q1), ws, b + 40);
        shr18(e13.add(q0), ws, b + 24);
        shr18(e13.sub(q0), ws, b + 32);
    }

    private static void shr18(IntVector v, int[] ws, int at) {
        limit(v.lanewise(VectorOperators.ASHR, 18)).intoArray(ws, at);
    }

    /** The samples of the eight rows (range-limited in ws) into out. */
    private static void storeRows(int[] ws, byte[] out, int off, int stride) {
        for (int r = 0; r < 8; r++) {
            store(ws, r, out, off + r * stride);
        }
    }

    /**
     * Stores sample row r of the eight blocks: samples 0..3 of each block packed little-endian
     * into one int lane, samples 4..7 into another, the two vectors zipped so block j's 8
     * bytes are ints 2j and 2j + 1 of the 64-byte row.
     */
    private static void store(int[] ws, int r, byte[] out, int off) {
        int b = r * 64;
        IntVector p = IntVector.fromArray(I, ws, b)
                .or(IntVector.fromArray(I, ws, b + 8).lanewise(VectorOperators.LSHL, 8))
                .or(IntVector.fromArray(I, ws, b + 16).lanewise(VectorOperators.LSHL, 16))
                .or(IntVector.fromArray(I, ws, b + 24).lanewise(VectorOperators.LSHL, 24));
        IntVector h = IntVector.fromArray(I, ws, b + 32)
                .or(IntVector.fromArray(I, ws, b + 40).lanewise(VectorOperators.LSHL, 8))
                .or(IntVector.fromArray(I, ws, b + 48).lanewise(VectorOperators.LSHL, 16))
                .or(IntVector.fromArray(I, ws, b + 56).lanewise(VectorOperators.LSHL, 24));
        p.rearrange(SPREAD_LO).blend(h.rearrange(SPREAD_LO), ODD_LANES).reinterpretAsBytes().intoArray(out, off);
        p.rearrange(SPREAD_HI).blend(h.rearrange(SPREAD_HI), ODD_LANES).reinterpretAsBytes().intoArray(out, off + 32);
    }
}
