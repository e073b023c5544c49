package org.jpegmt.cli;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;
import org.jpegmt.core.awt.BufferedImages;
import org.jpegmt.core.EncoderOptions;
import org.jpegmt.core.JpegDecoder;
import org.jpegmt.core.JpegEncoder;
import org.jpegmt.core.PixelFormat;
import org.jpegmt.core.PixelImage;
import org.jpegmt.core.Subsampling;
import org.jpegmt.mt.ParallelJpegDecoder;
import org.jpegmt.mt.ParallelJpegEncoder;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code jpegmt bench FILE}: decode and encode one image repeatedly, in process, for several
 * thread counts and with the JDK's own javax.imageio JPEG reader and writer in the same run (in
 * the spirit of libjpeg-turbo's tjbench). Results are megapixels per second: the median over the
 * iterations, and the slowest and fastest iteration.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = {"Benchmark decoding and encoding against javax.imageio.",
                "Decodes one image and re-encodes its pixels in this JVM, after a warm-up, for",
                "each thread count and with the JDK's own JPEG reader/writer in the same run.",
                "A non-JPEG FILE is first encoded with the --quality/--subsampling settings.",
                "Prints megapixels per second (median, min, max over the iterations) and the",
                "speedup over 1 thread."},
        footer = {"", "Examples:", "  jpegmt bench photo.jpg", "  jpegmt bench --threads 1,2,4 -q 85 -s 444 photo.jpg",
                "  jpegmt bench --tsv --warmup 1 --iterations 3 --min-time 0 photo.jpg",
                "", "--tsv prints one line per measurement: op<TAB>codec<TAB>threads<TAB>median<TAB>min<TAB>max",
                "(op: encode or decode; codec: jpegmt or imageio; MP/s)."})
final class BenchCommand extends IoCommand implements Callable<Integer> {
    static final String IMAGEIO_READER = "com.sun.imageio.plugins.jpeg.JPEGImageReader";
    static final String IMAGEIO_WRITER = "com.sun.imageio.plugins.jpeg.JPEGImageWriter";

    @Parameters(index = "0", paramLabel = "FILE", description = "JPEG (or PNG/BMP/PPM/PGM) image")
    String file;

    @Option(names = "--threads", paramLabel = "N[,N...]", split = ",", hideParamSyntax = true,
            description = "thread counts to measure (default: 1 and all cores)")
    List<Integer> threads;

    @Option(names = {"-q", "--quality"}, paramLabel = "Q", defaultValue = "90",
            description = "encoding quality (default: ${DEFAULT-VALUE})")
    int quality;

    @Option(names = {"-s", "--subsampling"}, paramLabel = "S", defaultValue = "420",
            description = "encoding subsampling: 444, 422, 420 or gray (default: ${DEFAULT-VALUE})")
    String subsampling;

    @Option(names = "--warmup", paramLabel = "N", defaultValue = "5",
            description = "untimed iterations before measuring (default: ${DEFAULT-VALUE})")
    int warmup;

    @Option(names = "--iterations", paramLabel = "N", defaultValue = "10",
            description = "timed iterations (default: ${DEFAULT-VALUE})")
    int iterations;

    @Option(names = "--min-time", paramLabel = "MS", defaultValue = "200",
            description = "an iteration repeats the operation for at least MS milliseconds (default: ${DEFAULT-VALUE})")
    int minTimeMs;

    @Option(names = "--no-imageio", description = "skip the javax.imageio measurements")
    boolean noImageio;

    @Option(names = "--tsv", description = "tab-separated output, one line per measurement")
    boolean tsv;

    /** Keeps results alive so the JIT cannot drop the work. */
    private volatile long sink;

    /** One measured operation. */
    @FunctionalInterface
    interface Op {
        long run() throws Exception;
    }

    /** Megapixels per second of one configuration. */
    record Result(String op, String codec, int threads, double median, double min, double max) {
        String tsv() {
            return String.format(Locale.ROOT, "%s\t%s\t%d\t%.2f\t%.2f\t%.2f", op, codec, threads, median, min, max);
        }
    }

    /** What jpeg-mt does with the file's entropy-coded data on 2 threads, with the speculation's counters. */
    private static String parallelText(JpegStructure structure) {
        if (structure.parallelDecodable()) {
            return "parallel decoding possible";
        }
        org.jpegmt.mt.DecodeReport spec = structure.speculation();
        if (spec != null) {
            return "speculative parallel decoding: " + InfoCommand.speculationText(spec);
        }
        return "serial entropy decoding";
    }

