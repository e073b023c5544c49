package org.jpegmt.core.internal;

import java.util.Arrays;

/**
 * A Huffman table as a DHT segment carries it (T.81 B.2.4.2): {@code counts[L-1]} codes of
 * length L for L = 1..16 (BITS), and the symbols in order of increasing code length (HUFFVAL).
 * Immutable. Both the decoder (lookup tables) and the encoder (code per symbol) are built from
 * the canonical codes of T.81 Annex C that {@link #codeLengths()} and {@link #codes()} give.
 */
final class HuffmanSpec {
    private final int[] counts;
    private final int[] symbols;

    /**
     * @param counts 16 entries: number of codes of each length 1..16 (copied)
     * @param symbols the symbols, in code order (copied)
     * @throws IllegalArgumentException if the counts do not add up to the symbol count, exceed
     *     256, or describe more codes than fit in their lengths
     */
    HuffmanSpec(int[] counts, int[] symbols) {
        if (counts.length != 16) {
            throw new IllegalArgumentException("BITS must have 16 entries, got " + counts.length);
        }
        int total = 0;
        long code = 0;
        for (int len = 1; len <= 16; len++) {
            int n = counts[len - 1];
            if (n < 0) {
                throw new IllegalArgumentException("negative code count for length " + len);
            }
            total += n;
            code = (code + n);
            // Kraft check (T.81 C.2): codes of this length must fit in len bits.
            if (code > (1L << len)) {
                throw new IllegalArgumentException("too many Huffman codes of length " + len);
            }
            code <<= 1;
        }
        if (total > 256) {
            throw new IllegalArgumentException("Huffman table has " + total + " symbols, at most 256 allowed");
        }
        if (total != symbols.length) {
            throw new IllegalArgumentException("BITS count " + total + " symbols but HUFFVAL has " + symbols.length);
        }
        this.counts = counts.clone();
        this.symbols = symbols.clone();
    }

    /** @return the 16 code counts per length (a copy) */
    int[] counts() {
        return counts.clone();
    }

    /** @return number of codes of length {@code len} (1..16) */
    int count(int len) {
        return counts[len - 1];
    }

    /** @return the symbols in code order (a copy) */
    int[] symbols() {
        return symbols.clone();
    }

    /** @return number of symbols */
    int size() {
        return symbols.length;
    }

    /** @return symbol at code-order position {@code i} */
    int symbol(int i) {
        return symbols[i];
    }

    /** @return code length of each symbol in code order (T.81 C.1, HUFFSIZE) */
    int[] codeLengths() {
        int[] sizes = new int[symbols.length];
        int k = 0;
        for (int len = 1; len <= 16; len++) {
            for (int i = 0; i < counts[len - 1]; i++) {
                sizes[k++] = len;
            }
        }
        return sizes;
    }

    /** @return the canonical code of each symbol in code order (T.81 C.2, HUFFCODE) */
    int[] codes() {
        int[] sizes = codeLengths();
        int[] codes = new int[sizes.length];
        int code = 0;
        int k = 0;
        for (int len = 1; len <= 16; len++) {
            for (int i = 0; i < counts[len - 1]; i++) {
                codes[k++] = code++;
            }
            code <<= 1;
        }
        return codes;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HuffmanSpec h && Arrays.equals(counts, h.counts) && Arrays.equals(symbols, h.symbols);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(counts) + Arrays.hashCode(symbols);
    }
}
