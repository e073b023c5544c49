package org.jpegmt.imageio;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.stream.ImageInputStream;

/**
 * Walks the marker segments from the first scan header to EOI, as the JDK reader does for its
 * image metadata: every SOS of a progressive file and the DHT, DRI, COM, APPn... segments
 * between scans. Entropy-coded data is skipped without decoding: bytes are scanned for
 * {@code 0xFF}; fill bytes ({@code FF FF}), stuffed zeros ({@code FF 00}) and restart markers
 * are stepped over; any other marker ends the entropy-coded segment. The walk ends at EOI or at
 * the end of the stream (a truncated file gives the segments read so far).
 */
final class ScanMarkers {
    private ScanMarkers() {
    }

    /**
     * Most segments kept after the first scan: far above any real scan script (a progressive
     * file has about 10 to 20 scans and a table segment before most), and it bounds the memory
     * a crafted file can make the metadata hold.
     */
    static final int MAX_SEGMENTS = 4096;

    /**
     * @param in a stream positioned at the first SOS marker; left somewhere after the walk
     * @return the segments from that SOS on, in stream order, up to (not including) EOI
     * @throws IOException if reading fails
     */
    static List<JpegHeaders.Segment> read(ImageInputStream in) throws IOException {
        Bytes bytes = new Bytes(in);
        List<JpegHeaders.Segment> segments = new ArrayList<>();
        while (segments.size() < MAX_SEGMENTS) {
            int m = bytes.nextMarker();
            if (m < 0 || m == 0xD9) {
                break;
            }
            if (m == 0x01 || (m >= 0xD0 && m <= 0xD7)) {
                continue; // TEM and RSTn have no length
            }
            int hi = bytes.read();
            int lo = bytes.read();
            int len = (hi << 8) | lo;
            if (lo < 0 || len < 2) {
                break;
            }
            byte[] payload = new byte[len - 2];
            if (!bytes.readFully(payload)) {
                break; // cut off inside the segment: the decoder reports the truncation
            }
            segments.add(new JpegHeaders.Segment(m, payload));
        }
        return List.copyOf(segments);
    }

    /** The stream read in blocks, so that skipping entropy-coded data is a loop over an array. */
    private static final class Bytes {
        private final ImageInputStream in;
        private final byte[] buf = new byte[1 << 16];
        private int pos;
        private int limit;

        Bytes(ImageInputStream in) {
            this.in = in;
        }

        /** @return the next byte, or -1 at the end of the stream */
        int read() throws IOException {
            if (pos == limit && !fill()) {
                return -1;
            }
            return buf[pos++] & 0xFF;
        }

        boolean readFully(byte[] into) throws IOException {
            int done = 0;
            while (done < into.length) {
                if (pos == limit && !fill()) {
                    return false;
                }
                int n = Math.min(into.length - done, limit - pos);
                System.arraycopy(buf, pos, into, done, n);
                pos += n;
                done += n;
            }
            return true;
        }

        /**
         * Skips entropy-coded data (or junk) to the next marker: returns the second byte of the
         * next {@code FF xx} with {@code xx} neither {@code 00} (a stuffed byte) nor {@code FF}
         * (fill), or -1 at the end of the stream.
         */
        int nextMarker() throws IOException {
            for (;;) {
                // the plain bytes of entropy-coded data: look for the next 0xFF only
                while (pos < limit && buf[pos] != (byte) 0xFF) {
                    pos++;
                }
                if (pos == limit) {
                    if (!fill()) {
                        return -1;
                    }
                    continue;
                }
                pos++;
                int b;
                do {
                    b = read();
                } while (b == 0xFF);
                if (b != 0) {
                    return b; // a marker, or -1 at the end
                }
            }
        }

        private boolean fill() throws IOException {
            int n = in.read(buf, 0, buf.length);
            pos = 0;
            limit = Math.max(0, n);
            return n > 0;
        }
    }
}
