package org.jpegmt.core.internal;

/** Names of the coding processes that the SOFn markers announce (T.81 Table B.1). */
public final class SofTypes {
    private SofTypes() {
    }

    /**
     * @param marker second byte of a SOFn marker, 0xC0..0xCF except 0xC4, 0xC8, 0xCC
     * @return e.g. {@code "baseline (SOF0)"}
     */
    public static String describe(int marker) {
        String name = switch (marker) {
            case 0xC0 -> "baseline";
            case 0xC1 -> "extended sequential";
            case 0xC2 -> "progressive";
            case 0xC3 -> "lossless";
            case 0xC5 -> "differential sequential (hierarchical)";
            case 0xC6 -> "differential progressive (hierarchical)";
            case 0xC7 -> "differential lossless (hierarchical)";
            case 0xC9 -> "arithmetic-coded extended sequential";
            case 0xCA -> "arithmetic-coded progressive";
            case 0xCB -> "arithmetic-coded lossless";
            case 0xCD -> "arithmetic-coded differential sequential (hierarchical)";
            case 0xCE -> "arithmetic-coded differential progressive (hierarchical)";
            case 0xCF -> "arithmetic-coded differential lossless (hierarchical)";
            default -> "unknown";
        };
        return name + " (SOF" + (marker - 0xC0) + ")";
    }
}
