package org.jpegmt.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The codec API every user sees: the public top-level types of org.jpegmt.core (issue 13: at most
 * 12; issue 17 adds JpegMetadata, the APPn/COM segments a rewrite must carry over, as the 13th).
 */
class PublicApiTest {
    @Test
    void theCodecPackageHoldsTheThirteenTypesOfTheApiAndNothingElsePublic() throws IOException, URISyntaxException,
            ClassNotFoundException {
        Path classes = Path.of(JpegDecoder.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path pkg = classes.resolve("org/jpegmt/core");
        List<String> publicTypes;
        try (Stream<Path> files = Files.list(pkg)) {
            publicTypes = files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".class") && !n.contains("$") && !n.equals("module-info.class"))
                    .map(n -> "org.jpegmt.core." + n.substring(0, n.length() - 6))
                    .sorted().toList();
        }
        List<String> names = new java.util.ArrayList<>();
        for (String n : publicTypes) {
            if (Modifier.isPublic(Class.forName(n).getModifiers())) {
                names.add(n.substring("org.jpegmt.core.".length()));
            }
        }
        assertEquals(List.of("DecoderOptions", "EncoderOptions", "InvalidJpegException", "JpegDecoder", "JpegEncoder",
                "JpegException", "JpegInfo", "JpegMetadata", "JpegWarningListener", "PixelFormat", "PixelImage", "Subsampling",
                "UnsupportedJpegException"), names);
    }
}
