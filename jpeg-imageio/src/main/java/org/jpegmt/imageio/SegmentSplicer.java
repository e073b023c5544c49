package org.jpegmt.imageio;

import java.awt.color.ICC_Profile;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import javax.imageio.metadata.IIOMetadataNode;
import org.w3c.dom.Node;

/**
 * Puts the application segments of image metadata into an encoded file: the encoder's own JFIF
 * APP0 is replaced by the metadata's {@code app0JFIF} (or dropped when the metadata has none,
 * as for EXIF files), followed by its {@code app2ICC} profile as APP2 chunks, then every
 * {@code unknown} APPn and every {@code com} node in tree order, all before the encoder's
 * tables. Tables, frame, scan and restart interval are not taken from the metadata: the
 * encoder's settings decide those. The {@code app14Adobe} node is written only for a raster,
 * whose samples are written as they are: for an image the writer's YCbCr is what the file holds.
 */
final class SegmentSplicer {
    private SegmentSplicer() {
    }

    private static final int MAX_PAYLOAD = 0xFFFF - 2;

    /**
     * @param encoded a file as the encoder wrote it (SOI, JFIF APP0, tables...)
     * @param root the native tree to take the segments from
     * @param warn told about nodes that cannot be written
     * @param adobe true to write the {@code app14Adobe} node (raster writes), in tree order
     * @return the file with the metadata's segments
     */
    static byte[] splice(byte[] encoded, IIOMetadataNode root, Consumer<String> warn, boolean adobe) {
        int rest = 2;
        if ((encoded[2] & 0xFF) == 0xFF && (encoded[3] & 0xFF) == NativeTree.APP0) {
            rest = 4 + NativeTree.u16(encoded, 4); // the encoder's JFIF segment
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(encoded.length + 4096);
        out.write(0xFF);
        out.write(0xD8);
        IIOMetadataNode variety = TreeMerge.child(root, "JPEGvariety");
        IIOMetadataNode jfif = variety == null ? null : TreeMerge.child(variety, "app0JFIF");
        if (jfif != null) {
            segment(out, NativeTree.APP0, jfifPayload(jfif));
            IIOMetadataNode icc = TreeMerge.child(jfif, "app2ICC");
            ICC_Profile profile = icc == null ? null : NativeTree.profile(icc);
            if (profile != null) {
                for (byte[] chunk : IccProfiles.chunks(profile)) {
                    segment(out, NativeTree.APP2, chunk);
                }
            }
        }
        IIOMetadataNode seq = TreeMerge.child(root, "markerSequence");
        for (Node c = seq == null ? null : seq.getFirstChild(); c != null; c = c.getNextSibling()) {
            IIOMetadataNode n = (IIOMetadataNode) c;
            if (n.getNodeName().equals("unknown")) {
                int tag = TreeMerge.intAttribute(n, "MarkerTag", -1);
                if (tag < 0xE0 || tag > 0xEF || !(n.getUserObject() instanceof byte[] data)) {
                    warn.accept("metadata segment with marker " + tag + " not written: only APPn segments with data are");
                } else if (data.length > MAX_PAYLOAD) {
                    warn.accept("APP" + (tag - 0xE0) + " segment of " + data.length + " bytes not written: too long");
                } else {
                    segment(out, tag, data);
                }
            } else if (adobe && n.getNodeName().equals("app14Adobe")) {
                segment(out, NativeTree.APP14, adobePayload(n));
            } else if (n.getNodeName().equals("com")) {
                byte[] data = n.getUserObject() instanceof byte[] b ? b
                        : n.getAttribute("comment").getBytes(StandardCharsets.ISO_8859_1);
                if (data.length > MAX_PAYLOAD) {
                    warn.accept("COM segment of " + data.length + " bytes not written: too long");
                } else {
                    segment(out, NativeTree.COM, data);
                }
            }
        }
        out.write(encoded, rest, encoded.length - rest);
        return out.toByteArray();
    }

    /** JFIF APP0 from the node's attributes (version 1.01, no units, 1:1 when absent); no thumbnail. */
    private static byte[] jfifPayload(IIOMetadataNode jfif) {
        int xd = TreeMerge.intAttribute(jfif, "Xdensity", 1);
        int yd = TreeMerge.intAttribute(jfif, "Ydensity", 1);
        return new byte[] {'J', 'F', 'I', 'F', 0,
            (byte) TreeMerge.intAttribute(jfif, "majorVersion", 1),
            (byte) TreeMerge.intAttribute(jfif, "minorVersion", 1),
            (byte) TreeMerge.intAttribute(jfif, "resUnits", 0),
            (byte) (xd >> 8), (byte) xd, (byte) (yd >> 8), (byte) yd, 0, 0};
    }

    /** Adobe APP14 from the node's attributes (version 100, flags 0, transform 0 when absent). */
    private static byte[] adobePayload(IIOMetadataNode adobe) {
        int version = TreeMerge.intAttribute(adobe, "version", 100);
        int flags0 = TreeMerge.intAttribute(adobe, "flags0", 0);
        int flags1 = TreeMerge.intAttribute(adobe, "flags1", 0);
        return new byte[] {'A', 'd', 'o', 'b', 'e', (byte) (version >> 8), (byte) version,
            (byte) (flags0 >> 8), (byte) flags0, (byte) (flags1 >> 8), (byte) flags1,
            (byte) TreeMerge.intAttribute(adobe, "transform", 0)};
    }

    /** Writes one marker segment: marker, length, payload. */
    static void segment(ByteArrayOutputStream out, int marker, byte[] payload) {
        int len = payload.length + 2;
        out.write(0xFF);
        out.write(marker);
        out.write(len >> 8);
        out.write(len & 0xFF);
        out.write(payload, 0, payload.length);
    }
}
