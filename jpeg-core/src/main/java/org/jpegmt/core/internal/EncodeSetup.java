package org.jpegmt.core.internal;

import org.jpegmt.core.EncoderOptions;
import org.jpegmt.core.PixelFormat;
import org.jpegmt.core.PixelImage;
import org.jpegmt.core.Subsampling;

/**
 * What an {@link EncodeJob} knows about its image once the options are applied and that never
 * changes afterwards, whichever Huffman tables it codes with: the frame it writes (SOF0, 8-bit,
 * component ids 1, 2, 3 with luma in table slot 0 and chroma in slot 1, as cjpeg writes them),
 * the scan's MCU grid and restart intervals, and the quantisation tables.
 *
 * <p>The encoder uses a component's slot {@code tq} for its quantisation table and for both
 * its Huffman tables.
 *
 * @param samples the pixels, {@code bands} interleaved bytes per pixel, rows of
 *     {@code frame.width()} pixels
 * @param bands bytes per pixel: 1 (grey), 3 (RGB) or, for raw components, 1..4
 * @param convert true for RGB pixels converted to YCbCr (or to Y only); false when band
 *     {@code c} is component {@code c}'s samples as they are (grey input, raw components)
 * @param jfif true to write the JFIF APP0 after SOI (false for raw components, whose colour
 *     space is the caller's business)
 * @param frame the frame header written to the file; all geometry comes from it
 * @param grid the MCU grid and restart-interval arithmetic of the one scan of every component
 * @param restartInterval value of the DRI segment, 0 for none
 * @param quant quantisation tables per slot, natural order
 * @param quantizers per slot: see {@link Fdct#quantizer}
 */
record EncodeSetup(byte[] samples, int bands, boolean convert, boolean jfif, FrameHeader frame, McuGrid grid,
        int restartInterval, int[][] quant, long[][] quantizers) {

    /**
     * @param image RGB or GRAY pixels, at most 65535x65535 (checked by the caller)
     * @param options encoder settings
     * @return the setup: GRAY input or {@link Subsampling#GRAY} give one component
     */
    static EncodeSetup of(PixelImage image, EncoderOptions options) {
        boolean grey = image.format() == PixelFormat.GRAY || options.subsampling() == Subsampling.GRAY;
        FrameHeader.Component[] comps;
        if (grey) {
            comps = new FrameHeader.Component[] {new FrameHeader.Component(1, 1, 1, 0)};
        } else {
            Subsampling s = options.subsampling();
            comps = new FrameHeader.Component[] {
                new FrameHeader.Component(1, s.lumaH(), s.lumaV(), 0),
                new FrameHeader.Component(2, 1, 1, 1),
                new FrameHeader.Component(3, 1, 1, 1),
            };
        }
        boolean rgb = image.format() == PixelFormat.RGB;
        return build(image.data(), image.format().channels(), rgb, true,
                new FrameHeader(Markers.SOF0, 8, image.height(), image.width(), comps), options);
    }

    /**
     * Raw components: band {@code c} of {@code samples} is coded as frame component {@code c}
     * without colour conversion, no JFIF APP0 (see {@link EncodeJob#createRaw}).
     *
     * @param samples {@code comps.length} interleaved bytes per pixel
     * @param width pixels per row
     * @param height rows
     * @param comps the frame components, checked by the caller
     * @param options quality, restart interval (subsampling is the components')
     * @return the setup
     */
    static EncodeSetup raw(byte[] samples, int width, int height, FrameHeader.Component[] comps,
            EncoderOptions options) {
        return build(samples, comps.length, false, false, new FrameHeader(Markers.SOF0, 8, height, width, comps), options);
    }

    private static EncodeSetup build(byte[] samples, int bands, boolean convert, boolean jfif, FrameHeader frame,
            EncoderOptions options) {
        FrameHeader.Component[] comps = frame.components();
        int[] scan = new int[comps.length]; // one scan of every component
        for (int c = 0; c < scan.length; c++) {
            scan[c] = c;
        }
        // MCUs per row: the frame's interleaved grid, and for one component (Hmax = 1) its blocks per row
        int dri = restartInterval(options, frame.mcusX());
        McuGrid grid = McuGrid.forScan(frame, scan, dri);
        int slots = 1;
        for (FrameHeader.Component c : comps) {
            slots = Math.max(slots, c.tq() + 1);
        }
        int[][] quant = new int[slots][];
        long[][] quantizers = new long[slots][];
        quant[0] = QuantTables.luminance(options.quality());
        if (slots > 1) {
            quant[1] = QuantTables.chrominance(options.quality());
        }
        for (int t = 0; t < slots; t++) {
            quantizers[t] = Fdct.quantizer(quant[t]);
        }
        return new EncodeSetup(samples, bands, convert, jfif, frame, grid, dri, quant, quantizers);
    }

    /** @return the DRI value: MCU rows times MCUs per row clamped to 65535, or MCUs; 0 for none */
    private static int restartInterval(EncoderOptions options, int mcusPerRow) {
        if (options.restartInterval() == 0) {
            return 0;
        }
        if (options.restartUnit() == EncoderOptions.RestartUnit.MCU_ROWS) {
            return (int) Math.min(65535L, (long) options.restartInterval() * mcusPerRow);
        }
        return options.restartInterval();
    }

    /** @return number of table slots (1 for grey, 2 for YCbCr; raw components: highest tq + 1) */
    int slots() {
        return quant.length;
    }

    /**
     * Rows component {@code c} has before it is extended downward by repetition: cjpeg pads the
     * image to whole groups of Vmax pixel rows and downsamples every group, so it has
     * {@code ceil(Y / Vmax) * v} rows, which may exceed its real height {@link FrameHeader#dh}.
     *
     * @param c frame index of the component
     * @return the component rows that come from pixel rows
     */
    int availRows(int c) {
        return FrameHeader.ceilDiv(frame.height(), frame.vmax()) * frame.components()[c].v();
    }
}
