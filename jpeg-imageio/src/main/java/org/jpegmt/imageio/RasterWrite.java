package org.jpegmt.imageio;

import java.awt.Rectangle;
import java.awt.image.Raster;
import java.util.function.Consumer;
import javax.imageio.IIOException;
import javax.imageio.ImageWriteParam;
import javax.imageio.metadata.IIOMetadataNode;
import org.jpegmt.core.EncoderOptions;
import org.jpegmt.core.internal.EncodeJob;
import org.w3c.dom.Node;

/**
 * A {@link Raster} written as the JDK's JPEG writer writes one: its 1 to 4 bands are the file's
 * components, as they are, with no colour conversion (a raster has no colour space; the samples
 * are taken to be YCbCr, CMYK, YCCK, grey... whatever the metadata says).
 *
 * <ul>
 *   <li>Without metadata: component ids 1..n, every component sampled 1x1 and coded with table
 *       slot 0 (the luminance tables), no JFIF or Adobe segment: the JDK's layout.
 *   <li>With metadata: its {@code sof} decides the component ids, the sampling of the first
 *       component (1x1, 2x1 or 2x2; the others must be 1x1) and each component's table slot
 *       (0 or 1); the metadata's component count must equal the band count, as the JDK demands.
 *       Layouts the encoder cannot code are written 1x1 (or with slot 1) with a warning.
 * </ul>
 *
 * The source region, source subsampling and source bands of the parameter apply, the region in
 * the raster's own coordinates. Quality, restart interval and optimised tables come from the
 * parameter, as for images.
 */
final class RasterWrite {
    private RasterWrite() {
    }

    /**
     * @param raster the samples, 8 bits or fewer per band
     * @param param region, subsampling, bands; may be null
     * @param tree native metadata tree, or null
     * @param options encoder settings from the parameter
     * @param warn told about layouts written otherwise than asked
     * @return the complete file, without the metadata's application segments
     * @throws IIOException for a band count outside 1..4, more than 8 bits per sample, an empty
     *     region or metadata with another component count
     */
    static byte[] encode(Raster raster, ImageWriteParam param, IIOMetadataNode tree, EncoderOptions options,
            Consumer<String> warn) throws IIOException {
        Raster source = bands(raster, param);
        int n = source.getNumBands();
        if (n < 1 || n > 4) {
            throw new IIOException("a JPEG raster has 1 to 4 bands, this one has " + n);
        }
        for (int size : source.getSampleModel().getSampleSize()) {
            if (size < 1 || size > 8) {
                throw new IIOException("a JPEG raster has 1 to 8 bits per sample, this one has " + size);
            }
        }
        Rectangle r = region(source, param);
        int xs = param == null ? 1 : param.getSourceXSubsampling();
        int ys = param == null ? 1 : param.getSourceYSubsampling();
        int w = (r.width + xs - 1) / xs;
        int h = (r.height + ys - 1) / ys;
        byte[] samples = samples(source, r, xs, ys, w, h);
        int[] ids = new int[n];
        int[] slots = new int[n];
        int[] luma = {1, 1};
        for (int c = 0; c < n; c++) {
            ids[c] = c + 1;
        }
        IIOMetadataNode sof = tree == null ? null : sof(tree);
        if (sof != null) {
            layout(sof, n, ids, slots, luma, warn);
        }
        try {
            return EncodeJob.createRaw(samples, w, h, ids, luma[0], luma[1], slots, options).encodeAll();
        } catch (IllegalArgumentException e) {
            throw new IIOException(e.getMessage(), e);
        }
    }

    private static Raster bands(Raster raster, ImageWriteParam param) throws IIOException {
        int[] bands = param == null ? null : param.getSourceBands();
        if (bands == null) {
            return raster;
        }
        for (int b : bands) {
            if (b < 0 || b >= raster.getNumBands()) {
                throw new IIOException("source band " + b + " outside the raster's " + raster.getNumBands() + " bands");
            }
        }
        return raster.createChild(raster.getMinX(), raster.getMinY(), raster.getWidth(), raster.getHeight(),
                raster.getMinX(), raster.getMinY(), bands);
    }

    /**
     * The source region (in raster coordinates) clipped to the raster, after the subsampling
     * offsets; for images too ({@link JpegmtImageWriter}).
     */
    static Rectangle region(Raster raster, ImageWriteParam param) throws IIOException {
        Rectangle r = raster.getBounds();
        if (param == null) {
            return r;
        }
        if (param.getSourceRegion() != null) {
            r = r.intersection(param.getSourceRegion());
        }
        r.x += param.getSubsamplingXOffset();
        r.y += param.getSubsamplingYOffset();
        r.width -= param.getSubsamplingXOffset();
        r.height -= param.getSubsamplingYOffset();
        if (r.width <= 0 || r.height <= 0) {
            throw new IIOException("the source region " + param.getSourceRegion() + " leaves nothing to write");
        }
        return r;
    }

    /** The selected samples, bands interleaved, one byte each. */
    private static byte[] samples(Raster raster, Rectangle r, int xs, int ys, int w, int h) {
        int n = raster.getNumBands();
        byte[] out = new byte[w * h * n];
        int[] row = new int[r.width * n];
        for (int y = 0; y < h; y++) {
            raster.getPixels(r.x, r.y + y * ys, r.width, 1, row);
            int o = y * w * n;
            for (int x = 0; x < w; x++) {
                int s = x * xs * n;
                for (int c = 0; c < n; c++) {
                    out[o++] = (byte) row[s + c];
                }
            }
        }
        return out;
    }

    private static IIOMetadataNode sof(IIOMetadataNode tree) {
        IIOMetadataNode seq = TreeMerge.child(tree, "markerSequence");
        return seq == null ? null : TreeMerge.child(seq, "sof");
    }

    /** Component ids, first component's sampling and table slots from the metadata's frame. */
    private static void layout(IIOMetadataNode sof, int n, int[] ids, int[] slots, int[] luma, Consumer<String> warn)
            throws IIOException {
        int count = 0;
        for (Node c = sof.getFirstChild(); c != null; c = c.getNextSibling()) {
            count++;
        }
        if (count != n) {
            throw new IIOException("Metadata components != number of destination bands (" + count + " != " + n + ")");
        }
        int c = 0;
        boolean otherSampling = false;
        for (Node spec = sof.getFirstChild(); spec != null; spec = spec.getNextSibling(), c++) {
            ids[c] = TreeMerge.intAttribute(spec, "componentId", c + 1);
            int slot = TreeMerge.intAttribute(spec, "QtableSelector", 0);
            if (slot != 0 && slot != 1) {
                warn.accept("component " + c + ": quantization table " + slot + " written as table 1");
            }
            slots[c] = slot == 0 ? 0 : 1;
            int hs = TreeMerge.intAttribute(spec, "HsamplingFactor", 1);
            int vs = TreeMerge.intAttribute(spec, "VsamplingFactor", 1);
            if (c == 0) {
                luma[0] = hs;
                luma[1] = vs;
            } else {
                otherSampling |= hs != 1 || vs != 1;
            }
        }
        boolean supported = luma[0] == 1 && luma[1] == 1 || n > 1 && luma[0] == 2 && (luma[1] == 1 || luma[1] == 2);
        if (otherSampling || !supported) {
            warn.accept("sampling factors of the metadata are not supported by the jpegmt encoder: written 1x1");
            luma[0] = 1;
            luma[1] = 1;
        }
    }
}