    @Override
    public Integer call() throws Exception {
        if (warmup < 0 || iterations < 1 || minTimeMs < 0) {
            throw usage("--warmup must be >= 0, --iterations >= 1, --min-time >= 0");
        }
        limits(); // a bad --max-* value is a usage error

        List<Integer> counts = threadCounts();
        EncoderOptions encOptions;
        try {
            encOptions = EncoderOptions.defaults().withQuality(quality).withSubsampling(Subsampling.parse(subsampling));
        } catch (IllegalArgumentException e) {
            throw usage(e.getMessage());
        }
        PrintStream out = new PrintStream(stdout, true);
        byte[] data = readInput(file);
        PixelImage image = ImageFiles.readImage(data, new JpegDecoder(limits())::decode);
        byte[] jpeg = ImageFiles.isJpeg(data) ? data : new JpegEncoder(encOptions).encode(image);
        long pixels = (long) image.width() * image.height();
        JpegStructure structure = JpegStructure.parse(jpeg);
        if (!tsv) {
            out.printf(Locale.ROOT, "jpegmt bench %s: %dx%d (%.2f MP); decoding %s: %d RST markers (%s)%n", file,
                    image.width(), image.height(), pixels / 1e6, ImageFiles.isJpeg(data) ? "the file" : "it encoded as below",
                    structure.file.scans.isEmpty() ? 0 : structure.file.scans.get(0).restartMarkers(),
                    parallelText(structure));
            out.printf(Locale.ROOT, "encoding: %s%n", encOptions);
            out.printf(Locale.ROOT, "java.version %s (%s), %d available processors; %d warm-up + %d iterations of >= %d ms%n",
                    System.getProperty("java.version"), System.getProperty("java.vendor"),
                    Runtime.getRuntime().availableProcessors(), warmup, iterations, minTimeMs);
            out.printf(Locale.ROOT, "%-7s %-8s %7s %12s %9s %9s %12s%n", "op", "codec", "threads", "MP/s median", "min", "max",
                    "vs 1 thread");
        } else if (!quiet) {
            stderr.println("# jpegmt bench " + file + ", java.version " + System.getProperty("java.version"));
        }
        List<Result> results = new ArrayList<>();
        for (String op : new String[] {"decode", "encode"}) {
            Result base = null;
            for (int t : counts) {
                ExecutorService pool = t > 1 ? Executors.newFixedThreadPool(t - 1, r -> {
                    Thread th = new Thread(r, "jpegmt-bench");
                    th.setDaemon(true);
                    return th;
                }) : null;
                try {
                    Op run;
                    if (op.equals("decode")) {
                        ParallelJpegDecoder d = pool == null ? new ParallelJpegDecoder(limits(), 1)
                                : new ParallelJpegDecoder(limits(), pool, t);
                        run = () -> d.decode(jpeg).data().length;
                    } else {
                        ParallelJpegEncoder e = pool == null ? new ParallelJpegEncoder(encOptions, 1)
                                : new ParallelJpegEncoder(encOptions, pool, t);
                        run = () -> e.encode(image).length;
                    }
                    Result r = measure(op, "jpegmt", t, run, pixels);
                    base = base == null && t == 1 ? r : base;
                    emit(out, r, base, results);
                } finally {
                    if (pool != null) {
                        pool.shutdownNow();
                    }
                }
            }
            if (!noImageio) {
                try {
                    Op run = op.equals("decode") ? imageioDecoder(jpeg) : imageioEncoder(image, encOptions);
                    Result io = measure(op, "imageio", 1, run, pixels);
                    emit(out, io, null, results);
                    if (!tsv) {
                        double best = results.stream().filter(r -> r.op().equals(io.op()) && r.codec().equals("jpegmt"))
                                .mapToDouble(Result::median).max().orElse(0);
                        out.printf(Locale.ROOT, "%-7s best jpegmt / imageio: %.2fx%n", op, best / io.median());
                    }
                } catch (Exception | LinkageError e) {
                    synchronized (stderr) {
                        stderr.println("jpegmt: " + file + ": javax.imageio cannot " + op + " this image: " + Main.describe(e));
                    }
                }
            }
        }
        return 0;
    }

