package org.jpegmt.core.internal;

import static org.jpegmt.core.internal.DctConstants.*;

import java.util.Arrays;

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
        // Every vector method below is small on purpose: C2 inlines the Vector API calls of a
        // method only within its node budget (NodeCountInliningCutoff), and a call left out of
        // line runs as a Java loop on boxed vectors. One 1-D kernel in one method is past it,
        // so each pass is split in three (even part, odd part, butterfly), handing over through
        // ws (L1), and the range limit and store are two more.
        if (last == 0) {
            dcOnly(coef, gb, q[0], out, off, stride);
            return;
        }
        if (last <= Idct.LAST_4X4) {
            for (int c = 0; c < 4; c++) {
                columnEven4(coef, gb, q, ws, c);
                columnOdd4(coef, gb, q, ws, c);
                columnOut(ws, c);
            }
            Arrays.fill(coef, gb, gb + 32 * 8, 0); // coefficient rows 0..3
            for (int r = 0; r < 8; r++) {
                rowEven4(ws, r);
                rowOdd4(ws, r);
                rowOut(ws, r);
            }
        } else {
            for (int c = 0; c < 8; c++) {
                columnEven(coef, gb, q, ws, c);
                columnOdd(coef, gb, q, ws, c);
                columnOut(ws, c);
            }
            Arrays.fill(coef, gb, gb + 64 * 8, 0);
            for (int r = 0; r < 8; r++) {
                rowEven(ws, r);
                rowOdd(ws, r);
                rowOut(ws, r);
            }
        }
        for (int r = 0; r < 8; r++) {
            pack(ws, r * 64);
            pack(ws, r * 64 + 32);
            store(ws, r * 64, out, off + r * stride);
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

    /** Coefficient n of the eight blocks, dequantised. */
    private static IntVector load(int[] coef, int gb, int[] q, int n) {
        return IntVector.fromArray(I, coef, gb + n * 8).mul(q[n]);
    }

    private static IntVector ws(int[] ws, int at) {
        return IntVector.fromArray(I, ws, at);
    }

    // Pass 1, column c of every block ({@link Idct}'s column kernel): ws(r, c) of block j at
    // (r * 8 + c) * 8 + j. The even part leaves e10..e13 in rows 0..3, the odd part q0..q3 in
    // rows 4..7, the butterfly the column's outputs.

    private static void columnEven(int[] coef, int gb, int[] q, int[] ws, int c) {
        IntVector x0 = load(coef, gb, q, c);
        IntVector x2 = load(coef, gb, q, c + 16);
        IntVector x4 = load(coef, gb, q, c + 32);
        IntVector x6 = load(coef, gb, q, c + 48);
        IntVector z1 = x2.add(x6).mul(C541);
        IntVector a2 = z1.sub(x6.mul(C1847));
        IntVector a3 = z1.add(x2.mul(C765));
        IntVector a0 = x0.add(x4).lanewise(VectorOperators.LSHL, 13).add(1 << 10);
        IntVector a1 = x0.sub(x4).lanewise(VectorOperators.LSHL, 13).add(1 << 10);
        a0.add(a3).intoArray(ws, c * 8);
        a1.add(a2).intoArray(ws, c * 8 + 64);
        a1.sub(a2).intoArray(ws, c * 8 + 128);
        a0.sub(a3).intoArray(ws, c * 8 + 192);
    }

    private static void columnOdd(int[] coef, int gb, int[] q, int[] ws, int c) {
        IntVector x1 = load(coef, gb, q, c + 8);
        IntVector x3 = load(coef, gb, q, c + 24);
        IntVector x5 = load(coef, gb, q, c + 40);
        IntVector x7 = load(coef, gb, q, c + 56);
        odd(x1, x3, x5, x7, ws, c * 8 + 256, 64);
    }

    /** The odd part of the kernel: q0..q3 to ws[at + i * step]. */
    private static void odd(IntVector x1, IntVector x3, IntVector x5, IntVector x7, int[] ws, int at, int step) {
        IntVector o1 = x7.add(x1);
        IntVector o2 = x5.add(x3);
        IntVector o3 = x7.add(x3);
        IntVector o4 = x5.add(x1);
        IntVector z5 = o3.add(o4).mul(C1175);
        IntVector z3 = z5.sub(o3.mul(C1961));
        IntVector z4 = z5.sub(o4.mul(C390));
        x7.mul(C298).sub(o1.mul(C899)).add(z3).intoArray(ws, at);
        x5.mul(C2053).sub(o2.mul(C2562)).add(z4).intoArray(ws, at + step);
        x3.mul(C3072).sub(o2.mul(C2562)).add(z3).intoArray(ws, at + 2 * step);
        x1.mul(C1501).sub(o1.mul(C899)).add(z4).intoArray(ws, at + 3 * step);
    }

    /** {@link #columnEven} when coefficient rows 4..7 are zero (the 4x4 blocks). */
    private static void columnEven4(int[] coef, int gb, int[] q, int[] ws, int c) {
        IntVector x0 = load(coef, gb, q, c);
        IntVector x2 = load(coef, gb, q, c + 16);
        IntVector z1 = x2.mul(C541);
        IntVector a3 = z1.add(x2.mul(C765));
        IntVector a0 = x0.lanewise(VectorOperators.LSHL, 13).add(1 << 10);
        a0.add(a3).intoArray(ws, c * 8);
        a0.add(z1).intoArray(ws, c * 8 + 64);
        a0.sub(z1).intoArray(ws, c * 8 + 128);
        a0.sub(a3).intoArray(ws, c * 8 + 192);
    }

    /** {@link #columnOdd} when coefficient rows 4..7 are zero. */
    private static void columnOdd4(int[] coef, int gb, int[] q, int[] ws, int c) {
        odd4(load(coef, gb, q, c + 8), load(coef, gb, q, c + 24), ws, c * 8 + 256, 64);
    }

    /** {@link #odd} with x5 = x7 = 0. */
    private static void odd4(IntVector x1, IntVector x3, int[] ws, int at, int step) {
        IntVector z5 = x3.add(x1).mul(C1175);
        IntVector z3 = z5.sub(x3.mul(C1961));
        IntVector z4 = z5.sub(x1.mul(C390));
        z3.sub(x1.mul(C899)).intoArray(ws, at);
        z4.sub(x3.mul(C2562)).intoArray(ws, at + step);
        x3.mul(C3072 - C2562).add(z3).intoArray(ws, at + 2 * step);
        x1.mul(C1501 - C899).add(z4).intoArray(ws, at + 3 * step);
    }

    /** Pass 1 butterfly of column c: outputs (e + q) >> 11. */
    private static void columnOut(int[] ws, int c) {
        int b = c * 8;
        IntVector e10 = ws(ws, b);
        IntVector e11 = ws(ws, b + 64);
        IntVector e12 = ws(ws, b + 128);
        IntVector e13 = ws(ws, b + 192);
        IntVector q0 = ws(ws, b + 256);
        IntVector q1 = ws(ws, b + 320);
        IntVector q2 = ws(ws, b + 384);
        IntVector q3 = ws(ws, b + 448);
        e10.add(q3).lanewise(VectorOperators.ASHR, 11).intoArray(ws, b);
        e10.sub(q3).lanewise(VectorOperators.ASHR, 11).intoArray(ws, b + 448);
        e11.add(q2).lanewise(VectorOperators.ASHR, 11).intoArray(ws, b + 64);
        e11.sub(q2).lanewise(VectorOperators.ASHR, 11).intoArray(ws, b + 384);
        e12.add(q1).lanewise(VectorOperators.ASHR, 11).intoArray(ws, b + 128);
        e12.sub(q1).lanewise(VectorOperators.ASHR, 11).intoArray(ws, b + 320);
        e13.add(q0).lanewise(VectorOperators.ASHR, 11).intoArray(ws, b + 192);
        e13.sub(q0).lanewise(VectorOperators.ASHR, 11).intoArray(ws, b + 256);
    }

    // Pass 2, row r of every block ({@link Idct}'s row kernel) on ws(r, 0..7) at r * 64 + c * 8:
    // the even part leaves e10..e13 in columns 0, 2, 4, 6 (which it read), the odd part q0..q3 in
    // columns 1, 3, 5, 7, the butterfly the row's outputs >> 18 (range-limited by pack).

    private static void rowEven(int[] ws, int r) {
        int b = r * 64;
        IntVector x0 = ws(ws, b);
        IntVector x2 = ws(ws, b + 16);
        IntVector x4 = ws(ws, b + 32);
        IntVector x6 = ws(ws, b + 48);
        IntVector z1 = x2.add(x6).mul(C541);
        IntVector a2 = z1.sub(x6.mul(C1847));
        IntVector a3 = z1.add(x2.mul(C765));
        IntVector a0 = x0.add(x4).lanewise(VectorOperators.LSHL, 13).add(ROUND2);
        IntVector a1 = x0.sub(x4).lanewise(VectorOperators.LSHL, 13).add(ROUND2);
        a0.add(a3).intoArray(ws, b);
        a1.add(a2).intoArray(ws, b + 16);
        a1.sub(a2).intoArray(ws, b + 32);
        a0.sub(a3).intoArray(ws, b + 48);
    }

    private static void rowOdd(int[] ws, int r) {
        int b = r * 64;
        odd(ws(ws, b + 8), ws(ws, b + 24), ws(ws, b + 40), ws(ws, b + 56), ws, b + 8, 16);
    }

    /** {@link #rowEven} when ws columns 4..7 are zero (not read: they may hold anything). */
    private static void rowEven4(int[] ws, int r) {
        int b = r * 64;
        IntVector x0 = ws(ws, b);
        IntVector x2 = ws(ws, b + 16);
        IntVector z1 = x2.mul(C541);
        IntVector a3 = z1.add(x2.mul(C765));
        IntVector a0 = x0.lanewise(VectorOperators.LSHL, 13).add(ROUND2);
        a0.add(a3).intoArray(ws, b);
        a0.add(z1).intoArray(ws, b + 16);
        a0.sub(z1).intoArray(ws, b + 32);
        a0.sub(a3).intoArray(ws, b + 48);
    }

    private static void rowOdd4(int[] ws, int r) {
        int b = r * 64;
        odd4(ws(ws, b + 8), ws(ws, b + 24), ws, b + 8, 16);
    }

    /** Pass 2 butterfly of row r: outputs (e + q) >> 18, in column order. */
    private static void rowOut(int[] ws, int r) {
        int b = r * 64;
        IntVector e10 = ws(ws, b);
        IntVector q0 = ws(ws, b + 8);
        IntVector e11 = ws(ws, b + 16);
        IntVector q1 = ws(ws, b + 24);
        IntVector e12 = ws(ws, b + 32);
        IntVector q2 = ws(ws, b + 40);
        IntVector e13 = ws(ws, b + 48);
        IntVector q3 = ws(ws, b + 56);
        e10.add(q3).lanewise(VectorOperators.ASHR, 18).intoArray(ws, b);
        e10.sub(q3).lanewise(VectorOperators.ASHR, 18).intoArray(ws, b + 56);
        e11.add(q2).lanewise(VectorOperators.ASHR, 18).intoArray(ws, b + 8);
        e11.sub(q2).lanewise(VectorOperators.ASHR, 18).intoArray(ws, b + 48);
        e12.add(q1).lanewise(VectorOperators.ASHR, 18).intoArray(ws, b + 16);
        e12.sub(q1).lanewise(VectorOperators.ASHR, 18).intoArray(ws, b + 40);
        e13.add(q0).lanewise(VectorOperators.ASHR, 18).intoArray(ws, b + 24);
        e13.sub(q0).lanewise(VectorOperators.ASHR, 18).intoArray(ws, b + 32);
    }

    /**
     * Range-limits samples c..c+3 of a row (ws at {@code at + c * 8}) and packs them
     * little-endian into one int per block, left at {@code at}.
     */
    private static void pack(int[] ws, int at) {
        limit(ws(ws, at))
                .or(limit(ws(ws, at + 8)).lanewise(VectorOperators.LSHL, 8))
                .or(limit(ws(ws, at + 16)).lanewise(VectorOperators.LSHL, 16))
                .or(limit(ws(ws, at + 24)).lanewise(VectorOperators.LSHL, 24))
                .intoArray(ws, at);
    }

    /**
     * Stores a sample row of the eight blocks: samples 0..3 of each block packed at
     * {@code ws[at]}, samples 4..7 at {@code ws[at + 32]}, zipped so block j's 8 bytes are ints
     * 2j and 2j + 1 of the 64-byte row.
     */
    private static void store(int[] ws, int at, byte[] out, int off) {
        IntVector p = ws(ws, at);
        IntVector h = ws(ws, at + 32);
        p.rearrange(SPREAD_LO).blend(h.rearrange(SPREAD_LO), ODD_LANES).reinterpretAsBytes().intoArray(out, off);
        p.rearrange(SPREAD_HI).blend(h.rearrange(SPREAD_HI), ODD_LANES).reinterpretAsBytes().intoArray(out, off + 32);
    }
}
