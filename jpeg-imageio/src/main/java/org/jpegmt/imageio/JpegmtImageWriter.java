package org.jpegmt.imageio;

import java.awt.Point;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.RenderedImage;
import java.awt.image.WritableRaster;
import java.io.IOException;
import javax.imageio.IIOException;
import javax.imageio.IIOImage;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.plugins.jpeg.JPEGImageWriteParam;
import javax.imageio.spi.ImageWriterSpi;
import javax.imageio.stream.ImageOutputStream;
import org.jpegmt.core.awt.BufferedImages;
import org.jpegmt.core.EncoderOptions;
import org.jpegmt.core.JpegEncoder;
import org.jpegmt.core.PixelImage;
import org.jpegmt.mt.ParallelJpegEncoder;

/**
 * Writes baseline JPEG (SOF0, JFIF) through jpegmt's encoder: byte-identical to
 * {@code new JpegEncoder(options).encode(BufferedImages.fromBufferedImage(image))} for the
 * options the parameter maps to (see {@link JpegmtImageWriteParam} for quality, subsampling,
 * restart interval, optimized tables and threads).
 *
 * <ul>
 *   <li>Grey images ({@code TYPE_BYTE_GRAY}) are written with one component, everything else
 *       as YCbCr; alpha is dropped with a warning (the provider declines alpha images, so
 *       {@code ImageIO.write} does not get here with them).
 *   <li>Source region and source subsampling of the {@link ImageWriteParam} are honoured;
 *       source bands, progressive mode and custom tables are not (the last two with a
 *       warning).
 *   <li>Metadata is ignored (with a warning when some is given); there are no thumbnails,
 *       sequences or raster writes.
 *   <li>Progress is reported after conversion and encoding; {@link #abort()} is honoured before
 *       anything is written, so an aborted write leaves the output untouched.
 * </ul>
 *
 * <p>One instance per thread, as ImageIO expects.
 */
public class JpegmtImageWriter extends ImageWriter {
    /** @param provider the provider creating this writer, or null */
    public JpegmtImageWriter(ImageWriterSpi provider) {
        super(provider);
    }

    @Override
    public ImageWriteParam getDefaultWriteParam() {
        return new JpegmtImageWriteParam(getLocale());
    }

    /** @return null: no stream metadata */
    @Override
    public IIOMetadata getDefaultStreamMetadata(ImageWriteParam param) {
        return null;
    }

    /** @return null: no image metadata */
    @Override
    public IIOMetadata getDefaultImageMetadata(ImageTypeSpecifier imageType, ImageWriteParam param) {
        return null;
    }

    /** @return null: metadata is not written */
    @Override
    public IIOMetadata convertStreamMetadata(IIOMetadata inData, ImageWriteParam param) {
        return null;
    }

    /** @return null: metadata is not written */
    @Override
    public IIOMetadata convertImageMetadata(IIOMetadata inData, ImageTypeSpecifier imageType, ImageWriteParam param) {
        return null;
    }

    @Override
    public void write(IIOMetadata streamMetadata, IIOImage image, ImageWriteParam param) throws IOException {
        if (output == null) {
            throw new IllegalStateException("no output set");
        }
        if (image == null) {
            throw new IllegalArgumentException("image is null");
        }
        if (image.hasRaster()) {
            throw new UnsupportedOperationException("jpegmt writes images, not rasters");
        }
        if (param != null && param.getSourceBands() != null) {
            throw new IIOException("source bands are not supported by the jpegmt writer");
        }
        clearAbortRequest();
        processImageStarted(0);
        if (streamMetadata != null || image.getMetadata() != null) {
            processWarningOccurred(0, "metadata is ignored: jpegmt writes its own JFIF header");
        }
        BufferedImage source = region(toBufferedImage(image.getRenderedImage()), param);
        if (source.getColorModel().hasAlpha()) {
            processWarningOccurred(0, "alpha channel dropped: JPEG has no transparency");
        }
        EncoderOptions options = options(param);
        int threads = param instanceof JpegmtImageWriteParam p ? p.getThreads() : 1;
        if (abortRequested()) {
            processWriteAborted();
            return;
        }
        PixelImage pixels = BufferedImages.fromBufferedImage(source);
        processImageProgress(20f);
        byte[] jpeg;
        try {
            jpeg = threads > 1 ? new ParallelJpegEncoder(options, threads).encode(pixels)
                    : new JpegEncoder(options).encode(pixels);
        } catch (IllegalArgumentException e) {
            throw new IIOException(e.getMessage(), e);
        }
        if (abortRequested()) {
            processWriteAborted();
            return;
        }
        processImageProgress(90f);
        ((ImageOutputStream) output).write(jpeg);
        processImageProgress(100f);
        processImageComplete();
    }

