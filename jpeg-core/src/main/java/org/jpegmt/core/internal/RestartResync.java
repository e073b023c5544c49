package org.jpegmt.core.internal;

import org.jpegmt.core.JpegException;

/**
 * What the serial decoder does at a restart boundary and at the end of a scan (T.81 F.2.1.3.1,
 * B.1.1.5): find the marker that should be RSTm, and when it is not, resynchronise as libjpeg
 * does (jdhuff.c process_restart, jdmarker.c read_restart_marker / jpeg_resync_to_restart).
 * Looks for markers with its own {@link MarkerCursor}, so it never moves the header reader.
 */
final class RestartResync {
    /** What to do with a marker found where RSTm was expected (libjpeg's resync actions). */
    private enum Action {
        /** Take it as RSTm: the data between was lost; decode on after it. */
        ACCEPT,
        /** Skip it and look for the next marker (an older RSTn, or junk that looks like a marker). */
        DISCARD,
        /** Leave it for later (a later RSTn, or another marker): the interval is empty. */
        KEEP_PENDING
    }

    private final byte[] data;
    private final Warnings warn;
    private final MarkerCursor cursor;

    /**
     * @param eofSeen whether the header reader already met the end of the data (warned once only)
     */
    RestartResync(byte[] data, Warnings warn, boolean eofSeen) {
        this.data = data;
        this.warn = warn;
        this.cursor = new MarkerCursor(data, warn, 0);
        cursor.eofSeen = eofSeen;
    }

    /** @return true once the end of the data was met where a marker was expected */
    boolean eofSeen() {
        return cursor.eofSeen;
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
            cursor.endOfData();
            marker = Markers.EOI;
            after = data.length;
        } else {
            marker = markerAfter(br, cursor, warn);
            after = cursor.pos;
        }
        boolean pending = false;
        if (marker != Markers.RST0 + m) {
            warn.warn("Corrupt JPEG data: found marker " + Warnings.hex(marker) + " instead of RST" + m, after - 1);
            for (;;) {
                Action action = action(marker, m);
                if (action == Action.ACCEPT) {
                    break;
                }
                if (action == Action.KEEP_PENDING) {
                    pending = true;
                    break;
                }
                if (after >= data.length) {
                    cursor.endOfData();
                    marker = Markers.EOI;
                    after = data.length;
                    continue;
                }
                cursor.pos = after;
                marker = cursor.next();
                after = cursor.pos;
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

    /** libjpeg's jpeg_resync_to_restart choice for {@code marker} found where RSTm was expected. */
    private static Action action(int marker, int m) {
        if (marker < 0xC0) {
            return Action.DISCARD; // not a valid marker: junk
        }
        if (!Markers.isRestart(marker)) {
            return Action.KEEP_PENDING; // a marker of the file's structure (EOI, SOS, ...)
        }
        if (marker == Markers.RST0 + ((m + 1) & 7) || marker == Markers.RST0 + ((m + 2) & 7)) {
            return Action.KEEP_PENDING; // one or two intervals ahead: the data in between is lost
        }
        if (marker == Markers.RST0 + ((m - 1) & 7) || marker == Markers.RST0 + ((m - 2) & 7)) {
            return Action.DISCARD; // behind: look further
        }
        return Action.ACCEPT; // too far off to tell: take it
    }

    /** @return offset of the marker after a scan's data (at its FF), or the data length */
    int endOfScan(BitReader br) throws JpegException {
        if (br.ended && br.marker < 0) {
            cursor.endOfData();
            return data.length;
        }
        int m = markerAfter(br, cursor, warn);
        if (br.ended) {
            return br.markerPos - 1;
        }
        return m == Markers.EOI && cursor.eofSeen ? data.length : cursor.pos - 2;
    }

    /**
     * The checks at the end of one segment decoded from its known bounds (bands): what the serial
     * path reports there too, the end of the file, or junk before the marker. Thread-safe.
     */
    static void endOfSegment(BitReader br, byte[] data, Warnings warn) throws JpegException {
        if (br.ended && br.marker < 0) {
            warn.warn("Premature end of JPEG file", data.length);
        } else {
            markerAfter(br, new MarkerCursor(data, warn, 0), warn);
        }
    }

    /**
     * Finds the marker that ends a segment's data as libjpeg's process_restart and next_marker
     * do: whole bytes of data left unused in the bit buffer, and bytes skipped before the
     * marker, are junk (warning "extraneous bytes before marker"). Used at restarts, at the end
     * of a scan, and after each segment of parallel decoding, so all report the same.
     *
     * @param br the reader, after the segment's last MCU; must not have run into the data's end
     * @param cursor the cursor to scan with; its {@code pos} ends up after the marker
     * @param warn where warnings go
     * @return the marker code
     */
    private static int markerAfter(BitReader br, MarkerCursor cursor, Warnings warn) throws JpegException {
        int unused = br.unusedBytes();
        if (br.ended) {
            if (unused > 0) {
                warn.warn(Warnings.extraneous(unused, br.marker), br.position() - unused);
            }
            cursor.pos = br.markerPos + 1;
            return br.marker;
        }
        cursor.pos = br.position();
        return cursor.next(unused, br.position() - unused);
    }
}
