package org.jpegmt.cli;

import java.nio.file.Path;
import java.util.List;
import org.jpegmt.core.JpegDecoder;
import org.jpegmt.core.JpegInfo;
import org.jpegmt.core.PixelImage;
import org.jpegmt.mt.ParallelJpegDecoder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code jpegmt decode INPUT... OUTPUT}: JPEG to PPM/PGM/PNG/BMP. */
@Command(name = "decode", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = {"Decode JPEG files to PPM/PGM/PNG/BMP.",
                "One INPUT and one OUTPUT file (format from OUTPUT's extension, or --format), or several inputs and "
                        + "directories (searched recursively for .jpg .jpeg .jpe .jfif) into an output directory, keeping relative paths."},
        footer = {"", "Examples:", "  jpegmt decode photo.jpg photo.ppm",
                "  jpegmt decode --strict photo.jpg photo.png",
                "  jpegmt decode --format png -o png/ photos/   # photos/a/b.jpg: png/a/b.png",
                "  jpegmt decode --threads 2 photo.jpg - | pnmtopng > photo.png", "",
                "Exit status: 0 all inputs done, 1 some input failed, 2 usage error."})
final class DecodeCommand extends ConvertCommand {
    @Option(names = "--strict", description = "fail on damaged data instead of recovering with a warning")
    boolean strict;

    @Option(names = "--format", paramLabel = "FMT",
            description = "ppm, pgm, png or bmp (default: OUTPUT's extension; ppm/pgm for - and for directories)")
    String format;

    private ImageFiles.OutputFormat fixedFormat;

    @Override
    void validate() {
        try {
            fixedFormat = format == null ? null : ImageFiles.OutputFormat.parse(format);
        } catch (IllegalArgumentException e) {
            throw usage(e.getMessage());
        }
    }

    @Override
    void checkSingle(Job job) {
        if (fixedFormat == null && !job.output().equals("-")) {
            try {
                ImageFiles.OutputFormat.forName(job.output());
            } catch (IllegalArgumentException e) {
                throw usage(e.getMessage());
            }
        } else if (fixedFormat != null && !job.output().equals("-") && !hasExtension(Path.of(job.output()), ".pnm")) {
            ImageFiles.OutputFormat named = null;
            try {
                named = ImageFiles.OutputFormat.forName(job.output());
            } catch (IllegalArgumentException e) {
                // no known extension: --format decides
            }
            if (named != null && named != fixedFormat) {
                throw usage(job.output() + ": --format " + format + " but the name says " + named.extension());
            }
        }
    }

    @Override
    String outputExtension() {
        return fixedFormat == null ? ".ppm" : fixedFormat.extension();
    }

    @Override
    List<String> inputExtensions() {
        return List.of(".jpg", ".jpeg", ".jpe", ".jfif");
    }

    @Override
    ImageFiles.OutputFormat outputFormat(String output) {
        return fixedFormat == null && !output.equals("-") ? ImageFiles.OutputFormat.forName(output) : fixedFormat;
    }

    @Override
    Coded code(byte[] data, String label, ImageFiles.OutputFormat format, Runner runner, FileWarnings warnings)
            throws Exception {
        ParallelJpegDecoder decoder = new ParallelJpegDecoder(decoderOptions(warnings, strict), runner.pool, runner.threads);
        JpegInfo info = new JpegDecoder().readInfo(data);
        runner.read((long) info.width() * info.height(), label);
        PixelImage image = decoder.decode(data);
        runner.step(label + " (decoded)");
        byte[][] parts = format == null ? Pnm.parts(image) : ImageFiles.writeImage(image, format);
        return new Coded(parts, image.width(), image.height(), null);
    }
}
