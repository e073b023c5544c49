package org.jpegmt.core.internal;

/**
 * A frame header (T.81 B.2.2, SOFn) and the geometry derived from it (T.81 A.1.1, A.2.3):
 * per component the real sample size {@code dw x dh}, the real block counts {@code wib x hib},
 * and the interleaved MCU grid {@code mcusX x mcusY}.
 *
 * @param sof second byte of the SOFn marker
 * @param precision sample precision P
 * @param height number of lines Y
 * @param width samples per line X
 * @param components frame components in frame order
 */
record FrameHeader(int sof, int precision, int height, int width, Component[] components) {

    /**
     * One frame component (T.81 B.2.2: Ci, Hi, Vi, Tqi).
     *
     * @param id component identifier
     * @param h horizontal sampling factor
     * @param v vertical sampling factor
     * @param tq quantisation table selector
     */
    record Component(int id, int h, int v, int tq) {
    }

    int count() {
        return components.length;
    }

    int hmax() {
        int m = 1;
        for (Component c : components) {
            m = Math.max(m, c.h());
        }
        return m;
    }

    int vmax() {
        int m = 1;
        for (Component c : components) {
            m = Math.max(m, c.v());
        }
        return m;
    }

    /** @return MCUs per row of an interleaved scan, ceil(X / (8 Hmax)) */
    int mcusX() {
        return ceilDiv(width, 8 * hmax());
    }

    /** @return MCU rows of an interleaved scan, ceil(Y / (8 Vmax)) */
    int mcusY() {
        return ceilDiv(height, 8 * vmax());
    }

    /** @return real width of component c in samples, ceil(X * h / Hmax) */
    int dw(int c) {
        return ceilDiv(width * components[c].h(), hmax());
    }

    /** @return real height of component c in samples, ceil(Y * v / Vmax) */
    int dh(int c) {
        return ceilDiv(height * components[c].v(), vmax());
    }

    /** @return real blocks per row of component c, ceil(dw / 8) */
    int wib(int c) {
        return ceilDiv(dw(c), 8);
    }

    /** @return real block rows of component c, ceil(dh / 8) */
    int hib(int c) {
        return ceilDiv(dh(c), 8);
    }

    /** @return plane width of component c: whole MCUs, so every block of any scan fits */
    int planeWidth(int c) {
        return mcusX() * components[c].h() * 8;
    }

    /** @return plane height of component c in sample rows */
    int planeHeight(int c) {
        return mcusY() * components[c].v() * 8;
    }

    static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }
}
