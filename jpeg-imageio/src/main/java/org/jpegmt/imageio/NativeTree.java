package org.jpegmt.imageio;

import java.awt.color.ICC_Profile;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.plugins.jpeg.JPEGHuffmanTable;
import javax.imageio.plugins.jpeg.JPEGQTable;

/**
 * Builds the JDK's native JPEG image metadata tree ({@value #FORMAT}) from the marker segments
 * of a file: {@code JPEGvariety/app0JFIF} (with a {@code JFXX} child holding one
 * {@code app0JFXX} per JFXX thumbnail segment, see {@link Thumbnails}, and {@code app2ICC} when
 * the file has both JFIF and an ICC profile), then {@code markerSequence} with one node per segment in file order:
 * {@code dqt}, {@code dht}, {@code dri}, {@code com}, {@code app14Adobe}, {@code sof},
 * {@code sos} and {@code unknown} (every other segment, its payload as the user object). Names,
 * attributes and user objects are those of the JDK's format, so code written against the JDK
 * reader's metadata (EXIF lookups, PDFBox's component count) reads this tree the same way.
 */
final class NativeTree {
    private NativeTree() {
    }

    /** Name of the native image metadata format, shared with the JDK's JPEG plugin. */
    static final String FORMAT = "javax_imageio_jpeg_image_1.0";

    static final int APP0 = 0xE0;
    static final int APP2 = 0xE2;
    static final int APP14 = 0xEE;
    static final int COM = 0xFE;

    /** T.81 Figure A.6: position in the stream (zig-zag order) of each natural-order coefficient. */
    static final int[] ZIGZAG = {
        0, 1, 5, 6, 14, 15, 27, 28, 2, 4, 7, 13, 16, 26, 29, 42,
        3, 8, 12, 17, 25, 30, 41, 43, 9, 11, 18, 24, 31, 40, 44, 53,
        10, 19, 23, 32, 39, 45, 52, 54, 20, 22, 33, 38, 46, 51, 55, 60,
        21, 34, 37, 47, 50, 56, 59, 61, 35, 36, 48, 49, 57, 58, 62, 63,
    };

    /**
     * @param segments marker segments in stream order (after SOI), as {@link JpegHeaders} walks them
     * @return the root node
     */
    static IIOMetadataNode fromSegments(List<JpegHeaders.Segment> segments) {
        IIOMetadataNode root = new IIOMetadataNode(FORMAT);
        IIOMetadataNode variety = new IIOMetadataNode("JPEGvariety");
        IIOMetadataNode sequence = new IIOMetadataNode("markerSequence");
        root.appendChild(variety);
        root.appendChild(sequence);
        IIOMetadataNode jfif = null;
        byte[] iccBytes = IccProfiles.assemble(segments);
        // a fresh instance for the tree, never used for a conversion (one that has been may give
        // back other bytes from getData()); kept, as by the JDK, even when it cannot convert
        ICC_Profile icc = iccBytes == null ? null : IccProfiles.parsedOrNull(iccBytes);
        for (JpegHeaders.Segment s : segments) {
            byte[] p = s.payload();
            int m = s.marker();
            if (m == APP0 && jfif == null && sequence.getLength() == 0 && isJfif(p)) {
                jfif = jfif(p);
                variety.appendChild(jfif);
            } else if (m == APP0 && jfif != null && Thumbnails.isJfxxThumbnail(p)) {
                IIOMetadataNode jfxx = TreeMerge.child(jfif, "JFXX");
                if (jfxx == null) {
                    jfxx = new IIOMetadataNode("JFXX");
                    jfif.insertBefore(jfxx, jfif.getFirstChild()); // before app2ICC, as in the JDK's tree
                }
                jfxx.appendChild(Thumbnails.jfxxNode(p));
            } else if (m == APP2 && jfif != null && icc != null && IccProfiles.isChunk(p)) {
                if (jfif.getElementsByTagName("app2ICC").getLength() == 0) {
                    IIOMetadataNode node = new IIOMetadataNode("app2ICC");
                    node.setUserObject(icc);
                    jfif.appendChild(node);
                }
            } else if (m == APP14 && isAdobe(p)) {
                sequence.appendChild(adobe(p));
            } else if (m == 0xDB) {
                sequence.appendChild(dqt(p));
            } else if (m == 0xC4) {
                sequence.appendChild(dht(p));
            } else if (m == 0xDD && p.length >= 2) {
                sequence.appendChild(node("dri", "interval", u16(p, 0)));
            } else if (m == COM) {
                IIOMetadataNode com = new IIOMetadataNode("com");
                com.setAttribute("comment", new String(p, StandardCharsets.ISO_8859_1));
                com.setUserObject(p.clone());
                sequence.appendChild(com);
            } else if (JpegHeaders.isSof(m) && p.length >= 6) {
                sequence.appendChild(sof(m, p));
            } else if (m == 0xDA && p.length >= 1) {
                sequence.appendChild(sos(p));
            } else {
                sequence.appendChild(unknown(m, p));
            }
        }
        return root;
    }

