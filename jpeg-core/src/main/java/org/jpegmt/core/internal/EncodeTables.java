package org.jpegmt.core.internal;

/**
 * The Huffman tables an {@link EncodeJob} codes with, per table slot (0 = luminance,
 * 1 = chrominance): their specifications, written in the DHT segments, and the code tables
 * built from them. Immutable once built.
 *
 * @param dc DC table specifications per slot
 * @param ac AC table specifications per slot
 * @param dcEnc DC code tables per slot
 * @param acEnc AC code tables per slot
 */
record EncodeTables(HuffmanSpec[] dc, HuffmanSpec[] ac, HuffmanEncoder[] dcEnc, HuffmanEncoder[] acEnc) {

    /** The example tables of T.81 K.3, which cjpeg writes unless asked to optimise. */
    static final EncodeTables STANDARD = of(
            new HuffmanSpec[] {StandardTables.DC_LUMINANCE, StandardTables.DC_CHROMINANCE},
            new HuffmanSpec[] {StandardTables.AC_LUMINANCE, StandardTables.AC_CHROMINANCE});

    /**
     * @param merged the symbol counts of every interval
     * @param slots table slots in use
     * @return the optimal tables for these counts (T.81 K.2)
     */
    static EncodeTables optimal(SymbolCounts merged, int slots) {
        HuffmanSpec[] dc = new HuffmanSpec[slots];
        HuffmanSpec[] ac = new HuffmanSpec[slots];
        for (int t = 0; t < slots; t++) {
            dc[t] = OptimalHuffman.build(merged.dc[t]);
            ac[t] = OptimalHuffman.build(merged.ac[t]);
        }
        return of(dc, ac);
    }

    private static EncodeTables of(HuffmanSpec[] dc, HuffmanSpec[] ac) {
        return new EncodeTables(dc, ac, encoders(dc), encoders(ac));
    }

    private static HuffmanEncoder[] encoders(HuffmanSpec[] specs) {
        HuffmanEncoder[] out = new HuffmanEncoder[specs.length];
        for (int i = 0; i < specs.length; i++) {
            out[i] = new HuffmanEncoder(specs[i]);
        }
        return out;
    }
}
