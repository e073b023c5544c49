package org.jpegmt.core;

import org.jpegmt.core.internal.SofTypes;

import java.util.List;

/**
 * What the headers of a JPEG file say, read by {@link JpegDecoder#readInfo} without decoding
 * any pixel. Immutable.
 *
 * @param width image width in pixels
 * @param height image height in pixels (as in the frame header)
 * @param precision sample precision in bits (8 for everything jpegmt decodes)
 * @param sofMarker the frame marker's second byte, e.g. {@code 0xC0} for baseline (SOF0)
 * @param components the frame's components, in frame order
 * @param restartInterval restart interval in MCUs in force at the first scan (0 = none)
 * @param jfif whether a JFIF APP0 segment is present
 * @param adobeTransform the Adobe APP14 transform flag, or -1 if there is no Adobe segment
 */
public record JpegInfo(int width, int height, int precision, int sofMarker,
        List<Component> components, int restartInterval, boolean jfif, int adobeTransform) {

    /**
     * One frame component.
     *
     * @param id component identifier from the frame header
     * @param h horizontal sampling factor 1..4
     * @param v vertical sampling factor 1..4
     * @param quantTable quantisation table slot 0..3
     */
    public record Component(int id, int h, int v, int quantTable) {
    }

    /** Canonical constructor; copies the component list. */
    public JpegInfo {
        components = List.copyOf(components);
    }

    /** @return {@code "SOF0"} .. {@code "SOF15"} */
    public String sofName() {
        return "SOF" + (sofMarker - 0xC0);
    }

    /**
     * @return a description of the coding process, e.g. {@code "baseline (SOF0)"},
     *     {@code "extended sequential (SOF1)"}, {@code "progressive (SOF2)"}
     */
    public String sofDescription() {
        return SofTypes.describe(sofMarker);
    }

    /** @return true for SOF0, SOF1 and SOF2 (progressive) at 8 bits, the processes jpegmt decodes */
    public boolean isDecodable() {
        return (sofMarker == 0xC0 || sofMarker == 0xC1 || sofMarker == 0xC2) && precision == 8;
    }

    /**
     * @return the usual name of the sampling: {@code "4:4:4"}, {@code "4:2:2"},
     *     {@code "4:2:0"}, {@code "4:4:0"}, {@code "4:1:1"}, {@code "gray"}, or the raw factors
     *     (see {@link #samplingFactors()}) when no name fits
     */
    public String subsampling() {
        if (components.size() == 1) {
            return "gray";
        }
        Component y = components.get(0);
        for (int i = 1; i < components.size(); i++) {
            Component c = components.get(i);
            if (c.h() != 1 || c.v() != 1) {
                return samplingFactors();
            }
        }
        String name = switch (y.h() * 10 + y.v()) {
            case 11 -> "4:4:4";
            case 21 -> "4:2:2";
            case 22 -> "4:2:0";
            case 12 -> "4:4:0";
            case 41 -> "4:1:1";
            case 42 -> "4:1:0";
            default -> null;
        };
        return name != null ? name : samplingFactors();
    }

    /** @return the raw factors in frame order, e.g. {@code "2x2,1x1,1x1"} */
    public String samplingFactors() {
        StringBuilder sb = new StringBuilder();
        for (Component c : components) {
            if (sb.length() > 0) {
                sb.append(',');
            }
            sb.append(c.h()).append('x').append(c.v());
        }
        return sb.toString();
    }
}
