package org.jpegmt.core.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

class BitWriterTest {
    @Test
    void dataByteFfIsFollowedByZero() {
        BitWriter w = new BitWriter(16);
        w.put(0xFF, 8);
        w.put(0x12, 8);
        w.put(0xFFFF, 16);
        w.put(0xAB, 8);
        w.padToByte();
        assertArrayEquals(Fixtures.bytes(0xFF, 0, 0x12, 0xFF, 0, 0xFF, 0, 0xAB), w.toByteArray());
    }

    @Test
    void partialByteIsPaddedWithOnes() {
        BitWriter w = new BitWriter(16);
        w.put(0b101, 3);
        w.padToByte();
        assertArrayEquals(Fixtures.bytes(0b10111111), w.toByteArray());
    }

    @Test
    void paddingThatMakesFfIsStuffed() {
        BitWriter w = new BitWriter(16);
        w.put(0b1111, 4);
        w.padToByte();
        w.marker(0xD0);
        assertArrayEquals(Fixtures.bytes(0xFF, 0x00, 0xFF, 0xD0), w.toByteArray());
    }

    @Test
    void longRunsCrossTheAccumulatorBoundary() {
        BitWriter w = new BitWriter(4);
        for (int i = 0; i < 100; i++) {
            w.ensure(8);
            w.put(0x7FFFFFF, 27); // 27 one-bits each time
        }
        w.padToByte();
        byte[] out = w.toByteArray();
        // 2700 one-bits = 337.5 bytes -> 338 bytes of FF, each stuffed
        org.junit.jupiter.api.Assertions.assertEquals(676, out.length);
        for (int i = 0; i < out.length; i += 2) {
            org.junit.jupiter.api.Assertions.assertEquals((byte) 0xFF, out[i]);
            org.junit.jupiter.api.Assertions.assertEquals(0, out[i + 1]);
        }
    }

    @Test
    void noStuffingWithoutFf() {
        BitWriter w = new BitWriter(16);
        w.put(0x12345678, 31);
        w.put(0, 1);
        w.padToByte();
        assertArrayEquals(Fixtures.bytes(0x24, 0x68, 0xAC, 0xF0), w.toByteArray());
    }
}
