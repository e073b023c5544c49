package org.jpegmt.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.jpegmt.core.JpegDecoder;
import org.jpegmt.core.JpegInfo;
import org.jpegmt.core.internal.LosslessTransform;
import org.jpegmt.core.internal.TranscodeJob;
import org.jpegmt.mt.ParallelJpegTranscoder;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code jpegmt transcode INPUT... OUTPUT}: lossless JPEG to JPEG from the quantised
 * coefficients (no decode, no new quality loss), byte-identical to {@code jpegtran} for the same
 * options; by default it adds a restart marker every MCU row, which makes the file decodable in
 * parallel.
 */
@Command(name = "transcode", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = {"Rewrite baseline/extended JPEG files losslessly (as jpegtran does): new restart markers,"
                + " optimal Huffman tables, rotation and flips, metadata copied; no quality lost.",
                "One INPUT and one OUTPUT file, or several inputs and directories (searched recursively for "
                        + ".jpg .jpeg .jpe .jfif) into an output directory, keeping relative paths.",
                "Same bytes as jpegtran (libjpeg-turbo 2.1.5) with the same options, except the default restart"
                        + " interval: one MCU row here (--restart-rows 0 gives jpegtran's default, none)."},
        footer = {"", "Examples:", "  jpegmt transcode camera.jpg parallel.jpg          # restart marker every MCU row",
                "  jpegmt transcode --optimize --copy all -o out/ photos/",
                "  jpegmt transcode --rotate 90 --trim photo.jpg rotated.jpg",
                "  jpegmt transcode --restart-rows 0 --optimize a.jpg b.jpg   # = jpegtran -optimize",
                "  cat a.jpg | jpegmt transcode - - > b.jpg", "",
                "Exit status: 0 all inputs done, 1 some input failed, 2 usage error."})
final class TranscodeCommand extends ConvertCommand {
    @ArgGroup(exclusive = true)
    Restart restart;

    @Option(names = "--optimize", description = "optimal Huffman tables (smaller file) instead of the standard ones")
    boolean optimize;

    @Option(names = "--copy", paramLabel = "WHAT", defaultValue = "comments",
            description = "segments to keep: none, comments or all (every APPn and COM: Exif, ICC, XMP...)"
                    + " (default: ${DEFAULT-VALUE})")
    String copy;

    @ArgGroup(exclusive = true)
    Transform transform;

    @Option(names = "--trim", description = "drop the partial MCUs at the edges a transform would move"
            + " (without it they stay where they are, as jpegtran leaves them)")
    boolean trim;

    @Option(names = "--strict", description = "fail on damaged data instead of recovering with a warning")
    boolean strict;

    private TranscodeJob.Settings settings;

    static final class Restart {
        @Option(names = "--restart-rows", paramLabel = "N",
                description = "restart marker every N MCU rows (default 1; 0 = none, as jpegtran)")
        Integer rows;

        @Option(names = "--restart-mcus", paramLabel = "N", description = "restart marker every N MCUs")
        Integer mcus;
    }

    static final class Transform {
        @Option(names = "--rotate", paramLabel = "DEG", description = "rotate clockwise by 90, 180 or 270 degrees")
        Integer rotate;

        @Option(names = "--flip", paramLabel = "DIR", description = "mirror: horizontal or vertical")
        String flip;

        @Option(names = "--transpose", description = "mirror along the top-left to bottom-right diagonal")
        boolean transpose;

        @Option(names = "--transverse", description = "mirror along the top-right to bottom-left diagonal")
        boolean transverse;

        LosslessTransform.Kind kind() {
            if (rotate != null) {
                switch (rotate) {
                    case 90: return LosslessTransform.Kind.ROTATE_90;
                    case 180: return LosslessTransform.Kind.ROTATE_180;
                    case 270: return LosslessTransform.Kind.ROTATE_270;
                    default: throw new IllegalArgumentException("--rotate takes 90, 180 or 270, not " + rotate);
                }
            }
            if (flip != null) {
                switch (flip.toLowerCase(Locale.ROOT)) {
                    case "horizontal": return LosslessTransform.Kind.FLIP_HORIZONTAL;
                    case "vertical": return LosslessTransform.Kind.FLIP_VERTICAL;
                    default: throw new IllegalArgumentException("--flip takes horizontal or vertical, not " + flip);
                }
            }
            return transpose ? LosslessTransform.Kind.TRANSPOSE
                    : transverse ? LosslessTransform.Kind.TRANSVERSE : LosslessTransform.Kind.NONE;
        }
    }

    /** @return the settings the options say */
    TranscodeJob.Settings settings() {
        TranscodeJob.Copy c;
        switch (copy.toLowerCase(Locale.ROOT)) {
            case "none": c = TranscodeJob.Copy.NONE; break;
            case "comments": c = TranscodeJob.Copy.COMMENTS; break;
            case "all": c = TranscodeJob.Copy.ALL; break;
            default: throw new IllegalArgumentException("--copy takes none, comments or all, not " + copy);
        }
        TranscodeJob.Settings s = TranscodeJob.Settings.JPEGTRAN.withCopy(c).withOptimize(optimize)
                .withTransform(transform == null ? LosslessTransform.Kind.NONE : transform.kind(), trim);
        if (restart != null && restart.mcus != null) {
            return s.withRestartMcus(restart.mcus);
        }
        return s.withRestartRows(restart != null && restart.rows != null ? restart.rows : 1);
    }

    @Override
    void validate() {
        try {
            settings = settings();
        } catch (IllegalArgumentException e) {
            throw usage(e.getMessage());
        }
    }

    @Override
    void checkSingle(Job job) {
        if (!job.output().equals("-") && !hasExtension(Path.of(job.output()), ".jpg", ".jpeg", ".jpe", ".jfif")) {
            throw usage(job.output() + ": transcode writes JPEG; name the output .jpg, .jpeg, .jpe or .jfif"
                    + " (or - for standard output)");
        }
    }

    @Override
    String outputExtension() {
        return ".jpg";
    }

    @Override
    List<String> inputExtensions() {
        return List.of(".jpg", ".jpeg", ".jpe", ".jfif");
    }

    @Override
    Coded code(byte[] data, String label, ImageFiles.OutputFormat format, Runner runner, FileWarnings warnings)
            throws Exception {
        ParallelJpegTranscoder transcoder = new ParallelJpegTranscoder(settings, decoderOptions(warnings, strict),
                runner.pool, runner.threads);
        JpegInfo info = new JpegDecoder().readInfo(data);
        runner.read((long) info.width() * info.height(), label);
        byte[] jpeg = transcoder.transcode(data);
        runner.step(label + " (transcoded)");
        return new Coded(new byte[][] {jpeg}, info.width(), info.height(), null);
    }
}
