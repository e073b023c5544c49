package org.jpegmt.core.internal;

import org.jpegmt.core.JpegException;
import org.jpegmt.core.PixelImage;

/**
 * Parallel decoding of a single scan without restart markers, by speculation: the entropy-coded
 * data is cut into chunks at byte offsets and every chunk is decoded at once from a guessed state
 * ({@link SpeculativeChunk}); the boundaries are then verified, the DC predictors fixed from the
 * chunks' raw DC differences, and the image reconstructed (inverse DCT, upsampling, colour) in
 * bands of MCU rows from the stored coefficients, as {@link BandDecode} does for restart
 * intervals. The result is the serial decoder's, or nothing: whatever is unusual (a bad code or
 * the end of the data in a block that counts, a block count that does not match the frame, data
 * after the last block, a scan without an ending marker) makes {@link #assemble} return false,
 * and the caller decodes the file serially instead, with libjpeg's warnings. Nothing is warned
 * before {@link #assemble} succeeded; the rows a streaming first chunk wrote to the output are
 * written again by the serial decode.
 *
 * <p>The phases, each parallel over its parts with a barrier between (a scheduler runs them):
 * {@link #scanPiece} over {@link #pieces()} (find the end of the scan and the stuffing bytes),
 * {@link #planChunks}, {@link #decodeChunk} over {@link #chunks()}, {@link #meetNext} over all
 * chunks but the last, {@link #assemble}, {@link #sumDc} over {@link #bands()}, {@link #reconstruct}
 * over the bands then {@link #convertEdge} where {@link #edgeAbove}, and {@link #finish}. The
 * first chunk may decode its MCU rows the serial way instead, reconstructing them as it goes
 * (nothing stored, its DC predictors exact): its thread then does more per byte, so it gets a
 * smaller share ({@link #planChunks}).
 *
 * <p>Memory: the output plus the stored coefficients, four bytes per coefficient up to each
 * block's last nonzero one plus about 4 bytes per block ({@link ChunkStore}); {@link DecodeJob#speculativeBytes()}
 * bounds it before anything is decoded, and the caller compares it with
 * {@link org.jpegmt.core.DecoderOptions#maxMemory()}.
 */
public final class SpeculativeDecode {
    /**
     * Scans with less entropy-coded data than this are not worth splitting: on the 2-core VM,
     * 2 threads against the staged path (`SpeculationHarmCheck`, crops of a 20 MP photo) lost
     * 15% at 250 KB and 7% at 450 KB (4:2:0), and were even or ahead from about 800 KB on.
     */
    public static final int MIN_SCAN_BYTES = 1 << 20;
    /** Scans with more than this (bit positions must fit an int per chunk) are decoded otherwise. */
    private static final long MAX_SCAN_BYTES = 200L << 20;

    /** MCUs per step of {@link #reconstruct}: a multiple of 8 (the vector inverse DCT's groups). */
    private static final int RECONSTRUCT_STEP = 16;

    private final ScanContext ctx;
    private final ScanDecoder decoder;
    private final int[] components;
    private final int[] classes;
    private final int blocksPerMcu;
    /** Blocks of the whole scan. */
    private final long blocksNeeded;
    private final int start;

    // --- pieces (the pre-scan) ---
    /** Whether the chunks are the pieces ({@link #usePieces}: tests force chunkings so). */
    private boolean chunkPerPiece;
    private int[] pieceStart;
    /** Per piece: offset of the first marker in it (its first FF), or -1. */
    private int[] pieceMarker;
    /** Per piece: bytes without bits (stuffing, fill) before its marker or end. */
    private int[] pieceSkipped;

    // --- chunks ---
    private SpeculativeChunk[] chunks;
    /** Whether the first chunk decodes whole MCU rows the serial way ({@link #planChunks}). */
    private boolean streaming;
    /** MCU rows it decoded so ({@link #decodeChunk}); 0 for none. */
    private int streamRows;
    /** The DC predictors after those rows. */
    private int[] streamPreds;
    /** Whether those rows met damage (then the decode falls back). */
    private boolean streamWarned;
    /** Position after those rows. */
    private long streamEndBit;
    private int scanEnd;
    private long scanEndBit;

