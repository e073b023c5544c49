package org.jpegmt.imageio;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.stream.ImageInputStream;

/**
 * Walks the marker segments at the start of a JPEG stream, up to the first scan, without
 * decoding anything: enough to tell which coding process the frame uses, and to hand the header
 * bytes to {@code JpegDecoder.readInfo}. The segments of later scans (progressive files) are
 * walked by {@link ScanMarkers}, only when the metadata asks for them.
 */
final class JpegHeaders {
    private JpegHeaders() {
    }

    /** Most junk bytes tolerated between two segments before giving up. */
    private static final int MAX_JUNK = 4096;
    /** Most segments walked before giving up (a real file has a few dozen at most). */
    private static final int MAX_SEGMENTS = 1024;

    /**
     * What the walk found.
     *
     * @param bytes the stream from SOI up to (not including) the first SOS marker, or null if
     *     not asked for
     * @param sofMarker second byte of the first SOFn marker, or -1 if there was none
     * @param precision sample precision of that frame, or -1
     * @param segments the marker segments walked, in stream order; when the walk went on to
     *     the first scan, the last one is its SOS
     * @param scanOffset offset of the first SOS marker from where the walk started, or -1
     */
    record Header(byte[] bytes, int sofMarker, int precision, List<Segment> segments, long scanOffset) {
        /**
         * @return true for 8-bit SOF0, SOF1 and SOF2 (baseline, extended sequential and
         *     progressive, all Huffman-coded), the processes jpegmt decodes
         */
        boolean decodable() {
            return (sofMarker == 0xC0 || sofMarker == 0xC1 || sofMarker == 0xC2) && precision == 8;
        }
    }

    /**
     * One marker segment.
     *
     * @param marker the marker's second byte ({@code 0xE1} for APP1)
     * @param payload the bytes after the length field
     */
    record Segment(int marker, byte[] payload) {
    }

    /**
     * Reads from the current position of {@code in}, which is left after the walk.
     *
     * @param in a stream positioned at the start of a JPEG file
     * @param keepBytes whether to copy the header bytes into {@link Header#bytes()}
     * @param untilScan false to stop right after the frame header, true to go on to the first
     *     SOS marker (tables and restart interval come before it)
     * @return the header, or null if the stream does not start like a JPEG file or its marker
     *     structure breaks before the frame header
     * @throws IOException if reading fails
     */
    static Header read(ImageInputStream in, boolean keepBytes, boolean untilScan) throws IOException {
        ByteArrayOutputStream copy = keepBytes ? new ByteArrayOutputStream(4096) : null;
        if (in.read() != 0xFF || in.read() != 0xD8) {
            return null;
        }
        write(copy, 0xFF, 0xD8);
        long start = in.getStreamPosition() - 2;
        List<Segment> segments = new ArrayList<>();
        int sof = -1;
        int precision = -1;
        for (int walked = 0; walked < MAX_SEGMENTS; walked++) {
            int m = nextMarker(in);
            if (m < 0 || m == 0xD9) {
                break;
            }
            if (m == 0xDA) {
                long scanOffset = in.getStreamPosition() - 2 - start;
                try {
                    int len = in.readUnsignedShort();
                    byte[] payload = new byte[Math.max(0, len - 2)];
                    in.readFully(payload);
                    segments.add(new Segment(m, payload));
                } catch (java.io.EOFException e) {
                    // a file cut inside the scan header: the decoder reports it
                }
                return new Header(bytes(copy), sof, precision, List.copyOf(segments), scanOffset);
            }
            if (m == 0x01 || (m >= 0xD0 && m <= 0xD7)) {
                write(copy, 0xFF, m);
                continue; // markers without a length
            }
            int len = in.readUnsignedShort();
            if (len < 2) {
                break;
            }
            byte[] payload = new byte[len - 2];
            in.readFully(payload);
            if (m == 0xE0) {
                payload = Thumbnails.completeJfxx(payload, in);
            }
            write(copy, 0xFF, m);
            write(copy, len >> 8, len & 0xFF);
            if (copy != null) {
                copy.write(payload);
            }
            segments.add(new Segment(m, payload));
            if (isSof(m) && sof < 0) {
                sof = m;
                precision = payload.length > 0 ? payload[0] & 0xFF : -1;
                if (!untilScan) {
                    return new Header(bytes(copy), sof, precision, List.copyOf(segments), -1);
                }
            }
        }
        return sof < 0 ? null : new Header(bytes(copy), sof, precision, List.copyOf(segments), -1);
    }

    /** SOF0..SOF15 except DHT (C4), JPG (C8) and DAC (CC). */
    static boolean isSof(int marker) {
        return marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
    }

    /** Skips junk and fill bytes; returns the marker's second byte, or -1 at the end or after too much junk. */
    private static int nextMarker(ImageInputStream in) throws IOException {
        int junk = 0;
        for (;;) {
            int b = in.read();
            if (b < 0) {
                return -1;
            }
            if (b != 0xFF) {
                if (++junk > MAX_JUNK) {
                    return -1;
                }
                continue;
            }
            do {
                b = in.read();
            } while (b == 0xFF);
            if (b != 0) {
                return b; // a marker, or -1 at the end
            }
            junk += 2; // FF 00 outside entropy-coded data: junk
        }
    }

    private static void write(ByteArrayOutputStream copy, int a, int b) {
        if (copy != null) {
            copy.write(a);
            copy.write(b);
        }
    }

    private static byte[] bytes(ByteArrayOutputStream copy) {
        return copy == null ? null : copy.toByteArray();
    }

    /**
     * Reads everything from the current position to the end of the stream.
     *
     * @param in the stream
     * @return the bytes
     * @throws IOException if reading fails
     */
    static byte[] readRemaining(ImageInputStream in) throws IOException {
        long length = in.length();
        long pos = in.getStreamPosition();
        if (length >= 0 && length - pos <= Integer.MAX_VALUE - 8) {
            byte[] all = new byte[(int) Math.max(0, length - pos)];
            in.readFully(all);
            return all;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 16);
        byte[] buf = new byte[1 << 16];
        for (int n; (n = in.read(buf)) > 0;) {
            out.write(buf, 0, n);
        }
        return out.toByteArray();
    }
}
