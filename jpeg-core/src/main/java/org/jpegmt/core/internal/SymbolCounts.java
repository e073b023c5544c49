package org.jpegmt.core.internal;

import org.jpegmt.core.EncoderOptions;

/**
 * How often each Huffman symbol occurs, per table slot (0 = luminance, 1 = chrominance), for
 * building optimal tables ({@link EncoderOptions#withOptimizeHuffman}). Part of the low-level
 * {@link EncodeJob} API: each thread counts its own intervals into its own instance, then the
 * instances are merged with {@link #add}. Not thread-safe.
 */
public final class SymbolCounts {
    /** Frequencies of DC symbols per slot; entry 256 is left for the reserved pseudo-symbol. */
    final long[][] dc = new long[2][257];
    /** Frequencies of AC symbols per slot. */
    final long[][] ac = new long[2][257];

    SymbolCounts() {
    }

    /**
     * Adds {@code other}'s counts into this one.
     *
     * @param other counts of other intervals of the same job
     * @return this
     */
    public SymbolCounts add(SymbolCounts other) {
        for (int t = 0; t < 2; t++) {
            for (int i = 0; i < 257; i++) {
                dc[t][i] += other.dc[t][i];
                ac[t][i] += other.ac[t][i];
            }
        }
        return this;
    }

    /**
     * Counts the symbols one block would be coded with; the same walk as
     * {@link HuffmanEncoder#encodeBlock}.
     */
    static void countBlock(int diff, int[] zz, long mask, long[] dcFreq, long[] acFreq) {
        int sign = diff >> 31;
        dcFreq[32 - Integer.numberOfLeadingZeros((diff ^ sign) - sign)]++;
        long m = mask << 1;
        int k = 0;
        while (m != 0) {
            int run = Long.numberOfLeadingZeros(m);
            k += run + 1;
            m = (m << run) << 1;
            acFreq[0xF0] += run >> 4;
            int v = zz[k];
            sign = v >> 31;
            acFreq[((run & 15) << 4) | (32 - Integer.numberOfLeadingZeros((v ^ sign) - sign))]++;
        }
        if (k != 63) {
            acFreq[0]++;
        }
    }
}