    // --- after assemble ---
    private Segment[] segments;
    private int[] bandRows;
    private int[][] bandPreds;
    /** The reconstruction into the output; null until {@link #output}. */
    private BandDecode bands;
    private final Stats stats = new Stats();

    /** A run of blocks that count, from one chunk: its local blocks {@code [from, to)} are blocks {@code abs ..}. */
    private record Segment(ChunkStore store, int from, int to, long abs) {
    }

    /** What a speculative decode did, for tests, {@code info} and {@code bench}. */
    public static final class Stats {
        int chunks;
        int boundariesVerified;
        long bytesDecodedTwice;
        int serialRepairs;
        long storedBytes;
        int streamRows;
        String fallback;

        /** @return chunks the entropy-coded data was cut into */
        public int chunks() {
            return chunks;
        }

        /** @return chunk boundaries where two decoders were seen to agree */
        public int boundariesVerified() {
            return boundariesVerified;
        }

        /** @return bytes of entropy-coded data decoded by two chunks (the overlaps and the repairs) */
        public long bytesDecodedTwice() {
            return bytesDecodedTwice;
        }

        /** @return chunks whose decoder never resynchronised, whose data the chunk before decoded again */
        public int serialRepairs() {
            return serialRepairs;
        }

        /** @return MCU rows the first chunk decoded the serial way, reconstructing as it went (nothing stored) */
        public int streamRows() {
            return streamRows;
        }

        /** @return bytes the stored coefficients took */
        public long storedBytes() {
            return storedBytes;
        }

        /** @return why the decode handed over to the serial decoder, or null if it did not */
        public String fallback() {
            return fallback;
        }
    }

    /** @param out the output, or null to give it later ({@link #output}) */
    SpeculativeDecode(ScanContext ctx, PixelImage out) {
        this.ctx = ctx;
        this.decoder = ctx.firstDecoder;
        this.components = decoder.blockComponents();
        this.classes = decoder.parseClasses();
        this.blocksPerMcu = decoder.blocksPerMcu();
        this.blocksNeeded = (long) ctx.grid.mcuCount() * blocksPerMcu;
        this.start = ctx.firstScan.dataOffset();
        if (out != null) {
            output(out);
        }
    }

    /**
     * Sets the output the decode writes to, before {@link #decodeChunk}: a scheduler may allocate
     * it (zero-filling tens of megabytes) while the pre-scan runs.
     */
    public void output(PixelImage out) {
        this.bands = new BandDecode(ctx, null, out);
    }

    /**
     * @param blocks blocks of the scan
     * @return the most memory a speculative decode of them may take besides the output: every
     *     block with 64 four-byte coefficients (a bound, never reached by real files), and its few bytes beside them
     */
    static long worstCaseBytes(long blocks) {
        return blocks * (256 + 13);
    }

    /** @return what this decode did so far */
    public Stats stats() {
        return stats;
    }

    /**
     * Cuts the bytes from the scan's start to the end of the file into {@code count} pieces of
     * about equal size for {@link #scanPiece}.
     */
    public void cutPieces(int count) {
        long len = ctx.data.length - (long) start;
        int[] cuts = new int[count - 1];
        for (int k = 1; k < count; k++) {
            cuts[k - 1] = (int) (start + len * k / count);
        }
        usePieces(cuts);
        chunkPerPiece = false;
    }

    /**
     * Uses the given piece boundaries, which are then also the chunk boundaries (tests force
     * chunkings so; {@link #cutPieces} cuts pieces for the pre-scan only). A boundary right after
     * an {@code FF} moves past the bytes that belong to it.
     *
     * @param cuts increasing offsets after the scan's start
     */
    void usePieces(int[] cuts) {
        byte[] data = ctx.data;
        int[] s = new int[cuts.length + 1];
        int n = 0;
        s[n++] = start;
        for (int c : cuts) {
            int o = Math.max(c, s[n - 1] + 1);
            while (o < data.length && data[o - 1] == (byte) 0xFF) {
                o++;
            }
            if (o < data.length) {
                s[n++] = o;
            }
        }
        pieceStart = java.util.Arrays.copyOf(s, n);
        chunkPerPiece = true;
        pieceMarker = new int[n];
        pieceSkipped = new int[n];
    }

