package org.jpegmt.bench;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jpegmt.core.awt.BufferedImages;
import org.jpegmt.core.DecoderOptions;
import org.jpegmt.core.EncoderOptions;
import org.jpegmt.core.JpegEncoder;
import org.jpegmt.core.PixelImage;
import org.jpegmt.core.Subsampling;
import org.jpegmt.mt.ParallelJpegDecoder;
import org.jpegmt.mt.ParallelJpegEncoder;

/**
 * The batch scenario: a folder of photos of 1-4 MP (made at run time by cropping and scaling the
 * bench photos; never committed) encoded, and decoded, with k cores in four ways:
 * <ul>
 * <li>{@code serial}: one thread, one file after the other (the reference);
 * <li>{@code files}: k threads, each coding whole files serially (file-level parallelism);
 * <li>{@code strips}: one file at a time, split across k threads by jpeg-mt (intra-image);
 * <li>{@code both}: k threads taking whole files from a fixed pool of k threads, each file coded
 *     by jpeg-mt on that same pool, so strips fill the cores that fall idle at the tail.
 * </ul>
 * For the first 25, 50 and 100 files (in quick mode: a quarter, half and all of a small set), the
 * wall time of each way. Inputs and outputs stay in memory: the times are codec work, no disk
 * I/O. Run inside a JVM pinned to k cores (see {@code bench/run.sh}).
 *
 * <pre>--cores k --out DIR [--mode quick|full] [--count 100] [--reps 5] [--folder-only]</pre>
 * Writes {@code DIR/batch-k<k>.tsv}; the generated folder goes to {@code --images}
 * (default {@code bench/target/batch-images}); {@code --folder-only} makes the folder and stops.
 */
public final class BatchBench {
    private BatchBench() {
    }

    static final String HEADER = "cores\top\tstrategy\tfiles\tmegapixels\tmedianMs\tminMs\tmaxMs";
    static final String[] STRATEGIES = {"serial", "files", "strips", "both"};

