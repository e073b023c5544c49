package org.jpegmt.core;

/** Chroma subsampling of an encoded image, or greyscale output. */
public enum Subsampling {
    /** No chroma subsampling: every component 1x1. */
    S444("4:4:4", 1, 1),
    /** Chroma halved horizontally: luma 2x1. */
    S422("4:2:2", 2, 1),
    /** Chroma halved in both directions: luma 2x2 (the default, as in cjpeg). */
    S420("4:2:0", 2, 2),
    /** One luma component only. */
    GRAY("gray", 1, 1);

    private final String label;
    private final int lumaH;
    private final int lumaV;

    Subsampling(String label, int lumaH, int lumaV) {
        this.label = label;
        this.lumaH = lumaH;
        this.lumaV = lumaV;
    }

    /** @return the usual name, e.g. {@code "4:2:0"} or {@code "gray"} */
    public String label() {
        return label;
    }

    /** @return horizontal sampling factor of the luma component (chroma is 1x1) */
    public int lumaH() {
        return lumaH;
    }

    /** @return vertical sampling factor of the luma component (chroma is 1x1) */
    public int lumaV() {
        return lumaV;
    }

    /**
     * Parses the names people type: {@code 444}, {@code 4:4:4}, {@code 422}, {@code 420},
     * {@code gray}/{@code grey}/{@code grayscale} (case-insensitive).
     *
     * @param text the name
     * @return the subsampling
     * @throws IllegalArgumentException if the name is unknown
     */
    public static Subsampling parse(String text) {
        String t = text.trim().toLowerCase(java.util.Locale.ROOT).replace(":", "");
        switch (t) {
            case "444": return S444;
            case "422": return S422;
            case "420": return S420;
            case "gray": case "grey": case "grayscale": case "greyscale": return GRAY;
            default:
                throw new IllegalArgumentException("unknown subsampling '" + text + "' (use 444, 422, 420 or gray)");
        }
    }
}