    /** @return pieces to {@link #scanPiece} */
    public int pieces() {
        return pieceStart.length;
    }

    /**
     * Finds the first marker in piece k and counts the bytes without data bits before it.
     * Thread-safe for different pieces.
     */
    public void scanPiece(int k) {
        byte[] data = ctx.data;
        int p = pieceStart[k];
        int end = k + 1 < pieceStart.length ? pieceStart[k + 1] : data.length;
        int skipped = 0;
        int marker = -1;
        while (p < end) {
            if (data[p] != (byte) 0xFF) {
                p = SegmentScanner.nextFF(data, p, end);
                continue;
            }
            int q = p + 1;
            while (q < data.length && data[q] == (byte) 0xFF) {
                q++;
            }
            if (q >= data.length) {
                break; // FF bytes up to the end of the file: no marker
            }
            if (data[q] != 0) {
                marker = p;
                break;
            }
            skipped += q - p;
            p = q + 1;
        }
        pieceMarker[k] = marker;
        pieceSkipped[k] = skipped;
    }

    /**
     * After every {@link #scanPiece}: finds where the scan ends and groups the pieces before it
     * into about {@code count} chunks of equal size, or, when {@code streamShare > 0}, into a
     * first chunk of about that share of the bytes, which is decoded the serial way
     * ({@link #decodeChunk}: whole MCU rows, nothing stored, reconstructed as it goes, as a
     * restart band would be), and {@code count - 1} equal chunks over the rest. After
     * {@link #usePieces}, the chunks are the pieces.
     *
     * @param streamShare share of the bytes for a first chunk decoded the serial way; 0 for none
     * @return false if the scan has no ending marker (a truncated file) or is too large: decode
     *     serially
     */
    public boolean planChunks(int count, double streamShare) {
        int n = pieceStart.length;
        long skippedBefore = 0;
        long[] baseBit = new long[n + 1];
        int last = -1;
        for (int k = 0; k < n; k++) {
            baseBit[k] = (pieceStart[k] - start - skippedBefore) * 8;
            if (pieceMarker[k] >= 0) {
                scanEnd = pieceMarker[k];
                last = k;
                break;
            }
            skippedBefore += pieceSkipped[k];
        }
        if (last < 0) {
            return fallback("no marker after the scan data");
        }
        if (scanEnd - (long) start > MAX_SCAN_BYTES) {
            return fallback("scan over " + MAX_SCAN_BYTES + " bytes");
        }
        scanEndBit = baseBit[last] + (scanEnd - pieceStart[last] - (long) pieceSkipped[last]) * 8;
        // a first chunk decoded the serial way needs room for two MCU rows on either side of its end
        streaming = streamShare > 0 && ctx.grid.mcuRows() >= 4;
        // pieces [0, last] hold the scan: chunks start at the first piece at or after each target
        int pieces = last + 1;
        long len = scanEnd - (long) start;
        int want = Math.max(1, Math.min(count, pieces));
        long[] target = new long[want];
        for (int c = 1; c < want; c++) {
            if (chunkPerPiece) {
                target[c] = pieceStart[c] - (long) start;
            } else if (streaming) {
                target[c] = (long) (len * (streamShare + (1 - streamShare) * (c - 1) / (want - 1)));
            } else {
                target[c] = len * c / want;
            }
        }
        int[] firstPiece = new int[want];
        int c = 0;
        for (int k = 0; k < pieces && c < want; k++) {
            if (k == 0 || pieceStart[k] - (long) start >= target[c]) {
                firstPiece[c++] = k;
            }
        }
        chunks = new SpeculativeChunk[c];
        double blocksPerByte = blocksNeeded / (double) Math.max(1, len);
        for (int i = 0; i < c; i++) {
            int k = firstPiece[i];
            long endBit = i + 1 < c ? baseBit[firstPiece[i + 1]] : scanEndBit;
            int endByte = i + 1 < c ? pieceStart[firstPiece[i + 1]] : scanEnd;
            int expected = (int) Math.min(1 << 24, (long) ((endByte - pieceStart[k]) * blocksPerByte * 1.1) + 64);
            chunks[i] = new SpeculativeChunk(ctx.data, pieceStart[k], baseBit[k], endBit, expected);
        }
        if (c < 2) {
            streaming = false; // one chunk: nothing to overlap with
        }
        stats.chunks = c;
        return true;
    }

