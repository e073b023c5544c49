package org.jpegmt.core.internal;

import java.util.Arrays;

/**
 * The blocks one {@link SpeculativeChunk} entropy-decoded, in decoding order, until the DC
 * predictors and the blocks' places in the image are known: in pages of ints the Huffman decoder
 * writes into directly, each block its coefficients in zig-zag order from 0 to the last nonzero
 * one only (a photo's block keeps a fraction of its 64), the block after it right behind. The DC
 * slot, once the block is decoded, holds {@code (raw DC difference << 8) | last index} instead (the
 * predictor is fixed later: {@link SpeculativeDecode}), so that a reader walks the blocks with no
 * per-block table ({@link #next}). Beside the pages: the bit position each block starts at, which
 * the boundary check compares, and where every 64th block starts ({@link #locate}).
 *
 * <p>Memory: four bytes per stored coefficient plus four per block, grown as decoded (never sized
 * for the worst case up front). Not thread-safe: one chunk's thread writes it, and readers come
 * after a barrier.
 */
final class ChunkStore {
    private static final int PAGE_BITS = 16;
    private static final int PAGE = 1 << PAGE_BITS;
    private static final int INDEX = PAGE - 1;
    /** Blocks between two {@link #checkpoint}s. */
    private static final int CHECKPOINT_BITS = 6;

    private int[][] pages = new int[4][];
    private int pageCount;
    private int[] page;
    /** Ints used in {@link #page}. */
    private int used;
    private int[] start;
    /** Every 64th block's location ({@link #locate}). */
    private int[] checkpoint;
    private int blocks;
    /** Ints of the first page: the guess's worth (short chunks, e.g. forced in tests, stay small). */
    private final int firstPage;

    /** @param expectedBlocks a first guess of the block count (the arrays grow past it) */
    ChunkStore(int expectedBlocks) {
        int n = Math.max(64, expectedBlocks);
        start = new int[n];
        checkpoint = new int[(n >> CHECKPOINT_BITS) + 1];
        firstPage = (int) Math.min(PAGE, Math.max(256, 24L * n));
    }

    /** @return blocks stored */
    int blocks() {
        return blocks;
    }

    /**
     * Makes room for one more block: 64 zero ints at {@link #page()} from {@link #next()}, which
     * the decoder fills in zig-zag order before {@link #commit}.
     */
    void reserve() {
        if (blocks == start.length) {
            start = Arrays.copyOf(start, blocks * 2);
        }
        if (used + 64 > (page == null ? 0 : page.length)) {
            newPage();
        }
    }

    /** @return the page the next block goes to (after {@link #reserve()}) */
    int[] page() {
        return page;
    }

    /** @return index in {@link #page()} where the next block goes */
    int next() {
        return used;
    }

    /**
     * Keeps the block written at {@link #next()}: its coefficients 1..{@code lastIndex}, and in
     * its DC slot the raw difference and {@code lastIndex}.
     *
     * @param startBit where the block starts ({@link BitReader#bitPosition()})
     * @param lastIndex zig-zag index of the last coefficient written (up to 63)
     * @param diff the raw DC difference (16 bits at most: categories up to 15)
     */
    void commit(int startBit, int lastIndex, int diff) {
        int b = blocks++;
        if ((b & ((1 << CHECKPOINT_BITS) - 1)) == 0) {
            int k = b >> CHECKPOINT_BITS;
            if (k == checkpoint.length) {
                checkpoint = Arrays.copyOf(checkpoint, k * 2);
            }
            checkpoint[k] = ((pageCount - 1) << PAGE_BITS) | used;
        }
        page[used] = (diff << 8) | lastIndex;
        start[b] = startBit;
        used += lastIndex + 1;
    }

    private void newPage() {
        if (pageCount == pages.length) {
            pages = Arrays.copyOf(pages, pageCount * 2);
        }
        page = new int[pageCount == 0 ? firstPage : PAGE];
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

    /** @return block b's location: {@code (page << 16) | index} of its DC slot */
    int locate(int b) {
        int loc = checkpoint[b >> CHECKPOINT_BITS];
        for (int k = b & ~((1 << CHECKPOINT_BITS) - 1); k < b; k++) {
            loc = next(loc, pageAt(loc)[loc & INDEX] & 0xFF);
        }
        return loc;
    }

    /** @return the page of a location */
    int[] pageAt(int loc) {
        return pages[loc >>> PAGE_BITS];
    }

    /**
     * @param loc a block's location
     * @param last its last index (the low byte of its DC slot)
     * @return the next block's location, as {@link #reserve()} placed it
     */
    int next(int loc, int last) {
        int p = loc >>> PAGE_BITS;
        int i = (loc & INDEX) + last + 1;
        if (i + 64 > pages[p].length) {
            return (p + 1) << PAGE_BITS;
        }
        return (p << PAGE_BITS) | i;
    }

    /** @return bytes held */
    long bytes() {
        long ints = pageCount == 0 ? 0 : firstPage + (long) (pageCount - 1) * PAGE;
        return ints * 4 + (long) start.length * 4 + (long) checkpoint.length * 4;
    }
}
