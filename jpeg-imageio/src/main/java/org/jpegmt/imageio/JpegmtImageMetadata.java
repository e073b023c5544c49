package org.jpegmt.imageio;

import javax.imageio.metadata.IIOInvalidTreeException;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataFormat;
import javax.imageio.metadata.IIOMetadataFormatImpl;
import javax.imageio.metadata.IIOMetadataNode;
import org.w3c.dom.Node;

/**
 * Image metadata of a JPEG file, in the JDK's native format {@value NativeTree#FORMAT} (see
 * {@link NativeTree}) and the standard format {@code javax_imageio_1.0}.
 *
 * <p>The reader fills it from the file's marker segments; the writer's
 * {@code getDefaultImageMetadata} describes what it would write, and {@code write} puts the
 * JFIF, ICC, APPn and COM segments of the metadata it is given into the file (see
 * {@link SegmentSplicer}). The object is mutable, as the JDK's is: {@link #setFromTree} replaces
 * the native tree, {@link #mergeTree} merges into it, {@link #reset} goes back to the tree it
 * was created with.
 */
final class JpegmtImageMetadata extends IIOMetadata {
    private final IIOMetadataNode original;
    private IIOMetadataNode root;

    /** @param root a native tree (copied) */
    JpegmtImageMetadata(IIOMetadataNode root) {
        super(true, NativeTree.FORMAT, NativeFormat.class.getName(), null, null);
        this.original = TreeMerge.copy(root);
        this.root = TreeMerge.copy(root);
    }

    /** @return false: the tree can be changed with {@link #setFromTree} and {@link #mergeTree} */
    @Override
    public boolean isReadOnly() {
        return false;
    }

    @Override
    public IIOMetadataFormat getMetadataFormat(String formatName) {
        if (NativeTree.FORMAT.equals(formatName)) {
            return NativeFormat.getInstance();
        }
        return super.getMetadataFormat(formatName);
    }

    @Override
    public Node getAsTree(String formatName) {
        if (NativeTree.FORMAT.equals(formatName)) {
            return TreeMerge.copy(root);
        }
        if (IIOMetadataFormatImpl.standardMetadataFormatName.equals(formatName)) {
            return getStandardTree();
        }
        throw new IllegalArgumentException("unsupported metadata format: " + formatName);
    }

    /** The native tree itself, not a copy: for the writer, which only reads it. */
    IIOMetadataNode nativeTree() {
        return root;
    }

    /**
     * Native format: {@code JPEGvariety} replaces this metadata's if it has children; every
     * child of {@code markerSequence} replaces this metadata's first node of the same name
     * ({@code dqt}, {@code dht}, {@code dri}, {@code sof}, {@code sos}, {@code app14Adobe}) or,
     * for {@code com} and {@code unknown}, is appended. Standard format: each
     * {@code Text/TextEntry} becomes a {@code com} node; the rest describes what the codec
     * decides itself and is ignored.
     */
    @Override
    public void mergeTree(String formatName, Node tree) throws IIOInvalidTreeException {
        if (tree == null) {
            throw new IllegalArgumentException("tree is null");
        }
        if (!tree.getNodeName().equals(formatName)) {
            throw new IIOInvalidTreeException("root must be " + formatName + ", not " + tree.getNodeName(), tree);
        }
        if (NativeTree.FORMAT.equals(formatName)) {
            IIOMetadataNode merged = TreeMerge.copy(root);
            TreeMerge.mergeNative(merged, tree);
            root = merged;
        } else if (IIOMetadataFormatImpl.standardMetadataFormatName.equals(formatName)) {
            IIOMetadataNode merged = TreeMerge.copy(root);
            TreeMerge.mergeStandardText(merged, tree);
            root = merged;
        } else {
            throw new IllegalArgumentException("unsupported metadata format: " + formatName);
        }
    }

    /** Native format: replaces the whole tree; standard format: as {@link #mergeTree} after {@link #reset}. */
    @Override
    public void setFromTree(String formatName, Node tree) throws IIOInvalidTreeException {
        if (NativeTree.FORMAT.equals(formatName)) {
            if (tree == null) {
                throw new IllegalArgumentException("tree is null");
            }
            if (!tree.getNodeName().equals(formatName)) {
                throw new IIOInvalidTreeException("root must be " + formatName, tree);
            }
            IIOMetadataNode copy = TreeMerge.copy(tree);
            TreeMerge.requireStructure(copy);
            root = copy;
        } else {
            reset();
            mergeTree(formatName, tree);
        }
    }

    @Override
    public void reset() {
        root = TreeMerge.copy(original);
    }

    @Override
    protected IIOMetadataNode getStandardChromaNode() {
        return StandardTree.chroma(root);
    }

    @Override
    protected IIOMetadataNode getStandardCompressionNode() {
        return StandardTree.compression(root);
    }

    @Override
    protected IIOMetadataNode getStandardDimensionNode() {
        return StandardTree.dimension(root);
    }

    @Override
    protected IIOMetadataNode getStandardTextNode() {
        return StandardTree.text(root);
    }

    @Override
    protected IIOMetadataNode getStandardTransparencyNode() {
        return StandardTree.transparency(root);
    }
}