    /** @return chunks to {@link #decodeChunk} */
    public int chunks() {
        return chunks.length;
    }

    /**
     * Decodes chunk i's blocks. The first chunk, when it streams ({@link #planChunks}), decodes its
     * MCU rows the serial way and reconstructs them into the output as a band, then goes on as a
     * chunk from the end of its last row. Thread-safe for different chunks.
     */
    public void decodeChunk(int i) throws JpegException {
        if (i > 0 || !streaming) {
            chunks[i].decode(decoder, components);
            return;
        }
        // The serial decoder's own cursor, from the true start: exact DC predictors, no guessing. Its
        // warnings are only collected: any means damage, and the whole file goes to the serial path.
        java.util.List<String> seen = new java.util.ArrayList<>();
        Warnings quiet = new Warnings(org.jpegmt.core.DecoderOptions.defaults()
                .withWarningListener((message, offset) -> seen.add(message)));
        ScanCursor cursor = ScanCursor.serial(ctx.data, decoder.withWarnings(quiet), ctx.grid, quiet, ctx.resync, start);
        BitReader br = cursor.reader();
        SpeculativeChunk next = chunks[1];
        // whole MCU rows up to the row end nearest to the next chunk's start (the reader's positions
        // are the scan's): the data either side of it is decoded twice (by the next chunk, past
        // its start) or stored by this one (up to the next chunk), at most half a row either way
        int[] decoded = {1};
        streamRows = bands.rows(0, ctx.grid.mcuRows(), ring -> cursor.decodeRow(ring, null), () -> {
            if (!seen.isEmpty()) {
                return true; // damage: the file goes to the serial path, stop wasting time here
            }
            long at = br.bitPosition();
            long halfRow = at / ++decoded[0] / 2;
            return at + halfRow >= next.base;
        });
        stats.streamRows = streamRows;
        streamPreds = cursor.predictors().clone();
        streamWarned = !seen.isEmpty();
        streamEndBit = br.bitPosition();
        chunks[0] = new SpeculativeChunk(br, next.base, 1024);
    }

    /**
     * Chunk i (not the last) reads on until it meets a later chunk. Thread-safe for different
     * chunks once chunks i and i + 1 are decoded; where chunk i + 1 never agrees, the later
     * chunks it must compare with may not be decoded yet: then it returns false, and is to be
     * called again once every chunk is decoded (it goes on from where it stopped).
     *
     * @return true once done
     */
    public boolean meetNext(int i) {
        return chunks[i].meet(decoder, components, classes, chunks, i, scanEndBit);
    }

