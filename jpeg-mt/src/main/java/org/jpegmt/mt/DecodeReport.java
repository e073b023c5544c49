package org.jpegmt.mt;

import java.util.Objects;
import org.jpegmt.core.PixelImage;
import org.jpegmt.core.internal.SpeculativeDecode;

/**
 * How {@link ParallelJpegDecoder#decodeReporting} decoded one file: the image, the strategy it
 * took, and for a speculative decode its counters, so that a silent serial fallback can never
 * pass for a parallel decode. Immutable.
 */
public final class DecodeReport {
    /** The ways {@link ParallelJpegDecoder} decodes a file. */
    public enum Strategy {
        /** One thread: the image is under the parallel threshold, one thread was asked for, or the data is too short. */
        SERIAL,
        /** Restart intervals decoded in parallel bands. */
        RESTART_BANDS,
        /**
         * Speculative entropy decoding of a scan without restart markers: chunks decoded in
         * parallel from guessed states, boundaries verified, then parallel reconstruction.
         */
        SPECULATIVE,
        /** Serial entropy decoding, inverse DCT and conversion shared between the threads. */
        STAGED,
        /** Several scans decoded one after the other, converted in parallel bands. */
        MULTI_SCAN,
        /** Progressive scans decoded serially, reconstructed in parallel bands. */
        PROGRESSIVE
    }

    private final PixelImage image;
    private final Strategy strategy;
    private final int chunks;
    private final int boundariesVerified;
    private final long bytesDecodedTwice;
    private final int serialRepairs;
    private final long coefficientBytes;
    private final String fallback;

    private DecodeReport(PixelImage image, Strategy strategy, int chunks, int boundariesVerified,
            long bytesDecodedTwice, int serialRepairs, long coefficientBytes, String fallback) {
        this.image = Objects.requireNonNull(image);
        this.strategy = strategy;
        this.chunks = chunks;
        this.boundariesVerified = boundariesVerified;
        this.bytesDecodedTwice = bytesDecodedTwice;
        this.serialRepairs = serialRepairs;
        this.coefficientBytes = coefficientBytes;
        this.fallback = fallback;
    }

    static DecodeReport of(PixelImage image, Strategy strategy) {
        return new DecodeReport(image, strategy, 0, 0, 0, 0, 0, null);
    }

    /** A speculative attempt: {@code strategy} is {@link Strategy#SPECULATIVE}, or what took over. */
    static DecodeReport speculative(PixelImage image, Strategy strategy, SpeculativeDecode.Stats s) {
        return new DecodeReport(image, strategy, s.chunks(), s.boundariesVerified(), s.bytesDecodedTwice(),
                s.serialRepairs(), s.storedBytes(), s.fallback());
    }

    /** @return the decoded image, identical to the serial decoder's */
    public PixelImage image() {
        return image;
    }

    /** @return how the file was decoded in the end */
    public Strategy strategy() {
        return strategy;
    }

    /** @return chunks the speculative decode cut the entropy-coded data into (0 if none was tried) */
    public int chunks() {
        return chunks;
    }

    /** @return chunk boundaries where the decoders of both sides were seen to agree */
    public int boundariesVerified() {
        return boundariesVerified;
    }

    /** @return entropy-coded bytes decoded by two chunks: overlaps until agreement, and repairs */
    public long bytesDecodedTwice() {
        return bytesDecodedTwice;
    }

    /** @return chunks whose guessed start never agreed, decoded again by the chunk before */
    public int serialRepairs() {
        return serialRepairs;
    }

    /** @return bytes the stored coefficients of a speculative decode took */
    public long coefficientBytes() {
        return coefficientBytes;
    }

    /**
     * @return why a speculative attempt handed the file to the serial path (then
     *     {@link #strategy()} is {@link Strategy#STAGED}), or null
     */
    public String fallback() {
        return fallback;
    }

    @Override
    public String toString() {
        String s = strategy.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
        if (chunks > 0) {
            s += ", " + chunks + " chunks, " + boundariesVerified + " boundaries verified, " + bytesDecodedTwice
                    + " bytes decoded twice, " + serialRepairs + " serial repairs";
        }
        if (fallback != null) {
            s += " (speculation handed over: " + fallback + ")";
        }
        return s;
    }
}
