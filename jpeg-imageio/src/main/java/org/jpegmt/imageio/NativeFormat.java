package org.jpegmt.imageio;

import java.awt.color.ICC_Profile;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.metadata.IIOMetadataFormat;
import javax.imageio.metadata.IIOMetadataFormatImpl;
import javax.imageio.plugins.jpeg.JPEGHuffmanTable;
import javax.imageio.plugins.jpeg.JPEGQTable;

/**
 * Description of the native image metadata format {@value NativeTree#FORMAT} as this plugin
 * reads and writes it: the element and attribute names of the JDK's JPEG metadata format
 * (value ranges are not described; all attributes are integers written in decimal, except
 * {@code com/@comment}).
 */
public final class NativeFormat extends IIOMetadataFormatImpl {
    private static final NativeFormat INSTANCE = new NativeFormat();

    private NativeFormat() {
        super(NativeTree.FORMAT, CHILD_POLICY_ALL);
        addElement("JPEGvariety", NativeTree.FORMAT, CHILD_POLICY_CHOICE);
        addElement("markerSequence", NativeTree.FORMAT, CHILD_POLICY_SEQUENCE);

        addElement("app0JFIF", "JPEGvariety", CHILD_POLICY_SOME);
        ints("app0JFIF", true, "majorVersion", "minorVersion", "resUnits", "Xdensity", "Ydensity",
                "thumbWidth", "thumbHeight");
        addElement("app2ICC", "app0JFIF", CHILD_POLICY_EMPTY);
        addObjectValue("app2ICC", ICC_Profile.class, false, null);

        addElement("dqt", "markerSequence", 1, 4);
        addElement("dqtable", "dqt", CHILD_POLICY_EMPTY);
        ints("dqtable", true, "elementPrecision", "qtableId");
        addObjectValue("dqtable", JPEGQTable.class, true, null);

        addElement("dht", "markerSequence", 1, 4);
        addElement("dhtable", "dht", CHILD_POLICY_EMPTY);
        ints("dhtable", true, "class", "htableId");
        addObjectValue("dhtable", JPEGHuffmanTable.class, true, null);

        addElement("dri", "markerSequence", CHILD_POLICY_EMPTY);
        ints("dri", true, "interval");

        addElement("com", "markerSequence", CHILD_POLICY_EMPTY);
        addAttribute("com", "comment", DATATYPE_STRING, false, null);
        addObjectValue("com", byte[].class, 1, 65533);

        addElement("unknown", "markerSequence", CHILD_POLICY_EMPTY);
        ints("unknown", true, "MarkerTag");
        addObjectValue("unknown", byte[].class, 1, 65533);

        addElement("app14Adobe", "markerSequence", CHILD_POLICY_EMPTY);
        ints("app14Adobe", false, "version", "flags0", "flags1");
        ints("app14Adobe", true, "transform");

        addElement("sof", "markerSequence", 1, 4);
        ints("sof", false, "process", "samplePrecision", "numLines", "samplesPerLine", "numFrameComponents");
        addElement("componentSpec", "sof", CHILD_POLICY_EMPTY);
        ints("componentSpec", true, "componentId", "HsamplingFactor", "VsamplingFactor", "QtableSelector");

        addElement("sos", "markerSequence", 1, 4);
        ints("sos", false, "numScanComponents", "startSpectralSelection", "endSpectralSelection",
                "approxHigh", "approxLow");
        addElement("scanComponentSpec", "sos", CHILD_POLICY_EMPTY);
        ints("scanComponentSpec", true, "componentSelector", "dcHuffTable", "acHuffTable");
    }

    private void ints(String element, boolean required, String... names) {
        for (String name : names) {
            addAttribute(element, name, DATATYPE_INTEGER, required, null);
        }
    }

    /** @return the shared instance ({@code IIOMetadata.getMetadataFormat} looks this method up) */
    public static IIOMetadataFormat getInstance() {
        return INSTANCE;
    }

    @Override
    public boolean canNodeAppear(String elementName, ImageTypeSpecifier imageType) {
        return true;
    }
}