    /** An {@code unknown} node: the segment's marker and payload. */
    static IIOMetadataNode unknown(int marker, byte[] payload) {
        IIOMetadataNode node = node("unknown", "MarkerTag", marker);
        node.setUserObject(payload.clone());
        return node;
    }

    static boolean isJfif(byte[] p) {
        return p.length >= 14 && p[0] == 'J' && p[1] == 'F' && p[2] == 'I' && p[3] == 'F' && p[4] == 0;
    }

    static boolean isAdobe(byte[] p) {
        return p.length >= 12 && p[0] == 'A' && p[1] == 'd' && p[2] == 'o' && p[3] == 'b' && p[4] == 'e';
    }

    /** JFIF APP0: identifier, version, units, densities, thumbnail size (thumbnail pixels not exposed). */
    static IIOMetadataNode jfif(byte[] p) {
        IIOMetadataNode n = new IIOMetadataNode("app0JFIF");
        n.setAttribute("majorVersion", Integer.toString(p[5] & 0xFF));
        n.setAttribute("minorVersion", Integer.toString(p[6] & 0xFF));
        n.setAttribute("resUnits", Integer.toString(p[7] & 0xFF));
        n.setAttribute("Xdensity", Integer.toString(u16(p, 8)));
        n.setAttribute("Ydensity", Integer.toString(u16(p, 10)));
        n.setAttribute("thumbWidth", Integer.toString(p[12] & 0xFF));
        n.setAttribute("thumbHeight", Integer.toString(p[13] & 0xFF));
        return n;
    }

    /** Adobe APP14: "Adobe", version, flags0, flags1, transform. */
    static IIOMetadataNode adobe(byte[] p) {
        IIOMetadataNode n = new IIOMetadataNode("app14Adobe");
        n.setAttribute("version", Integer.toString(u16(p, 5)));
        n.setAttribute("flags0", Integer.toString(u16(p, 7)));
        n.setAttribute("flags1", Integer.toString(u16(p, 9)));
        n.setAttribute("transform", Integer.toString(p[11] & 0xFF));
        return n;
    }

    /** DQT: one {@code dqtable} per table, the table in natural order as a {@link JPEGQTable}. */
    static IIOMetadataNode dqt(byte[] p) {
        IIOMetadataNode dqt = new IIOMetadataNode("dqt");
        int i = 0;
        while (i < p.length) {
            int pq = (p[i] >> 4) & 0x0F;
            int tq = p[i] & 0x0F;
            int size = pq == 0 ? 1 : 2;
            if (i + 1 + 64 * size > p.length) {
                break;
            }
            int[] natural = new int[64];
            for (int k = 0; k < 64; k++) {
                int at = i + 1 + ZIGZAG[k] * size;
                natural[k] = size == 1 ? p[at] & 0xFF : u16(p, at);
            }
            IIOMetadataNode t = new IIOMetadataNode("dqtable");
            t.setAttribute("elementPrecision", Integer.toString(pq));
            t.setAttribute("qtableId", Integer.toString(tq));
            if (valid(natural)) {
                t.setUserObject(new JPEGQTable(natural));
            }
            dqt.appendChild(t);
            i += 1 + 64 * size;
        }
        return dqt;
    }

    private static boolean valid(int[] table) {
        for (int v : table) {
            if (v < 1 || v > 0xFFFF) {
                return false;
            }
        }
        return true;
    }

