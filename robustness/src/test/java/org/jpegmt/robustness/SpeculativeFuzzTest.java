package org.jpegmt.robustness;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.jpegmt.core.DecoderOptions;
import org.jpegmt.core.JpegDecoder;
import org.jpegmt.mt.ParallelJpegDecoder;

/**
 * Differential Jazzer target for speculative entropy decoding (issue 15): the parallel decoder
 * with speculation forced on every scan without restart markers (thresholds 0, 3 threads, so 6
 * chunks decoded from guessed states) against the serial decoder, lenient and strict: the same
 * pixels, or both throw. Corrupt input included: whatever the speculation cannot prove equal
 * must go back to the serial path. Seeded with small files without restart markers (our
 * encoder's 4:4:4, 4:2:0, 4:2:2 with optimised tables and grey, cjpeg's {@code -rgb} whose
 * components share one table, one truncated) in
 * {@code src/test/resources/org/jpegmt/robustness/SpeculativeFuzzTestInputs/decode/}. Regression
 * mode in a plain {@code mvn test}; {@code JAZZER_FUZZ=1} fuzzes it (README, "Fuzzing").
 */
class SpeculativeFuzzTest {
    private static final DecoderOptions LENIENT =
            DecoderOptions.defaults().withMaxPixels(DecoderFuzzTest.FUZZ_MAX_PIXELS);
    private static final DecoderOptions STRICT = LENIENT.withStrict(true);
    private static final JpegDecoder SERIAL = new JpegDecoder(LENIENT);
    private static final JpegDecoder SERIAL_STRICT = new JpegDecoder(STRICT);
    private static final ParallelJpegDecoder SPECULATIVE =
            new ParallelJpegDecoder(LENIENT, 3).withParallelThreshold(0).withSpeculationThreshold(0);
    private static final ParallelJpegDecoder SPECULATIVE_STRICT =
            new ParallelJpegDecoder(STRICT, 3).withParallelThreshold(0).withSpeculationThreshold(0);

    @FuzzTest(maxDuration = "30m")
    void decode(byte[] data) {
        Outcome.assertSame("lenient serial vs speculative", Outcome.of(() -> SERIAL.decode(data)),
                Outcome.of(() -> SPECULATIVE.decode(data)));
        Outcome.assertSame("strict serial vs speculative", Outcome.of(() -> SERIAL_STRICT.decode(data)),
                Outcome.of(() -> SPECULATIVE_STRICT.decode(data)));
    }
}
