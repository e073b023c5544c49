package org.jpegmt.imageio;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.MemoryCacheImageInputStream;
import org.jpegmt.core.EncoderOptions;
import org.jpegmt.core.JpegEncoder;
import org.jpegmt.core.PixelFormat;
import org.jpegmt.core.PixelImage;
import org.jpegmt.core.Subsampling;
import org.w3c.dom.Node;

/**
 * The writer's default image metadata: the native tree of what the encoder writes for the given
 * settings (JFIF, quantization tables for the quality, frame with the subsampling's factors,
 * standard Huffman tables, scan), taken from the headers of a tiny image encoded with them, so
 * it can never disagree with the encoder. As in the JDK's default metadata, the frame's size
 * is 0 x 0 and there is no restart interval (the default interval of one MCU row depends on
 * the width).
 */
final class DefaultTree {
    private DefaultTree() {
    }

    /**
     * @param grey one component instead of three
     * @param options the encoder settings the writer would use
     * @return a new native tree
     */
    static IIOMetadataNode of(boolean grey, EncoderOptions options) {
        EncoderOptions o = options.withOptimizeHuffman(false).withRestartRows(0);
        if (grey) {
            o = o.withSubsampling(Subsampling.GRAY);
        }
        PixelFormat format = grey ? PixelFormat.GRAY : PixelFormat.RGB;
        byte[] jpeg = new JpegEncoder(o).encode(PixelImage.allocate(16, 16, format));
        JpegHeaders.Header h;
        try {
            h = JpegHeaders.read(new MemoryCacheImageInputStream(new ByteArrayInputStream(jpeg)), false, true);
        } catch (IOException e) {
            throw new UncheckedIOException("reading back our own headers", e); // in memory: cannot happen
        }
        IIOMetadataNode root = NativeTree.fromSegments(h.segments());
        IIOMetadataNode sof = TreeMerge.child(TreeMerge.child(root, "markerSequence"), "sof");
        sof.setAttribute("numLines", "0");
        sof.setAttribute("samplesPerLine", "0");
        return root;
    }

    /** @return whether a tree's frame has one component */
    static boolean isGrey(Node root) {
        IIOMetadataNode seq = TreeMerge.child(root, "markerSequence");
        IIOMetadataNode sof = seq == null ? null : TreeMerge.child(seq, "sof");
        return sof != null && TreeMerge.intAttribute(sof, "numFrameComponents", 3) == 1;
    }
}
