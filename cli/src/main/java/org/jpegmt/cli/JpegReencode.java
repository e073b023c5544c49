package org.jpegmt.cli;

import java.io.IOException;
import java.util.function.Consumer;
import org.jpegmt.core.EncoderOptions;
import org.jpegmt.core.JpegDecoder;
import org.jpegmt.core.JpegInfo;
import org.jpegmt.core.Subsampling;

/**
 * What {@code jpegmt encode} keeps of a JPEG input it re-encodes: unless {@code -q} / {@code -s}
 * say otherwise, the source's quality as {@code info} estimates it from the quantisation tables
 * ({@link QualityEstimate}) and its chroma sampling, so that re-encoding a q95 4:4:4 photo does
 * not silently make a q75 4:2:0 one. Samplings the encoder does not write (4:4:0, 4:1:1...) become
 * 4:4:4, which loses no chroma the decode has.
 */
final class JpegReencode {
    private JpegReencode() {
    }

    /**
     * @param jpeg the input file
     * @param given the options from the command line
     * @param qualityGiven whether {@code -q} was given
     * @param samplingGiven whether {@code -s} was given
     * @param note receives the one line saying what was kept, when something was
     * @return the options to encode with
     */
    static EncoderOptions options(byte[] jpeg, EncoderOptions given, boolean qualityGiven, boolean samplingGiven,
            Consumer<String> note) throws IOException {
        if (qualityGiven && samplingGiven) {
            return given;
        }
        EncoderOptions o = given;
        StringBuilder kept = new StringBuilder();
        if (!qualityGiven) {
            QualityEstimate q = QualityEstimate.of(QualityEstimate.targets(JpegStructure.parse(jpeg)));
            if (q != null) {
                o = o.withQuality(q.quality());
                kept.append("quality ").append(q.quality()).append(q.exact() ? "" : " (estimated)");
            }
        }
        if (!samplingGiven) {
            JpegInfo info = new JpegDecoder().readInfo(jpeg);
            Subsampling s = sampling(info.subsampling());
            o = o.withSubsampling(s);
            kept.append(kept.length() == 0 ? "" : " and ").append(s.label()).append(" sampling")
                    .append(s.label().equals(info.subsampling()) ? "" : " (from " + info.subsampling() + ")");
        }
        if (kept.length() > 0) {
            note.accept("re-encoded with the source's " + kept + "; -q and -s choose others");
        }
        return o;
    }

    /** @return the encoder's sampling for a source's ({@link JpegInfo#subsampling()}) */
    static Subsampling sampling(String source) {
        switch (source) {
            case "gray": return Subsampling.GRAY;
            case "4:2:0": return Subsampling.S420;
            case "4:2:2": return Subsampling.S422;
            default: return Subsampling.S444;
        }
    }
}
