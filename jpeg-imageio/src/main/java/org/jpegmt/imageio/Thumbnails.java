package org.jpegmt.imageio;

import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.DataBufferByte;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.IIOException;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import org.jpegmt.core.JpegDecoder;
import org.jpegmt.core.JpegException;
import org.jpegmt.core.JpegInfo;
import org.jpegmt.core.awt.BufferedImages;

/**
 * The thumbnails the JDK's JPEG reader exposes: the RGB thumbnail inside the JFIF APP0 segment
 * (JFIF 1.02 section "JFIF APP0 marker"), then one per JFXX extension APP0 segment (JFIF 1.02
 * "JFIF extension APP0 marker"): code 0x10 a JPEG stream, 0x11 one byte per pixel into a
 * 256-entry RGB palette, 0x13 three bytes per pixel. JFXX segments count only after a JFIF
 * APP0, as for the JDK (which refuses the metadata of a file with JFXX but no JFIF; here they
 * stay {@code unknown} nodes). EXIF (APP1) thumbnails are not exposed, as by the JDK.
 *
 * <p>A JFXX segment with another extension code or fewer bytes than its size needs is no
 * thumbnail (an {@code unknown} node in the metadata); the JDK reader fails on the first and
 * reads past the segment on the second.
 */
final class Thumbnails {
    private Thumbnails() {
    }

    static final int JPEG = 0x10;
    static final int PALETTE = 0x11;
    static final int RGB = 0x13;
    /** Extension code of the RGB thumbnail inside the JFIF APP0 segment itself (not a JFXX code). */
    static final int JFIF = -1;

    private static final int JFXX_HEADER = 6; // "JFXX\0" + extension code
    private static final int PALETTE_BYTES = 768;

    /** Thumbnail headers only: no pixel limit (a thumbnail is small, its decode is the limit). */
    private static final JpegDecoder HEADERS = new JpegDecoder(
            org.jpegmt.core.DecoderOptions.defaults().withMaxPixels(Long.MAX_VALUE));

    /**
     * One thumbnail.
     *
     * @param kind {@link #JFIF}, {@link #JPEG}, {@link #PALETTE} or {@link #RGB}
     * @param width width in pixels
     * @param height height in pixels
     * @param payload the APP0 segment's payload
     */
    record Thumbnail(int kind, int width, int height, byte[] payload) {
        /** @return the thumbnail as the JDK reader gives it (RGB and palette: custom types) */
        BufferedImage read() throws IIOException {
            return switch (kind) {
                case JFIF -> rgb(payload, 14, width, height);
                case RGB -> rgb(payload, JFXX_HEADER + 2, width, height);
                case PALETTE -> palette(payload, width, height);
                default -> jpeg(payload);
            };
        }
    }

    /**
     * @param segments the header's segments in stream order
     * @return the thumbnails, JFIF's own first, then the JFXX ones in stream order
     */
    static List<Thumbnail> find(List<JpegHeaders.Segment> segments) {
        List<Thumbnail> out = new ArrayList<>();
        boolean jfif = false;
        boolean first = true;
        for (JpegHeaders.Segment s : segments) {
            byte[] p = s.payload();
            if (s.marker() == NativeTree.APP0 && first && NativeTree.isJfif(p)) {
                jfif = true;
                int w = p[12] & 0xFF;
                int h = p[13] & 0xFF;
                if (w * h > 0 && p.length >= 14 + 3 * w * h) {
                    out.add(new Thumbnail(JFIF, w, h, p));
                }
            } else if (s.marker() == NativeTree.APP0 && jfif) {
                Thumbnail t = jfxx(p);
                if (t != null) {
                    out.add(t);
                }
            }
            first = false;
        }
        return out;
    }

    /** The JDK writer's shortfall: its JFXX palette and RGB segments say 2 bytes less than they hold. */
    private static final int JDK_SHORTFALL = 2;

    /**
     * The JDK's writer gives its JFXX palette and RGB thumbnail segments a length 2 bytes short
     * of the thumbnail's data (it writes the data in full, so 2 bytes follow the segment before
     * the next marker), and the JDK's reader reads the thumbnail's size in bytes whatever the
     * length says. So that such files show the JDK's thumbnails here too, a JFXX payload that
     * lacks 1 or 2 bytes takes them from the stream, unless one of them is 0xFF (a marker: then
     * the stream is left as it was and the segment is no thumbnail).
     *
     * @param p an APP0 payload
     * @param in the stream, right after the payload
     * @return {@code p}, or {@code p} with the bytes its thumbnail lacked
     * @throws IOException if reading fails
     */
    static byte[] completeJfxx(byte[] p, ImageInputStream in) throws IOException {
        int needed = isJfxx(p) ? pixelBytes(p) : -1;
        int missing = needed - p.length;
        if (needed < 0 || missing <= 0 || missing > JDK_SHORTFALL) {
            return p;
        }
        long mark = in.getStreamPosition();
        byte[] out = java.util.Arrays.copyOf(p, needed);
        for (int i = p.length; i < needed; i++) {
            int b = in.read();
            if (b < 0 || b == 0xFF) {
                in.seek(mark);
                return p;
            }
            out[i] = (byte) b;
        }
        return out;
    }

    /** @return true for the payload of a JFXX APP0 segment that holds a readable thumbnail */
    static boolean isJfxxThumbnail(byte[] p) {
        return jfxx(p) != null;
    }

