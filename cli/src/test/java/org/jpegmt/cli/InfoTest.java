package org.jpegmt.cli;

import static org.jpegmt.cli.MainTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code jpegmt info}: the marker walk, quality estimate, Huffman tables, restart markers, JSON. */
class InfoTest {
    @TempDir
    Path dir;

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> infoJson(String... files) {
        List<String> args = new ArrayList<>(List.of("info", "--json"));
        args.addAll(List.of(files));
        MainTest.Run r = run(args.toArray(String[]::new));
        return (List<Map<String, Object>>) MiniJson.parse(r.outText());
    }

    private Path encode(String name, int w, int h, String... options) throws Exception {
        Path png = TestFiles.smoothPng(dir.resolve(name + ".png"), w, h);
        Path jpg = dir.resolve(name + ".jpg");
        List<String> args = new ArrayList<>(List.of("encode"));
        args.addAll(List.of(options));
        args.add(png.toString());
        args.add(jpg.toString());
        MainTest.Run r = run(args.toArray(String[]::new));
        assertEquals(0, r.status(), r.err());
        return jpg;
    }

    private static int num(Map<String, Object> o, String key) {
        return ((Double) o.get(key)).intValue();
    }

    @Test
    @SuppressWarnings("unchecked")
    void jsonOfAFileWithRestartMarkers() throws Exception {
        // 4:2:0, 100x70: 7x5 MCUs, one restart interval per MCU row -> 4 RST markers
        Path jpg = encode("rst", 100, 70, "-q", "90");
        Map<String, Object> o = infoJson(jpg.toString()).get(0);
        assertEquals(100, num(o, "width"));
        assertEquals(70, num(o, "height"));
        assertEquals("SOF0", o.get("sof"));
        assertEquals("4:2:0", o.get("subsampling"));
        assertEquals("2x2,1x1,1x1", o.get("sampling_factors"));
        assertEquals(7, num(o, "restart_interval"));
        assertEquals(4, num(o, "rst_markers"));
        // 7000 pixels: under jpeg-mt's 64 Ki-pixel threshold, so decoded serially
        assertEquals(Boolean.FALSE, o.get("parallel_decodable"));
        Map<String, Object> q = (Map<String, Object>) o.get("quality");
        assertEquals(90, ((Double) q.get("estimate")).intValue());
        assertEquals(Boolean.TRUE, q.get("exact_ijg"));
        List<Map<String, Object>> huff = (List<Map<String, Object>>) o.get("huffman_tables");
        assertEquals(4, huff.size());
        huff.forEach(t -> assertEquals(Boolean.TRUE, t.get("standard"), "Annex K.3 table expected: " + t));
        assertEquals(Boolean.TRUE, o.get("jfif"));
        assertEquals(Boolean.FALSE, o.get("exif"));
        assertEquals(List.of(), o.get("warnings"));

        List<Map<String, Object>> markers = (List<Map<String, Object>>) o.get("markers");
        List<String> names = markers.stream().map(m -> (String) m.get("marker")).toList();
        assertEquals("SOI", names.get(0));
        assertEquals("EOI", names.get(names.size() - 1));
        assertTrue(names.containsAll(List.of("APP0", "DQT", "SOF0", "DHT", "DRI", "SOS", "data")), names.toString());
        double last = -1;
        for (Map<String, Object> m : markers) {
            double off = (Double) m.get("offset");
            assertTrue(off > last, "offsets increase: " + markers);
            last = off;
        }
        Map<String, Object> eoi = markers.get(markers.size() - 1);
        assertEquals(Files.size(jpg) - 2, ((Double) eoi.get("offset")).longValue());
    }

    @Test
    void jsonOfAFileWithoutRestartMarkers() throws Exception {
        Path jpg = encode("plain", 100, 70, "--restart-rows", "0", "--optimize", "-q", "75", "-s", "444");
        Map<String, Object> o = infoJson(jpg.toString()).get(0);
        assertEquals(0, num(o, "restart_interval"));
        assertEquals(0, num(o, "rst_markers"));
        assertEquals(Boolean.FALSE, o.get("parallel_decodable"));
        assertEquals("4:4:4", o.get("subsampling"));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> huff = (List<Map<String, Object>>) o.get("huffman_tables");
        assertTrue(huff.stream().anyMatch(t -> t.get("standard") == Boolean.FALSE), "optimised tables are custom: " + huff);
        assertFalse(o.get("markers").toString().contains("DRI"));
    }

