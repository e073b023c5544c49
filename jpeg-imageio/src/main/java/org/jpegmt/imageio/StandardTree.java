package org.jpegmt.imageio;

import javax.imageio.metadata.IIOMetadataNode;
import org.w3c.dom.Node;

/**
 * The standard metadata tree ({@code javax_imageio_1.0}) derived from a native tree, with the
 * values the JDK's JPEG plugin gives: colour space and channel count from the frame and the
 * JFIF/Adobe markers, JPEG compression, pixel aspect ratio and size from JFIF, COM segments as
 * text entries.
 */
final class StandardTree {
    private StandardTree() {
    }

    static IIOMetadataNode chroma(IIOMetadataNode root) {
        IIOMetadataNode seq = TreeMerge.child(root, "markerSequence");
        IIOMetadataNode sof = seq == null ? null : TreeMerge.child(seq, "sof");
        if (sof == null) {
            return null;
        }
        int channels = TreeMerge.intAttribute(sof, "numFrameComponents", 0);
        IIOMetadataNode chroma = new IIOMetadataNode("Chroma");
        IIOMetadataNode type = new IIOMetadataNode("ColorSpaceType");
        type.setAttribute("name", colorSpace(root, seq, sof, channels));
        chroma.appendChild(type);
        IIOMetadataNode num = new IIOMetadataNode("NumChannels");
        num.setAttribute("value", Integer.toString(channels));
        chroma.appendChild(num);
        return chroma;
    }

    /** libjpeg's guess of the file's colour space, which the decoder follows too. */
    private static String colorSpace(IIOMetadataNode root, IIOMetadataNode seq, IIOMetadataNode sof, int channels) {
        IIOMetadataNode variety = TreeMerge.child(root, "JPEGvariety");
        boolean jfif = variety != null && TreeMerge.child(variety, "app0JFIF") != null;
        IIOMetadataNode adobe = TreeMerge.child(seq, "app14Adobe");
        int transform = adobe == null ? -1 : TreeMerge.intAttribute(adobe, "transform", 0);
        switch (channels) {
            case 1:
                return "GRAY";
            case 3:
                if (jfif) {
                    return "YCbCr";
                }
                if (transform >= 0) {
                    return transform == 0 ? "RGB" : "YCbCr";
                }
                return isRgbIds(sof) ? "RGB" : "YCbCr";
            case 4:
                return transform == 2 ? "YCCK" : "CMYK";
            default:
                return channels == 2 ? "2CLR" : Integer.toHexString(channels).toUpperCase() + "CLR";
        }
    }

    private static boolean isRgbIds(IIOMetadataNode sof) {
        int[] ids = new int[3];
        int i = 0;
        for (Node c = sof.getFirstChild(); c != null && i < 3; c = c.getNextSibling()) {
            ids[i++] = TreeMerge.intAttribute(c, "componentId", 0);
        }
        return ids[0] == 'R' && ids[1] == 'G' && ids[2] == 'B';
    }

    static IIOMetadataNode compression(IIOMetadataNode root) {
        IIOMetadataNode c = new IIOMetadataNode("Compression");
        c.appendChild(value("CompressionTypeName", "JPEG"));
        c.appendChild(value("Lossless", "FALSE"));
        IIOMetadataNode seq = TreeMerge.child(root, "markerSequence");
        int scans = seq == null ? 0 : seq.getElementsByTagName("sos").getLength();
        c.appendChild(value("NumProgressiveScans", Integer.toString(Math.max(1, scans))));
        return c;
    }

    static IIOMetadataNode dimension(IIOMetadataNode root) {
        IIOMetadataNode dim = new IIOMetadataNode("Dimension");
        IIOMetadataNode variety = TreeMerge.child(root, "JPEGvariety");
        IIOMetadataNode jfif = variety == null ? null : TreeMerge.child(variety, "app0JFIF");
        if (jfif != null) {
            int units = TreeMerge.intAttribute(jfif, "resUnits", 0);
            int xd = TreeMerge.intAttribute(jfif, "Xdensity", 1);
            int yd = TreeMerge.intAttribute(jfif, "Ydensity", 1);
            if (xd > 0 && yd > 0) {
                // as the JDK: with no units the densities are an aspect ratio X:Y
                float aspect = units == 0 ? (float) xd / yd : (float) yd / xd;
                dim.appendChild(value("PixelAspectRatio", Float.toString(aspect)));
            }
            dim.appendChild(value("ImageOrientation", "normal"));
            if (units == 1 || units == 2) {
                float mm = units == 1 ? 25.4f : 10f;
                if (xd > 0 && yd > 0) {
                    dim.appendChild(value("HorizontalPixelSize", Float.toString(mm / xd)));
                    dim.appendChild(value("VerticalPixelSize", Float.toString(mm / yd)));
                }
            }
        } else {
            dim.appendChild(value("ImageOrientation", "normal"));
        }
        return dim;
    }

    static IIOMetadataNode text(IIOMetadataNode root) {
        IIOMetadataNode seq = TreeMerge.child(root, "markerSequence");
        if (seq == null) {
            return null;
        }
        IIOMetadataNode text = null;
        for (Node c = seq.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c.getNodeName().equals("com")) {
                if (text == null) {
                    text = new IIOMetadataNode("Text");
                }
                IIOMetadataNode entry = new IIOMetadataNode("TextEntry");
                entry.setAttribute("keyword", "comment");
                entry.setAttribute("value", ((IIOMetadataNode) c).getAttribute("comment"));
                text.appendChild(entry);
            }
        }
        return text;
    }

    private static IIOMetadataNode value(String name, String value) {
        IIOMetadataNode n = new IIOMetadataNode(name);
        n.setAttribute("value", value);
        return n;
    }
}
