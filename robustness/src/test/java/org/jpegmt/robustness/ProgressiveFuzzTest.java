package org.jpegmt.robustness;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.jpegmt.core.DecoderOptions;
import org.jpegmt.core.JpegDecoder;
import org.jpegmt.mt.ParallelJpegDecoder;

/**
 * Jazzer target for progressive (SOF2) decoding, seeded with small progressive files made by
 * {@code cjpeg -progressive} from synthetic images (4:2:0, grey, 4:4:4 with a restart per
 * block, 4:2:2 with a successive-approximation script and optimised tables, one truncated) in
 * {@code src/test/resources/org/jpegmt/robustness/ProgressiveFuzzTestInputs/decode/}, so the
 * mutations start inside scan scripts, EOB runs and refinement bits. Regression mode in a plain
 * {@code mvn test}; {@code JAZZER_FUZZ=1} fuzzes it (README, "Fuzzing").
 *
 * <p>Contract, as {@link DecoderFuzzTest#decode}: only an image or a {@code JpegException}
 * comes out; the serial decoder and the parallel one (3 threads, threshold 0, so the
 * reconstruction is split in bands) give the same pixels or both throw, lenient and strict; a
 * file strict mode accepts decodes to the same image leniently. The pixel limit of 2^20 keeps
 * one run in the millisecond range (at most {@code ProgressiveDecode.MAX_SCANS} scans are read).
 */
class ProgressiveFuzzTest {
    private static final DecoderOptions LENIENT =
            DecoderOptions.defaults().withMaxPixels(DecoderFuzzTest.FUZZ_MAX_PIXELS);
    private static final DecoderOptions STRICT = LENIENT.withStrict(true);
    private static final JpegDecoder SERIAL = new JpegDecoder(LENIENT);
    private static final JpegDecoder SERIAL_STRICT = new JpegDecoder(STRICT);
    private static final ParallelJpegDecoder PARALLEL = new ParallelJpegDecoder(LENIENT, 3).withParallelThreshold(0);
    private static final ParallelJpegDecoder PARALLEL_STRICT =
            new ParallelJpegDecoder(STRICT, 3).withParallelThreshold(0);

    @FuzzTest(maxDuration = "30m")
    void decode(byte[] data) {
        Outcome serial = Outcome.of(() -> SERIAL.decode(data));
        Outcome.assertSame("lenient serial vs parallel", serial, Outcome.of(() -> PARALLEL.decode(data)));
        Outcome strictSerial = Outcome.of(() -> SERIAL_STRICT.decode(data));
        Outcome.assertSame("strict serial vs parallel", strictSerial, Outcome.of(() -> PARALLEL_STRICT.decode(data)));
        if (strictSerial.ok()) {
            Outcome.assertSame("strict vs lenient", strictSerial, serial);
        }
    }
}
