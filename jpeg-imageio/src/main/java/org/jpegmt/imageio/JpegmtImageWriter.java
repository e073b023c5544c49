package org.jpegmt.imageio;

import java.awt.Point;
import java.awt.Rectangle;
import java.awt.color.ColorSpace;
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
import javax.imageio.metadata.IIOInvalidTreeException;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataFormatImpl;
import javax.imageio.metadata.IIOMetadataNode;
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
 *       source bands are refused for images (rasters use them); progressive mode ({@code MODE_DEFAULT} or
 *       {@code MODE_EXPLICIT}) and custom tables are ignored with a warning.
 *   <li>Image metadata (this plugin's, the JDK's JPEG metadata, or anything with a standard
 *       tree, see {@link #convertImageMetadata}) supplies the JFIF segment, the ICC profile,
 *       the APPn segments (EXIF, XMP, ...) and comments that are written; tables, frame and
 *       scan come from the parameter (see {@link SegmentSplicer}). Stream metadata is ignored
 *       with a warning. Thumbnails are not written (with a warning; {@code getNumThumbnailsSupported}
 *       says 0); there are no sequences.
 *   <li>A {@code Raster} ({@link IIOImage#hasRaster()}) is written as the JDK writer writes one:
 *       its 1 to 4 bands as the components, as they are (no colour conversion, no JFIF unless
 *       the metadata has one, its Adobe segment if it has one), sampled and numbered as the
 *       metadata's frame says or 1x1 and 1..n without metadata; source bands apply to rasters.
 *       Rasters are encoded on the calling thread ({@code setThreads} applies to images).
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

    /**
     * @return true: a {@code Raster}'s 1 to 4 bands are written as the file's components, as
     *     they are, without colour conversion, as the JDK writer does (see {@link RasterWrite})
     */
    @Override
    public boolean canWriteRasters() {
        return true;
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

    /**
     * @return the native tree of what {@code write} would produce for this type and parameter
     *     without metadata: JFIF 1.01, the quantization tables of the parameter's quality,
     *     the frame (one component for grey types, else three with the parameter's
     *     subsampling), the standard Huffman tables and the scan
     */
    @Override
    public IIOMetadata getDefaultImageMetadata(ImageTypeSpecifier imageType, ImageWriteParam param) {
        boolean grey = imageType != null && imageType.getColorModel() != null
                && imageType.getColorModel().getColorSpace().getType() == ColorSpace.TYPE_GRAY;
        return new JpegmtImageMetadata(DefaultTree.of(grey, silentOptions(param)));
    }

    /** @return null: no stream metadata */
    @Override
    public IIOMetadata convertStreamMetadata(IIOMetadata inData, ImageWriteParam param) {
        return null;
    }

    /**
     * @return metadata for this writer: {@code inData} itself if it is this plugin's, a copy of
     *     its native tree if it supports {@code javax_imageio_jpeg_image_1.0} (the JDK's JPEG
     *     metadata), the default metadata with the standard tree's text entries as comments if
     *     it supports the standard format only, else null
     */
    @Override
    public IIOMetadata convertImageMetadata(IIOMetadata inData, ImageTypeSpecifier imageType, ImageWriteParam param) {
        if (inData == null) {
            throw new IllegalArgumentException("inData is null");
        }
        if (inData instanceof JpegmtImageMetadata) {
            return inData;
        }
        try {
            if (java.util.Arrays.asList(inData.getMetadataFormatNames()).contains(NativeTree.FORMAT)) {
                IIOMetadataNode tree = TreeMerge.copy(inData.getAsTree(NativeTree.FORMAT));
                TreeMerge.requireStructure(tree);
                return new JpegmtImageMetadata(tree);
            }
            if (inData.isStandardMetadataFormatSupported()) {
                IIOMetadata out = getDefaultImageMetadata(imageType, param);
                out.mergeTree(IIOMetadataFormatImpl.standardMetadataFormatName,
                        inData.getAsTree(IIOMetadataFormatImpl.standardMetadataFormatName));
                return out;
            }
        } catch (IIOInvalidTreeException e) {
            return null;
        }
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
        if (!image.hasRaster() && param != null && param.getSourceBands() != null) {
            throw new IIOException("source bands are not supported by the jpegmt writer");
        }
        clearAbortRequest();
        processImageStarted(0);
        if (streamMetadata != null) {
            processWarningOccurred(0, "stream metadata is ignored (JPEG has none)");
        }
        if (image.getNumThumbnails() > 0) {
            processWarningOccurred(0, "thumbnails are not written by the jpegmt writer");
        }
        JpegmtImageMetadata metadata = null;
        if (image.getMetadata() != null) {
            IIOMetadata converted = convertImageMetadata(image.getMetadata(), null, param);
            if (converted == null) {
                processWarningOccurred(0, "image metadata of an unknown format is ignored");
            } else {
                metadata = (JpegmtImageMetadata) converted;
            }
        }
        EncoderOptions options = options(param);
        if (abortRequested()) {
            processWriteAborted();
            return;
        }
        byte[] jpeg = image.hasRaster()
                ? RasterWrite.encode(image.getRaster(), param, metadata == null ? null : metadata.nativeTree(), options,
                        w -> processWarningOccurred(0, w))
                : encodeImage(image.getRenderedImage(), param, options);
        if (abortRequested()) {
            processWriteAborted();
            return;
        }
        if (metadata != null) {
            jpeg = SegmentSplicer.splice(jpeg, metadata.nativeTree(), w -> processWarningOccurred(0, w),
                    image.hasRaster());
        }
        processImageProgress(90f);
        ((ImageOutputStream) output).write(jpeg);
        processImageProgress(100f);
        processImageComplete();
    }

    /** The image's pixels, converted to YCbCr (or grey) and encoded, on the parameter's threads. */
    private byte[] encodeImage(RenderedImage image, ImageWriteParam param, EncoderOptions options) throws IIOException {
        BufferedImage source = region(toBufferedImage(image), param);
        if (source.getColorModel().hasAlpha()) {
            processWarningOccurred(0, "alpha channel dropped: JPEG has no transparency");
        }
        int threads = param instanceof JpegmtImageWriteParam p ? p.getThreads() : 1;
        PixelImage pixels = BufferedImages.fromBufferedImage(source);
        processImageProgress(20f);
        try {
            return threads > 1 ? new ParallelJpegEncoder(options, threads).encode(pixels)
                    : new JpegEncoder(options).encode(pixels);
        } catch (IllegalArgumentException e) {
            throw new IIOException(e.getMessage(), e);
        }
    }

    /** Maps an ImageIO parameter to encoder settings (see {@link JpegmtImageWriteParam}), warning about what is ignored. */
    EncoderOptions options(ImageWriteParam param) {
        if (param instanceof JPEGImageWriteParam jpeg && jpeg.areTablesSet()) {
            processWarningOccurred(0, "custom quantization/Huffman tables are ignored");
        }
        if (param != null && param.canWriteProgressive()
                && (param.getProgressiveMode() == ImageWriteParam.MODE_DEFAULT
                        || param.getProgressiveMode() == ImageWriteParam.MODE_EXPLICIT)) {
            processWarningOccurred(0, "progressive mode is not supported: writing baseline");
        }
        return silentOptions(param);
    }

    /** Maps an ImageIO parameter to encoder settings. */
    private static EncoderOptions silentOptions(ImageWriteParam param) {
        int quality = JpegmtImageWriteParam.DEFAULT_QUALITY;
        if (param != null && param.canWriteCompressed() && param.getCompressionMode() == ImageWriteParam.MODE_EXPLICIT) {
            quality = JpegmtImageWriteParam.ijgQuality(param.getCompressionQuality());
        }
        EncoderOptions options = EncoderOptions.defaults().withQuality(quality);
        if (param instanceof JPEGImageWriteParam jpeg) {
            options = options.withOptimizeHuffman(jpeg.getOptimizeHuffmanTables());
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
        Rectangle r = RasterWrite.region(image.getRaster(), param);
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
