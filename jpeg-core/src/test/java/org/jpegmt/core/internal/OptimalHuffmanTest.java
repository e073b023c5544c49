package org.jpegmt.core.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class OptimalHuffmanTest {
    @Test
    void fibonacciFrequenciesWouldNeedOver16BitsAndAreLimited() {
        // Fibonacci counts give the most skewed Huffman tree: 30 symbols, depth up to 29
        long[] freq = new long[257];
        long a = 1;
        long b = 1;
        for (int s = 0; s < 30; s++) {
            freq[s] = a;
            long n = a + b;
            a = b;
            b = n;
        }
        HuffmanSpec spec = OptimalHuffman.build(freq);
        assertEquals(30, spec.size());
        int[] lengths = spec.codeLengths();
        for (int len : lengths) {
            assertTrue(len >= 1 && len <= 16, "code length " + len);
        }
        // unlimited, the two rarest symbols would sit 29 levels deep; the most frequent keep short codes
        assertTrue(lengths[0] <= 2);
        assertEquals(16, lengths[lengths.length - 1]);
        // codes fit (HuffmanSpec checks Kraft) and the all-ones code stays unused
        assertTrue(kraftDeficit(spec) > 0);
    }

    /** 2^16 - sum of 2^(16-len): positive when some code space is unused. */
    private static long kraftDeficit(HuffmanSpec spec) {
        long used = 0;
        for (int len = 1; len <= 16; len++) {
            used += (long) spec.count(len) << (16 - len);
        }
        return (1L << 16) - used;
    }

    @Test
    void singleSymbolGetsAOneBitCode() {
        long[] freq = new long[257];
        freq[0] = 100;
        HuffmanSpec spec = OptimalHuffman.build(freq);
        assertArrayEquals(new int[] {0}, spec.symbols());
        assertEquals(1, spec.count(1));
    }

    @Test
    void tiesGoToTheHighestSymbolAndLengthsSortSymbols() {
        long[] freq = new long[257];
        freq[1] = 4;
        freq[2] = 4;
        freq[3] = 4;
        freq[4] = 4;
        HuffmanSpec spec = OptimalHuffman.build(freq);
        // pseudo-symbol 256 (count 1) pairs with symbol 4 (highest of the ties), pushing both
        // deeper: lengths 2,2,2,3 (+256 at 3), so symbol 4 is last
        assertArrayEquals(new int[] {1, 2, 3, 4}, spec.symbols());
        assertEquals(3, spec.count(2));
        assertEquals(1, spec.count(3));
    }

    @Test
    void encoderCodesAreCanonical() {
        HuffmanEncoder enc = new HuffmanEncoder(StandardTables.DC_LUMINANCE);
        // T.81 Table K.3: category 0 -> 00, 1 -> 010, 5 -> 110, 11 -> 111111110
        assertEquals(2, enc.size(0));
        assertEquals(0b00, enc.code(0));
        assertEquals(0b010, enc.code(1));
        assertEquals(0b110, enc.code(5));
        assertEquals(9, enc.size(11));
        assertEquals(0b111111110, enc.code(11));
    }
}
