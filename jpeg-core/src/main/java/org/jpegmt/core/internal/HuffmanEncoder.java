package org.jpegmt.core.internal;

/**
 * Code and code length per symbol for one Huffman table (T.81 C.2 EHUFCO/EHUFSI), and the
 * coding of one quantised block with a DC and an AC table (T.81 F.1.2.1, F.1.2.2).
 */
final class HuffmanEncoder {
    private final int[] code = new int[256];
    private final int[] size = new int[256];

    HuffmanEncoder(HuffmanSpec spec) {
        int[] codes = spec.codes();
        int[] lengths = spec.codeLengths();
        for (int i = 0; i < codes.length; i++) {
            int sym = spec.symbol(i);
            code[sym] = codes[i];
            size[sym] = lengths[i];
        }
    }

    /** @return code length of {@code symbol}, 0 if the table has no code for it */
    int size(int symbol) {
        return size[symbol];
    }

    /** @return code of {@code symbol} */
    int code(int symbol) {
        return code[symbol];
    }

    /**
     * Codes one block.
     *
     * @param diff DC difference from the component's predictor
     * @param zz quantised coefficients in zig-zag order
     * @param mask bit {@code 63-k} set for each nonzero {@code zz[k]}
     */
    static void encodeBlock(BitWriter w, int diff, int[] zz, long mask, HuffmanEncoder dc, HuffmanEncoder ac) {
        int sign = diff >> 31;
        int s = 32 - Integer.numberOfLeadingZeros((diff ^ sign) - sign);
        // negative values send the low bits of value - 1 (T.81 F.1.2.1); diff + sign does that
        w.put((dc.code[s] << s) | ((diff + sign) & ((1 << s) - 1)), dc.size[s] + s);
        int[] acCode = ac.code;
        int[] acSize = ac.size;
        long m = mask << 1; // bit 63 now stands for k = 1
        int k = 0;
        while (m != 0) {
            int run = Long.numberOfLeadingZeros(m);
            k += run + 1;
            m = (m << run) << 1; // two shifts: a shift by 64 would be a no-op in Java
            while (run > 15) {
                w.put(acCode[0xF0], acSize[0xF0]);
                run -= 16;
            }
            int v = zz[k];
            sign = v >> 31;
            s = 32 - Integer.numberOfLeadingZeros((v ^ sign) - sign);
            int rs = (run << 4) | s;
            w.put((acCode[rs] << s) | ((v + sign) & ((1 << s) - 1)), acSize[rs] + s);
        }
        if (k != 63) {
            w.put(acCode[0], acSize[0]);
        }
    }
}
