package org.jpegmt.imageio;

import java.awt.Point;
import java.awt.Rectangle;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.DataBufferByte;
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
 * Reads baseline (SOF0), extended sequential (SOF1) and progressive (SOF2) 8-bit Huffman JPEG
 * files through jpegmt.
 *
 * <ul>
 *   <li>{@link #getWidth}, {@link #getHeight} and {@link #getImageTypes} read the marker
 *       segments up to the first scan only; {@link #getImageMetadata} goes on to EOI (every
 *       scan header of a progressive file), skipping the entropy-coded data. No pixel is
 *       decoded for any of them.
 *   <li>{@link #read} honours the source region, source subsampling (with offsets),
 *       destination, destination type and offset, and source/destination bands of an
 *       {@link ImageReadParam}; a {@link JpegmtImageReadParam} adds threads, strict mode, a
 *       pixel limit and raw samples. The whole file is decoded, then the region is copied out.
 *   <li>Grey files read as {@code TYPE_BYTE_GRAY} (also offered and readable:
 *       {@code TYPE_3BYTE_BGR}, {@code TYPE_INT_RGB}), colour and CMYK files as
 *       {@code TYPE_3BYTE_BGR} (also {@code TYPE_INT_RGB}; CMYK converted as
 *       {@code BufferedImages.toBufferedImage} does). The samples are djpeg's, except for
 *       colour files with a valid embedded ICC profile, which are read as the JDK reader reads
 *       them: converted from the profile to sRGB for the sRGB types, or unconverted in an
 *       image whose colour space is the profile (the second type offered). With
 *       {@link JpegmtImageReadParam#setRawSamples(boolean)} the profile is ignored.
 *   <li>{@link #readRaster} returns the decoded components without any colour conversion,
 *       as the JDK reader does: grey, YCbCr, RGB, CMYK or YCCK samples as stored.
 *   <li>{@link #getImageMetadata} gives the JDK's native JPEG tree and the standard tree (see
 *       {@link NativeTree}); there is no stream metadata.
 *   <li>Damage that the lenient decoder recovers from is reported through
 *       {@code processWarningOccurred} (to {@code IIOReadWarningListener}s) after decoding,
 *       on the calling thread.
 *   <li>Progress and abort: progress is reported after reading the input, after decoding and
 *       while the region is copied; {@link #abort()} is honoured between these steps and
 *       between copied rows, and {@code read} then returns the destination as far as filled.
 *   <li>Thumbnails as the JDK reader exposes them: the JFIF APP0's own RGB thumbnail, then
 *       the JFXX ones (JPEG, palette, RGB); not EXIF ones (see {@link Thumbnails}).
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
    private JpegHeaders.Header walk;
    /** All marker segments up to EOI, for the metadata: walked when first asked for. */
    private List<JpegHeaders.Segment> allSegments;
    /** JFIF and JFXX thumbnails of the header: found when first asked for. */
    private List<Thumbnails.Thumbnail> thumbnails;
    /** The embedded profile's colour space, made once per input so image types compare equal. */
    private ICC_ColorSpace icc;

    /** @param provider the provider creating this reader, or null */
    public JpegmtImageReader(ImageReaderSpi provider) {
        super(provider);
    }

    @Override
    public void setInput(Object input, boolean seekForwardOnly, boolean ignoreMetadata) {
        super.setInput(input, seekForwardOnly, ignoreMetadata);
        streamStart = -1;
        info = null;
        walk = null;
        allSegments = null;
        thumbnails = null;
        icc = null;
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
        return imageTypes(header(imageIndex), false).iterator();
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

    /**
     * @return the file's marker segments up to EOI (every scan of a progressive file, with the
     *     tables between scans), in the JDK's native JPEG format
     *     {@code javax_imageio_jpeg_image_1.0} and the standard format
     */
    @Override
    public IIOMetadata getImageMetadata(int imageIndex) throws IOException {
        header(imageIndex);
        if (allSegments == null) {
            allSegments = withLaterScans(walk);
        }
        return new JpegmtImageMetadata(NativeTree.fromSegments(allSegments));
    }

    /**
     * The header's segments followed by those of the first scan and everything after it up to
     * EOI, as the JDK's metadata lists them; the entropy-coded data is skipped, not decoded.
     */
    private List<JpegHeaders.Segment> withLaterScans(JpegHeaders.Header header) throws IOException {
        List<JpegHeaders.Segment> before = header.segments();
        if (header.scanOffset() < 0) {
            return before;
        }
        List<JpegHeaders.Segment> all = new ArrayList<>(before);
        if (!all.isEmpty() && all.get(all.size() - 1).marker() == 0xDA) {
            all.remove(all.size() - 1); // read again below, as the first of the scans
        }
        ImageInputStream in = stream();
        in.seek(streamStart + header.scanOffset());
        all.addAll(ScanMarkers.read(in));
        return List.copyOf(all);
    }

    /** @return true: JFIF and JFXX thumbnails are read, as by the JDK reader */
    @Override
    public boolean readerSupportsThumbnails() {
        return true;
    }

    @Override
    public int getNumThumbnails(int imageIndex) throws IOException {
        return thumbnails(imageIndex).size();
    }

    @Override
    public int getThumbnailWidth(int imageIndex, int thumbnailIndex) throws IOException {
        return thumbnail(imageIndex, thumbnailIndex).width();
    }

    @Override
    public int getThumbnailHeight(int imageIndex, int thumbnailIndex) throws IOException {
        return thumbnail(imageIndex, thumbnailIndex).height();
    }

    /**
     * @return the thumbnail: JFIF and JFXX RGB ones as sRGB images with R, G, B bands, palette
     *     ones with an {@link java.awt.image.IndexColorModel}, JPEG ones decoded by jpeg-core
     */
    @Override
    public BufferedImage readThumbnail(int imageIndex, int thumbnailIndex) throws IOException {
        Thumbnails.Thumbnail t = thumbnail(imageIndex, thumbnailIndex);
        clearAbortRequest();
        processThumbnailStarted(imageIndex, thumbnailIndex);
        BufferedImage image = t.read();
        processThumbnailProgress(100f);
        processThumbnailComplete();
        return image;
    }

    private List<Thumbnails.Thumbnail> thumbnails(int imageIndex) throws IOException {
        header(imageIndex);
        if (thumbnails == null) {
            thumbnails = Thumbnails.find(walk.segments());
        }
        return thumbnails;
    }

    private Thumbnails.Thumbnail thumbnail(int imageIndex, int thumbnailIndex) throws IOException {
        List<Thumbnails.Thumbnail> all = thumbnails(imageIndex);
        if (thumbnailIndex < 0 || thumbnailIndex >= all.size()) {
            throw new IndexOutOfBoundsException("thumbnail " + thumbnailIndex + " of " + all.size());
        }
        return all.get(thumbnailIndex);
    }

    /** @return true: {@link #readRaster} gives the decoded components without colour conversion */
    @Override
    public boolean canReadRaster() {
        return true;
    }

    /**
     * The decoded components as stored, without colour conversion: 1 band for grey, 3 for
     * YCbCr or RGB files, 4 for CMYK or YCCK, as the JDK reader's {@code readRaster} gives them
     * (one byte per sample, interleaved, in a {@code DataBufferByte} without padding). The
     * source region and subsampling of {@code param} apply; its destination offset translates
     * the raster; bands and destinations are not used.
     */
    @Override
    public Raster readRaster(int imageIndex, ImageReadParam param) throws IOException {
        JpegInfo header = header(imageIndex);
        checkLimit(header, param);
        clearAbortRequest();
        processImageStarted(imageIndex);
        byte[] data = JpegHeaders.readRemaining(stream());
        int nc = header.components().size();
        byte[] raw = RawSamples.rewrite(data, walk.segments(), walk.scanOffset(), nc);
        processImageProgress(10f);
        PixelImage pixels = decode(raw, param);
        int w = pixels.width();
        int h = pixels.height();
        int[] offsets = new int[pixels.format().channels()];
        for (int i = 0; i < offsets.length; i++) {
            offsets[i] = i;
        }
        WritableRaster full = Raster.createInterleavedRaster(new DataBufferByte(pixels.data(), pixels.data().length),
                w, h, w * offsets.length, offsets.length, offsets, null);
        WritableRaster out = full;
        if (param != null) {
            Rectangle region = getSourceRegion(param, w, h);
            int xs = param.getSourceXSubsampling();
            int ys = param.getSourceYSubsampling();
            if (xs != 1 || ys != 1 || region.x != 0 || region.y != 0 || region.width != w || region.height != h) {
                int dw = (region.width + xs - 1) / xs;
                int dh = (region.height + ys - 1) / ys;
                out = Raster.createInterleavedRaster(DataBuffer.TYPE_BYTE, dw, dh, dw * offsets.length,
                        offsets.length, offsets, null);
                RegionCopy.copy(full, region, xs, ys, out, new Point(0, 0), dw, dh, null);
            }
            Point at = param.getDestinationOffset();
            if (at.x != 0 || at.y != 0) {
                out = out.createWritableTranslatedChild(at.x, at.y);
            }
        }
        processImageProgress(100f);
        processImageComplete();
        return out;
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
        checkLimit(header, param);
        boolean raw = param instanceof JpegmtImageReadParam p && p.isRawSamples();
        List<ImageTypeSpecifier> types = imageTypes(header, raw);
        clearAbortRequest();
        processImageStarted(imageIndex);
        BufferedImage dest = null;
        boolean grey = header.components().size() == 1;
        if (!wholeImage(param, types.get(0))) {
            dest = getDestination(param, types.iterator(), width, height);
            int destBands = dest.getSampleModel().getNumBands();
            checkReadParamBandSettings(param, grey && destBands < 3 ? 1 : 3, destBands);
        }
        byte[] data = JpegHeaders.readRemaining(stream());
        if (abortRequested()) {
            return aborted(dest, types, width, height);
        }
        processImageProgress(10f);
        PixelImage pixels = decode(data, param);
        if (abortRequested()) {
            return aborted(dest, types, width, height);
        }
        BufferedImage decoded = toColorSpace(BufferedImages.toBufferedImage(pixels), raw ? null : icc,
                (dest != null ? dest.getColorModel() : types.get(0).getColorModel()).getColorSpace());
        if (dest == null) {
            processImageProgress(100f);
            processImageComplete();
            return decoded;
        }
        if (grey && dest.getSampleModel().getNumBands() >= 3) {
            decoded = greyToRgb(decoded);
        }
        processImageProgress(70f);
        if (!copyRegion(decoded, param, dest)) {
            processReadAborted();
            return dest;
        }
        processImageComplete();
        return dest;
    }

    private static void checkLimit(JpegInfo header, ImageReadParam param) throws IIOException {
        long maxPixels = param instanceof JpegmtImageReadParam p ? p.getMaxPixels() : DecoderOptions.DEFAULT_MAX_PIXELS;
        if ((long) header.width() * header.height() > maxPixels) {
            throw new IIOException("image of " + header.width() + "x" + header.height()
                    + " pixels exceeds the limit of " + maxPixels + " pixels");
        }
    }

    /**
     * The decoded image in the colour space it is read into. Without an embedded profile the
     * samples stay as decoded. With one, as the JDK reader: reading into the profile's own
     * colour space keeps the samples and labels them with the profile; reading into any other
     * (sRGB) converts them from the profile.
     */
    private static BufferedImage toColorSpace(BufferedImage decoded, ICC_ColorSpace profile, ColorSpace target) {
        if (profile == null) {
            return decoded;
        }
        if (target == profile) {
            ColorModel cm = ImageTypeSpecifier.createInterleaved(profile, BGR, DataBuffer.TYPE_BYTE, false, false)
                    .getColorModel();
            return new BufferedImage(cm, decoded.getRaster(), false, null);
        }
        IccProfiles.convert(decoded.getRaster(), profile, ColorSpace.getInstance(ColorSpace.CS_sRGB));
        return decoded;
    }

    /** Band offsets of {@code TYPE_3BYTE_BGR}: the decoded layout, also used for the profile's type. */
    private static final int[] BGR = {2, 1, 0};

    /** A grey image as {@code TYPE_3BYTE_BGR} with R = G = B, for RGB destinations. */
    private static BufferedImage greyToRgb(BufferedImage grey) {
        int w = grey.getWidth();
        int h = grey.getHeight();
        BufferedImage rgb = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
        byte[] src = ((DataBufferByte) grey.getRaster().getDataBuffer()).getData();
        byte[] dst = ((DataBufferByte) rgb.getRaster().getDataBuffer()).getData();
        for (int i = 0, j = 0; i < w * h; i++, j += 3) {
            dst[j] = src[i];
            dst[j + 1] = src[i];
            dst[j + 2] = src[i];
        }
        return rgb;
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

    private PixelImage decode(byte[] data, ImageReadParam param) throws IOException {
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

    /**
     * Grey: grey, then the two RGB types. Colour and CMYK: {@code TYPE_3BYTE_BGR} (sRGB), then,
     * for colour files with a valid embedded profile (unless raw samples are asked for), the
     * profile's own interleaved type, then {@code TYPE_INT_RGB}.
     */
    private List<ImageTypeSpecifier> imageTypes(JpegInfo header, boolean raw) {
        List<ImageTypeSpecifier> types = new ArrayList<>(3);
        if (header.components().size() == 1) {
            types.add(ImageTypeSpecifier.createFromBufferedImageType(BufferedImage.TYPE_BYTE_GRAY));
        }
        types.add(ImageTypeSpecifier.createFromBufferedImageType(BufferedImage.TYPE_3BYTE_BGR));
        if (icc != null && !raw) {
            types.add(ImageTypeSpecifier.createInterleaved(icc, BGR, DataBuffer.TYPE_BYTE, false, false));
        }
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
            walk = h;
            icc = IccProfiles.embedded(h.segments(), info.components().size());
            if (icc == null && info.components().size() == 3 && hasIccChunk(h.segments())) {
                processWarningOccurred("embedded ICC profile ignored: incomplete, invalid or not an RGB profile");
            }
        }
        return info;
    }

    private static boolean hasIccChunk(List<JpegHeaders.Segment> segments) {
        for (JpegHeaders.Segment s : segments) {
            if (s.marker() == NativeTree.APP2 && IccProfiles.isChunk(s.payload())) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void dispose() {
        streamStart = -1;
        info = null;
        walk = null;
        allSegments = null;
        thumbnails = null;
        icc = null;
        super.dispose();
    }
}