    @Test
    void aLargeFileWithoutRestartMarkersShowsTheSpeculationCounters() throws Exception {
        Path jpg = encode("spec", 3000, 2400, "--restart-rows", "0", "-q", "100", "-s", "444");
        assertTrue(java.nio.file.Files.size(jpg) > 1_100_000, "scan large enough to speculate: " + java.nio.file.Files.size(jpg));
        Map<String, Object> o = infoJson(jpg.toString()).get(0);
        assertEquals(Boolean.FALSE, o.get("parallel_decodable"));
        assertEquals("speculative", o.get("parallel_strategy"));
        @SuppressWarnings("unchecked")
        Map<String, Object> spec = (Map<String, Object>) o.get("speculation");
        assertEquals(8, num(spec, "chunks"), spec.toString());
        assertEquals(7, num(spec, "boundaries_verified") + num(spec, "serial_repairs"), spec.toString());
        assertEquals(null, spec.get("fallback"));
        MainTest.Run r = run("info", jpg.toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(r.outText().contains("decoded in parallel by speculation"), r.outText());
        assertTrue(r.outText().contains("speculation:    8 chunks, "), r.outText());
    }

    @Test
    void restartIntervalThatDoesNotDivideTheMcuCount() throws Exception {
        // 4:4:4, 300x230 (69 000 px): 38x29 = 1102 MCUs in intervals of 10 -> 111 intervals, 110 RST
        // markers; every 19th interval starts an MCU row (every 5 rows), so jpeg-mt can cut bands
        Path jpg = encode("odd", 300, 230, "-s", "444", "--restart-mcus", "10");
        Map<String, Object> o = infoJson(jpg.toString()).get(0);
        assertEquals(10, num(o, "restart_interval"));
        assertEquals(110, num(o, "rst_markers"));
        assertEquals(Boolean.TRUE, o.get("parallel_decodable"));
        // 300x230 at 4:2:0 with one interval per MCU row (15 rows): bands too
        assertEquals(Boolean.TRUE, infoJson(encode("rows", 300, 230).toString()).get(0).get("parallel_decodable"));
    }

    @Test
    void qualityEstimateIsExactForOurOwnFiles() throws Exception {
        for (int q : new int[] {1, 10, 50, 75, 95, 100}) {
            Path jpg = encode("q" + q, 16, 16, "-q", String.valueOf(q));
            JpegStructure s = JpegStructure.parse(Files.readAllBytes(jpg));
            QualityEstimate e = QualityEstimate.of(QualityEstimate.targets(s));
            assertTrue(e.exact(), "q" + q + ": " + e);
            if (q > 1) { // at q1 several qualities clamp every value to 255
                assertEquals(q, e.quality());
            }
        }
    }

    @Test
    void textNamesTheMarkersAndWhetherItCanBeDecodedInParallel() throws Exception {
        Path jpg = encode("t", 300, 240, "-q", "80");
        MainTest.Run r = run("info", jpg.toString());
        assertEquals(0, r.status(), r.err());
        String t = r.outText();
        assertTrue(t.contains("300x240") && t.contains("4:2:0 (2x2,1x1,1x1)") && t.contains("baseline (SOF0)"), t);
        assertTrue(t.contains("quality:        80 (IJG tables, exact)"), t);
        assertTrue(t.contains("can be decoded in parallel"), t);
        assertTrue(t.contains("SOS") && t.contains("EOI"), t);
    }

    @Test
    @SuppressWarnings("unchecked")
    void textShowsTheScanScriptOfAProgressiveFile() throws Exception {
        java.awt.image.BufferedImage img = new java.awt.image.BufferedImage(40, 24, java.awt.image.BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 24; y++) {
            for (int x = 0; x < 40; x++) {
                img.setRGB(x, y, (x * 6 << 16) | (y * 10 << 8) | 128);
            }
        }
        javax.imageio.ImageWriter writer = javax.imageio.ImageIO.getImageWritersByFormatName("jpeg").next();
        javax.imageio.ImageWriteParam param = writer.getDefaultWriteParam();
        param.setProgressiveMode(javax.imageio.ImageWriteParam.MODE_DEFAULT);
        Path jpg = dir.resolve("p.jpg");
        try (javax.imageio.stream.ImageOutputStream out = javax.imageio.ImageIO.createImageOutputStream(jpg.toFile())) {
            writer.setOutput(out);
            writer.write(null, new javax.imageio.IIOImage(img, null, null), param);
        }
        writer.dispose();
        MainTest.Run r = run("info", jpg.toString());
        assertEquals(0, r.status(), r.err());
        String t = r.outText();
        assertTrue(t.contains("progressive (SOF2)"), t);
        // libjpeg's simple progression (the JDK writer's): DC of all components first, Al = 1
        assertTrue(t.contains("scan script:    1,2,3: 0-0, 0, 1; "), t);
        Map<String, Object> json = infoJson(jpg.toString()).get(0);
        Map<String, Object> last = ((List<Map<String, Object>>) json.get("scans")).get(((List<?>) json.get("scans")).size() - 1);
        assertEquals(0, num(last, "al"), "the last scan sends the lowest bit");
    }

    @Test
    void damagedAndForeignFilesGiveWarningsOrOneLine() throws Exception {
        Path jpg = encode("cut", 64, 64);
        byte[] data = Files.readAllBytes(jpg);
        Path cut = Files.write(dir.resolve("cut-short.jpg"), java.util.Arrays.copyOf(data, data.length - 100));
        Map<String, Object> o = infoJson(cut.toString()).get(0);
        assertTrue(o.get("warnings").toString().contains("no EOI"), o.get("warnings").toString());

        Path png = dir.resolve("cut.png");
        MainTest.Run r = run("info", png.toString(), jpg.toString());
        assertEquals(1, r.status());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().startsWith("jpegmt: " + png + ": not a JPEG file"), r.err());
        assertTrue(r.outText().contains("64x64"), "the good file is still described");
    }