    private List<Integer> threadCounts() {
        Set<Integer> counts = new LinkedHashSet<>();
        if (threads == null || threads.isEmpty()) {
            counts.add(1);
            counts.add(Runtime.getRuntime().availableProcessors());
        } else {
            for (int t : threads) {
                if (t < 1) {
                    throw usage("--threads: thread counts must be at least 1, got " + t);
                }
                counts.add(t);
            }
        }
        return new ArrayList<>(counts);
    }

    private void emit(PrintStream out, Result r, Result base, List<Result> results) {
        results.add(r);
        if (tsv) {
            out.println(r.tsv());
        } else {
            String speedup = base == null ? "" : String.format(Locale.ROOT, "%.2fx", r.median() / base.median());
            out.println(String.format(Locale.ROOT, "%-7s %-8s %7d %12.2f %9.2f %9.2f %12s", r.op(), r.codec(), r.threads(),
                    r.median(), r.min(), r.max(), speedup).stripTrailing());
        }
    }

    Result measure(String op, String codec, int threads, Op run, long pixels) throws Exception {
        for (int i = 0; i < warmup; i++) {
            sink += run.run();
        }
        double[] mpps = new double[iterations];
        long minNanos = minTimeMs * 1_000_000L;
        for (int i = 0; i < iterations; i++) {
            long start = System.nanoTime();
            long elapsed;
            int n = 0;
            do {
                sink += run.run();
                n++;
                elapsed = System.nanoTime() - start;
            } while (elapsed < minNanos);
            mpps[i] = pixels * (double) n / 1e6 / (Math.max(1, elapsed) / 1e9);
        }
        Arrays.sort(mpps);
        int m = mpps.length / 2;
        double median = mpps.length % 2 == 1 ? mpps[m] : (mpps[m - 1] + mpps[m]) / 2;
        return new Result(op, codec, threads, median, mpps[0], mpps[mpps.length - 1]);
    }

    private static <T> T byClassName(Iterator<T> it, String className) throws IOException {
        while (it.hasNext()) {
            T t = it.next();
            if (t.getClass().getName().equals(className)) {
                return t;
            }
        }
        throw new IOException(className + " is not available in this JDK");
    }

    private static Op imageioDecoder(byte[] jpeg) throws Exception {
        ImageIO.setUseCache(false);
        ImageReader reader = byClassName(ImageIO.getImageReadersByFormatName("jpeg"), IMAGEIO_READER);
        Op op = () -> {
            try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(jpeg))) {
                reader.setInput(in, true, true);
                BufferedImage img = reader.read(0);
                return img.getWidth();
            }
        };
        op.run(); // fail here, not in the middle of the measurement
        return op;
    }

    private static Op imageioEncoder(PixelImage image, EncoderOptions options) throws IOException {
        Subsampling subsampling = options.subsampling();
        ImageIO.setUseCache(false);
        ImageWriter writer = byClassName(ImageIO.getImageWritersByFormatName("jpeg"), IMAGEIO_WRITER);
        PixelImage src = image;
        if (subsampling == Subsampling.GRAY && image.format() == PixelFormat.RGB) {
            src = ImageStats.luma(image);
        }
        BufferedImage bi = BufferedImages.toBufferedImage(src);
        ImageWriteParam param = writer.getDefaultWriteParam();
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(options.quality() / 100f); // IJG scaling of the Annex K tables, as ours
        IIOMetadata metadata = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(bi), param);
        if (bi.getRaster().getNumBands() == 3) {
            setLumaSampling(metadata, subsampling.lumaH(), subsampling.lumaV());
        }
        Op op = () -> {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
                writer.setOutput(out);
                writer.write(null, new IIOImage(bi, null, metadata), param);
            }
            return bytes.size();
        };
        return op;
    }

    /** Sets the first component's sampling factors in the native JPEG metadata of the JDK writer. */
    private static void setLumaSampling(IIOMetadata metadata, int h, int v) throws IOException {
        String format = "javax_imageio_jpeg_image_1.0";
        Node root = metadata.getAsTree(format);
        Node seq = child(root, "markerSequence");
        Node sof = seq == null ? null : child(seq, "sof");
        Node comp = sof == null ? null : child(sof, "componentSpec");
        if (comp == null) {
            throw new IOException("unexpected javax.imageio JPEG metadata");
        }
        ((Element) comp).setAttribute("HsamplingFactor", Integer.toString(h));
        ((Element) comp).setAttribute("VsamplingFactor", Integer.toString(v));
        metadata.setFromTree(format, root);
    }

    private static Node child(Node parent, String name) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n.getNodeName().equals(name)) {
                return n;
            }
        }
        return null;
    }
}