    /** DHT: one {@code dhtable} per table, as a {@link JPEGHuffmanTable}. */
    static IIOMetadataNode dht(byte[] p) {
        IIOMetadataNode dht = new IIOMetadataNode("dht");
        int i = 0;
        while (i + 17 <= p.length) {
            int tc = (p[i] >> 4) & 0x0F;
            int th = p[i] & 0x0F;
            short[] lengths = new short[16];
            int total = 0;
            for (int k = 0; k < 16; k++) {
                lengths[k] = (short) (p[i + 1 + k] & 0xFF);
                total += lengths[k];
            }
            if (i + 17 + total > p.length) {
                break;
            }
            short[] values = new short[total];
            for (int k = 0; k < total; k++) {
                values[k] = (short) (p[i + 17 + k] & 0xFF);
            }
            IIOMetadataNode t = new IIOMetadataNode("dhtable");
            t.setAttribute("class", Integer.toString(tc));
            t.setAttribute("htableId", Integer.toString(th));
            try {
                t.setUserObject(new JPEGHuffmanTable(lengths, values));
            } catch (IllegalArgumentException e) {
                // a table the JDK class refuses (e.g. over-full code lengths): node without object
            }
            dht.appendChild(t);
            i += 17 + total;
        }
        return dht;
    }

    /** SOFn: process = n, precision, size and one {@code componentSpec} per component. */
    static IIOMetadataNode sof(int marker, byte[] p) {
        IIOMetadataNode sof = new IIOMetadataNode("sof");
        int n = p[5] & 0xFF;
        sof.setAttribute("process", Integer.toString(marker - 0xC0));
        sof.setAttribute("samplePrecision", Integer.toString(p[0] & 0xFF));
        sof.setAttribute("numLines", Integer.toString(u16(p, 1)));
        sof.setAttribute("samplesPerLine", Integer.toString(u16(p, 3)));
        sof.setAttribute("numFrameComponents", Integer.toString(n));
        for (int c = 0, at = 6; c < n && at + 3 <= p.length; c++, at += 3) {
            IIOMetadataNode spec = new IIOMetadataNode("componentSpec");
            spec.setAttribute("componentId", Integer.toString(p[at] & 0xFF));
            spec.setAttribute("HsamplingFactor", Integer.toString((p[at + 1] >> 4) & 0x0F));
            spec.setAttribute("VsamplingFactor", Integer.toString(p[at + 1] & 0x0F));
            spec.setAttribute("QtableSelector", Integer.toString(p[at + 2] & 0xFF));
            sof.appendChild(spec);
        }
        return sof;
    }

    /** SOS: component selectors and table choices, spectral selection and approximation. */
    static IIOMetadataNode sos(byte[] p) {
        IIOMetadataNode sos = new IIOMetadataNode("sos");
        int n = p[0] & 0xFF;
        int tail = 1 + 2 * n;
        sos.setAttribute("numScanComponents", Integer.toString(n));
        sos.setAttribute("startSpectralSelection", Integer.toString(tail < p.length ? p[tail] & 0xFF : 0));
        sos.setAttribute("endSpectralSelection", Integer.toString(tail + 1 < p.length ? p[tail + 1] & 0xFF : 63));
        int a = tail + 2 < p.length ? p[tail + 2] & 0xFF : 0;
        sos.setAttribute("approxHigh", Integer.toString(a >> 4));
        sos.setAttribute("approxLow", Integer.toString(a & 0x0F));
        for (int c = 0, at = 1; c < n && at + 2 <= p.length; c++, at += 2) {
            IIOMetadataNode spec = new IIOMetadataNode("scanComponentSpec");
            spec.setAttribute("componentSelector", Integer.toString(p[at] & 0xFF));
            spec.setAttribute("dcHuffTable", Integer.toString((p[at + 1] >> 4) & 0x0F));
            spec.setAttribute("acHuffTable", Integer.toString(p[at + 1] & 0x0F));
            sos.appendChild(spec);
        }
        return sos;
    }

    static IIOMetadataNode node(String name, String attribute, int value) {
        IIOMetadataNode n = new IIOMetadataNode(name);
        n.setAttribute(attribute, Integer.toString(value));
        return n;
    }

    static int u16(byte[] p, int at) {
        return ((p[at] & 0xFF) << 8) | (p[at + 1] & 0xFF);
    }

    /** @return the profile in an {@code app2ICC} node, or null */
    static ICC_Profile profile(IIOMetadataNode app2icc) {
        return app2icc.getUserObject() instanceof ICC_Profile p ? p : null;
    }
}
