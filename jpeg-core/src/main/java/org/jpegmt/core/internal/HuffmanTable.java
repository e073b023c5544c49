package org.jpegmt.core.internal;

import org.jpegmt.core.InvalidJpegException;

/**
 * A Huffman table in the form the decoder looks codes up in (T.81 Annex C and F.2.2.3, built
 * from a {@link HuffmanSpec}).
 *
 * <p>{@link #lookup} is indexed by the next {@value #LOOKAHEAD} bits of the stream and gives
 * code length and symbol in one load; codes longer than that take the slow path of T.81 Figure
 * F.16 on {@link #maxCode} / {@link #valOffset}. For AC tables {@link #acFast} also decodes the
 * extra bits when code + extra bits fit in its {@value #AC_LOOKAHEAD}-bit lookahead: most coefficients of a photo then cost
 * one table load.
 */
final class HuffmanTable {
    static final int LOOKAHEAD = 9;
    /**
     * Bits {@link #acFast} is indexed by. Longer than {@link #LOOKAHEAD}: at normal qualities
     * many AC code + extra bit pairs are 10 or 11 bits long, and they then skip the slow path.
     */
    static final int AC_LOOKAHEAD = 11;
    /** {@link #acFast} flags: end of block (0x80) or ZRL (0x40), i.e. no coefficient to store. */
    static final int SPECIAL = 0xE0;
    /** {@link #acSequential} flag: the entry gives the code only (or nothing), not the value. */
    static final int CODE_ONLY = 0x20;

    /** (length << 8) | symbol, or 0 when the code is longer than {@link #LOOKAHEAD} bits. */
    final int[] lookup = new int[1 << LOOKAHEAD];
    /**
     * AC only: (value << 16) | (run << 8) | (0x80 if end of block) | (0x40 if ZRL)
     * | (code + extra bits length), or 0 when the code or its extra bits do not fit. ZRL is run 15
     * with value 0.
     */
    final int[] acFast;
    /**
     * AC only, for the sequential decoder ({@link HuffmanDecoder}): {@link #acFast}'s entry where it
     * has one; where only the code fits in the {@value #AC_LOOKAHEAD} bits, {@link #CODE_ONLY}
     * | (size << 16) | (run << 8) | code length, the extra bits to be read after it; where the
     * code does not fit, {@link #CODE_ONLY} alone (length 0: take the slow path). Every entry is
     * nonzero, so the decoder's common case (a coefficient) is one test of {@link #SPECIAL}.
     * {@link ProgressiveHuffman} keeps {@link #acFast}, whose zero entries it relies on.
     */
    final int[] acSequential;
    /** Largest code of each length 1..16, -1 if none; index 17 holds a sentinel. */
    final int[] maxCode = new int[18];
    /** Symbol index of a code of length l = code + valOffset[l]. */
    final int[] valOffset = new int[17];
    final int[] symbols;

    private HuffmanTable(int[] symbols, boolean ac) {
        this.symbols = symbols;
        this.acFast = ac ? new int[1 << AC_LOOKAHEAD] : null;
        this.acSequential = ac ? new int[1 << AC_LOOKAHEAD] : null;
    }

    /**
     * The Annex K.3 tables, built once. Most files carry them (cjpeg's and jpegmt's defaults), and
     * building an AC table's {@link #acFast} costs about as much as decoding a few thousand
     * coefficients: on small images that per-call set-up showed in the profile. A table is never
     * changed once built, so one instance serves every decode.
     */
    private static final HuffmanSpec[] STANDARD_SPECS = {StandardTables.DC_LUMINANCE,
        StandardTables.DC_CHROMINANCE, StandardTables.AC_LUMINANCE, StandardTables.AC_CHROMINANCE};
    private static final HuffmanTable[] STANDARD_TABLES = new HuffmanTable[STANDARD_SPECS.length];

