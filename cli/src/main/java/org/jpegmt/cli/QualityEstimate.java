package org.jpegmt.cli;

import java.util.ArrayList;
import java.util.List;
import org.jpegmt.core.internal.AnnexK;
import org.jpegmt.core.internal.FileStructure;
import org.jpegmt.core.internal.QuantTable;

/**
 * The IJG quality (1..100) whose scaled Annex K tables come closest to a file's quantisation
 * tables: every quality is tried (libjpeg's scaling is not invertible in closed form because of
 * rounding and clamping) and the one with the smallest total absolute difference wins.
 *
 * @param quality the best quality
 * @param meanError mean absolute difference per coefficient at that quality (0 = the file was
 *     made with exactly these IJG tables)
 */
record QualityEstimate(int quality, double meanError) {

    boolean exact() {
        return meanError == 0;
    }

    /** A table to match, and whether it is assumed to be scaled from K.2 (else K.1). */
    record Target(QuantTable table, boolean chrominance) {
    }

    /** @return the best quality for all targets together, or null if there are none */
    static QualityEstimate of(List<Target> targets) {
        if (targets.isEmpty()) {
            return null;
        }
        int best = 0;
        long bestError = Long.MAX_VALUE;
        for (int q = 1; q <= 100; q++) {
            long error = 0;
            for (Target t : targets) {
                int[] scaled = AnnexK.scaledQuantTable(t.chrominance(), q, t.table().precision() == 8);
                for (int i = 0; i < 64; i++) {
                    error += Math.abs(scaled[i] - t.table().values()[i]);
                }
            }
            if (error < bestError) {
                bestError = error;
                best = q;
            }
        }
        return new QualityEstimate(best, bestError / (64.0 * targets.size()));
    }

    /**
     * The tables the frame's components use: the first component's against the luminance
     * table K.1, the others' against the chrominance table K.2 (each slot once).
     */
    static List<Target> targets(JpegStructure structure) {
        FileStructure s = structure.file;
        List<Target> targets = new ArrayList<>();
        List<Integer> seen = new ArrayList<>();
        for (int i = 0; i < s.components.size(); i++) {
            int slot = s.components.get(i).quantTable();
            if (seen.contains(slot)) {
                continue;
            }
            seen.add(slot);
            for (QuantTable t : s.quantTables) {
                if (t.slot() == slot) {
                    targets.add(new Target(t, i != 0));
                }
            }
        }
        return targets;
    }

    String describe() {
        return exact() ? quality + " (IJG tables, exact)"
                : String.format(java.util.Locale.ROOT, "~%d (not exactly IJG tables; mean deviation %.2f)", quality, meanError);
    }
}
