package org.jpegmt.imageio;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import javax.imageio.IIOException;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.spi.ImageReaderSpi;
import javax.imageio.stream.ImageInputStream;
import org.jpegmt.core.awt.BufferedImages;
import org.jpegmt.core.DecoderOptions;
import org.jpegmt.core.JpegDecoder;
import org.jpegmt.core.JpegException;
import org.jpegmt.core.JpegInfo;
import org.jpegmt.core.PixelImage;
import org.jpegmt.core.UnsupportedJpegException;
import org.jpegmt.mt.ParallelJpegDecoder;

/**
 * Reads baseline (SOF0) and extended sequential (SOF1) 8-bit JPEG files through jpegmt.
 *
 * <ul>
 *   <li>{@link #getWidth}, {@link #getHeight} and {@link #getImageTypes} read the marker
 *       segments up to the first scan only; no pixel is decoded.
 *   <li>{@link #read} honours the source region, source subsampling (with offsets),
 *       destination, destination type and offset, and source/destination bands of an
 *       {@link ImageReadParam}; a {@link JpegmtImageReadParam} adds threads, strict mode and a
 *       pixel limit. The whole file is decoded, then the region is copied out.
 *   <li>Grey files read as {@code TYPE_BYTE_GRAY}, colour and CMYK files as
 *       {@code TYPE_3BYTE_BGR} (CMYK converted as {@code BufferedImages.toBufferedImage} does),
 *       pixel for pixel what {@code BufferedImages.toBufferedImage(new JpegDecoder().decode(bytes))}
 *       gives.
 *   <li>Damage that the lenient decoder recovers from is reported through
 *       {@code processWarningOccurred} (to {@code IIOReadWarningListener}s) after decoding,
 *       on the calling thread.
 *   <li>Progress and abort: progress is reported after reading the input, after decoding and
 *       while the region is copied; {@link #abort()} is honoured between these steps and
 *       between copied rows, and {@code read} then returns the destination as far as filled.
 *   <li>No metadata: {@link #getStreamMetadata()} and {@link #getImageMetadata(int)} return
 *       null; thumbnails and rasters are not supported.
 * </ul>
 *
 * <p>One instance per thread, as ImageIO expects; the codec objects behind it are immutable and
 * the worker threads of parallel decoding are shared by all readers and writers.
 */
public class JpegmtImageReader extends ImageReader {
    /** Header reads only: no pixel limit, the decode applies its own. */
    private static final JpegDecoder HEADERS = new JpegDecoder(DecoderOptions.defaults().withMaxPixels(Long.MAX_VALUE));

    private long streamStart = -1;
    private JpegInfo info;

    /** @param provider the provider creating this reader, or null */
    public JpegmtImageReader(ImageReaderSpi provider) {
        super(provider);
    }

    @Override
    public void setInput(Object input, boolean seekForwardOnly, boolean ignoreMetadata) {
        super.setInput(input, seekForwardOnly, ignoreMetadata);
        streamStart = -1;
        info = null;
    }

    @Override
    public int getNumImages(boolean allowSearch) throws IOException {
        requireInput();
        return 1;
    }

    @Override
    public int getWidth(int imageIndex) throws IOException {
        return header(imageIndex).width();
    }

    @Override
    public int getHeight(int imageIndex) throws IOException {
        return header(imageIndex).height();
    }

    @Override
    public Iterator<ImageTypeSpecifier> getImageTypes(int imageIndex) throws IOException {
        return imageTypes(header(imageIndex)).iterator();
    }

    @Override
    public ImageReadParam getDefaultReadParam() {
        return new JpegmtImageReadParam();
    }

    /** @return null: this reader produces no stream metadata */
    @Override
    public IIOMetadata getStreamMetadata() {
        return null;
    }

    /** @return null: this reader produces no image metadata */
    @Override
    public IIOMetadata getImageMetadata(int imageIndex) throws IOException {
        header(imageIndex);
        return null;
    }

    /**
     * What the headers of the current input say (jpegmt's own view, beyond ImageIO's).
     *
     * @param imageIndex 0
     * @return size, components, sampling, SOF type and restart interval
     * @throws IOException if the headers cannot be read
     */
    public JpegInfo getJpegInfo(int imageIndex) throws IOException {
        return header(imageIndex);
    }

    @Override
    public BufferedImage read(int imageIndex, ImageReadParam param) throws IOException {
        JpegInfo header = header(imageIndex);
        int width = header.width();
        int height = header.height();
        long maxPixels = param instanceof JpegmtImageReadParam p ? p.getMaxPixels() : DecoderOptions.DEFAULT_MAX_PIXELS;
        if ((long) width * height > maxPixels) {
            throw new IIOException("image of " + width + "x" + height + " pixels exceeds the limit of "
                    + maxPixels + " pixels");
        }
        List<ImageTypeSpecifier> types = imageTypes(header);
        clearAbortRequest();
        processImageStarted(imageIndex);
        BufferedImage dest = null;
        if (!wholeImage(param, types.get(0))) {
            dest = getDestination(param, types.iterator(), width, height);
            checkReadParamBandSettings(param, header.components().size() == 1 ? 1 : 3,
                    dest.getSampleModel().getNumBands());
        }
        byte[] data = JpegHeaders.readRemaining(stream());
        if (abortRequested()) {
            return aborted(dest, types, width, height);
        }
        processImageProgress(10f);
        PixelImage pixels = decode(imageIndex, data, param);
        if (abortRequested()) {
            return aborted(dest, types, width, height);
        }
        BufferedImage decoded = BufferedImages.toBufferedImage(pixels);
        if (dest == null) {
            processImageProgress(100f);
            processImageComplete();
            return decoded;
        }
        processImageProgress(70f);
        if (!copyRegion(decoded, param, dest)) {
            processReadAborted();
            return dest;
        }
        processImageComplete();
        return dest;
    }