    /**
     * Chains the chunks from the first along their meeting points, and checks that the blocks
     * that count are exactly the serial decoder's: as many as the frame needs, none with a bad
     * code or past the data, and nothing but the final byte's padding after the last.
     *
     * @param bandCount bands of MCU rows the reconstruction will be cut into (at most)
     * @return false if the file must be decoded serially ({@link Stats#fallback()} says why)
     */
    public boolean assemble(int bandCount) {
        if (streamWarned) {
            return fallback("damage in the MCU rows decoded the serial way");
        }
        java.util.List<Segment> list = new java.util.ArrayList<>();
        long abs = (long) streamRows * ctx.grid.mcusPerRow() * blocksPerMcu; // blocks before: streamed
        int cur = 0;
        int from = 0;
        long stored = 0;
        for (SpeculativeChunk c : chunks) {
            stored += c.store.bytes();
        }
        stats.storedBytes = stored;
        if (abs == blocksNeeded && scanEndBit - streamEndBit >= 8) {
            // the first chunk decoded every row; the serial decoder stops there too: only padding may follow
            return fallback("data after the last block");
        }
        while (true) {
            SpeculativeChunk c = chunks[cur];
            int to = c.metChunk < 0 ? c.store.blocks() : c.metOwn;
            if (to > from) {
                if (c.badIn(from, (int) Math.min(to, from + blocksNeeded - abs))) {
                    return fallback("bad Huffman code");
                }
                if (c.firstOverrun < to && c.firstOverrun - from < blocksNeeded - abs) {
                    return fallback("data ends before the last block");
                }
            }
            long take = Math.min(to - from, blocksNeeded - abs);
            if (take > 0) {
                list.add(new Segment(c.store, from, from + (int) take, abs));
            }
            if (abs + take == blocksNeeded && take > 0) {
                // The serial decoder stops after the last block: only the final byte's padding may follow.
                long after = c.endOf(from + (int) take - 1);
                if (scanEndBit - after >= 8 || after > scanEndBit) {
                    return fallback("data after the last block");
                }
            }
            abs += take;
            stats.bytesDecodedTwice += c.bitsPastEnd / 8;
            if (c.metChunk < 0) {
                break;
            }
            stats.boundariesVerified++;
            stats.serialRepairs += c.repaired;
            for (int k = cur + 1; k < c.metChunk; k++) {
                stats.bytesDecodedTwice += (chunks[k].end - chunks[k].base) / 8;
            }
            from = c.metOther;
            cur = c.metChunk;
        }
        if (abs != blocksNeeded) {
            return fallback(abs + " blocks in the data, " + blocksNeeded + " in the frame");
        }
        segments = list.toArray(new Segment[0]);
        planBands(bandCount);
        return true;
    }

    private boolean fallback(String why) {
        stats.fallback = why;
        return false;
    }

    /**
     * Equal bands of the rows not streamed, of at least two MCU rows (BandDecode's smallest); none
     * when the first chunk decoded every row.
     */
    private void planBands(int count) {
        int rows = ctx.grid.mcuRows() - streamRows;
        int n = rows == 0 ? 0 : Math.max(1, Math.min(count, rows / 4));
        bandRows = new int[n + 1];
        for (int k = 0; k <= n; k++) {
            bandRows[k] = streamRows + (n == 0 ? 0 : (int) ((long) rows * k / n));
        }
        bandPreds = new int[n + 1][];
        bandPreds[0] = streamRows > 0 ? streamPreds : new int[4];
    }

    /** @return bands of MCU rows to {@link #sumDc} and {@link #reconstruct} */
    public int bands() {
        return bandRows.length - 1;
    }

    /**
     * Sums band k's raw DC differences per component, for the predictors the next bands start
     * with. Thread-safe for different bands.
     */
    public void sumDc(int k) {
        int[] sums = new int[4];
        BlockCursor cur = cursorAt(bandRows[k], sums);
        long blocks = (long) (bandRows[k + 1] - bandRows[k]) * ctx.grid.mcusPerRow() * blocksPerMcu;
        int phase = 0;
        for (long b = 0; b < blocks; b++) {
            cur.skip(components[phase]);
            if (++phase == blocksPerMcu) {
                phase = 0;
            }
        }
        bandPreds[k + 1] = sums;
    }

    /**
     * Band k's inverse DCT, upsampling and colour conversion, after every {@link #sumDc}; the
     * rows around its boundaries wait for {@link #convertEdge}. Thread-safe for different bands.
     */
    public void reconstruct(int k) throws JpegException {
        int[] preds = new int[4];
        for (int j = 0; j <= k; j++) {
            for (int c = 0; c < 4; c++) {
                preds[c] += bandPreds[j][c]; // int sums wrap as the serial predictor does
            }
        }
        BlockCursor cur = cursorAt(bandRows[k], preds);
        ScanDecoder.CoefficientRow row = decoder.newCoefficientRow();
        ScanDecoder.State st = new ScanDecoder.State();
        int[] next = {bandRows[k]};
        int mcus = ctx.grid.mcusPerRow();
        bands.rows(bandRows[k], bandRows[k + 1], ring -> {
            int r = next[0]++;
            // a few MCUs at a time, so that their coefficients are still in cache for the inverse DCT
            for (int mx = 0; mx < mcus; mx += RECONSTRUCT_STEP) {
                int end = Math.min(mcus, mx + RECONSTRUCT_STEP);
                decoder.storedRow(r, mx, end, cur, row);
                decoder.transformRow(r, mx, end, row, st, ring);
            }
            return r;
        });
    }

