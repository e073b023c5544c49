package org.jpegmt.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.jpegmt.core.JpegDecoder;
import org.jpegmt.core.JpegInfo;
import org.jpegmt.core.PixelImage;
import org.jpegmt.core.internal.FileStructure;
import org.jpegmt.mt.DecodeReport;
import org.jpegmt.core.internal.QuantTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code jpegmt info FILE...}: what the headers and markers of JPEG files say. */
@Command(name = "info", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = {"Describe the headers and markers of JPEG files.",
                "Size, components, sampling, coding process, estimated IJG quality, Huffman",
                "tables, restart interval and the RST markers present (can it be decoded in",
                "parallel?), metadata segments, every marker with its offset and length, and",
                "warnings."},
        footer = {"", "Examples:", "  jpegmt info photo.jpg", "  jpegmt info --json photos/*.jpg",
                "  jpegmt info --compare photo.png photo.jpg   # size, bpp, ratio, PSNR, MSE", "",
                "Exit status: 0 all files read, 1 some file failed, 2 usage error."})
final class InfoCommand extends IoCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "FILE", description = "JPEG files (- for standard input)")
    List<String> files;

    @Option(names = "--json", description = "print a JSON array, one object per file")
    boolean json;

    @Option(names = "--compare", paramLabel = "ORIGINAL",
            description = "also decode each FILE and compare it with ORIGINAL (PNG/BMP/PPM/PGM/JPEG)")
    String compare;

    @Override
    public Integer call() {
        limits(); // a bad --max-* value is a usage error, once, before any file
        PrintStream out = new PrintStream(stdout, true);
        int status = 0;
        PixelImage original = null;
        if (compare != null) {
            try {
                original = ImageFiles.readImage(readInput(compare), new JpegDecoder(limits())::decode);
            } catch (Exception e) {
                reportFailure(compare, e);
                return Main.EXIT_FAILED;
            }
        }
        List<Object> objects = new ArrayList<>();
        for (String file : files) {
            try {
                byte[] data = readInput(file);
                JpegStructure s = JpegStructure.parse(data);
                ImageStats stats = null;
                if (original != null) {
                    FileWarnings warnings = warnings(file, null);
                    PixelImage decoded;
                    try {
                        decoded = new JpegDecoder(decoderOptions(warnings, false)).decode(data);
                    } finally {
                        warnings.finish();
                    }
                    stats = ImageStats.compare(original, decoded, data.length);
                }
                if (json) {
                    objects.add(toJson(file, data.length, s, stats));
                } else {
                    out.print(text(file, data.length, s, stats));
                }
            } catch (Exception e) {
                reportFailure(file, e);
                if (json) {
                    objects.add(new Json.Obj().put("file", file).put("error", Main.describe(e)));
                }
                status = Main.EXIT_FAILED;
            }
        }
        if (json) {
            out.println(Json.write(objects));
        }
        return status;
    }

    private static JpegInfo headerInfo(FileStructure s) {
        List<JpegInfo.Component> comps = new ArrayList<>();
        for (FileStructure.Component c : s.components) {
            comps.add(new JpegInfo.Component(c.id(), c.h(), c.v(), c.quantTable()));
        }
        return new JpegInfo(s.width, s.height, s.precision, s.sofMarker, comps, s.restartInterval,
                s.jfifVersion != null, s.adobeTransform);
    }

    /** The counters of a 2-thread speculative decode, or why it handed the file to the staged path. */
    static String speculationText(DecodeReport r) {
        String counters = r.chunks() + " chunks, " + r.boundariesVerified() + " boundaries verified, "
                + r.bytesDecodedTwice() + " bytes decoded twice, " + r.serialRepairs() + " serial repairs (2 threads)";
        return r.fallback() == null ? counters : "handed to the serial entropy path: " + r.fallback() + "; " + counters;
    }

    private static String restartText(JpegStructure js) {
        FileStructure s = js.file;
        if (s.scans.isEmpty()) {
            return "no scan";
        }
        FileStructure.Scan first = s.scans.get(0);
        String interval = first.restartInterval() == 0 ? "none" : "every " + first.restartInterval() + " MCUs";
        return interval + (first.restartInterval() == 0 && first.restartMarkers() == 0 ? ""
                : ", " + first.restartMarkers() + " RST markers in the first scan")
                + (js.parallelDecodable() ? ": can be decoded in parallel"
                : js.parallelPlan() == DecodeReport.Strategy.SPECULATIVE
                        ? ": decoded in parallel by speculation (chunks of the data decoded from guessed states, then verified)"
                        : ": entropy decoding is serial");
    }

    /**
     * The scans in cjpeg's {@code -scans} notation, with component identifiers: "ids: Ss-Se, Ah,
     * Al" (T.81 B.2.3), scans separated by "; ". A progressive file's scan script at a glance.
     */
    static String scanScript(FileStructure s) {
        List<String> parts = new ArrayList<>();
        for (FileStructure.Scan sc : s.scans) {
            StringBuilder ids = new StringBuilder();
            for (int id : sc.componentIds()) {
                ids.append(ids.length() == 0 ? "" : ",").append(id);
            }
            parts.add(sc.ss() < 0 ? ids + ": unreadable header"
                    : ids + ": " + sc.ss() + "-" + sc.se() + ", " + sc.ah() + ", " + sc.al());
        }
        return String.join("; ", parts);
    }

    private static String text(String file, long size, JpegStructure js, ImageStats stats) {
        FileStructure s = js.file;
        StringBuilder sb = new StringBuilder();
        if (s.sofMarker < 0) {
            sb.append(file).append(": no frame header, ").append(size).append(" bytes\n");
        } else {
            JpegInfo info = headerInfo(s);
            sb.append(String.format(Locale.ROOT, "%s: %dx%d, %d component%s, %s (%s), %s, %d-bit, %d bytes%n", file,
                    s.width, s.height, s.components.size(), s.components.size() == 1 ? "" : "s", info.subsampling(),
                    info.samplingFactors(), info.sofDescription(), s.precision, size));
        }
        QualityEstimate q = QualityEstimate.of(QualityEstimate.targets(js));
        line(sb, "quality", q == null ? "unknown (no quantisation tables)" : q.describe());
        List<String> qt = new ArrayList<>();
        for (QuantTable t : s.quantTables) {
            qt.add(t.slot() + " (" + t.precision() + "-bit)");
        }
        line(sb, "quant tables", qt.isEmpty() ? "none" : String.join(", ", qt));
        List<String> ht = new ArrayList<>();
        for (FileStructure.HuffTable t : s.huffTables) {
            ht.add(t.label() + " " + (t.standard() == null ? "custom" : "standard"));
        }
        line(sb, "huffman tables", ht.isEmpty() ? "none" : String.join(", ", ht));
        line(sb, "restart", restartText(js));
        DecodeReport spec = js.speculation();
        if (spec != null) {
            line(sb, "speculation", speculationText(spec));
        }
        line(sb, "transcode", InfoMetadata.transcodeAdvice(js));
        line(sb, "scans", String.valueOf(s.scans.size()));
        if (s.scans.size() > 1 || s.sofMarker == 0xC2) {
            line(sb, "scan script", scanScript(s));
        }
        line(sb, "metadata", "JFIF " + (s.jfifVersion == null ? "no" : s.jfifVersion) + ", EXIF " + yes(s.exif) + ", ICC "
                + (s.iccChunks == 0 ? "no" : "yes (" + s.iccChunks + " chunks)") + ", XMP " + yes(s.xmp) + ", Adobe "
                + (s.adobeTransform < 0 ? "no" : "yes (transform " + s.adobeTransform + ")"));
        org.jpegmt.core.JpegMetadata meta = js.metadata();
        String orientation = InfoMetadata.orientation(meta);
        if (orientation != null) {
            line(sb, "orientation", orientation);
        }
        meta.iccDescription().ifPresent(d -> line(sb, "icc profile", d));
        for (String c : s.comments) {
            line(sb, "comment", c);
        }
        if (stats != null) {
            line(sb, "compared", stats.describe());
        }
        sb.append("  markers:\n");
        for (FileStructure.Segment m : s.segments) {
            sb.append(String.format(Locale.ROOT, "    %-5s offset %-9d length %-9d %s", m.name(), m.offset(), m.length(),
                    m.note()).stripTrailing()).append('\n');
        }
        line(sb, "warnings", s.warnings.isEmpty() ? "none" : "");
        for (String w : s.warnings) {
            sb.append("    ").append(w).append('\n');
        }
        return sb.toString();
    }

    private static String yes(boolean b) {
        return b ? "yes" : "no";
    }

    private static void line(StringBuilder sb, String key, String value) {
        sb.append(String.format(Locale.ROOT, "  %-15s %s", key + ":", value).stripTrailing()).append('\n');
    }

    private static Json.Obj toJson(String file, long size, JpegStructure js, ImageStats stats) {
        FileStructure s = js.file;
        Json.Obj o = new Json.Obj().put("file", file).put("bytes", size);
        if (s.sofMarker >= 0) {
            JpegInfo info = headerInfo(s);
            o.put("width", s.width).put("height", s.height).put("precision", s.precision)
                    .put("sof", info.sofName()).put("process", info.sofDescription())
                    .put("subsampling", info.subsampling()).put("sampling_factors", info.samplingFactors());
        }
        List<Object> comps = new ArrayList<>();
        for (FileStructure.Component c : s.components) {
            comps.add(new Json.Obj().put("id", c.id()).put("h", c.h()).put("v", c.v()).put("quant_table", c.quantTable()));
        }
        o.put("components", comps);
        QualityEstimate q = QualityEstimate.of(QualityEstimate.targets(js));
        o.put("quality", q == null ? null : new Json.Obj().put("estimate", q.quality()).put("exact_ijg", q.exact())
                .put("mean_deviation", q.meanError()));
        List<Object> qts = new ArrayList<>();
        for (QuantTable t : s.quantTables) {
            qts.add(new Json.Obj().put("slot", t.slot()).put("precision", t.precision()).put("values", t.values()));
        }
        o.put("quant_tables", qts);
        List<Object> hts = new ArrayList<>();
        for (FileStructure.HuffTable t : s.huffTables) {
            hts.add(new Json.Obj().put("class", t.tableClass() == 0 ? "DC" : "AC").put("slot", t.slot())
                    .put("standard", t.standard() != null).put("matches", t.standard()));
        }
        o.put("huffman_tables", hts);
        o.put("restart_interval", s.scans.isEmpty() ? s.restartInterval : s.scans.get(0).restartInterval());
        o.put("rst_markers", s.scans.isEmpty() ? 0 : s.scans.get(0).restartMarkers());
        o.put("parallel_decodable", js.parallelDecodable());
        DecodeReport.Strategy plan = js.parallelPlan();
        o.put("parallel_strategy", plan == null ? null : plan.name().toLowerCase(java.util.Locale.ROOT));
        DecodeReport spec = js.speculation();
        if (spec != null) {
            o.put("speculation", new Json.Obj().put("chunks", spec.chunks())
                    .put("boundaries_verified", spec.boundariesVerified()).put("bytes_decoded_twice", spec.bytesDecodedTwice())
                    .put("serial_repairs", spec.serialRepairs()).put("fallback", spec.fallback()));
        }
        o.put("transcode", InfoMetadata.transcodeAdvice(js));
        List<Object> scans = new ArrayList<>();
        for (FileStructure.Scan sc : s.scans) {
            scans.add(new Json.Obj().put("offset", sc.offset()).put("components", sc.componentIds())
                    .put("data_bytes", sc.dataLength()).put("restart_interval", sc.restartInterval())
                    .put("rst_markers", sc.restartMarkers()).put("rst_in_order", sc.markersInOrder())
                    .put("ss", sc.ss()).put("se", sc.se()).put("ah", sc.ah()).put("al", sc.al()));
        }
        o.put("scans", scans);
        o.put("jfif", s.jfifVersion != null).put("jfif_version", s.jfifVersion).put("exif", s.exif).put("icc", s.iccChunks > 0)
                .put("xmp", s.xmp).put("adobe", s.adobeTransform >= 0)
                .put("adobe_transform", s.adobeTransform < 0 ? null : s.adobeTransform);
        org.jpegmt.core.JpegMetadata meta = js.metadata();
        o.put("exif_orientation", meta.exifOrientation().isPresent() ? meta.exifOrientation().getAsInt() : null);
        o.put("icc_description", meta.iccDescription().orElse(null));
        o.put("comments", Json.array(s.comments));
        List<Object> markers = new ArrayList<>();
        for (FileStructure.Segment m : s.segments) {
            markers.add(new Json.Obj().put("marker", m.name()).put("offset", m.offset()).put("length", m.length())
                    .put("note", m.note()));
        }
        o.put("markers", markers);
        o.put("warnings", Json.array(s.warnings));
        if (stats != null) {
            o.put("compare", stats.toJson());
        }
        return o;
    }
}
