package org.jpegmt.core.internal;

/**
 * One chunk of a scan's entropy-coded data decoded from a guessed state (T.81 F.2.2 with no
 * restart markers to start from): every chunk but the first starts at a byte offset as if an MCU
 * and a block began there, with DC predictors 0. Huffman codes resynchronise: after a few blocks
 * (a median of tens of bytes, 1.1 KB at most on the files measured) such a decoder reads the
 * same codes as one that started at the beginning. Where it does is found afterwards
 * ({@link #meet}): the chunk before reads on past its end, block by block, until one of its
 * blocks starts at the bit where a block of this chunk starts, in a parse-equivalent MCU phase
 * ({@link ScanDecoder#parseClasses}); from that block on the two decoders parse alike, so the
 * earlier chunk's blocks are right up to there and this chunk's from there.
 *
 * <p>Positions are bits of the data with stuffing and fill bytes removed, counted from the start
 * of the scan ({@link BitReader#bitPosition()} plus the chunk's {@link #base}). Never throws on
 * bad data: bad codes and running out of data are recorded, and {@link SpeculativeDecode} hands
 * the file to the serial decoder when they fall in blocks that count.
 *
 * <p>Not thread-safe: one thread decodes a chunk; others read its recorded starts after a barrier.
 */
final class SpeculativeChunk {
    /** Bad-code blocks remembered; a chunk with more makes the decode fall back. */
    private static final int MAX_BAD = 32;
    /** {@link #firstOverrun} while no block ran past the data. */
    static final int NONE = Integer.MAX_VALUE;

    /** First byte. */
    final int from;
    /** Position of {@link #from}. */
    final long base;
    /** Position of the next chunk's first byte, or of the scan's end. */
    final long end;
    final ChunkStore store;
    private final BitReader br;
    private final int[] preds = new int[4];
    /** MCU phase of the next block: block index in the MCU, counted from the guessed start. */
    private int phase;
    private final int[] bad = new int[MAX_BAD];
    private int badCount;
    private boolean badOverflow;
    /** First block that ran past the end of the data, or {@link #NONE}. */
    int firstOverrun = NONE;
    /** The starts {@link #decode} recorded, for the chunk before's {@link #meet}. */
    private int[] recorded;
    private int recordedCount;
    /**
     * Set (last) by {@link #decode}: from then on {@link #recorded} may be read by other threads
     * (the volatile write publishes it).
     */
    private volatile boolean decoded;
    /** {@link #meet}'s place, kept when it must wait for a chunk not decoded yet: the chunk it looks at. */
    private int lookingAt = -1;
    /** ... and the first of that chunk's starts not behind this one. */
    private int lookingFrom;

    /** After {@link #meet}: the chunk met, or -1 if this one decoded on to the end of the scan. */
    int metChunk = -1;
    /** After {@link #meet}: this chunk's blocks before the meeting point. */
    int metOwn;
    /** After {@link #meet}: the met chunk's first block that counts. */
    int metOther;
    /** After {@link #meet}: later chunks whose blocks never matched, decoded again by this one. */
    int repaired;
    /** After {@link #meet}: bits decoded past {@link #end}. */
    long bitsPastEnd;

    SpeculativeChunk(byte[] data, int from, long base, long end, int expectedBlocks) {
        this.from = from;
        this.base = base;
        this.end = end;
        this.store = new ChunkStore(expectedBlocks);
        this.br = new BitReader(data);
    }

    /**
     * The first chunk once its MCU rows were decoded in the serial way (known state, nothing
     * stored): it goes on from {@code br}, at the start of an MCU, to {@link #meet} the next.
     *
     * @param br the reader, reset at the scan's first byte (its positions are the scan's)
     * @param end position of the next chunk's first byte
     */
    SpeculativeChunk(BitReader br, long end, int expectedBlocks) {
        this.from = -1;
        this.base = 0;
        this.end = end;
        this.store = new ChunkStore(expectedBlocks);
        this.br = br;
        this.recorded = new int[0];
        this.decoded = true;
    }

