package org.jpegmt.core.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Reads the bits of one entropy-coded segment (T.81 F.2.2.5, B.1.1.5), most significant first.
 *
 * <p>Bits wait in a 64-bit accumulator, left-aligned ({@link #acc}, {@link #bits} of them). The
 * fast refill loads 8 bytes at once when none of them is 0xFF; otherwise bytes are taken one by
 * one, undoing the {@code FF 00} stuffing and skipping {@code FF FF} fill. A marker
 * ({@code FF xx}, xx != 0) or the segment's limit ends the data: the reader never reads past it
 * and supplies zero bits from then on, counted in {@link #padBits}. When the decoder has used
 * more bits than the data held ({@link #overrun()}), libjpeg's "premature end of data segment"
 * rule applies (see {@link ScanDecoder}).
 */
final class BitReader {
    private static final VarHandle LONG_BE =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;

    private final byte[] data;
    private int pos;
    private int limit;

    /** Next bits of the stream, left-aligned. Bits below the counted ones are zero. */
    long acc;
    /** Number of bits in {@link #acc}, zero padding included. */
    int bits;
    /** Zero bits appended after the data ended. */
    int padBits;
    /** Whether the data has ended (marker or limit reached). */
    boolean ended;
    /** The marker code that ended the data (0xD0 for RST0 ...), or -1 if the limit ended it. */
    int marker;
    /** Offset of the marker's code byte, or of the limit. */
    int markerPos;
    /** Number of bad Huffman codes met since the last {@link #clearBadCodes()}. */
    int badCodes;
    /** Where {@link #reset} started. */
    private int start;
    /**
     * Bytes passed since {@link #reset} that carried no data bits: the {@code 00} of each
     * {@code FF 00}, and {@code FF} fill bytes. Counted on the slow path only (the fast path never
     * meets an {@code FF}), for {@link #bitPosition()}.
     */
    private int skipped;
    /**
     * Blocks of a progressive AC scan whose run went past the end of the scan's band (Se) since
     * the last {@link #reset}: damaged data that libjpeg decodes silently, storing a coefficient
     * outside the band. The serial decode ignores the count; decoding scans concurrently relies
     * on each scan touching only its band, so it gives up on a file where this is not 0.
     */
    int strayRuns;

    BitReader(byte[] data) {
        this.data = data;
    }

    /**
     * Starts reading a segment.
     *
     * @param start first entropy-coded byte
     * @param limit end of the data: bytes at and after it are never read
     */
    void reset(int start, int limit) {
        this.pos = start;
        this.limit = Math.min(limit, data.length);
        this.start = start;
        skipped = 0;
        acc = 0;
        bits = 0;
        padBits = 0;
        ended = false;
        marker = -1;
        markerPos = -1;
        badCodes = 0;
        strayRuns = 0;
    }

    /** @return true if more bits were consumed than the data held */
    boolean overrun() {
        return bits < padBits;
    }

    /**
     * @return how many data bits were consumed since {@link #reset}, in the stream with stuffing
     *     and fill bytes removed (T.81 F.1.2.3): a position that does not depend on how far ahead
     *     the reader has loaded, so decoders that started at different offsets can compare it
     *     ({@link SpeculativeChunk})
     */
    int bitPosition() {
        return ((pos - start - skipped) << 3) - bits + padBits;
    }

    /** @return offset of the next byte not yet loaded into the accumulator */
    int position() {
        return pos;
    }

    /** @return whole bytes of real data loaded but not consumed (libjpeg discards these at a restart) */
    int unusedBytes() {
        int real = bits - padBits;
        return real > 0 ? real >> 3 : 0;
    }

    void clearBadCodes() {
        badCodes = 0;
    }

    /** Makes {@link #bits} at least 57. */
    void fill() {
        if (bits > 56) {
            return;
        }
        if (!ended && pos + 8 <= limit) {
            long w = (long) LONG_BE.get(data, pos);
            long x = ~w;
            // SWAR test for a 0xFF byte (a zero byte in ~w): stuffing and markers take the slow path.
            if (((x - ONES) & ~x & HIGHS) == 0) {
                int n = (64 - bits) >>> 3; // whole bytes that fit, 1..8
                int keep = n << 3;
                acc |= (w >>> (64 - keep)) << (64 - keep - bits);
                bits += keep;
                pos += n;
                return;
            }
        }
        fillSlow();
    }

    private void fillSlow() {
        while (bits <= 56) {
            if (ended) {
                int add = (64 - bits) & ~7;
                bits += add;
                padBits += add;
                return;
            }
            if (pos >= limit) {
                end(-1, limit);
                continue;
            }
            int b = data[pos] & 0xFF;
            if (b != 0xFF) {
                acc |= (long) b << (56 - bits);
                bits += 8;
                pos++;
                continue;
            }
            int p = pos + 1;
            while (p < limit && data[p] == (byte) 0xFF) {
                p++; // FF FF ...: fill bytes
            }
            if (p >= limit) {
                end(-1, limit);
                continue;
            }
            int c = data[p] & 0xFF;
            if (c == 0) {
                acc |= 0xFFL << (56 - bits);
                bits += 8;
                skipped += p - pos; // fill bytes and the stuffed 00: bytes without bits
                pos = p + 1;
                continue;
            }
            skipped += p - 1 - pos; // fill bytes before the marker
            pos = p - 1;
            end(c, p);
        }
    }

    private void end(int code, int at) {
        ended = true;
        marker = code;
        markerPos = at;
    }

    /** Drops n bits (n <= bits). */
    void skip(int n) {
        acc <<= n;
        bits -= n;
    }

    /**
     * Decodes one Huffman symbol (T.81 Figure F.16), lookahead table first. A code not found in
     * 16 bits consumes 17 bits and gives symbol 0, as libjpeg does; {@link #badCodes} counts it.
     * Requires {@code bits >= 17}.
     */
    int decode(HuffmanTable t) {
        int e = t.lookup[(int) (acc >>> (64 - HuffmanTable.LOOKAHEAD))];
        if (e != 0) {
            int len = e >> 8;
            acc <<= len;
            bits -= len;
            return e & 0xFF;
        }
        return decodeSlow(t);
    }

    private int decodeSlow(HuffmanTable t) {
        int[] maxCode = t.maxCode;
        for (int len = HuffmanTable.LOOKAHEAD + 1; len <= 16; len++) {
            int code = (int) (acc >>> (64 - len));
            if (code <= maxCode[len]) {
                acc <<= len;
                bits -= len;
                return t.symbols[code + t.valOffset[len]] & 0xFF;
            }
        }
        acc <<= 17;
        bits -= 17;
        badCodes++;
        return 0;
    }

    /** Reads s (1..16) bits as an unsigned value. Requires {@code bits >= s}. */
    int take(int s) {
        int v = (int) (acc >>> (64 - s));
        acc <<= s;
        bits -= s;
        return v;
    }
}
