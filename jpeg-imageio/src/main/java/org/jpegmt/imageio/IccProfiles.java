package org.jpegmt.imageio;

import java.awt.color.CMMException;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_ColorSpace;
import java.awt.color.ICC_Profile;
import java.awt.image.ColorConvertOp;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Embedded ICC profiles: the {@code APP2 "ICC_PROFILE"} chunks of a file put back together,
 * checked the way the JDK reader checks them, split again for writing, and the conversion from
 * the profile's colour space to sRGB that the JDK reader applies when it reads such a file into
 * an sRGB image.
 */
final class IccProfiles {
    private IccProfiles() {
    }

    /** "ICC_PROFILE" and a zero byte, then the chunk's sequence number and the chunk count. */
    private static final byte[] TAG = {'I', 'C', 'C', '_', 'P', 'R', 'O', 'F', 'I', 'L', 'E', 0};
    private static final int HEADER = TAG.length + 2;
    /** Most profile bytes in one APP2 segment: 65535 minus the length field and the header. */
    static final int MAX_CHUNK = 0xFFFF - 2 - HEADER;

    /** @return whether an APP2 payload is an ICC profile chunk */
    static boolean isChunk(byte[] p) {
        if (p.length < HEADER) {
            return false;
        }
        for (int i = 0; i < TAG.length; i++) {
            if (p[i] != TAG[i]) {
                return false;
            }
        }
        return true;
    }

    /**
     * @param segments the file's marker segments
     * @return the profile bytes from all APP2 chunks in sequence order, or null when there are
     *     none or they do not add up (missing, repeated or out-of-range sequence numbers)
     */
    static byte[] assemble(List<JpegHeaders.Segment> segments) {
        byte[][] chunks = null;
        for (JpegHeaders.Segment s : segments) {
            if (s.marker() != NativeTree.APP2 || !isChunk(s.payload())) {
                continue;
            }
            byte[] p = s.payload();
            int seq = p[TAG.length] & 0xFF;
            int count = p[TAG.length + 1] & 0xFF;
            if (chunks == null) {
                chunks = new byte[count][];
            }
            if (count != chunks.length || seq < 1 || seq > count || chunks[seq - 1] != null) {
                return null;
            }
            chunks[seq - 1] = p;
        }
        if (chunks == null || chunks.length == 0) {
            return null;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] c : chunks) {
            if (c == null) {
                return null;
            }
            out.write(c, HEADER, c.length - HEADER);
        }
        return out.toByteArray();
    }

    /**
     * @param data profile bytes
     * @return the profile, or null if the JDK refuses it or cannot convert with it (the checks
     *     the JDK reader makes before it uses an embedded profile)
     */
    static ICC_Profile profileOrNull(byte[] data) {
        ICC_Profile profile = parsedOrNull(data);
        if (profile == null) {
            return null;
        }
        try {
            new ICC_ColorSpace(profile).fromRGB(new float[] {1f, 0f, 0f});
            return profile;
        } catch (CMMException e) {
            return null;
        }
    }

    /**
     * @param data profile bytes
     * @return a new profile of them, or null if the JDK cannot parse them; the JDK's metadata
     *     holds such a profile in its {@code app2ICC} node even when it cannot convert with it
     *     (LCMS "Couldn't link the profiles"), and then reads the pixels without it
     */
    static ICC_Profile parsedOrNull(byte[] data) {
        try {
            return ICC_Profile.getInstance(data);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * @param profile a profile to embed
     * @return APP2 payloads holding it, at most {@link #MAX_CHUNK} profile bytes each
     */
    static List<byte[]> chunks(ICC_Profile profile) {
        byte[] data = profile.getData();
        int count = Math.max(1, (data.length + MAX_CHUNK - 1) / MAX_CHUNK);
        List<byte[]> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int from = i * MAX_CHUNK;
            int len = Math.min(MAX_CHUNK, data.length - from);
            byte[] p = new byte[HEADER + len];
            System.arraycopy(TAG, 0, p, 0, TAG.length);
            p[TAG.length] = (byte) (i + 1);
            p[TAG.length + 1] = (byte) count;
            System.arraycopy(data, from, p, HEADER, len);
            out.add(p);
        }
        return out;
    }

    /**
     * The colour space in which a file's decoded samples are to be read: its embedded profile
     * when that is valid and has as many components as the decoded image has bands (3: the JDK
     * reader applies profiles to colour files only), else null.
     *
     * @param segments the file's marker segments
     * @param bands bands of the decoded image
     * @return the embedded colour space, or null
     */
    static ICC_ColorSpace embedded(List<JpegHeaders.Segment> segments, int bands) {
        if (bands != 3) {
            return null;
        }
        byte[] data = assemble(segments);
        ICC_Profile profile = data == null ? null : profileOrNull(data);
        if (profile == null || profile.getNumComponents() != 3) {
            return null;
        }
        return new ICC_ColorSpace(profile);
    }

    /**
     * Converts samples in place from {@code from} to {@code to}, with the colour management
     * system's default intent, as the JDK reader does for a file with an embedded profile.
     */
    static void convert(WritableRaster raster, ColorSpace from, ColorSpace to) {
        new ColorConvertOp(from, to, null).filter(raster, raster);
    }
}