    public static void main(String[] argv) throws Exception {
        Args args = new Args(argv);
        int cores = args.getInt("cores", Runtime.getRuntime().availableProcessors());
        boolean quick = args.quick();
        int count = args.getInt("count", quick ? 8 : 100);
        int reps = args.getInt("reps", quick ? 1 : 5);
        Path out = Path.of(args.get("out", "bench/results/latest"));
        Path folder = Path.of(args.get("images", "bench/target/batch-images"));
        Files.createDirectories(out);

        List<PixelImage> images = makeFolder(folder, count, quick);
        if (args.get("folder-only", "false").equals("true")) {
            return; // bench/spark.sh: the same folder for the command's batch and the Spark job
        }
        EncoderOptions options = EncoderOptions.defaults().withQuality(90).withSubsampling(Subsampling.S420);
        List<byte[]> jpegs = new ArrayList<>();
        JpegEncoder serialEncoder = new JpegEncoder(options);
        for (PixelImage img : images) {
            jpegs.add(serialEncoder.encode(img));
        }
        int[] sizes = {count / 4, count / 2, count};
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(out.resolve("batch-k" + cores + ".tsv"), StandardCharsets.UTF_8))) {
            w.println(HEADER);
            for (String op : new String[] {"encode", "decode"}) { // JIT warm-up of every path before any timing
                for (String strategy : STRATEGIES) {
                    run(op, strategy, cores, options, images, jpegs, count);
                }
            }
            for (String op : new String[] {"encode", "decode"}) {
                for (String strategy : STRATEGIES) {
                    for (int n : sizes) {
                        double[] ms = new double[reps];
                        for (int r = 0; r < reps; r++) {
                            ms[r] = run(op, strategy, cores, options, images, jpegs, n);
                        }
                        Arrays.sort(ms);
                        double mp = 0;
                        for (int i = 0; i < n; i++) {
                            mp += images.get(i).width() * (double) images.get(i).height() / 1e6;
                        }
                        String line = String.join("\t", Integer.toString(cores), op, strategy, Integer.toString(n),
                                f(mp), f(ms[reps / 2]), f(ms[0]), f(ms[reps - 1]));
                        w.println(line);
                        w.flush();
                        System.out.println(line);
                    }
                }
            }
        }
    }

    /** @return wall milliseconds to code the first n files one way */
    static double run(String op, String strategy, int cores, EncoderOptions options, List<PixelImage> images,
            List<byte[]> jpegs, int n) throws Exception {
        boolean encode = op.equals("encode");
        long t0 = System.nanoTime();
        long check = 0;
        switch (strategy) {
            case "serial", "strips" -> {
                int threads = strategy.equals("serial") ? 1 : cores;
                ParallelJpegEncoder enc = new ParallelJpegEncoder(options, threads);
                ParallelJpegDecoder dec = new ParallelJpegDecoder(DecoderOptions.defaults(), threads);
                for (int i = 0; i < n; i++) {
                    check += encode ? enc.encode(images.get(i)).length : dec.decode(jpegs.get(i)).data().length;
                }
            }
            case "files", "both" -> {
                ExecutorService pool = Executors.newFixedThreadPool(cores);
                try {
                    int threads = strategy.equals("files") ? 1 : cores;
                    ParallelJpegEncoder enc = new ParallelJpegEncoder(options, pool, threads);
                    ParallelJpegDecoder dec = new ParallelJpegDecoder(DecoderOptions.defaults(), pool, threads);
                    List<Future<Integer>> done = new ArrayList<>();
                    for (int i = 0; i < n; i++) {
                        int f = i;
                        done.add(pool.submit(() -> encode ? enc.encode(images.get(f)).length
                                : dec.decode(jpegs.get(f)).data().length));
                    }
                    for (Future<Integer> d : done) {
                        check += d.get();
                    }
                } finally {
                    pool.shutdown();
                }
            }
            default -> throw new IllegalArgumentException(strategy);
        }
        double ms = (System.nanoTime() - t0) / 1e6;
        if (check == 0) {
            throw new IllegalStateException("nothing coded");
        }
        return ms;
    }

    /**
     * Crops and scales the bench photos into {@code count} images of 1-4 MP (in quick mode,
     * 0.05-0.2 MP from the repository sample), writes them to {@code folder} as q95 4:4:4 JPEGs
     * (a folder of photos to look at; the benchmark reuses the pixels in memory).
     */
    static List<PixelImage> makeFolder(Path folder, int count, boolean quick) throws IOException {
        List<BufferedImage> sources = new ArrayList<>();
        if (quick) {
            sources.add(BufferedImages.toBufferedImage(Workload.pixels("sample")));
        } else {
            for (String name : new String[] {"kleiber_6028x3391_q95_444.jpg", "elephants_5640x3172_q95_444.jpg",
                    "olympus_4032x3024_q95_444.jpg"}) {
                try {
                    sources.add(BufferedImages.toBufferedImage(Workload.pixels(name)));
                } catch (IOException e) {
                    System.out.println("batch: skipping missing source " + name);
                }
            }
            if (sources.isEmpty()) {
                sources.add(BufferedImages.toBufferedImage(Workload.pixels("sample")));
            }
        }
        Files.createDirectories(folder);
        Random rnd = new Random(42);
        JpegEncoder folderEncoder = new JpegEncoder(EncoderOptions.defaults().withQuality(95)
                .withSubsampling(Subsampling.S444).withRestartRows(0));
        double[] aspects = {4 / 3.0, 3 / 2.0, 16 / 9.0, 1.0, 3 / 4.0};
        List<PixelImage> images = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            BufferedImage src = sources.get(i % sources.size());
            double mp = quick ? 0.05 + 0.15 * rnd.nextDouble() : 1 + 3 * rnd.nextDouble();
            double aspect = aspects[rnd.nextInt(aspects.length)];
            int w = (int) Math.round(Math.sqrt(mp * 1e6 * aspect));
            int h = (int) Math.round(w / aspect);
            // crop a region with the target aspect (as large as 100%..50% of what fits), scale it to w x h
            double fit = Math.min(src.getWidth() / (double) w, src.getHeight() / (double) h);
            double scale = fit * (0.5 + 0.5 * rnd.nextDouble());
            int cw = Math.max(1, (int) (w * scale));
            int ch = Math.max(1, (int) (h * scale));
            if (cw > src.getWidth() || ch > src.getHeight()) { // smaller source than the target: no upscaling
                cw = Math.min(cw, src.getWidth());
                ch = Math.min(ch, src.getHeight());
                w = cw;
                h = ch;
            }
            int x = rnd.nextInt(src.getWidth() - cw + 1);
            int y = rnd.nextInt(src.getHeight() - ch + 1);
            BufferedImage dst = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
            Graphics2D g = dst.createGraphics();
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(src, 0, 0, w, h, x, y, x + cw, y + ch, null);
            g.dispose();
            Path file = folder.resolve(String.format(Locale.ROOT, "batch-%03d-%dx%d.jpg", i, w, h));
            PixelImage pixels = BufferedImages.fromBufferedImage(dst);
            if (!Files.exists(file)) {
                Files.write(file, folderEncoder.encode(pixels));
            }
            images.add(pixels);
        }
        return images;
    }

    private static String f(double v) {
        return String.format(Locale.ROOT, "%.3f", v);
    }
}
