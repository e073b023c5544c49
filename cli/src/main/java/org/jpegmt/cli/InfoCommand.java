package org.jpegmt.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.Callable;
import org.jpegmt.core.JpegDecoder;
import org.jpegmt.core.JpegInfo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code jpegmt info FILE...}: what the headers say. */
@Command(name = "info", mixinStandardHelpOptions = true,
        description = "Show size, components, sampling, coding process and restart interval of JPEG files.",
        footer = {"", "Example:", "  jpegmt info photo.jpg"})
final class InfoCommand extends IoCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "FILE", description = "JPEG files (- for standard input)")
    List<String> files;

    @Override
    public Integer call() {
        PrintStream out = new PrintStream(stdout, true);
        JpegDecoder decoder = new JpegDecoder();
        int status = 0;
        for (String file : files) {
            try {
                JpegInfo info = decoder.readInfo(readInput(file));
                out.println(file + ": " + info.width() + "x" + info.height() + ", "
                        + info.components().size() + " component" + (info.components().size() == 1 ? "" : "s")
                        + ", " + info.subsampling() + " (" + info.samplingFactors() + "), "
                        + info.sofDescription() + ", " + info.precision() + "-bit, restart interval "
                        + (info.restartInterval() == 0 ? "none" : info.restartInterval() + " MCUs")
                        + (info.jfif() ? ", JFIF" : "") + (info.adobeTransform() >= 0
                                ? ", Adobe transform " + info.adobeTransform() : ""));
            } catch (Exception e) {
                stderr.println("jpegmt: " + file + ": " + Main.describe(e));
                status = Main.EXIT_FAILED;
            }
        }
        return status;
    }
}
