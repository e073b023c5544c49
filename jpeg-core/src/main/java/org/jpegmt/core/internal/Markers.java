package org.jpegmt.core.internal;

/**
 * Marker codes (the byte after {@code 0xFF}) of ITU-T T.81 Table B.1, in one place for the
 * reader, the writer, the resynchronisation and the structure listing ({@link FileStructure}).
 */
public final class Markers {
    /** Baseline DCT frame. */
    public static final int SOF0 = 0xC0;
    /** Extended sequential DCT frame, Huffman coding. */
    public static final int SOF1 = 0xC1;
    /** Start of frame, progressive DCT, Huffman coding (T.81 Annex G). */
    public static final int SOF2 = 0xC2;
    /** Define Huffman tables. */
    public static final int DHT = 0xC4;
    /** JPG: reserved for extensions (not a frame header). */
    public static final int JPG = 0xC8;
    /** Define arithmetic coding conditioning. */
    public static final int DAC = 0xCC;
    /** RST0; RSTm is {@code RST0 + m}, m = 0..7. */
    public static final int RST0 = 0xD0;
    /** RST7, the last restart marker. */
    public static final int RST7 = 0xD7;
    /** Start of image. */
    public static final int SOI = 0xD8;
    /** End of image. */
    public static final int EOI = 0xD9;
    /** Start of scan. */
    public static final int SOS = 0xDA;
    /** Define quantisation tables. */
    public static final int DQT = 0xDB;
    /** Define number of lines. */
    public static final int DNL = 0xDC;
    /** Define restart interval. */
    public static final int DRI = 0xDD;
    /** Define hierarchical progression. */
    public static final int DHP = 0xDE;
    /** Expand reference components. */
    public static final int EXP = 0xDF;
    /** APP0, the first application segment (JFIF); APPn is {@code APP0 + n}. */
    public static final int APP0 = 0xE0;
    /** APP14 (Adobe). */
    public static final int APP14 = 0xEE;
    /** APP15, the last application segment. */
    public static final int APP15 = 0xEF;
    /** JPG0, the first of the markers reserved for JPEG extensions; JPGn is {@code JPG0 + n}. */
    public static final int JPG0 = 0xF0;
    /** JPG13, the last of them. */
    public static final int JPG13 = 0xFD;
    /** Comment. */
    public static final int COM = 0xFE;
    /** For temporary private use in arithmetic coding; no length. */
    public static final int TEM = 0x01;

    private Markers() {
    }

    /** @return true for RST0..RST7 */
    public static boolean isRestart(int code) {
        return code >= RST0 && code <= RST7;
    }

    /** @return true for the frame headers SOF0..SOF15 (not DHT, JPG or DAC) */
    public static boolean isFrame(int code) {
        return code >= 0xC0 && code <= 0xCF && code != DHT && code != JPG && code != DAC;
    }

    /** @return true for APP0..APP15 */
    public static boolean isApp(int code) {
        return code >= APP0 && code <= APP15;
    }

    /** @return true for the markers that stand alone, without a length field (T.81 B.1.1.3) */
    public static boolean standalone(int code) {
        return code == SOI || code == EOI || code == TEM || isRestart(code);
    }

    /**
     * @return the marker's T.81 Table B.1 name: "SOF0", "DHT", "RST3", "APP1", "JPG13", ...; for
     *     the reserved codes 0x02..0xBF (and 0x00, which is no marker) "0x" and two hex digits
     */
    public static String name(int code) {
        if (isRestart(code)) {
            return "RST" + (code - RST0);
        }
        if (isApp(code)) {
            return "APP" + (code - APP0);
        }
        if (isFrame(code)) {
            return "SOF" + (code - SOF0);
        }
        if (code >= JPG0 && code <= JPG13) {
            return "JPG" + (code - JPG0);
        }
        switch (code) {
            case DHT: return "DHT";
            case JPG: return "JPG";
            case DAC: return "DAC";
            case SOI: return "SOI";
            case EOI: return "EOI";
            case SOS: return "SOS";
            case DQT: return "DQT";
            case DNL: return "DNL";
            case DRI: return "DRI";
            case DHP: return "DHP";
            case EXP: return "EXP";
            case COM: return "COM";
            case TEM: return "TEM";
            default: return String.format("0x%02X", code);
        }
    }
}