    /** Maps an ImageIO parameter to encoder settings (see {@link JpegmtImageWriteParam}). */
    EncoderOptions options(ImageWriteParam param) {
        int quality = JpegmtImageWriteParam.DEFAULT_QUALITY;
        if (param != null && param.canWriteCompressed() && param.getCompressionMode() == ImageWriteParam.MODE_EXPLICIT) {
            quality = JpegmtImageWriteParam.ijgQuality(param.getCompressionQuality());
        }
        EncoderOptions options = EncoderOptions.defaults().withQuality(quality);
        if (param instanceof JPEGImageWriteParam jpeg) {
            options = options.withOptimizeHuffman(jpeg.getOptimizeHuffmanTables());
            if (jpeg.areTablesSet()) {
                processWarningOccurred(0, "custom quantization/Huffman tables are ignored");
            }
        }
        if (param != null && param.canWriteProgressive()
                && param.getProgressiveMode() != ImageWriteParam.MODE_DISABLED) {
            processWarningOccurred(0, "progressive mode is not supported: writing baseline");
        }
        if (param instanceof JpegmtImageWriteParam p) {
            options = options.withSubsampling(p.getSubsampling());
            options = p.getRestartUnit() == EncoderOptions.RestartUnit.MCUS
                    ? options.withRestartMcus(p.getRestartInterval())
                    : options.withRestartRows(p.getRestartInterval());
        }
        return options;
    }

    private static BufferedImage toBufferedImage(RenderedImage image) {
        if (image instanceof BufferedImage b) {
            return b;
        }
        ColorModel cm = image.getColorModel();
        WritableRaster raster = cm.createCompatibleWritableRaster(image.getWidth(), image.getHeight());
        image.copyData(raster.createWritableTranslatedChild(image.getMinX(), image.getMinY()));
        return new BufferedImage(cm, raster, cm.isAlphaPremultiplied(), null);
    }

    /** The source region and subsampling of {@code param}, as a new image of the same type. */
    private static BufferedImage region(BufferedImage image, ImageWriteParam param) throws IIOException {
        if (param == null) {
            return image;
        }
        int xs = param.getSourceXSubsampling();
        int ys = param.getSourceYSubsampling();
        Rectangle r = new Rectangle(0, 0, image.getWidth(), image.getHeight());
        if (param.getSourceRegion() != null) {
            r = r.intersection(param.getSourceRegion());
        }
        r.x += param.getSubsamplingXOffset();
        r.y += param.getSubsamplingYOffset();
        r.width -= param.getSubsamplingXOffset();
        r.height -= param.getSubsamplingYOffset();
        if (r.width <= 0 || r.height <= 0) {
            throw new IIOException("the source region " + param.getSourceRegion() + " leaves no pixel to write");
        }
        if (xs == 1 && ys == 1 && r.x == 0 && r.y == 0 && r.width == image.getWidth() && r.height == image.getHeight()) {
            return image;
        }
        int w = (r.width + xs - 1) / xs;
        int h = (r.height + ys - 1) / ys;
        ColorModel cm = image.getColorModel();
        BufferedImage out = new BufferedImage(cm, cm.createCompatibleWritableRaster(w, h), cm.isAlphaPremultiplied(), null);
        RegionCopy.copy(image.getRaster(), r, xs, ys, out.getRaster(), new Point(0, 0), w, h, null);
        return out;
    }
}
