package org.jpegmt.core.internal;

import java.util.Arrays;

/**
 * The blocks one {@link SpeculativeChunk} entropy-decoded, in decoding order, until the DC
 * predictors and the blocks' places in the image are known. Per block: its quantised
 * coefficients in zig-zag order, from 0 to the last nonzero one only (a photo's block keeps a
 * fraction of its 64), in pages of shorts; the raw DC difference (the predictor is fixed later:
 * {@link SpeculativeDecode}); the index of the last coefficient; and the bit position the block
 * starts at, which the boundary check compares.
 *
 * <p>Memory: two bytes per stored coefficient plus 13 bytes per block, grown as decoded (never
 * sized for the worst case up front). Not thread-safe: one chunk's thread writes it, and readers
 * come after a barrier.
 */
final class ChunkStore {
    private static final int PAGE_BITS = 16;
    private static final int PAGE = 1 << PAGE_BITS;

    private short[][] pages = new short[4][];
    private int pageCount;
    private short[] page;
    /** Shorts used in {@link #page}. */
    private int used = PAGE;
    /** Per block: {@code (page << PAGE_BITS) | index} of its first coefficient (the DC). */
    private int[] offset;
    private byte[] last;
    private int[] dcDiff;
    private int[] start;
    private int blocks;

    /** @param expectedBlocks a first guess of the block count (the arrays grow past it) */
    ChunkStore(int expectedBlocks) {
        int n = Math.max(64, expectedBlocks);
        offset = new int[n];
        last = new byte[n];
        dcDiff = new int[n];
        start = new int[n];
    }

    /** @return blocks stored */
    int blocks() {
        return blocks;
    }

    /**
     * Stores a block and leaves {@code zz} zero again.
     *
     * @param startBit where the block starts ({@link BitReader#bitPosition()})
     * @param zz the block in zig-zag order, nonzero at most at 0..{@code lastIndex}
     * @param lastIndex zig-zag index of the last coefficient written (up to 63)
     * @param diff the raw DC difference
     */
    void add(int startBit, int[] zz, int lastIndex, int diff) {
        if (blocks == offset.length) {
            grow();
        }
        int n = lastIndex + 1;
        if (used + n > PAGE) {
            newPage();
        }
        short[] p = page;
        int u = used;
        for (int z = 0; z < n; z++) {
            p[u + z] = (short) zz[z];
            zz[z] = 0;
        }
        int b = blocks++;
        offset[b] = ((pageCount - 1) << PAGE_BITS) | u;
        last[b] = (byte) lastIndex;
        dcDiff[b] = diff;
        start[b] = startBit;
        used = u + n;
    }

    private void grow() {
        int n = offset.length * 2;
        offset = Arrays.copyOf(offset, n);
        last = Arrays.copyOf(last, n);
        dcDiff = Arrays.copyOf(dcDiff, n);
        start = Arrays.copyOf(start, n);
    }

    private void newPage() {
        if (pageCount == pages.length) {
            pages = Arrays.copyOf(pages, pageCount * 2);
        }
        page = new short[PAGE];
        pages[pageCount++] = page;
        used = 0;
    }

    /**
     * @return the array of block starts as it is now: entries below {@link #blocks()} never change
     *     again, even while blocks are added (a later growth copies it), so another thread may read
     *     them after a barrier
     */
    int[] starts() {
        return start;
    }

    /** @return where block b starts (its {@link BitReader#bitPosition()}) */
    int start(int b) {
        return start[b];
    }

    /** @return block b's raw DC difference */
    int dcDiff(int b) {
        return dcDiff[b];
    }

    /** @return zig-zag index of block b's last stored coefficient */
    int last(int b) {
        return last[b];
    }

    /** @return the page holding block b's coefficients */
    short[] page(int b) {
        return pages[offset[b] >>> PAGE_BITS];
    }

    /** @return index in {@link #page} of block b's DC coefficient */
    int index(int b) {
        return offset[b] & (PAGE - 1);
    }

    /** @return bytes held */
    long bytes() {
        return (long) pageCount * PAGE * 2 + (long) offset.length * 13;
    }
}
