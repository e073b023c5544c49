package org.jpegmt.core.internal;

import org.jpegmt.core.InvalidJpegException;

/**
 * Decodes one block of a progressive scan (T.81 G.1.2: Huffman coding of DC and AC
 * coefficients, first scans and successive-approximation refinements) into a
 * {@link CoefficientBuffer} array, in place. One static method per kind of scan; the MCU loop,
 * restarts and the end of the data are {@link ProgressiveScan}'s.
 *
 * <p>What libjpeg does on damaged data, kept so the pixels match (facts, not its code):
 * <ul>
 *   <li>coefficients are 16-bit: {@code value << Al} and the refinement additions wrap;
 *   <li>a run that overshoots the band still stores its coefficient, at zig-zag position
 *       {@code k} (past 63: at 63, {@link ZigZag#NATURAL}'s extra entries), even outside the band;
 *   <li>in an AC refinement scan a new coefficient whose size is not 1 is a bad code (warning),
 *       and its one sign bit is read all the same.
 * </ul>
 */
final class ProgressiveHuffman {
    private ProgressiveHuffman() {
    }

    /**
     * DC first scan (G.1.2.1): a DC difference as in sequential coding, the predictor updated,
     * the coefficient stored as {@code predictor << al}.
     *
     * @return the new predictor
     * @throws InvalidJpegException if the predictor would leave the 32-bit range (libjpeg's
     *     "DCT coefficient out of range"; only a hostile file gets there)
     */
    static int dcFirst(BitReader br, HuffmanTable dc, int pred, short[] coef, int base, int al)
            throws InvalidJpegException {
        if (br.bits < 32) {
            br.fill();
        }
        int s = br.decode(dc);
        int diff = s == 0 ? 0 : HuffmanTable.extend(br.take(s), s);
        if (pred >= 0 ? diff > Integer.MAX_VALUE - pred : diff < Integer.MIN_VALUE - pred) {
            throw new InvalidJpegException("DCT coefficient out of range (DC predictor overflow)", br.position());
        }
        pred += diff;
        coef[base] = (short) (pred << al);
        return pred;
    }

    /** DC refinement (G.1.2.1): one raw bit, OR-ed into bit {@code al} of the DC coefficient. */
    static void dcRefine(BitReader br, short[] coef, int base, int al) {
        if (br.bits < 32) {
            br.fill();
        }
        if (br.take(1) != 0) {
            coef[base] |= (short) (1 << al);
        }
    }

    /**
     * AC first scan (G.1.2.2) of one block over zig-zag positions {@code ss..se}: run/size
     * symbols as in sequential coding, each value stored as {@code value << al}; ZRL skips 16
     * positions; EOBr (r = 0..14) ends this block and the next {@code 2^r - 1 + (r extra bits)}.
     * Call only when no EOB run is pending.
     *
     * @return the blocks left in the EOB run after this one (0 if none)
     */
    static int acFirst(BitReader br, HuffmanTable ac, short[] coef, int base, int ss, int se, int al) {
        int[] fast = ac.acFast;
        int[] natural = ZigZag.NATURAL;
        int k = ss;
        for (; k <= se; k++) {
            if (br.bits < 32) {
                br.fill();
            }
            int e = fast[(int) (br.acc >>> (64 - HuffmanTable.AC_LOOKAHEAD))];
            if (e != 0) {
                // Fast path: code and extra bits in one entry (HuffmanTable.acFast's layout).
                br.skip(e & 31);
                int r = (e >> 8) & 15;
                if ((e & 0x80) != 0) {
                    return eobRun(br, r);
                }
                k += r; // ZRL: value 0, run 15, and the loop's k++ makes 16
                int v = e >> 16;
                if (v != 0) {
                    coef[base + natural[k]] = (short) (v << al);
                }
                continue;
            }
            int rs = br.decode(ac);
            int r = rs >> 4;
            int s = rs & 15;
            if (s != 0) {
                k += r;
                coef[base + natural[k]] = (short) (HuffmanTable.extend(br.take(s), s) << al);
            } else if (r == 15) {
                k += 15;
            } else {
                return eobRun(br, r);
            }
        }
        if (k > se + 1) {
            // the last run went past Se: a coefficient stored outside the band, or a ZRL past it
            br.strayRuns++;
        }
        return 0;
    }

    /** EOBr: {@code 2^r + (r bits)} blocks end here, this one included. @return the ones after it */
    private static int eobRun(BitReader br, int r) {
        int run = 1 << r;
        if (r != 0) {
            run += br.take(r); // r <= 14 bits; at least 16 are left after the code
        }
        return run - 1;
    }

    /**
     * AC refinement scan (G.1.2.3) of one block over {@code ss..se}: coefficients already
     * nonzero get one correction bit each (1: move one step of {@code 2^al} away from zero,
     * unless that bit is set already); a new coefficient, of magnitude {@code 2^al}, lands on
     * the zero position that the symbol's run counts to; EOBr ends the band here and in the
     * run's next blocks, whose nonzero coefficients still get their correction bits.
     *
     * @param eobrun blocks left in the EOB run before this block
     * @return blocks left in the EOB run after this block
     */
    static int acRefine(BitReader br, HuffmanTable ac, short[] coef, int base, int ss, int se, int al,
            int eobrun) {
        int p1 = 1 << al;
        int m1 = -1 << al;
        int[] natural = ZigZag.NATURAL;
        int k = ss;
        if (eobrun == 0) {
            for (; k <= se; k++) {
                if (br.bits < 32) {
                    br.fill();
                }
                int rs = br.decode(ac);
                int r = rs >> 4;
                int s = rs & 15;
                int value = 0;
                if (s != 0) {
                    if (s != 1) {
                        br.badCodes++; // a new coefficient has size 1; libjpeg warns and reads on
                    }
                    value = br.take(1) != 0 ? p1 : m1;
                } else if (r != 15) {
                    eobrun = 1 << r;
                    if (r != 0) {
                        eobrun += br.take(r);
                    }
                    break; // the rest of this block is the EOB run's first
                }
                // Pass r zero positions (ZRL: 16 with value 0), correcting the nonzero ones met.
                do {
                    int pos = base + natural[k];
                    if (coef[pos] != 0) {
                        correct(br, coef, pos, p1, m1);
                    } else if (--r < 0) {
                        break;
                    }
                    k++;
                } while (k <= se);
                if (value != 0) {
                    if (k > se) {
                        br.strayRuns++; // stored outside the band, at se + 1 (damaged block)
                    }
                    coef[base + natural[k]] = (short) value;
                }
            }
        }
        if (eobrun > 0) {
            for (; k <= se; k++) {
                int pos = base + natural[k];
                if (coef[pos] != 0) {
                    correct(br, coef, pos, p1, m1);
                }
            }
            eobrun--;
        }
        return eobrun;
    }

    /** One correction bit for the nonzero coefficient at {@code pos}. */
    private static void correct(BitReader br, short[] coef, int pos, int p1, int m1) {
        if (br.bits < 1) {
            br.fill();
        }
        if (br.take(1) != 0 && (coef[pos] & p1) == 0) {
            coef[pos] += (short) (coef[pos] >= 0 ? p1 : m1);
        }
    }
}
