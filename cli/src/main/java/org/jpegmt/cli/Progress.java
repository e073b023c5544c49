package org.jpegmt.cli;

import java.io.PrintStream;

/**
 * A one-line progress bar redrawn in place with {@code \r} on standard error. It is only drawn
 * when standard error is a terminal and {@code --quiet} is not given; otherwise every call does
 * nothing. Thread-safe (it locks the stream, so error lines printed under that lock never tear the bar); for more than 100 units, redraws at most ten times a second.
 */
final class Progress {
    private static final int WIDTH = 79;
    private static final int BAR = 24;

    private final PrintStream err;
    private final boolean enabled;
    private final long total;
    private final String unit;
    private long done;
    private long lastDraw;
    private int drawnWidth;

    /**
     * @param err where to draw
     * @param enabled false for a progress bar that does nothing
     * @param total units of work (files, or steps of one image)
     * @param unit what a unit is called, e.g. {@code "files"}
     */
    Progress(PrintStream err, boolean enabled, long total, String unit) {
        this.err = err;
        this.enabled = enabled;
        this.total = Math.max(1, total);
        this.unit = unit;
    }

    /** Counts {@code n} more units done, naming what is being worked on. */
    void advance(long n, String current) {
        // lock the stream, not this object: callers print error lines holding the stream's lock
        synchronized (err) {
            done += n;
            if (!enabled) {
                return;
            }
            long now = System.nanoTime();
            if (total > 100 && done < total && now - lastDraw < 100_000_000L && lastDraw != 0) {
                return;
            }
            lastDraw = now;
            String line = render(done, total, unit, current);
            err.print("\r" + line + " ".repeat(Math.max(0, drawnWidth - line.length())));
            err.flush();
            drawnWidth = line.length();
        }
    }

    /** Erases the bar, leaving the cursor at the start of an empty line. */
    void finish() {
        synchronized (err) {
            if (enabled && drawnWidth > 0) {
                err.print("\r" + " ".repeat(drawnWidth) + "\r");
                err.flush();
                drawnWidth = 0;
            }
        }
    }

    /** The text of the bar, at most 79 characters: {@code [#####.....]  3/10 files  30%  name}. */
    static String render(long done, long total, String unit, String current) {
        long d = Math.min(done, total);
        int filled = (int) (BAR * d / total);
        String head = "[" + "#".repeat(filled) + ".".repeat(BAR - filled) + "] " + d + "/" + total + " "
                + unit + " " + (100 * d / total) + "%";
        if (current == null || current.isEmpty()) {
            return head;
        }
        int room = WIDTH - head.length() - 2;
        if (room < 8) {
            return head;
        }
        String name = current.length() <= room ? current : "..." + current.substring(current.length() - room + 3);
        return head + "  " + name;
    }
}
