package org.jpegmt.core.internal;

import java.util.Arrays;

/**
 * Packs Huffman codes MSB-first into bytes (T.81 F.1.2.3) with byte stuffing: every data byte
 * 0xFF is followed by 0x00 (T.81 B.1.1.5). Bits collect in a 64-bit accumulator and leave it
 * 32 at a time; the common case (no 0xFF among the four bytes) is one test.
 *
 * <p>The output array grows only in {@link #ensure}: callers reserve room once per MCU, so the
 * per-code path never checks capacity.
 */
final class BitWriter {
    /** Upper bound of the stuffed bytes one block can produce: (27 + 63*26) bits, doubled. */
    static final int MAX_BLOCK_BYTES = 420;

    private byte[] buf;
    private int pos;
    private long acc;
    private int count;

    BitWriter(int initialCapacity) {
        buf = new byte[Math.max(64, initialCapacity)];
    }

    /** Makes room for {@code n} more output bytes (plus the pending accumulator bits). */
    void ensure(int n) {
        if (pos + n + 16 > buf.length) {
            long want = Math.max((long) buf.length * 2, (long) pos + n + 16);
            buf = Arrays.copyOf(buf, (int) Math.min(Integer.MAX_VALUE - 8, want));
        }
    }

    /**
     * Appends the low {@code n} bits of {@code bits} (n <= 31; the caller keeps higher bits
     * zero).
     */
    void put(int bits, int n) {
        acc = (acc << n) | bits;
        count += n;
        if (count >= 32) {
            flush32();
        }
    }

    private void flush32() {
        count -= 32;
        int w = (int) (acc >>> count);
        int inv = ~w;
        // inv has a zero byte exactly when w has a 0xFF byte (classic has-zero-byte test)
        if (((inv - 0x01010101) & ~inv & 0x80808080) == 0) {
            byte[] b = buf;
            int p = pos;
            b[p] = (byte) (w >>> 24);
            b[p + 1] = (byte) (w >>> 16);
            b[p + 2] = (byte) (w >>> 8);
            b[p + 3] = (byte) w;
            pos = p + 4;
        } else {
            stuffed(w >>> 24);
            stuffed(w >>> 16);
            stuffed(w >>> 8);
            stuffed(w);
        }
    }

    private void stuffed(int v) {
        byte b = (byte) v;
        buf[pos++] = b;
        if (b == (byte) 0xFF) {
            buf[pos++] = 0;
        }
    }

    /** Pads the last partial byte with 1-bits (T.81 F.1.2.3) and writes out every pending bit. */
    void padToByte() {
        int rem = count & 7;
        if (rem != 0) {
            put((1 << (8 - rem)) - 1, 8 - rem);
        }
        while (count >= 8) {
            count -= 8;
            stuffed((int) (acc >>> count));
        }
    }

    /** Writes a marker {@code FF m}; the bit stream must be byte-aligned ({@link #padToByte}). */
    void marker(int m) {
        ensure(2);
        buf[pos++] = (byte) 0xFF;
        buf[pos++] = (byte) m;
    }

    /** Appends raw bytes (headers); the bit stream must be byte-aligned. */
    void raw(byte[] bytes) {
        ensure(bytes.length);
        System.arraycopy(bytes, 0, buf, pos, bytes.length);
        pos += bytes.length;
    }

    /** @return a copy of the bytes written so far */
    byte[] toByteArray() {
        return Arrays.copyOf(buf, pos);
    }
}