    /** Decodes the blocks that start before {@link #end}. */
    void decode(ScanDecoder decoder, int[] components) {
        br.reset(from, Integer.MAX_VALUE);
        decodeUntil(decoder, components, end);
        recorded = store.starts();
        recordedCount = store.blocks();
        decoded = true;
    }

    private void decodeUntil(ScanDecoder decoder, int[] components, long limit) {
        int rel = (int) (limit - base);
        while (br.bitPosition() < rel) {
            decodeBlock(decoder, components);
        }
    }

    private void decodeBlock(ScanDecoder decoder, int[] components) {
        int at = br.bitPosition();
        int i = components[phase];
        int before = preds[i];
        ChunkStore s = store;
        s.reserve();
        int last = decoder.decodeBlockZigZag(br, i, s.page(), s.next(), preds);
        s.commit(at, last, preds[i] - before);
        if (br.badCodes != 0) {
            br.clearBadCodes();
            if (badCount < MAX_BAD) {
                bad[badCount++] = store.blocks() - 1;
            } else {
                badOverflow = true;
            }
        }
        if (firstOverrun == NONE && br.overrun()) {
            firstOverrun = store.blocks() - 1;
        }
        if (++phase == components.length) {
            phase = 0;
        }
    }

    /**
     * Reads on past {@link #end} until a block starts where one of the next chunk's does, in a
     * parse-equivalent phase. When none does before the next chunk's end (a chunk too short to
     * resynchronise), this one has decoded that chunk's data itself, and looks for the chunk
     * after it; past the last, it decodes on to the end of the scan. A chunk it must compare with
     * that is not decoded yet makes it stop and return false: call it again once it is (it goes
     * on from there).
     *
     * @param chunks all chunks of the scan; the next one {@link #decode}d
     * @param self this chunk's index
     * @param classes {@link ScanDecoder#parseClasses()}
     * @param scanEnd position of the end of the scan's data
     * @return true once done; false if it waits for a later chunk's {@link #decode}
     */
    boolean meet(ScanDecoder decoder, int[] components, int[] classes, SpeculativeChunk[] chunks, int self,
            long scanEnd) {
        int nb = components.length;
        int m = lookingAt < 0 ? self + 1 : lookingAt;
        int q = lookingFrom;
        while (m < chunks.length) {
            SpeculativeChunk o = chunks[m];
            if (!o.decoded) {
                lookingAt = m;
                lookingFrom = q;
                return false;
            }
            long at = base + br.bitPosition();
            if (at >= o.end) {
                m++; // passed all of o's blocks: its data is decoded here instead
                q = 0;
                repaired++;
                continue;
            }
            long rel = at - o.base;
            int[] starts = o.recorded;
            int count = o.recordedCount;
            while (q < count && starts[q] < rel) {
                q++;
            }
            if (q < count && starts[q] == rel && classes[phase] == classes[q % nb]) {
                metChunk = m;
                metOwn = store.blocks();
                metOther = q;
                bitsPastEnd = at - end;
                return true;
            }
            decodeBlock(decoder, components);
        }
        decodeUntil(decoder, components, scanEnd);
        bitsPastEnd = Math.max(0, base + br.bitPosition() - end);
        return true;
    }

    /** @return true if a block in {@code [b0, b1)} met a bad code (or too many blocks did to tell) */
    boolean badIn(int b0, int b1) {
        if (badOverflow) {
            return true;
        }
        for (int k = 0; k < badCount; k++) {
            if (bad[k] >= b0 && bad[k] < b1) {
                return true;
            }
        }
        return false;
    }

    /** @return position where block b ends: the next block's start, or where decoding stopped */
    long endOf(int b) {
        return base + (b + 1 < store.blocks() ? store.start(b + 1) : br.bitPosition());
    }
}
