package org.jpegmt.core.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jpegmt.core.DecoderOptions;
import org.jpegmt.core.JpegException;
import org.junit.jupiter.api.Assumptions;

/**
 * libjpeg-turbo's command-line tools as references for the transcoder tests: jpegtran for the
 * bytes, djpeg for the pixels, cjpeg to make sources. Tests call {@link #requireTools} first:
 * without the tools they are skipped with a printed line (install libjpeg-turbo-progs).
 */
final class Jpegtran {
    static final Path JPEGTRAN = Path.of("/usr/bin/jpegtran");
    static final Path DJPEG = Path.of("/usr/bin/djpeg");
    static final Path CJPEG = Path.of("/usr/bin/cjpeg");

    private Jpegtran() {
    }

    static void requireTools(String what) {
        boolean ok = Files.isExecutable(JPEGTRAN) && Files.isExecutable(DJPEG) && Files.isExecutable(CJPEG);
        if (!ok) {
            System.out.println("SKIPPED " + what + ": jpegtran/djpeg/cjpeg not found (install libjpeg-turbo-progs)");
        }
        Assumptions.assumeTrue(ok, "libjpeg-turbo-progs not installed");
    }

    /** @return jpegtran's switches for these settings */
    static List<String> args(TranscodeJob.Settings s) {
        List<String> a = new ArrayList<>();
        a.add("-copy");
        a.add(s.copy().name().toLowerCase(java.util.Locale.ROOT));
        if (s.restartRows() > 0) {
            a.add("-restart");
            a.add(String.valueOf(s.restartRows()));
        } else if (s.restartMcus() > 0) {
            a.add("-restart");
            a.add(s.restartMcus() + "B");
        }
        if (s.optimize()) {
            a.add("-optimize");
        }
        switch (s.transform()) {
            case FLIP_HORIZONTAL: a.addAll(List.of("-flip", "horizontal")); break;
            case FLIP_VERTICAL: a.addAll(List.of("-flip", "vertical")); break;
            case TRANSPOSE: a.add("-transpose"); break;
            case TRANSVERSE: a.add("-transverse"); break;
            case ROTATE_90: a.addAll(List.of("-rotate", "90")); break;
            case ROTATE_180: a.addAll(List.of("-rotate", "180")); break;
            case ROTATE_270: a.addAll(List.of("-rotate", "270")); break;
            default: break;
        }
        if (s.trim()) {
            a.add("-trim");
        }
        return a;
    }

    /** @return jpegtran's output for {@code jpeg} with these settings */
    static byte[] jpegtran(byte[] jpeg, TranscodeJob.Settings s) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(JPEGTRAN.toString());
        cmd.addAll(args(s));
        return pipe(cmd, jpeg);
    }

    /** @return djpeg's PNM decode (accurate integer IDCT, the default) */
    static byte[] djpeg(byte[] jpeg) throws IOException, InterruptedException {
        return pipe(List.of(DJPEG.toString()), jpeg);
    }

    /** @return cjpeg's file for a PNM input and its switches */
    static byte[] cjpeg(byte[] pnm, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(CJPEG.toString());
        cmd.addAll(List.of(args));
        return pipe(cmd, pnm);
    }

    /** Our serial transcode. */
    static byte[] ours(byte[] jpeg, TranscodeJob.Settings s) throws JpegException {
        TranscodeJob job = TranscodeJob.open(jpeg, DecoderOptions.defaults(), s);
        job.readSource();
        return job.output().encodeAll();
    }

    /** Runs a tool with {@code input} on stdin; returns stdout, failing on a nonzero exit. */
    /** @return the code of the file's frame header marker (0xC0 baseline, 0xC2 progressive, ...), -1 if none */
    static int sof(byte[] jpeg) {
        int p = 2;
        while (p + 4 <= jpeg.length && (jpeg[p] & 0xFF) == 0xFF) {
            int m = jpeg[p + 1] & 0xFF;
            if (m >= 0xC0 && m <= 0xCF && m != 0xC4 && m != 0xC8 && m != 0xCC) {
                return m;
            }
            p += 2 + (((jpeg[p + 2] & 0xFF) << 8) | (jpeg[p + 3] & 0xFF));
        }
        return -1;
    }

    static byte[] pipe(List<String> cmd, byte[] input) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        Thread feeder = new Thread(() -> {
            try (OutputStream o = p.getOutputStream()) {
                o.write(input);
            } catch (IOException ignored) {
                // the tool stopped reading: its exit status tells
            }
        });
        feeder.start();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (InputStream in = p.getInputStream()) {
            in.transferTo(out);
        }
        int rc = p.waitFor();
        feeder.join();
        if (rc != 0 && rc != 2) { // 2: warnings, output written
            throw new IOException(cmd + " exited with " + rc);
        }
        return out.toByteArray();
    }

    /** @return {@code jpeg} with APPn/COM segments (marker, body) inserted after SOI, and its JFIF APP0 dropped if asked */
    static byte[] withSegments(byte[] jpeg, boolean dropJfif, Object... markerAndBody) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        o.write(0xFF);
        o.write(0xD8);
        for (int i = 0; i < markerAndBody.length; i += 2) {
            int m = (Integer) markerAndBody[i];
            byte[] body = (byte[]) markerAndBody[i + 1];
            o.write(0xFF);
            o.write(m);
            o.write((body.length + 2) >> 8);
            o.write(body.length + 2);
            o.writeBytes(body);
        }
        int p = 2;
        if (dropJfif && (jpeg[3] & 0xFF) == 0xE0) {
            p += 2 + SegmentParser.u16(jpeg, 4);
        }
        o.write(jpeg, p, jpeg.length - p);
        return o.toByteArray();
    }
}
