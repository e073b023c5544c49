package org.jpegmt.core.internal;

/**
 * Decodes the coefficients of one 8x8 block (T.81 F.2.2.1 DC difference, F.2.2.2 AC
 * run/size), the sequential Huffman process of SOF0/SOF1.
 */
final class HuffmanDecoder {
    private HuffmanDecoder() {
    }

    /**
     * Decodes one block into {@code coef}: zig-zag coefficient k goes to
     * {@code coef[base + natural[k]]}, whose entries must be zero on entry.
     *
     * @param natural {@link ZigZag#NATURAL} (one block, natural order), or
     *     {@link ZigZag#NATURAL_X8} (the eight-block groups of {@link ScanDecoder.CoefficientRow})
     * @param preds DC predictors of the scan components; {@code preds[ci]} is updated
     * @return zig-zag index of the last AC coefficient written (0: a DC-only block); up to 78
     *     for a corrupt run past position 63 (such a coefficient lands on position 63)
     */
    static int decodeBlock(BitReader br, HuffmanTable dc, HuffmanTable ac, int[] coef, int base,
            int[] natural, int[] preds, int ci) {
        // Every step below needs at most 32 bits (16-bit code + 15 extra bits, or a 17-bit bad
        // code), so one refill check per coefficient is enough.
        if (br.bits < 32) {
            br.fill();
        }
        int s = br.decode(dc);
        int pred = preds[ci];
        if (s != 0) {
            pred += HuffmanTable.extend(br.take(s), s);
            preds[ci] = pred;
        }
        coef[base] = (short) pred; // the coefficient is a 16-bit JCOEF in libjpeg
        int last = 0;
        int[] fast = ac.acSequential;
        // The bit buffer lives in locals for the AC loop (written back around refills and the
        // slow path): C2 then keeps it in registers instead of loading and storing br's fields
        // for every coefficient.
        long acc = br.acc;
        int bits = br.bits;
        int k = 1;
        while (k < 64) {
            if (bits < 32) {
                br.acc = acc;
                br.bits = bits;
                br.fill();
                acc = br.acc;
                bits = br.bits;
            }
            int e = fast[(int) (acc >>> (64 - HuffmanTable.AC_LOOKAHEAD))];
            int len = e & 31;
            acc <<= len;
            bits -= len;
            if ((e & HuffmanTable.SPECIAL) == 0) {
                // Most coefficients: code and extra bits in one table entry.
                k += (e >> 8) & 15;
                coef[base + natural[k]] = e >> 16;
                last = k;
                k++;
                continue;
            }
            if ((e & HuffmanTable.CODE_ONLY) != 0) {
                int r;
                int size;
                if (len != 0) {
                    r = (e >> 8) & 15;
                    size = e >> 16;
                } else {
                    // Code longer than the lookahead (T.81 F.16 on the 16-bit code tables).
                    br.acc = acc;
                    br.bits = bits;
                    int rs = br.decode(ac);
                    acc = br.acc;
                    bits = br.bits;
                    r = rs >> 4;
                    size = rs & 15;
                    if (size == 0) {
                        if (r != 15) {
                            break; // EOB
                        }
                        k += 16; // ZRL
                        continue;
                    }
                }
                // Extra bits: at most 15 after a code of at most 17 bits, within the 32 ensured.
                int v = (int) (acc >>> (64 - size));
                acc <<= size;
                bits -= size;
                k += r;
                coef[base + natural[k]] = HuffmanTable.extend(v, size);
                last = k;
                k++;
                continue;
            }
            if ((e & 0x80) != 0) {
                break; // EOB
            }
            k += 16; // ZRL
        }
        br.acc = acc;
        br.bits = bits;
        return last;
    }
}
