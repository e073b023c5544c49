package org.jpegmt.cli;

import java.io.IOException;
import org.jpegmt.core.DecoderOptions;
import org.jpegmt.core.JpegException;
import org.jpegmt.core.internal.FileStructure;
import org.jpegmt.mt.DecodeReport;
import org.jpegmt.mt.ParallelJpegDecoder;

/**
 * A file's marker structure for {@code jpegmt info} and {@code bench}: jpeg-core's lenient
 * {@link FileStructure} walk, plus what only jpeg-mt can tell, whether it decodes in parallel.
 */
final class JpegStructure {
    /** The segments, tables, frame, scans, metadata and warnings. */
    final FileStructure file;
    private final byte[] data;

    private JpegStructure(FileStructure file, byte[] data) {
        this.file = file;
        this.data = data;
    }

    /**
     * @param data a whole file
     * @return its structure
     * @throws IOException if the data does not start with an SOI marker
     */
    static JpegStructure parse(byte[] data) throws IOException {
        if (!ImageFiles.isJpeg(data)) {
            throw new IOException("not a JPEG file (no SOI marker at the start)");
        }
        return new JpegStructure(FileStructure.read(data), data);
    }

    /** @return the file's size in bytes */
    long size() {
        return data.length;
    }

    /** @return the file's metadata segments ({@link InfoMetadata#read}) */
    org.jpegmt.core.JpegMetadata metadata() {
        return InfoMetadata.read(data);
    }

    /** How jpeg-mt with 2 threads plans to decode the file; null until asked, then cached. */
    private DecodeReport.Strategy plan;
    private boolean planned;
    private DecodeReport speculation;

    /**
     * @return how jpeg-mt with 2 threads would decode this file ({@link ParallelJpegDecoder#plannedStrategy},
     *     the decoder's own decision from the headers and the restart-marker pre-scan), or null when
     *     the headers do not decode
     */
    DecodeReport.Strategy parallelPlan() {
        if (!planned) {
            planned = true;
            try {
                plan = new ParallelJpegDecoder(DecoderOptions.defaults(), 2).plannedStrategy(data);
            } catch (JpegException e) {
                plan = null;
            }
        }
        return plan;
    }

    /**
     * Whether jpeg-mt splits the entropy decoding of this file into restart-interval bands when it
     * has 2 or more threads: one scan, every RST marker present and in order, at least two bands
     * of 4+ MCU rows, 64 Ki pixels.
     */
    boolean parallelDecodable() {
        return parallelPlan() == DecodeReport.Strategy.RESTART_BANDS;
    }

    /**
     * @return when the plan is speculative, the report of a 2-thread decode (its chunks, verified
     *     boundaries, bytes decoded twice, repairs, or why it handed over); else null
     */
    DecodeReport speculation() {
        if (speculation == null && parallelPlan() == DecodeReport.Strategy.SPECULATIVE) {
            try {
                speculation = new ParallelJpegDecoder(DecoderOptions.defaults(), 2).decodeReporting(data);
            } catch (JpegException e) {
                return null;
            }
        }
        return speculation;
    }
}
