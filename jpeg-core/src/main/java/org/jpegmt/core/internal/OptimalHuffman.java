package org.jpegmt.core.internal;

/**
 * Builds an image-specific Huffman table from symbol frequencies (T.81 K.2, Figures K.1-K.4),
 * following libjpeg's {@code jpeg_gen_optimal_table} step by step so the tables, and thus the
 * bytes, equal {@code cjpeg -optimize}'s: ties go to the highest symbol number, a reserved
 * pseudo-symbol 256 keeps any real code from being all 1-bits, and codes longer than 16 bits are
 * shortened with the procedure of Figure K.3.
 */
final class OptimalHuffman {
    private OptimalHuffman() {
    }

    /**
     * @param frequencies 257 counts (symbols 0..255; entry 256 is ignored and set to 1 here)
     * @return the table (BITS, HUFFVAL)
     */
    static HuffmanSpec build(long[] frequencies) {
        long[] freq = java.util.Arrays.copyOf(frequencies, 257);
        freq[256] = 1;
        int[] codeSize = new int[257];
        int[] others = new int[257];
        java.util.Arrays.fill(others, -1);

        // Figure K.1: repeatedly merge the two least frequent trees
        while (true) {
            int c1 = leastFrequent(freq, -1);
            int c2 = leastFrequent(freq, c1);
            if (c2 < 0) {
                break;
            }
            freq[c1] += freq[c2];
            freq[c2] = 0;
            codeSize[c1]++;
            while (others[c1] >= 0) {
                c1 = others[c1];
                codeSize[c1]++;
            }
            others[c1] = c2; // append c2's chain to c1's
            codeSize[c2]++;
            while (others[c2] >= 0) {
                c2 = others[c2];
                codeSize[c2]++;
            }
        }

        // Figure K.2: number of codes of each size (sizes can reach 32 before limiting)
        int[] bits = new int[33];
        for (int i = 0; i <= 256; i++) {
            if (codeSize[i] > 0) {
                bits[codeSize[i]]++;
            }
        }
        // Figure K.3: move codes longer than 16 bits up, two at a time
        for (int len = 32; len > 16; len--) {
            while (bits[len] > 0) {
                int j = len - 2;
                while (bits[j] == 0) {
                    j--;
                }
                bits[len] -= 2;
                bits[len - 1]++;
                bits[j + 1] += 2;
                bits[j]--;
            }
        }
        // drop the pseudo-symbol: it has one of the longest codes
        int longest = 16;
        while (bits[longest] == 0) {
            longest--;
        }
        bits[longest]--;

        // Figure K.4: symbols ordered by (unlimited) code size, then by value
        int[] counts = new int[16];
        System.arraycopy(bits, 1, counts, 0, 16);
        int n = 0;
        for (int len = 1; len <= 16; len++) {
            n += counts[len - 1];
        }
        int[] symbols = new int[n];
        int p = 0;
        for (int len = 1; len <= 32; len++) {
            for (int sym = 0; sym < 256; sym++) {
                if (codeSize[sym] == len) {
                    symbols[p++] = sym;
                }
            }
        }
        return new HuffmanSpec(counts, symbols);
    }

    /** @return the symbol with the smallest nonzero count, the highest one on ties; -1 if none */
    private static int leastFrequent(long[] freq, int exclude) {
        int best = -1;
        long v = Long.MAX_VALUE;
        for (int i = 0; i <= 256; i++) {
            if (freq[i] != 0 && freq[i] <= v && i != exclude) {
                v = freq[i];
                best = i;
            }
        }
        return best;
    }
}
