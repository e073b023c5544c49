package org.jpegmt.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.jpegmt.core.DecoderOptions;
import org.jpegmt.core.JpegDecoder;
import org.jpegmt.core.PixelImage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code jpegmt decode IN OUT}: JPEG to PPM/PGM/PNG/BMP. */
@Command(name = "decode", mixinStandardHelpOptions = true,
        description = "Decode a JPEG file to PPM/PGM/PNG/BMP (chosen by OUT's extension).",
        footer = {"", "Examples:", "  jpegmt decode photo.jpg photo.ppm", "  jpegmt decode --strict photo.jpg photo.png"})
final class DecodeCommand extends IoCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "IN", description = "JPEG file, or - for standard input")
    String input;

    @Parameters(index = "1", paramLabel = "OUT", description = "output file (.ppm .pgm .png .bmp), or - for PPM/PGM on standard output")
    String output;

    @Option(names = "--strict", description = "fail on damaged data instead of recovering with a warning")
    boolean strict;

    @Option(names = {"-f", "--force"}, description = "overwrite an existing output file")
    boolean force;

    @Override
    public Integer call() throws Exception {
        ImageFiles.OutputFormat format = output.equals("-") ? null : ImageFiles.OutputFormat.forName(output);
        checkDistinct(input, output);
        String label = input.equals("-") ? "<stdin>" : input;
        DecoderOptions options = DecoderOptions.defaults().withStrict(strict)
                .withWarningListener((message, offset) -> stderr.println("jpegmt: " + label + ": warning: "
                        + message + (offset >= 0 ? " (at byte " + offset + ")" : "")));
        byte[] data = readInput(input);
        PixelImage image = new JpegDecoder(options).decode(data);
        byte[] bytes = format == null ? Pnm.write(image) : ImageFiles.writeImage(image, format);
        SafeOutput.write(Path.of(output), bytes, force, stdout);
        return 0;
    }
}
