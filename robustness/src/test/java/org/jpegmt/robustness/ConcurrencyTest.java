package org.jpegmt.robustness;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.jpegmt.core.DecoderOptions;
import org.jpegmt.core.EncoderOptions;
import org.jpegmt.core.JpegDecoder;
import org.jpegmt.core.JpegEncoder;
import org.jpegmt.core.PixelFormat;
import org.jpegmt.core.PixelImage;
import org.jpegmt.core.Subsampling;
import org.jpegmt.mt.ParallelJpegDecoder;
import org.jpegmt.mt.ParallelJpegEncoder;
import org.junit.jupiter.api.Test;

/**
 * One encoder and one decoder instance of each kind shared by 16 threads, thousands of
 * operations over mixed images and options (including damaged files): every result equals the
 * one a serial run computed beforehand.
 */
class ConcurrencyTest {
    private static final int THREADS = 16;
    private static final int OPERATIONS = 4000;

    private record Case(PixelImage image, EncoderOptions options, byte[] jpeg, byte[] decodedDigest,
            byte[] damaged, byte[] damagedDigest) {
    }

    @Test
    void sharedInstancesGiveTheSerialResults() throws Exception {
        Subsampling[] subs = Subsampling.values();
        List<EncoderOptions> optionSets = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            EncoderOptions o = EncoderOptions.defaults().withSubsampling(subs[i % subs.length])
                    .withQuality(30 + 9 * i).withOptimizeHuffman(i % 3 == 0);
            optionSets.add(i % 4 == 3 ? o.withRestartRows(0) : i % 4 == 2 ? o.withRestartMcus(3) : o.withRestartRows(1));
        }
        // one encoder/decoder of each kind, shared by everyone; options vary per encoder instance
        JpegDecoder decoder = new JpegDecoder(DecoderOptions.defaults());
        ParallelJpegDecoder parallelDecoder = new ParallelJpegDecoder(DecoderOptions.defaults(), 3).withParallelThreshold(0);
        List<JpegEncoder> encoders = new ArrayList<>();
        List<ParallelJpegEncoder> parallelEncoders = new ArrayList<>();
        for (EncoderOptions o : optionSets) {
            encoders.add(new JpegEncoder(o));
            parallelEncoders.add(new ParallelJpegEncoder(o, 3).withParallelThreshold(0));
        }
        List<Case> cases = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            int w = 8 + (i * 37) % 120;
            int h = 8 + (i * 53) % 90;
            PixelImage img = Images.picture(w, h, i % 5 == 4 ? PixelFormat.GRAY : PixelFormat.RGB, 100 + i);
            int k = i % optionSets.size();
            byte[] jpeg = encoders.get(k).encode(img);
            byte[] damaged = jpeg.clone();
            int sd = Images.scanData(jpeg);
            damaged[sd + (jpeg.length - sd) / 3] ^= 0x5A;
            cases.add(new Case(img, optionSets.get(k), jpeg, digest(decoder.decode(jpeg)), damaged,
                    digest(decoder.decode(damaged))));
        }
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        AtomicInteger next = new AtomicInteger();
        try {
            List<Future<Integer>> futures = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                futures.add(pool.submit(() -> {
                    int done = 0;
                    for (int op; (op = next.getAndIncrement()) < OPERATIONS; done++) {
                        int ci = Math.floorMod(op * 7919, cases.size());
                        Case c = cases.get(ci);
                        int k = ci % optionSets.size();
                        switch (op % 6) {
                            case 0 -> assertArrayEquals(c.jpeg(), encoders.get(k).encode(c.image()), "encode " + ci);
                            case 1 -> assertArrayEquals(c.jpeg(), parallelEncoders.get(k).encode(c.image()), "mt encode " + ci);
                            case 2 -> assertArrayEquals(c.decodedDigest(), digest(decoder.decode(c.jpeg())), "decode " + ci);
                            case 3 -> assertArrayEquals(c.decodedDigest(), digest(parallelDecoder.decode(c.jpeg())), "mt decode " + ci);
                            case 4 -> assertArrayEquals(c.damagedDigest(), digest(decoder.decode(c.damaged())), "damaged " + ci);
                            default -> assertArrayEquals(c.damagedDigest(), digest(parallelDecoder.decode(c.damaged())),
                                    "mt damaged " + ci);
                        }
                    }
                    return done;
                }));
            }
            int total = 0;
            for (Future<Integer> f : futures) {
                total += f.get();
            }
            assertEquals(OPERATIONS, total);
        } finally {
            pool.shutdownNow();
        }
    }

    private static byte[] digest(PixelImage img) throws Exception {
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        md.update(img.format().name().getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        md.update(new byte[] {(byte) (img.width() >> 8), (byte) img.width(), (byte) (img.height() >> 8), (byte) img.height()});
        md.update(img.data());
        return md.digest();
    }
}
