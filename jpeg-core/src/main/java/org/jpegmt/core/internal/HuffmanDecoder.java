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
        int[] fast = ac.acFast;
        int k = 1;
        while (k < 64) {
            if (br.bits < 32) {
                br.fill();
            }
            int e = fast[(int) (br.acc >>> (64 - HuffmanTable.AC_LOOKAHEAD))];
            if (e != 0) {
                // Fast path: code and extra bits in one table entry.
                br.skip(e & 31);
                if ((e & 0x80) != 0) {
                    break;
                }
                k += (e >> 8) & 15;
                int v = e >> 16;
                if (v != 0) {
                    coef[base + natural[k]] = v;
                    last = k;
                }
                k++;
                continue;
            }
            int rs = br.decode(ac);
            int r = rs >> 4;
            int size = rs & 15;
            if (size == 0) {
                if (r != 15) {
                    break; // EOB
                }
                k += 16; // ZRL
                continue;
            }
            k += r;
            coef[base + natural[k]] = HuffmanTable.extend(br.take(size), size);
            last = k;
            k++;
        }
        return last;
    }
}
