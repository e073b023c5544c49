package org.jpegmt.cli;

import java.nio.file.Path;
import java.util.List;
import org.jpegmt.core.EncoderOptions;
import org.jpegmt.core.JpegMetadata;
import org.jpegmt.core.PixelImage;
import org.jpegmt.core.Subsampling;
import org.jpegmt.mt.ParallelJpegDecoder;
import org.jpegmt.mt.ParallelJpegEncoder;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code jpegmt encode INPUT... OUTPUT}: PNG/BMP/PPM/PGM/GIF/TIFF/JPEG to baseline JPEG. */
@Command(name = "encode", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = {"Encode PNG/BMP/PPM/PGM/GIF/TIFF (or re-encode JPEG) as baseline JPEG.",
                "One INPUT and one OUTPUT file, or several inputs and directories (searched recursively for "
                        + ".png .bmp .ppm .pgm .pnm .gif .tif .tiff .jpg .jpeg) into an output directory, keeping relative paths."},
        footer = {"", "Examples:", "  jpegmt encode photo.png photo.jpg",
                "  jpegmt encode -q 90 -s 444 --optimize photo.ppm photo.jpg",
                "  jpegmt encode --stats -q 85 photo.png photo.jpg",
                "  jpegmt encode -q 80 -o jpeg/ scans/ extra.png   # scans/a/b.png: jpeg/a/b.jpg",
                "  jpegmt encode --restart-rows 0 photo.png no-restarts.jpg",
                "  cat photo.ppm | jpegmt encode - - > photo.jpg", "",
                "Exit status: 0 all inputs done, 1 some input failed, 2 usage error."})
final class EncodeCommand extends ConvertCommand {
    @Option(names = {"-q", "--quality"}, paramLabel = "Q",
            description = "quality 1..100 (default: 75; a JPEG input keeps its own estimated quality)")
    Integer quality;

    @Option(names = {"-s", "--subsampling"}, paramLabel = "S",
            description = "444, 422, 420 or gray (default: 420; a JPEG input keeps its own sampling)")
    String subsampling;

    @Option(names = "--strip", description = "JPEG inputs: drop their metadata (Exif, ICC profile, XMP, comments),"
            + " which is kept by default")
    boolean strip;

    @ArgGroup(exclusive = true)
    Restart restart;

    @Option(names = "--optimize", description = "optimal Huffman tables (smaller file, slower)")
    boolean optimize;

    @Option(names = "--strict", description = "JPEG inputs: fail on damaged data instead of recovering with a warning")
    boolean strict;

    @Option(names = "--stats", description = "print size, bits per pixel, compression ratio, PSNR and MSE against the input")
    boolean stats;

    private EncoderOptions options;

    static final class Restart {
        @Option(names = "--restart-rows", paramLabel = "N",
                description = "restart marker every N MCU rows (default 1; 0 = none)")
        Integer rows;

        @Option(names = "--restart-mcus", paramLabel = "N", description = "restart marker every N MCUs")
        Integer mcus;
    }

    EncoderOptions options() {
        EncoderOptions opts = EncoderOptions.defaults().withQuality(quality == null ? 75 : quality)
                .withSubsampling(Subsampling.parse(subsampling == null ? "420" : subsampling)).withOptimizeHuffman(optimize);
        if (restart != null && restart.rows != null) {
            opts = opts.withRestartRows(restart.rows);
        } else if (restart != null && restart.mcus != null) {
            opts = opts.withRestartMcus(restart.mcus);
        }
        return opts;
    }

    @Override
    void validate() {
        try {
            options = options();
        } catch (IllegalArgumentException e) {
            throw usage(e.getMessage());
        }
    }

    @Override
    void checkSingle(Job job) {
        if (!job.output().equals("-") && !hasExtension(Path.of(job.output()), ".jpg", ".jpeg", ".jpe", ".jfif")) {
            throw usage(job.output() + ": encode writes JPEG; name the output .jpg, .jpeg, .jpe or .jfif (or - for standard output)");
        }
    }

    @Override
    String outputExtension() {
        return ".jpg";
    }

    @Override
    List<String> inputExtensions() {
        return List.of(".png", ".bmp", ".ppm", ".pgm", ".pnm", ".gif", ".tif", ".tiff", ".jpg", ".jpeg");
    }

    @Override
    Coded code(byte[] data, String label, ImageFiles.OutputFormat format, Runner runner, FileWarnings warnings)
            throws Exception {
        ParallelJpegDecoder decoder = new ParallelJpegDecoder(decoderOptions(warnings, strict), runner.pool, runner.threads);
        PixelImage image = ImageFiles.readImage(data, decoder::decode, warnings::warn);
        runner.read((long) image.width() * image.height(), label);
        EncoderOptions opts = options;
        JpegMetadata metadata = JpegMetadata.EMPTY;
        if (ImageFiles.isJpeg(data)) {
            opts = JpegReencode.options(data, options, quality != null, subsampling != null, note -> {
                if (!quiet) {
                    warnings.note(note);
                }
            });
            metadata = strip ? JpegMetadata.EMPTY : JpegMetadata.read(data).withoutEncodingSegments();
        }
        byte[] jpeg = metadata.insertInto(new ParallelJpegEncoder(opts, runner.pool, runner.threads).encode(image));
        runner.step(label + " (encoded)");
        return new Coded(new byte[][] {jpeg}, image.width(), image.height(), image);
    }

    @Override
    void written(Job job, Coded coded, Runner runner, FileWarnings warnings) throws Exception {
        if (stats) {
            ParallelJpegDecoder decoder = new ParallelJpegDecoder(decoderOptions(warnings, strict), runner.pool, runner.threads);
            byte[] jpeg = coded.parts()[0];
            ImageStats s = ImageStats.compare(coded.source(), decoder.decode(jpeg), jpeg.length);
            String line = (job.output().equals("-") ? job.input() : job.output()) + ": " + s.describe();
            synchronized (stdout) { // one whole line per file, whichever thread finishes first
                reportStream(job).println(line);
            }
        }
    }
}