    /** Copies the parameter's region of the decoded image into {@code dest}; false if aborted. */
    private boolean copyRegion(BufferedImage decoded, ImageReadParam param, BufferedImage dest) throws IIOException {
        int width = decoded.getWidth();
        int height = decoded.getHeight();
        Rectangle srcRegion = new Rectangle();
        Rectangle destRegion = new Rectangle();
        computeRegions(param, width, height, dest, srcRegion, destRegion);
        Raster src = decoded.getRaster();
        WritableRaster dst = dest.getRaster();
        if (param.getSourceBands() != null) {
            src = src.createChild(0, 0, width, height, 0, 0, param.getSourceBands());
        }
        if (param.getDestinationBands() != null) {
            dst = dst.createWritableChild(0, 0, dst.getWidth(), dst.getHeight(), 0, 0, param.getDestinationBands());
        }
        return RegionCopy.copy(src, srcRegion, param.getSourceXSubsampling(), param.getSourceYSubsampling(),
                dst, destRegion.getLocation(), destRegion.width, destRegion.height, (done, total) -> {
                    processImageProgress(70f + 30f * done / total);
                    return !abortRequested();
                });
    }

    /** True when the parameter asks for the whole image in the default type. */
    private static boolean wholeImage(ImageReadParam p, ImageTypeSpecifier defaultType) {
        return p == null || (p.getSourceRegion() == null && p.getSourceXSubsampling() == 1
                && p.getSourceYSubsampling() == 1 && p.getSubsamplingXOffset() == 0
                && p.getSubsamplingYOffset() == 0 && p.getDestination() == null
                && p.getDestinationOffset().x == 0 && p.getDestinationOffset().y == 0
                && p.getSourceBands() == null && p.getDestinationBands() == null
                && (p.getDestinationType() == null || p.getDestinationType().equals(defaultType)));
    }

    private BufferedImage aborted(BufferedImage dest, List<ImageTypeSpecifier> types, int width, int height)
            throws IIOException {
        processReadAborted();
        return dest != null ? dest : getDestination(null, types.iterator(), width, height);
    }

    private PixelImage decode(int imageIndex, byte[] data, ImageReadParam param) throws IOException {
        List<String> warnings = Collections.synchronizedList(new ArrayList<>());
        DecoderOptions options = DecoderOptions.defaults().withWarningListener(
                (message, offset) -> warnings.add(offset >= 0 ? message + " (at byte " + offset + ")" : message));
        int threads = 1;
        if (param instanceof JpegmtImageReadParam p) {
            options = options.withStrict(p.isStrict()).withMaxPixels(p.getMaxPixels());
            threads = p.getThreads();
        }
        try {
            return threads > 1 ? new ParallelJpegDecoder(options, threads).decode(data)
                    : new JpegDecoder(options).decode(data);
        } catch (UnsupportedJpegException e) {
            throw new IIOException("jpegmt does not decode " + e.feature()
                    + " JPEG; ImageIO.read passes such files to the JDK reader", e);
        } catch (JpegException e) {
            throw new IIOException(e.getMessage(), e);
        } finally {
            List<String> copy;
            synchronized (warnings) {
                copy = new ArrayList<>(warnings);
            }
            for (String w : copy) {
                processWarningOccurred(w);
            }
        }
    }

    private static List<ImageTypeSpecifier> imageTypes(JpegInfo header) {
        List<ImageTypeSpecifier> types = new ArrayList<>(3);
        if (header.components().size() == 1) {
            types.add(ImageTypeSpecifier.createFromBufferedImageType(BufferedImage.TYPE_BYTE_GRAY));
        }
        types.add(ImageTypeSpecifier.createFromBufferedImageType(BufferedImage.TYPE_3BYTE_BGR));
        types.add(ImageTypeSpecifier.createFromBufferedImageType(BufferedImage.TYPE_INT_RGB));
        return types;
    }

    private void requireInput() {
        if (input == null) {
            throw new IllegalStateException("no input set");
        }
    }

    /** The input stream, positioned where it was when first used after {@code setInput}. */
    private ImageInputStream stream() throws IOException {
        requireInput();
        ImageInputStream in = (ImageInputStream) input;
        if (streamStart < 0) {
            streamStart = in.getStreamPosition();
        }
        in.seek(streamStart);
        return in;
    }

    private JpegInfo header(int imageIndex) throws IOException {
        requireInput();
        if (imageIndex != 0 || imageIndex < minIndex) {
            throw new IndexOutOfBoundsException("image index " + imageIndex + ": a JPEG file holds image 0 only");
        }
        if (info == null) {
            JpegHeaders.Header h = JpegHeaders.read(stream(), true, true);
            if (h == null) {
                throw new IIOException("not a JPEG file: no SOI marker followed by a frame header");
            }
            try {
                info = HEADERS.readInfo(h.bytes());
            } catch (JpegException e) {
                throw new IIOException(e.getMessage(), e);
            }
        }
        return info;
    }

    @Override
    public void dispose() {
        streamStart = -1;
        info = null;
        super.dispose();
    }
}
