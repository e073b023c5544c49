package org.jpegmt.core.internal;

import java.util.Arrays;

/**
 * The blocks one {@link SpeculativeChunk} entropy-decoded, in decoding order, until the DC
 * predictors and the blocks' places in the image are known. Per block: its quantised
 * coefficients in zig-zag order, from 0 to the last nonzero one only (a photo's block keeps a
 * fraction of its 64), in pages of ints the Huffman decoder writes into directly; the raw DC difference (the predictor is fixed later:
 * {@link SpeculativeDecode}); the index of the last coefficient; and the bit position the block
 * starts at, which the boundary check compares.
 *
 * <p>Memory: four bytes per stored coefficient plus 13 bytes per block, grown as decoded (never
 * sized for the worst case up front). Not thread-safe: one chunk's thread writes it, and readers
 * come after a barrier.
 */
final class ChunkStore {
    private static final int PAGE_BITS = 16;
    private static final int PAGE = 1 << PAGE_BITS;

    private int[][] pages = new int[4][];
    private int pageCount;
    private int[] page;
    /** Ints used in {@link #page}. */
    private int used;
    /** Per block: {@code (page << PAGE_BITS) | index} of its first coefficient (the DC). */
    private int[] offset;
    private byte[] last;
    private int[] dcDiff;
    private int[] start;
    private int blocks;
    /** Ints of the first page: the guess's worth (short chunks, e.g. forced in tests, stay small). */
    private final int firstPage;

    /** @param expectedBlocks a first guess of the block count (the arrays grow past it) */
    ChunkStore(int expectedBlocks) {
        int n = Math.max(64, expectedBlocks);
        offset = new int[n];
        last = new byte[n];
        dcDiff = new int[n];
        start = new int[n];
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
        if (blocks == offset.length) {
            grow();
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
     * Keeps the block written at {@link #next()}: its coefficients 0..{@code lastIndex}.
     *
     * @param startBit where the block starts ({@link BitReader#bitPosition()})
     * @param lastIndex zig-zag index of the last coefficient written (up to 63)
     * @param diff the raw DC difference
     */
    void commit(int startBit, int lastIndex, int diff) {
        int b = blocks++;
        offset[b] = ((pageCount - 1) << PAGE_BITS) | used;
        last[b] = (byte) lastIndex;
        dcDiff[b] = diff;
        start[b] = startBit;
        used += lastIndex + 1;
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

    /** @return block b's raw DC difference */
    int dcDiff(int b) {
        return dcDiff[b];
    }

    /** @return zig-zag index of block b's last stored coefficient */
    int last(int b) {
        return last[b];
    }

    /** @return the page holding block b's coefficients */
    int[] page(int b) {
        return pages[offset[b] >>> PAGE_BITS];
    }

    /** @return index in {@link #page} of block b's DC coefficient */
    int index(int b) {
        return offset[b] & (PAGE - 1);
    }

    /** @return bytes held */
    long bytes() {
        long ints = pageCount == 0 ? 0 : firstPage + (long) (pageCount - 1) * PAGE;
        return ints * 4 + (long) offset.length * 13;
    }
}