    /** The JFXX thumbnail in {@code p}, or null if {@code p} is none (see the class comment). */
    private static Thumbnail jfxx(byte[] p) {
        if (!isJfxx(p)) {
            return null;
        }
        int code = p[5] & 0xFF;
        if (code == JPEG) {
            try {
                JpegInfo info = HEADERS.readInfo(java.util.Arrays.copyOfRange(p, JFXX_HEADER, p.length));
                return new Thumbnail(JPEG, info.width(), info.height(), p);
            } catch (JpegException e) {
                return null;
            }
        }
        int needed = pixelBytes(p);
        if (needed < 0 || p.length < needed) {
            return null;
        }
        return new Thumbnail(code, p[JFXX_HEADER] & 0xFF, p[JFXX_HEADER + 1] & 0xFF, p);
    }

    private static boolean isJfxx(byte[] p) {
        return p.length >= JFXX_HEADER && p[0] == 'J' && p[1] == 'F' && p[2] == 'X' && p[3] == 'X' && p[4] == 0;
    }

    /**
     * @param p a JFXX payload
     * @return the payload length a palette or RGB thumbnail of its size needs, -1 for other
     *     extension codes, a missing size or a size of 0
     */
    private static int pixelBytes(byte[] p) {
        int code = p[5] & 0xFF;
        if (p.length < JFXX_HEADER + 2 || code != RGB && code != PALETTE) {
            return -1;
        }
        int pixels = (p[JFXX_HEADER] & 0xFF) * (p[JFXX_HEADER + 1] & 0xFF);
        return pixels == 0 ? -1 : JFXX_HEADER + 2 + (code == RGB ? 3 * pixels : PALETTE_BYTES + pixels);
    }

    /**
     * The {@code app0JFXX} node of a JFXX thumbnail segment, as the JDK's tree shows it:
     * {@code extensionCode}, and a {@code JFIFthumbJPEG} (with the embedded stream's
     * {@code markerSequence}), {@code JFIFThumbPalette} or {@code JFIFthumbRGB} child.
     *
     * @param p the payload, for which {@link #isJfxxThumbnail} is true
     */
    static IIOMetadataNode jfxxNode(byte[] p) {
        Thumbnail t = jfxx(p);
        IIOMetadataNode node = NativeTree.node("app0JFXX", "extensionCode", t.kind());
        IIOMetadataNode child;
        if (t.kind() == JPEG) {
            child = new IIOMetadataNode("JFIFthumbJPEG");
            child.appendChild(embeddedSequence(p));
        } else {
            child = new IIOMetadataNode(t.kind() == RGB ? "JFIFthumbRGB" : "JFIFThumbPalette");
            child.setAttribute("thumbWidth", Integer.toString(t.width()));
            child.setAttribute("thumbHeight", Integer.toString(t.height()));
        }
        node.appendChild(child);
        return node;
    }

    /** The embedded JPEG's marker segments up to its SOS (its own JFIF segment left out, as by the JDK). */
    private static IIOMetadataNode embeddedSequence(byte[] p) {
        List<JpegHeaders.Segment> segments = List.of();
        try (ImageInputStream in = new MemoryCacheImageInputStream(
                new ByteArrayInputStream(p, JFXX_HEADER, p.length - JFXX_HEADER))) {
            JpegHeaders.Header h = JpegHeaders.read(in, false, true);
            if (h != null) {
                segments = h.segments();
            }
        } catch (IOException e) {
            // a thumbnail cut short: the segments read so far are lost, an empty sequence is shown
        }
        return TreeMerge.child(NativeTree.fromSegments(segments), "markerSequence");
    }

    /** Three bytes per pixel, R G B, as an sRGB image with bands in that order (the JDK's type). */
    private static BufferedImage rgb(byte[] p, int offset, int w, int h) {
        byte[] data = java.util.Arrays.copyOfRange(p, offset, offset + 3 * w * h);
        WritableRaster raster = Raster.createInterleavedRaster(new DataBufferByte(data, data.length), w, h, 3 * w, 3,
                new int[] {0, 1, 2}, null);
        ColorModel cm = new ComponentColorModel(ColorSpace.getInstance(ColorSpace.CS_sRGB), false, false,
                Transparency.OPAQUE, DataBuffer.TYPE_BYTE);
        return new BufferedImage(cm, raster, false, null);
    }

    /** A 256-entry RGB palette, then one index per pixel. */
    private static BufferedImage palette(byte[] p, int w, int h) {
        int at = JFXX_HEADER + 2;
        IndexColorModel cm = new IndexColorModel(8, 256, p, at, false);
        byte[] data = java.util.Arrays.copyOfRange(p, at + PALETTE_BYTES, at + PALETTE_BYTES + w * h);
        WritableRaster raster = Raster.createInterleavedRaster(new DataBufferByte(data, data.length), w, h, w, 1,
                new int[] {0}, null);
        return new BufferedImage(cm, raster, false, null);
    }

    /** The embedded JPEG stream decoded by jpeg-core (as djpeg decodes it). */
    private static BufferedImage jpeg(byte[] p) throws IIOException {
        try {
            return BufferedImages.toBufferedImage(
                    new JpegDecoder().decode(java.util.Arrays.copyOfRange(p, JFXX_HEADER, p.length)));
        } catch (JpegException e) {
            throw new IIOException("JFXX JPEG thumbnail: " + e.getMessage(), e);
        }
    }
}