    static {
        try {
            for (int i = 0; i < STANDARD_SPECS.length; i++) {
                STANDARD_TABLES[i] = build(STANDARD_SPECS[i], i < 2, -1);
            }
        } catch (InvalidJpegException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /**
     * {@link #build}, or the shared instance when {@code spec} is one of the Annex K.3 tables in
     * its own role (a DC table as DC, an AC table as AC).
     */
    static HuffmanTable of(HuffmanSpec spec, boolean dc, long offset) throws InvalidJpegException {
        for (int i = dc ? 0 : 2, end = i + 2; i < end; i++) {
            if (STANDARD_SPECS[i].equals(spec)) {
                return STANDARD_TABLES[i];
            }
        }
        return build(spec, dc, offset);
    }

    /**
     * @param spec BITS and HUFFVAL from a DHT segment (or Annex K)
     * @param dc whether this is a DC table (symbols must be 0..15)
     * @param offset byte offset for error messages
     * @return the lookup form
     * @throws InvalidJpegException for a table libjpeg refuses (an all-ones code, DC symbol > 15)
     */
    static HuffmanTable build(HuffmanSpec spec, boolean dc, long offset) throws InvalidJpegException {
        int[] symbols = spec.symbols();
        HuffmanTable t = new HuffmanTable(symbols, !dc);
        if (dc) {
            for (int s : symbols) {
                if (s > 15) {
                    throw new InvalidJpegException("DHT: DC symbol " + s + " is over 15", offset);
                }
            }
        }
        // T.81 C.2: canonical codes, increasing within each length.
        int code = 0;
        int k = 0;
        for (int len = 1; len <= 16; len++) {
            int n = spec.count(len);
            t.valOffset[len] = k - code;
            t.maxCode[len] = n > 0 ? code + n - 1 : -1;
            for (int i = 0; i < n; i++, k++, code++) {
                if (len <= LOOKAHEAD) {
                    int shift = LOOKAHEAD - len;
                    int first = code << shift;
                    for (int j = 0; j < (1 << shift); j++) {
                        t.lookup[first + j] = (len << 8) | symbols[k];
                    }
                }
            }
            // libjpeg (jdhuff.c) refuses a table whose codes of a used length end in all ones.
            if (n > 0 && code >= (1 << len)) {
                throw new InvalidJpegException("DHT: bad Huffman table (too many codes of length "
                        + len + ")", offset);
            }
            code <<= 1;
        }
        t.maxCode[17] = Integer.MAX_VALUE;
        if (!dc) {
            t.buildAcFast();
        }
        return t;
    }

    private void buildAcFast() {
        for (int i = 0; i < acFast.length; i++) {
            // Canonical decode (T.81 F.16) of the code at the top of the AC_LOOKAHEAD bits i.
            int len = 1;
            while (len <= AC_LOOKAHEAD && (i >> (AC_LOOKAHEAD - len)) > maxCode[len]) {
                len++;
            }
            if (len > AC_LOOKAHEAD) {
                acSequential[i] = CODE_ONLY;
                continue;
            }
            int code = i >> (AC_LOOKAHEAD - len);
            int rs = symbols[code + valOffset[len]] & 0xFF;
            int r = rs >> 4;
            int s = rs & 15;
            if (s == 0) {
                acFast[i] = (r << 8) | (r == 15 ? 0x40 : 0x80) | len;
            } else if (len + s <= AC_LOOKAHEAD) {
                int extra = (i >> (AC_LOOKAHEAD - len - s)) & ((1 << s) - 1);
                int value = extend(extra, s);
                acFast[i] = (value << 16) | (r << 8) | (len + s);
            } else {
                acSequential[i] = CODE_ONLY | (s << 16) | (r << 8) | len;
                continue;
            }
            acSequential[i] = acFast[i];
        }
    }

    /** T.81 F.12 EXTEND: the s-bit pattern v as a signed magnitude category value. */
    static int extend(int v, int s) {
        return v < (1 << (s - 1)) ? v - (1 << s) + 1 : v;
    }

    /** @return true if both tables give every code the same symbol (so a stream parses alike) */
    static boolean sameCode(HuffmanTable a, HuffmanTable b) {
        return a == b || (java.util.Arrays.equals(a.maxCode, b.maxCode)
                && java.util.Arrays.equals(a.valOffset, b.valOffset) && java.util.Arrays.equals(a.symbols, b.symbols));
    }
}
