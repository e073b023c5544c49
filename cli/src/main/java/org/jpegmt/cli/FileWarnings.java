package org.jpegmt.cli;

import java.io.PrintStream;
import org.jpegmt.core.JpegWarningListener;

/**
 * What standard error shows of the warnings of one input file. A damaged file can raise
 * thousands (one per restart interval left without data), so by default only the first is shown,
 * once the file is done, with a count of the others, on one line:
 * {@code jpegmt: a.jpg: warning: Corrupt JPEG data: premature end of data segment (at byte 20000) (and 38 more warnings; --verbose shows them)}.
 * With {@code --verbose} every warning is printed as it arrives; with {@code --quiet}, none. The
 * decoder still reports every warning to this listener: this class only decides what is printed.
 *
 * <p>Thread-safe (parallel decoding reports from several threads). It locks the stream, as
 * {@link Progress} does, and erases the progress bar before it prints, so a warning never lands
 * on the bar's line; the bar is redrawn below it at its next step.
 */
final class FileWarnings implements JpegWarningListener {
    /** How many warnings of a file are printed. */
    enum Shown {
        NONE, FIRST, ALL
    }

    private final PrintStream err;
    private final String label;
    private final Shown shown;
    private final Runnable eraseBar;
    private String first;
    private long count;
    private boolean finished;

    /**
     * @param err standard error
     * @param label the input's name, as in error lines
     * @param shown how many to print
     * @param eraseBar erases the progress bar (called holding the lock of {@code err}), or null
     */
    FileWarnings(PrintStream err, String label, Shown shown, Runnable eraseBar) {
        this.err = err;
        this.label = label;
        this.shown = shown;
        this.eraseBar = eraseBar;
    }

    @Override
    public void warning(String message, long offset) {
        warn(message + (offset >= 0 ? " (at byte " + offset + ")" : ""));
    }

    /** Records a warning of this file (printed now with --verbose, at {@link #finish} otherwise). */
    void warn(String text) {
        synchronized (err) {
            count++;
            if (shown == Shown.ALL) {
                print(text);
            } else if (first == null) {
                first = text;
            }
        }
    }


    /** Prints a note about this file now ({@code jpegmt: a.jpg: text}), unless --quiet. */
    void note(String text) {
        synchronized (err) {
            if (shown != Shown.NONE) {
                if (eraseBar != null) {
                    eraseBar.run();
                }
                err.println("jpegmt: " + label + ": " + text);
            }
        }
    }

    /**
     * The file is done (or failed): prints its first warning and how many others there were,
     * unless --verbose printed them already or --quiet hides them. Only the first call prints.
     */
    void finish() {
        synchronized (err) {
            if (finished) {
                return;
            }
            finished = true;
            if (shown == Shown.FIRST && first != null) {
                long more = count - 1;
                print(first + (more == 0 ? "" : " (and " + more + " more warning" + (more == 1 ? "" : "s")
                        + "; --verbose shows them)"));
            }
        }
    }

    private void print(String text) {
        if (eraseBar != null) {
            eraseBar.run();
        }
        err.println("jpegmt: " + label + ": warning: " + text);
    }
}
