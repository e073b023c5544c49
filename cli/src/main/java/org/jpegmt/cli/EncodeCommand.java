package org.jpegmt.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.jpegmt.core.EncoderOptions;
import org.jpegmt.core.JpegDecoder;
import org.jpegmt.core.JpegEncoder;
import org.jpegmt.core.PixelImage;
import org.jpegmt.core.Subsampling;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code jpegmt encode IN OUT}: PNG/BMP/PPM/PGM/JPEG to baseline JPEG. */
@Command(name = "encode", mixinStandardHelpOptions = true,
        description = "Encode PNG/BMP/PPM/PGM (or re-encode JPEG) as baseline JPEG.",
        footer = {"", "Examples:", "  jpegmt encode photo.png photo.jpg",
                "  jpegmt encode -q 90 -s 444 --optimize photo.ppm photo.jpg",
                "  jpegmt encode --restart-rows 0 photo.png no-restarts.jpg"})
final class EncodeCommand extends IoCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "IN", description = "input image, or - for standard input")
    String input;

    @Parameters(index = "1", paramLabel = "OUT", description = "output JPEG file, or - for standard output")
    String output;

    @Option(names = {"-q", "--quality"}, paramLabel = "Q", defaultValue = "75",
            description = "quality 1..100 (default: ${DEFAULT-VALUE})")
    int quality;

    @Option(names = {"-s", "--subsampling"}, paramLabel = "S", defaultValue = "420",
            description = "444, 422, 420 or gray (default: ${DEFAULT-VALUE})")
    String subsampling;

    @ArgGroup(exclusive = true)
    Restart restart;

    @Option(names = "--optimize", description = "optimal Huffman tables (smaller file, slower)")
    boolean optimize;

    @Option(names = {"-f", "--force"}, description = "overwrite an existing output file")
    boolean force;

    static final class Restart {
        @Option(names = "--restart-rows", paramLabel = "N",
                description = "restart marker every N MCU rows (default 1; 0 = none)")
        Integer rows;

        @Option(names = "--restart-mcus", paramLabel = "N", description = "restart marker every N MCUs")
        Integer mcus;
    }

    EncoderOptions options() {
        EncoderOptions opts = EncoderOptions.defaults().withQuality(quality)
                .withSubsampling(Subsampling.parse(subsampling)).withOptimizeHuffman(optimize);
        if (restart != null && restart.rows != null) {
            opts = opts.withRestartRows(restart.rows);
        } else if (restart != null && restart.mcus != null) {
            opts = opts.withRestartMcus(restart.mcus);
        }
        return opts;
    }

    @Override
    public Integer call() throws Exception {
        EncoderOptions opts = options();
        checkDistinct(input, output);
        byte[] data = readInput(input);
        PixelImage image = ImageFiles.readImage(data, new JpegDecoder());
        byte[] jpeg = new JpegEncoder(opts).encode(image);
        SafeOutput.write(Path.of(output), jpeg, force, stdout);
        return 0;
    }
}
