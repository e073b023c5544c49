package org.jpegmt.imageio;

import com.twelvemonkeys.imageio.util.ImageWriterAbstractTest;
import java.awt.image.BufferedImage;
import java.awt.image.RenderedImage;
import java.util.List;
import javax.imageio.spi.ImageWriterSpi;

/**
 * TwelveMonkeys' ImageIO writer contract ({@code ImageWriterAbstractTest}) run on jpegmt's
 * writer, with generated RGB, BGR, grey and odd-sized images.
 */
class TwelveMonkeysWriterContractTest extends ImageWriterAbstractTest<JpegmtImageWriter> {
    @Override
    protected ImageWriterSpi createProvider() {
        return new JpegmtImageWriterSpi();
    }

    @Override
    protected List<? extends RenderedImage> getTestData() {
        return List.of(
                drawSomething(new BufferedImage(120, 90, BufferedImage.TYPE_INT_RGB)),
                drawSomething(new BufferedImage(33, 17, BufferedImage.TYPE_3BYTE_BGR)),
                drawSomething(new BufferedImage(50, 40, BufferedImage.TYPE_BYTE_GRAY)),
                TestImages.rgb(1, 1));
    }
}
