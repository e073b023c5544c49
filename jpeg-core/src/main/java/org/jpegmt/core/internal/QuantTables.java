package org.jpegmt.core.internal;

/**
 * Quantisation tables scaled by a quality factor the way IJG libjpeg does it
 * ({@code jpeg_quality_scaling} and {@code jpeg_add_quant_table}), from the T.81 Annex K
 * base tables. Results are in natural (row-major) order.
 */
final class QuantTables {
    private QuantTables() {
    }

    /**
     * @param quality 1..100 (values outside are clamped, as libjpeg does)
     * @return the percentage the base tables are scaled by: 5000/Q below 50, else 200 - 2Q
     */
    static int scaleFactor(int quality) {
        int q = Math.max(1, Math.min(100, quality));
        return q < 50 ? 5000 / q : 200 - 2 * q;
    }

    /**
     * @param base 64 entries, natural order (Annex K.1 or K.2)
     * @param quality 1..100
     * @param baseline clamp entries to 255 so they fit an 8-bit DQT (as {@code -baseline})
     * @return the scaled table: {@code (base*S + 50) / 100}, at least 1, at most 32767 (255)
     */
    static int[] scaled(int[] base, int quality, boolean baseline) {
        int s = scaleFactor(quality);
        int max = baseline ? 255 : 32767;
        int[] out = new int[64];
        for (int i = 0; i < 64; i++) {
            long q = ((long) base[i] * s + 50) / 100;
            out[i] = (int) Math.max(1, Math.min(max, q));
        }
        return out;
    }

    /** @return luminance table (slot 0) for this quality, baseline-clamped */
    static int[] luminance(int quality) {
        return scaled(StandardTables.LUMINANCE_QUANT, quality, true);
    }

    /** @return chrominance table (slot 1) for this quality, baseline-clamped */
    static int[] chrominance(int quality) {
        return scaled(StandardTables.CHROMINANCE_QUANT, quality, true);
    }
}