    @Test
    void compareReportsPsnrAgainstTheOriginal() throws Exception {
        Path jpg = encode("cmp", 96, 64, "-q", "90");
        MainTest.Run r = run("info", "--json", "--compare", dir.resolve("cmp.png").toString(), jpg.toString());
        assertEquals(0, r.status(), r.err());
        @SuppressWarnings("unchecked")
        Map<String, Object> c = (Map<String, Object>) ((List<Map<String, Object>>) MiniJson.parse(r.outText())).get(0).get("compare");
        assertTrue((Double) c.get("psnr_db") > 30, c.toString());
        assertEquals((double) Files.size(jpg), (Double) c.get("bytes"));
    }

    /** Every corpus file: never a crash; for clean baseline files the figures agree with MANIFEST.tsv. */
    @Test
    @SuppressWarnings("unchecked")
    void corpusFilesAgreeWithTheManifest() throws Exception {
        String shared = System.getProperty("jpegmt.shared");
        Path corpus = shared == null ? null : Path.of(shared, "corpus");
        if (corpus == null || !Files.isRegularFile(corpus.resolve("MANIFEST.tsv"))) {
            System.out.println("NOTE: shared corpus not found (-Djpegmt.shared=" + shared + "); skipping info on corpus files");
            assumeTrue(false);
        }
        List<String> rows = Files.readAllLines(corpus.resolve("MANIFEST.tsv"));
        List<String> header = List.of(rows.get(0).split("\t"));
        List<String[]> decodable = new ArrayList<>();
        List<String> files = new ArrayList<>();
        for (String row : rows.subList(1, rows.size())) {
            String[] f = row.split("\t", -1);
            files.add(corpus.resolve(f[0]).toString());
            if (f[header.indexOf("expect")].equals("decode")) {
                decodable.add(f);
            }
        }
        List<Map<String, Object>> all = infoJson(files.toArray(String[]::new));
        assertEquals(files.size(), all.size());
        int checked = 0;
        int parallel = 0;
        for (String[] f : decodable) {
            Map<String, Object> o = all.get(files.indexOf(corpus.resolve(f[0]).toString()));
            assertNull(o.get("error"), f[0]);
            assertEquals(Integer.parseInt(f[header.indexOf("width")]), num(o, "width"), f[0]);
            assertEquals(Integer.parseInt(f[header.indexOf("height")]), num(o, "height"), f[0]);
            assertEquals(Integer.parseInt(f[header.indexOf("restart_interval")]), num(o, "restart_interval"), f[0]);
            assertEquals(Integer.parseInt(f[header.indexOf("rst_markers")]), num(o, "rst_markers"), f[0]);
            assertEquals(f[header.indexOf("sampling")], o.get("sampling_factors"), f[0]);
            parallel += o.get("parallel_decodable") == Boolean.TRUE ? 1 : 0;
            checked++;
        }
        System.out.println("info --json: " + all.size() + " corpus files read, " + checked
                + " checked against MANIFEST.tsv, " + parallel + " decodable in parallel");
        assertTrue(parallel > 0);
    }
}
