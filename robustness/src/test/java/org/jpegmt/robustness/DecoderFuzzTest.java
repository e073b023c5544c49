package org.jpegmt.robustness;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import org.jpegmt.core.DecoderOptions;
import org.jpegmt.core.EncoderOptions;
import org.jpegmt.core.JpegDecoder;
import org.jpegmt.core.JpegEncoder;
import org.jpegmt.core.JpegException;
import org.jpegmt.core.JpegInfo;
import org.jpegmt.core.PixelFormat;
import org.jpegmt.core.PixelImage;
import org.jpegmt.core.Subsampling;
import org.jpegmt.mt.ParallelJpegDecoder;
import org.jpegmt.mt.ParallelJpegEncoder;

/**
 * Jazzer fuzz targets. In a plain {@code mvn test} they run in regression mode over the files
 * in {@code src/test/resources/org/jpegmt/robustness/DecoderFuzzTestInputs/<method>/} (seeds
 * made by our encoder and every finding, named); {@code JAZZER_FUZZ=1} fuzzes one of them
 * (see the README, "Fuzzing").
 *
 * <p>Contract checked: nothing but an image or a {@link JpegException} comes out of the
 * decoder; the serial and the parallel decoder (3 threads, threshold 0, so every restart-marked
 * file is split) agree, pixel for pixel, or both throw; in strict mode too. The pixel limit is
 * lowered to 2^20 here so that one run stays in the millisecond range; the default limits are
 * covered by {@link LimitsTest}.
 */
class DecoderFuzzTest {
    static final long FUZZ_MAX_PIXELS = 1 << 20;

    private static final DecoderOptions LENIENT = DecoderOptions.defaults().withMaxPixels(FUZZ_MAX_PIXELS);
    private static final DecoderOptions STRICT = LENIENT.withStrict(true);
    private static final JpegDecoder SERIAL = new JpegDecoder(LENIENT);
    private static final JpegDecoder SERIAL_STRICT = new JpegDecoder(STRICT);
    private static final ParallelJpegDecoder PARALLEL = new ParallelJpegDecoder(LENIENT, 3).withParallelThreshold(0);
    private static final ParallelJpegDecoder PARALLEL_STRICT =
            new ParallelJpegDecoder(STRICT, 3).withParallelThreshold(0);

    @FuzzTest(maxDuration = "30m")
    void decode(byte[] data) {
        Outcome serial = Outcome.of(() -> SERIAL.decode(data));
        Outcome parallel = Outcome.of(() -> PARALLEL.decode(data));
        Outcome.assertSame("lenient serial vs parallel", serial, parallel);
        Outcome strictSerial = Outcome.of(() -> SERIAL_STRICT.decode(data));
        Outcome strictParallel = Outcome.of(() -> PARALLEL_STRICT.decode(data));
        Outcome.assertSame("strict serial vs parallel", strictSerial, strictParallel);
        if (strictSerial.ok()) {
            // a file strict mode accepts has no damage, so lenient mode must give the same image
            Outcome.assertSame("strict vs lenient", strictSerial, serial);
        }
    }

    @FuzzTest(maxDuration = "30m")
    void readInfo(byte[] data) {
        JpegInfo info;
        try {
            info = SERIAL.readInfo(data);
        } catch (JpegException expected) {
            return;
        }
        if (info.width() < 1 || info.height() < 1 || info.components().isEmpty()) {
            throw new AssertionError("readInfo accepted a degenerate frame: " + info);
        }
        // whatever decode says, the header it reads must be the one readInfo described
        Outcome decoded = Outcome.of(() -> SERIAL.decode(data));
        if (decoded.ok() && (decoded.image().width() != info.width() || decoded.image().height() != info.height())) {
            throw new AssertionError("readInfo says " + info + ", decode gave " + decoded.image());
        }
    }

    @FuzzTest(maxDuration = "30m")
    void roundTrip(FuzzedDataProvider p) {
        Subsampling[] modes = Subsampling.values();
        Subsampling sub = modes[p.consumeInt(0, modes.length - 1)];
        EncoderOptions opts = EncoderOptions.defaults()
                .withQuality(p.consumeInt(1, 100))
                .withSubsampling(sub)
                .withOptimizeHuffman(p.consumeBoolean());
        opts = p.consumeBoolean() ? opts.withRestartRows(p.consumeInt(0, 9)) : opts.withRestartMcus(p.consumeInt(0, 70));
        int w = p.consumeInt(1, 64);
        int h = p.consumeInt(1, 144); // up to 9 MCU rows at 4:2:0: tall enough for decode bands
        PixelFormat format = p.pickValue(new PixelFormat[] {PixelFormat.GRAY, PixelFormat.RGB});
        byte[] px = new byte[w * h * format.channels()];
        byte[] given = p.consumeRemainingAsBytes();
        if (given.length > 0) {
            for (int i = 0; i < px.length; i++) {
                px[i] = given[i % given.length];
            }
        }
        PixelImage image = new PixelImage(w, h, format, px);
        byte[] jpeg = new JpegEncoder(opts).encode(image);
        byte[] jpegMt = new ParallelJpegEncoder(opts, 3).withParallelThreshold(0).encode(image);
        if (!java.util.Arrays.equals(jpeg, jpegMt)) {
            throw new AssertionError("parallel encoder bytes differ for " + opts + " " + image);
        }
        Outcome strict = Outcome.of(() -> SERIAL_STRICT.decode(jpeg));
        if (!strict.ok()) {
            throw new AssertionError("own output refused (" + opts + ", " + image + ")", strict.error());
        }
        PixelImage out = strict.image();
        if (out.width() != w || out.height() != h) {
            throw new AssertionError("size changed: " + image + " -> " + out);
        }
        PixelFormat expected = sub == Subsampling.GRAY || format == PixelFormat.GRAY ? PixelFormat.GRAY : PixelFormat.RGB;
        if (out.format() != expected) {
            throw new AssertionError("format " + out.format() + " for " + opts);
        }
        Outcome.assertSame("round trip serial vs parallel", strict, Outcome.of(() -> PARALLEL_STRICT.decode(jpeg)));
    }
}
