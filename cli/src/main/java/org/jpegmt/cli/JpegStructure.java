package org.jpegmt.cli;

import java.io.IOException;
import org.jpegmt.core.DecoderOptions;
import org.jpegmt.core.JpegException;
import org.jpegmt.core.internal.FileStructure;
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

    /**
     * Whether jpeg-mt splits the entropy decoding of this file into bands when it has 2 or more
     * threads ({@link ParallelJpegDecoder#decodesInBands}, the decoder's own decision: one scan,
     * every RST marker present and in order, at least two bands of 4+ MCU rows, 64 Ki pixels).
     */
    boolean parallelDecodable() {
        try {
            return new ParallelJpegDecoder(DecoderOptions.defaults(), 2).decodesInBands(data);
        } catch (JpegException e) {
            return false;
        }
    }
}
