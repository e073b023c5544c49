package org.jpegmt.imageio;

import java.nio.charset.StandardCharsets;
import javax.imageio.metadata.IIOInvalidTreeException;
import javax.imageio.metadata.IIOMetadataNode;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/** Changes to a native tree: merging a caller's native or standard tree into it, copying, checking. */
final class TreeMerge {
    private TreeMerge() {
    }

    /** Nodes of {@code markerSequence} of which a file has one that a merged node replaces. */
    private static final java.util.Set<String> REPLACED = java.util.Set.of("dqt", "dht", "dri", "sof", "sos", "app14Adobe");

    /**
     * A deep copy of any DOM tree as {@link IIOMetadataNode}s, attributes and user objects
     * included ({@code IIOMetadataNode.cloneNode} leaves the attributes behind), so trees built
     * with another DOM implementation are accepted too.
     */
    static IIOMetadataNode copy(Node node) {
        IIOMetadataNode out = new IIOMetadataNode(node.getNodeName());
        if (node instanceof IIOMetadataNode m) {
            out.setUserObject(m.getUserObject());
            out.setNodeValue(m.getNodeValue());
        }
        NamedNodeMap attrs = node.getAttributes();
        if (attrs != null) {
            for (int i = 0; i < attrs.getLength(); i++) {
                Node a = attrs.item(i);
                out.setAttribute(a.getNodeName(), a.getNodeValue());
            }
        }
        for (Node c = node.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c.getNodeType() == Node.ELEMENT_NODE) {
                out.appendChild(copy(c));
            }
        }
        return out;
    }

    /** @throws IIOInvalidTreeException unless the root has a markerSequence and at most one JPEGvariety */
    static void requireStructure(IIOMetadataNode root) throws IIOInvalidTreeException {
        if (child(root, "markerSequence") == null) {
            throw new IIOInvalidTreeException("a native JPEG tree needs a markerSequence node", root);
        }
        for (Node c = root.getFirstChild(); c != null; c = c.getNextSibling()) {
            String n = c.getNodeName();
            if (!n.equals("markerSequence") && !n.equals("JPEGvariety")) {
                throw new IIOInvalidTreeException("unexpected node " + n, c);
            }
        }
    }

    static void mergeNative(IIOMetadataNode target, Node tree) throws IIOInvalidTreeException {
        IIOMetadataNode source = copy(tree);
        IIOMetadataNode variety = child(source, "JPEGvariety");
        if (variety != null && variety.getFirstChild() != null) {
            IIOMetadataNode old = child(target, "JPEGvariety");
            if (old != null) {
                target.replaceChild(variety, old);
            } else {
                target.insertBefore(variety, target.getFirstChild());
            }
        }
        IIOMetadataNode sequence = child(source, "markerSequence");
        if (sequence == null) {
            return;
        }
        IIOMetadataNode into = child(target, "markerSequence");
        if (into == null) {
            into = new IIOMetadataNode("markerSequence");
            target.appendChild(into);
        }
        while (sequence.getFirstChild() != null) {
            IIOMetadataNode n = (IIOMetadataNode) sequence.removeChild(sequence.getFirstChild());
            IIOMetadataNode old = REPLACED.contains(n.getNodeName()) ? child(into, n.getNodeName()) : null;
            if (old != null) {
                into.replaceChild(n, old);
            } else if (n.getNodeName().equals("com") || n.getNodeName().equals("unknown")) {
                into.insertBefore(n, firstTableOrFrame(into));
            } else {
                into.appendChild(n);
            }
        }
        requireStructure(target);
    }

    /** Standard {@code Text/TextEntry} values become {@code com} nodes (ISO-8859-1, as COM is bytes). */
    static void mergeStandardText(IIOMetadataNode target, Node tree) {
        IIOMetadataNode into = child(target, "markerSequence");
        for (Node t = tree.getFirstChild(); t != null; t = t.getNextSibling()) {
            if (!t.getNodeName().equals("Text")) {
                continue;
            }
            for (Node e = t.getFirstChild(); e != null; e = e.getNextSibling()) {
                if (e.getNodeName().equals("TextEntry") && e instanceof Element el && el.hasAttribute("value")) {
                    String value = el.getAttribute("value");
                    IIOMetadataNode com = new IIOMetadataNode("com");
                    com.setAttribute("comment", value);
                    com.setUserObject(value.getBytes(StandardCharsets.ISO_8859_1));
                    into.insertBefore(com, firstTableOrFrame(into));
                }
            }
        }
    }

    /** The first table, frame or scan node: APPn and COM segments go before it. */
    private static Node firstTableOrFrame(IIOMetadataNode sequence) {
        for (Node c = sequence.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (REPLACED.contains(c.getNodeName()) && !c.getNodeName().equals("app14Adobe")) {
                return c;
            }
        }
        return null;
    }

    /** @return the first child named {@code name}, or null */
    static IIOMetadataNode child(Node parent, String name) {
        for (Node c = parent.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c.getNodeName().equals(name)) {
                return (IIOMetadataNode) c;
            }
        }
        return null;
    }

    /** @return the integer attribute, or {@code fallback} if absent or not a number */
    static int intAttribute(Node node, String name, int fallback) {
        if (!(node instanceof Element e) || !e.hasAttribute(name)) {
            return fallback;
        }
        try {
            return Integer.parseInt(e.getAttribute(name).trim());
        } catch (NumberFormatException ex) {
            return fallback;
        }
    }
}
