package org.jpegmt.cli;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Standard output that keeps its first write error: the {@code PrintStream}s and
 * {@code PrintWriter}s the reports are printed through swallow errors, so {@link Main} asks this
 * stream afterwards. Failed writes throw {@code standard output: write error (REASON)}, which
 * stops a conversion writing to {@code -}.
 */
final class CheckedOutputStream extends FilterOutputStream {
    private volatile IOException error;

    CheckedOutputStream(OutputStream out) {
        super(out);
    }

    /** @return the first write error, or null */
    IOException error() {
        return error;
    }

    @Override
    public void write(int b) throws IOException {
        try {
            out.write(b);
        } catch (IOException e) {
            throw failed(e);
        }
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        try {
            out.write(b, off, len);
        } catch (IOException e) {
            throw failed(e);
        }
    }

    @Override
    public void flush() throws IOException {
        try {
            out.flush();
        } catch (IOException e) {
            throw failed(e);
        }
    }

    private synchronized IOException failed(IOException e) {
        IOException wrapped = new IOException("standard output: write error ("
                + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()) + ")", e);
        if (error == null) {
            error = wrapped;
        }
        return wrapped;
    }
}
