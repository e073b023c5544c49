package org.jpegmt.imageio;

import java.awt.Point;
import java.awt.Rectangle;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import javax.imageio.IIOException;

/**
 * Copies a source region, taking every {@code xStep}-th column of every {@code yStep}-th row,
 * from one raster into another: the pixel work behind source regions and subsampling in both
 * the reader and the writer.
 */
final class RegionCopy {
    private RegionCopy() {
    }

    /** Told after each destination row; returns false to stop (abort). */
    @FunctionalInterface
    interface RowListener {
        boolean rowDone(int rowsDone, int rowsTotal);
    }

    /**
     * @param src source samples; 1 (grey) or 3 (RGB) bands, or as many as {@code dst}
     * @param region the source rectangle whose top-left pixel is copied first
     * @param xStep column step, at least 1
     * @param yStep row step, at least 1
     * @param dst destination; 1 band needs 1 source band, 3 or 4 bands take grey (replicated)
     *     or RGB, a fourth band (alpha) is set opaque
     * @param at where the first copied pixel lands in {@code dst}
     * @param width copied pixels per row
     * @param height copied rows
     * @param listener progress and abort, may be null
     * @return false if the listener stopped the copy
     * @throws IIOException if the band counts cannot be matched
     */
    static boolean copy(Raster src, Rectangle region, int xStep, int yStep, WritableRaster dst, Point at,
            int width, int height, RowListener listener) throws IIOException {
        int sb = src.getNumBands();
        int db = dst.getNumBands();
        boolean same = sb == db;
        if (!same && !((sb == 1 || sb == 3) && (db == 3 || db == 4))) {
            throw new IIOException("cannot copy " + sb + " source bands into " + db + " destination bands");
        }
        int opaque = db == 4 ? (1 << dst.getSampleModel().getSampleSize(3)) - 1 : 0;
        int srcSpan = (width - 1) * xStep + 1;
        int[] in = new int[srcSpan * sb];
        int[] out = new int[width * db];
        for (int row = 0; row < height; row++) {
            src.getPixels(region.x, region.y + row * yStep, srcSpan, 1, in);
            for (int x = 0, s = 0, d = 0; x < width; x++, s += xStep * sb, d += db) {
                if (same) {
                    System.arraycopy(in, s, out, d, sb);
                } else {
                    out[d] = in[s];
                    out[d + 1] = in[sb == 1 ? s : s + 1];
                    out[d + 2] = in[sb == 1 ? s : s + 2];
                    if (db == 4) {
                        out[d + 3] = opaque;
                    }
                }
            }
            dst.setPixels(at.x, at.y + row, width, 1, out);
            if (listener != null && !listener.rowDone(row + 1, height)) {
                return false;
            }
        }
        return true;
    }
}
