package org.jpegmt.imageio;

import javax.imageio.metadata.IIOMetadataNode;
import org.w3c.dom.Node;

/**
 * The standard metadata tree ({@code javax_imageio_1.0}) derived from a native tree, with the
 * values the JDK's JPEG plugin gives: colour space and channel count from the frame and the
 * JFIF/Adobe markers (and alpha where the JDK infers it), JPEG compression with the number of
 * scans, pixel aspect ratio and size from JFIF, COM segments as text entries.
 */
final class StandardTree {
    private StandardTree() {
    }

    static IIOMetadataNode chroma(IIOMetadataNode root) {
        IIOMetadataNode sof = sof(root);
        if (sof == null) {
            return null;
        }
        IIOMetadataNode chroma = new IIOMetadataNode("Chroma");
        IIOMetadataNode type = new IIOMetadataNode("ColorSpaceType");
        String name = colorSpace(root, sof);
        if (name != null) {
            type.setAttribute("name", name);
        }
        chroma.appendChild(type);
        IIOMetadataNode num = new IIOMetadataNode("NumChannels");
        num.setAttribute("value", Integer.toString(sof.getLength()));
        chroma.appendChild(num);
        return chroma;
    }

    /** {@code Transparency/Alpha} for the files the JDK takes to carry alpha, else null. */
    static IIOMetadataNode transparency(IIOMetadataNode root) {
        IIOMetadataNode sof = sof(root);
        if (sof == null || !hasAlpha(root, sof)) {
            return null;
        }
        IIOMetadataNode transparency = new IIOMetadataNode("Transparency");
        transparency.appendChild(value("Alpha", "nonpremultiplied"));
        return transparency;
    }

    private static IIOMetadataNode sof(IIOMetadataNode root) {
        IIOMetadataNode seq = TreeMerge.child(root, "markerSequence");
        return seq == null ? null : TreeMerge.child(seq, "sof");
    }

    /**
     * The JDK's colour space names, in its order of evidence: a JFIF segment (grey or YCbCr),
     * else an Adobe segment's transform (no name for a transform it does not know), else the
     * component count and ids (1, 2, 3: YCbCr; R, G, B: RGB; Y, C, c: PhotoYCC), else the
     * sampling (subsampled: YCbCr; not: RGB or CMYK).
     */
    private static String colorSpace(IIOMetadataNode root, IIOMetadataNode sof) {
        int channels = sof.getLength();
        if (jfif(root)) {
            return channels == 1 ? "GRAY" : "YCbCr";
        }
        IIOMetadataNode adobe = adobe(root);
        if (adobe != null) {
            switch (TreeMerge.intAttribute(adobe, "transform", -1)) {
                case 2:
                    return "YCCK";
                case 1:
                    return "YCbCr";
                case 0:
                    return channels == 3 ? "RGB" : channels == 4 ? "CMYK" : null;
                default:
                    return null;
            }
        }
        if (channels < 3) {
            return "GRAY";
        }
        if (ids(sof, 1, 2, 3)) {
            return "YCbCr";
        }
        if (ids(sof, 'R', 'G', 'B')) {
            return "RGB";
        }
        if (ids(sof, 'Y', 'C', 'c')) {
            return "PhotoYCC";
        }
        if (subsampled(sof)) {
            return "YCbCr";
        }
        return channels == 3 ? "RGB" : "CMYK";
    }

    /** Where the JDK's colour space rules end in a fourth (or, for two channels, second) channel that is alpha. */
    private static boolean hasAlpha(IIOMetadataNode root, IIOMetadataNode sof) {
        int channels = sof.getLength();
        if (jfif(root) || adobe(root) != null) {
            return false;
        }
        if (channels < 3) {
            return channels == 2;
        }
        if (ids(sof, 1, 2, 3)) {
            return channels == 4;
        }
        if (ids(sof, 'R', 'G', 'B') || ids(sof, 'Y', 'C', 'c')) {
            return channels == 4 && componentId(sof, 3) == 'A';
        }
        return subsampled(sof) && channels == 4;
    }

    private static boolean jfif(IIOMetadataNode root) {
        IIOMetadataNode variety = TreeMerge.child(root, "JPEGvariety");
        return variety != null && TreeMerge.child(variety, "app0JFIF") != null;
    }

    private static IIOMetadataNode adobe(IIOMetadataNode root) {
        return TreeMerge.child(TreeMerge.child(root, "markerSequence"), "app14Adobe");
    }

    private static boolean ids(IIOMetadataNode sof, int a, int b, int c) {
        return componentId(sof, 0) == a && componentId(sof, 1) == b && componentId(sof, 2) == c;
    }

    private static int componentId(IIOMetadataNode sof, int index) {
        Node spec = sof.getChildNodes().item(index);
        return spec == null ? -1 : TreeMerge.intAttribute(spec, "componentId", -1);
    }

    /** Whether any component's sampling factors differ from the first's. */
    private static boolean subsampled(IIOMetadataNode sof) {
        Node first = sof.getFirstChild();
        for (Node c = first == null ? null : first.getNextSibling(); c != null; c = c.getNextSibling()) {
            if (TreeMerge.intAttribute(c, "HsamplingFactor", 0) != TreeMerge.intAttribute(first, "HsamplingFactor", 0)
                    || TreeMerge.intAttribute(c, "VsamplingFactor", 0) != TreeMerge.intAttribute(first, "VsamplingFactor", 0)) {
                return true;
            }
        }
        return false;
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
