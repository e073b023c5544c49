package org.jpegmt.core;

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
        // Whole bytes of the segment that the MCUs did not use: libjpeg drops them at a restart
        // and reports them as extraneous.
        int leftover = br.unusedBytes();
        if (br.ended && br.marker >= 0) {
            marker = br.marker;
            after = br.markerPos + 1;
            if (leftover > 0) {
                warn.warn(String.format("Corrupt JPEG data: %d extraneous bytes before marker 0x%02x",
                        leftover, marker), br.markerPos - 1);
            }
        } else if (br.ended) {
            marker = eof();
            after = data.length;
        } else {
            markers.pos = br.position();
            marker = markers.nextMarker(leftover);
            after = markers.pos;
        }
        boolean pending = false;
        int rstm = MarkerReader.RST0 + m;
        if (marker != rstm) {
            warn.warn(String.format("Corrupt JPEG data: found marker 0x%02x instead of RST%d", marker, m), after - 1);
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
        if (br.ended && br.marker >= 0) {
            return br.markerPos - 1;
        }
        if (br.ended) {
            eof();
            return data.length;
        }
        markers.pos = br.position();
        int m = markers.nextMarker();
        return m == MarkerReader.EOI && markers.eofSeen ? data.length : markers.pos - 2;
    }

}
