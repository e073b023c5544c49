package org.jpegmt.core.internal;

import org.jpegmt.core.InvalidJpegException;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class HuffmanTableTest {
    /** Packs (code, length) pairs MSB first, pads with 1-bits, stuffs FF bytes. */
    static byte[] pack(int... codeLen) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        long acc = 0;
        int n = 0;
        for (int i = 0; i < codeLen.length; i += 2) {
            acc = (acc << codeLen[i + 1]) | codeLen[i];
            n += codeLen[i + 1];
            while (n >= 8) {
                int b = (int) (acc >>> (n - 8)) & 0xFF;
                out.write(b);
                if (b == 0xFF) {
                    out.write(0);
                }
                n -= 8;
            }
        }
        if (n > 0) {
            int b = (int) ((acc << (8 - n)) | ((1 << (8 - n)) - 1)) & 0xFF;
            out.write(b);
            if (b == 0xFF) {
                out.write(0);
            }
        }
        return out.toByteArray();
    }

    private static BitReader reader(byte[] d) {
        BitReader br = new BitReader(d);
        br.reset(0, d.length);
        br.fill();
        return br;
    }

    @Test
    void decodesEveryAnnexKCodeIncludingSixteenBitOnes() throws Exception {
        HuffmanSpec spec = StandardTables.AC_LUMINANCE;
        HuffmanTable t = HuffmanTable.build(spec, false, 0);
        int[] codes = spec.codes();
        int[] lens = spec.codeLengths();
        int[] pairs = new int[codes.length * 2];
        for (int i = 0; i < codes.length; i++) {
            pairs[2 * i] = codes[i];
            pairs[2 * i + 1] = lens[i];
        }
        BitReader br = reader(pack(pairs));
        for (int i = 0; i < codes.length; i++) {
            if (br.bits < 32) {
                br.fill();
            }
            assertEquals(spec.symbol(i), br.decode(t), "code " + i + " of length " + lens[i]);
        }
        assertEquals(0, br.badCodes);
    }

    @Test
    void combinedAcEntryGivesRunSizeAndValue() throws Exception {
        HuffmanTable t = HuffmanTable.build(StandardTables.AC_LUMINANCE, false, 0);
        // AC luminance: symbol 0x01 has code 00 (2 bits); extra bit 0 -> value -1.
        int e = t.acFast[0b000_000000 << (HuffmanTable.AC_LOOKAHEAD - 9)];
        assertEquals(3, e & 31);
        assertEquals(-1, e >> 16);
        assertEquals(0, (e >> 8) & 15);
        // EOB is 1010.
        int eob = t.acFast[0b1010_00000 << (HuffmanTable.AC_LOOKAHEAD - 9)];
        assertEquals(0x80, eob & 0x80);
        assertEquals(4, eob & 31);
    }

    @Test
    void sequentialAcEntryGivesCodeOnlyWhenExtraBitsDoNotFit() throws Exception {
        HuffmanTable t = HuffmanTable.build(StandardTables.AC_LUMINANCE, false, 0);
        int n = HuffmanTable.AC_LOOKAHEAD;
        // Annex K.5: 0/1 is 00 (2 bits, 1 extra bit): the whole coefficient fits, same as acFast.
        assertEquals(t.acFast[0], t.acSequential[0]);
        // 0/6 is 1111000 (7 bits) + 6 extra bits = 13 > 11: code length, run and size only.
        int e = t.acSequential[0b1111000 << (n - 7)];
        assertEquals(0, t.acFast[0b1111000 << (n - 7)]);
        assertEquals(HuffmanTable.CODE_ONLY, e & HuffmanTable.SPECIAL);
        assertEquals(7, e & 31);
        assertEquals(0, (e >> 8) & 15);
        assertEquals(6, e >> 16);
        // 1/5 is 11111110110 (11 bits) + 5 extra bits: run 1, size 5.
        int e15 = t.acSequential[0b11111110110];
        assertEquals(HuffmanTable.CODE_ONLY | (5 << 16) | (1 << 8) | 11, e15);
        // Eleven ones start only 16-bit codes: length 0, the slow path.
        assertEquals(HuffmanTable.CODE_ONLY, t.acSequential[(1 << n) - 1]);
        // EOB and ZRL carry their flags in both tables.
        assertEquals(0x80, t.acSequential[0b1010 << (n - 4)] & HuffmanTable.SPECIAL);
        assertEquals(0x40, t.acSequential[0b11111111001 << (n - 11)] & HuffmanTable.SPECIAL);
    }

    @Test
    void badCodeConsumesSeventeenBitsAndGivesSymbolZero() throws Exception {
        HuffmanTable t = HuffmanTable.build(StandardTables.DC_LUMINANCE, true, 0);
        // DC luminance codes are at most 9 bits long; all ones is not a code.
        BitReader br = reader(new byte[] {(byte) 0xFF, 0, (byte) 0xFF, 0, (byte) 0xFF, 0, 0x12, 0x34, 0x56, 0x78});
        assertEquals(0, br.decode(t));
        assertEquals(1, br.badCodes);
        assertEquals(0b1111111, br.take(7)); // 24 - 17 ones left
    }

    @Test
    void annexKTablesAreSharedOnlyInTheirOwnRole() throws Exception {
        // a spec equal to Annex K's (as parsed from a DHT), not the same object
        HuffmanSpec parsedAcLuma = new HuffmanSpec(countsOf(StandardTables.AC_LUMINANCE),
                StandardTables.AC_LUMINANCE.symbols().clone());
        HuffmanTable shared = HuffmanTable.of(parsedAcLuma, false, 0);
        assertSame(shared, HuffmanTable.of(StandardTables.AC_LUMINANCE, false, 0));
        assertArrayEquals(HuffmanTable.build(StandardTables.AC_LUMINANCE, false, 0).acFast, shared.acFast);
        // the DC luminance spec in an AC slot is built as an AC table, with its fast entries
        HuffmanTable dcAsAc = HuffmanTable.of(StandardTables.DC_LUMINANCE, false, 0);
        assertNotSame(HuffmanTable.of(StandardTables.DC_LUMINANCE, true, 0), dcAsAc);
        assertNotNull(dcAsAc.acFast);
        // any other table is built for the call
        HuffmanSpec other = new HuffmanSpec(new int[] {1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}, new int[] {1, 0});
        assertNotSame(HuffmanTable.of(other, false, 0), HuffmanTable.of(other, false, 0));
    }

    private static int[] countsOf(HuffmanSpec spec) {
        int[] counts = new int[16];
        for (int len = 1; len <= 16; len++) {
            counts[len - 1] = spec.count(len);
        }
        return counts;
    }

    @Test
    void tablesLibjpegRefusesAreRefused() {
        // two 1-bit codes: the second is all ones
        HuffmanSpec allOnes = new HuffmanSpec(new int[] {2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}, new int[] {1, 2});
        assertThrows(InvalidJpegException.class, () -> HuffmanTable.build(allOnes, false, 0));
        HuffmanSpec bigDc = new HuffmanSpec(new int[] {1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}, new int[] {16});
        assertThrows(InvalidJpegException.class, () -> HuffmanTable.build(bigDc, true, 0));
    }

    @Test
    void extendFollowsF12() {
        assertEquals(-1, HuffmanTable.extend(0, 1));
        assertEquals(1, HuffmanTable.extend(1, 1));
        assertEquals(-3, HuffmanTable.extend(0, 2));
        assertEquals(2, HuffmanTable.extend(2, 2));
        assertEquals(-2047, HuffmanTable.extend(0, 11));
        assertEquals(1024, HuffmanTable.extend(1024, 11));
    }
}
