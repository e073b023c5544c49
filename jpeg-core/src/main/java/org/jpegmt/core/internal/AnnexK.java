package org.jpegmt.core.internal;

import java.util.Arrays;

/**
 * Public, read-only view of the T.81 Annex K example tables the codec uses, for tools that
 * inspect files (quality estimation, "standard or custom" Huffman tables). Every method returns
 * a fresh copy.
 */
public final class AnnexK {
    private AnnexK() {
    }

    /**
     * @param chrominance false for Table K.1 (luminance), true for K.2 (chrominance)
     * @param quality IJG quality 1..100 (clamped)
     * @param baseline clamp entries to 255 (8-bit DQT) rather than 32767
     * @return the table scaled as IJG libjpeg does, in natural (row-major) order
     */
    public static int[] scaledQuantTable(boolean chrominance, int quality, boolean baseline) {
        return QuantTables.scaled(chrominance ? StandardTables.CHROMINANCE_QUANT : StandardTables.LUMINANCE_QUANT,
                quality, baseline);
    }

    /** @return entry k = row-major index of the k-th coefficient in zig-zag order (T.81 Figure A.6) */
    public static int[] zigZagToNatural() {
        return Arrays.copyOf(ZigZag.NATURAL, 64);
    }

    /**
     * @param tableClass 0 for DC, 1 for AC
     * @param counts the 16 code counts (BITS) of a DHT table
     * @param symbols its symbols (HUFFVAL)
     * @return {@code "K.3 luminance DC"} and the like when the table is one of the Annex K.3
     *     tables, or null for a custom table
     */
    public static String standardHuffmanName(int tableClass, int[] counts, int[] symbols) {
        HuffmanSpec luma = tableClass == 0 ? StandardTables.DC_LUMINANCE : StandardTables.AC_LUMINANCE;
        HuffmanSpec chroma = tableClass == 0 ? StandardTables.DC_CHROMINANCE : StandardTables.AC_CHROMINANCE;
        String kind = tableClass == 0 ? " DC" : " AC";
        if (matches(luma, counts, symbols)) {
            return "K.3 luminance" + kind;
        }
        if (matches(chroma, counts, symbols)) {
            return "K.3 chrominance" + kind;
        }
        return null;
    }

    private static boolean matches(HuffmanSpec spec, int[] counts, int[] symbols) {
        return Arrays.equals(spec.counts(), counts) && Arrays.equals(spec.symbols(), symbols);
    }
}
