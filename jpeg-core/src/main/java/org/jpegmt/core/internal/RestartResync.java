package org.jpegmt.core.internal;

import org.jpegmt.core.JpegException;
import org.jpegmt.core.InvalidJpegException;

/**
 * What the serial decoder does at a restart boundary and at the end of a scan (T.81 F.2.1.3.1,
 * B.1.1.5): find the marker that should be RSTm, and when it is not, resynchronise as libjpeg
 * does (jdhuff.c process_restart, jdmarker.c read_restart_marker / jpeg_resync_to_restart).
 */
final class RestartResync {
    private final byte[] data;
    private final MarkerReader markers;
    private final Warnings warn;

    RestartResync(byte[] data, MarkerReader markers, Warnings warn) {
        this.data = data;
        this.markers = markers;
        this.warn = warn;
    }

    /**
     * T.81 F.2.1.3.1 / libjpeg jdhuff.c process_restart + jdmarker.c resync: finds the marker
     * that should be RSTm and decides what to do when it is not.
     *
     * @return where the next segment's data starts (at a pending marker: the segment is empty)
     */
    int restart(BitReader br, int m, ScanDecoder.State st) throws JpegException {
        int marker;
        int after;
        if (br.ended && br.marker < 0) {
            marker = eof();
            after = data.length;
        } else {
            marker = markerAfter(br, markers, warn);
            after = markers.pos;
        }
        boolean pending = false;
        int rstm = MarkerReader.RST0 + m;
        if (marker != rstm) {
            warn.warn("Corrupt JPEG data: found marker " + Warnings.hex(marker) + " instead of RST" + m, after - 1);
            for (;;) {
                int action;
                if (marker < 0xC0) {
                    action = 2;
                } else if (marker < MarkerReader.RST0 || marker > MarkerReader.RST0 + 7) {
                    action = 3;
                } else if (marker == MarkerReader.RST0 + ((m + 1) & 7) || marker == MarkerReader.RST0 + ((m + 2) & 7)) {
                    action = 3;
                } else if (marker == MarkerReader.RST0 + ((m - 1) & 7) || marker == MarkerReader.RST0 + ((m - 2) & 7)) {
                    action = 2;
                } else {
                    action = 1;
                }
                if (action == 1) {
                    break;
                }
                if (action == 3) {
                    pending = true;
                    break;
                }
                if (after >= data.length) {
                    marker = eof();
                    after = data.length;
                    continue;
                }
                markers.pos = after;
                marker = markers.nextMarker();
                after = markers.pos;
            }
        }
        boolean wasOut = st.outOfData;
        st.restart();
        if (pending) {
            st.outOfData = wasOut;
            // Start the next segment at the marker itself: it ends that segment at once.
            return after >= data.length ? data.length : after - 2;
        }
        return after;
    }

    /** The end of the data where a marker was expected: libjpeg warns and inserts EOI. */
    private int eof() throws InvalidJpegException {
        if (!markers.eofSeen) {
            markers.eofSeen = true;
            warn.warn("Premature end of JPEG file", data.length);
        }
        return MarkerReader.EOI;
    }

    /** @return offset of the marker after a scan's data (at its FF), or the data length */
    int endOfScan(BitReader br) throws JpegException {
        if (br.ended && br.marker < 0) {
            eof();
            return data.length;
        }
        int m = markerAfter(br, markers, warn);
        if (br.ended) {
            return br.markerPos - 1;
        }
        return m == MarkerReader.EOI && markers.eofSeen ? data.length : markers.pos - 2;
    }

    /**
     * Finds the marker that ends a segment's data as libjpeg's process_restart and next_marker
     * do: whole bytes of data left unused in the bit buffer, and bytes skipped before the
     * marker, are junk (warning "extraneous bytes before marker"). Used at restarts, at the end
     * of a scan, and after each segment of parallel decoding, so all report the same.
     *
     * @param br the reader, after the segment's last MCU; must not have run into the data's end
     * @param m the marker reader to scan with; its {@code pos} ends up after the marker
     * @param warn where warnings go
     * @return the marker code
     */
    static int markerAfter(BitReader br, MarkerReader m, Warnings warn) throws JpegException {
        int unused = br.unusedBytes();
        if (br.ended) {
            if (unused > 0) {
                warn.warn(Warnings.extraneous(unused, br.marker), br.position() - unused);
            }
            m.pos = br.markerPos + 1;
            return br.marker;
        }
        m.pos = br.position();
        return m.nextMarker(unused, br.position() - unused);
    }
}