    /**
     * @return whether band k has a boundary above it: with the band before it, or, for the first,
     *     with the MCU rows the first chunk streamed
     */
    public boolean edgeAbove(int k) {
        return k > 0 || streamRows > 0;
    }

    /**
     * Converts the rows around the boundary above band k ({@link #edgeAbove}), once the bands on
     * both sides are done.
     */
    public void convertEdge(int k) {
        bands.convertEdgeRow(bandRows[k]);
    }

    /** @return the first MCU row whose blocks are stored (the rows before were streamed) */
    int firstStoredRow() {
        return streamRows;
    }

    /** @return a cursor at the first stored block, with the predictors there; null if none is (tests) */
    BlockCursor storedBlocks() {
        return segments.length == 0 ? null : cursorAt(streamRows, bandPreds[0].clone());
    }

    /** @return the scan's decoder (tests compare its rows with the serial ones) */
    ScanDecoder decoder() {
        return decoder;
    }

    /** The end-of-scan checks of the serial decoder, on the state it ends in (no data left). */
    public void finish() throws JpegException {
        BitReader br = new BitReader(ctx.data);
        br.reset(scanEnd, ctx.data.length);
        br.fill();
        ctx.resync.endOfScan(br);
    }

    /** @return a cursor at the first block of MCU row r, with the given predictors */
    BlockCursor cursorAt(int r, int[] preds) {
        long abs = (long) r * ctx.grid.mcusPerRow() * blocksPerMcu;
        int s = 0;
        while (s + 1 < segments.length && segments[s + 1].abs <= abs) {
            s++;
        }
        return new BlockCursor(segments, s, (int) (segments[s].from + (abs - segments[s].abs)), preds);
    }

    /**
     * Hands out the stored blocks in scan order, across chunks, with their DC coefficients
     * predicted as the serial decoder does (T.81 F.2.2.1): the predictors run through the raw
     * differences. Walks each chunk's pages block after block ({@link ChunkStore#next}).
     */
    static final class BlockCursor {
        private final Segment[] segments;
        private int seg;
        private ChunkStore store;
        private int b;
        private int end;
        /** The current block's page, and the index of its DC slot there. */
        private int[] page;
        private int at;
        private int loc;
        private final int[] preds;

        private BlockCursor(Segment[] segments, int seg, int b, int[] preds) {
            this.segments = segments;
            this.seg = seg;
            this.preds = preds;
            startAt(segments[seg], b);
        }

        private void startAt(Segment s, int block) {
            store = s.store;
            b = block;
            end = s.to;
            loc = store.locate(block);
            page = store.pageAt(loc);
            at = loc & 0xFFFF;
        }

        /** Moves past the current block, whose DC slot holds {@code word}. */
        private void advance(int word) {
            b++;
            if (b == end) {
                if (seg + 1 < segments.length) {
                    startAt(segments[++seg], segments[seg].from);
                }
                return;
            }
            int next = store.next(loc, word & 0xFF);
            if (next >>> 16 != loc >>> 16) {
                page = store.pageAt(next);
            }
            loc = next;
            at = next & 0xFFFF;
        }

        /**
         * Copies the next block, of scan component i, into a {@link ScanDecoder.CoefficientRow}
         * slot at {@code base} (natural order, eight-block groups).
         *
         * @return zig-zag index of its last coefficient
         */
        int copyNext(int[] coef, int base, int i) {
            int[] p = page;
            int a = at;
            int word = p[a];
            int last = word & 0xFF;
            int pred = preds[i] + (word >> 8);
            preds[i] = pred;
            coef[base] = (short) pred; // the coefficient is a 16-bit JCOEF, as in HuffmanDecoder
            int[] natural = ZigZag.NATURAL_X8;
            for (int z = 1; z <= last; z++) {
                coef[base + natural[z]] = p[a + z];
            }
            advance(word);
            return last;
        }

        /** Passes the next block, of scan component i (a dummy block: its DC still predicts). */
        void skip(int i) {
            int word = page[at];
            preds[i] += word >> 8;
            advance(word);
        }
    }
}
