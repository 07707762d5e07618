package io.unistore.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;

/**
 * 200 generated documents (text, CSV, JSON, HTML, docx, PDF) with planted items of every kind and decoys (card
 * numbers one off Luhn, IBANs one off mod-97, random digits, UUIDs, hashes, dates, versions, IP addresses,
 * base64): classification must find the planted items and only them, with precision and recall of at least
 * 0.95 per kind and overall. The figures are printed.
 */
class CorpusPrecisionRecallTest {
    static final int DOCUMENTS = 200;
    private static final List<String> FILLER = List.of("The quarterly report is attached for your review.",
            "Please check the figures before the meeting on Thursday.", "Shipping was delayed by two days.",
            "Thanks for the quick answer, it helped a lot.", "The archive holds the logs of the last week.");

    private record Doc(String name, byte[] bytes, String type, List<Planted.Item> planted) {
    }

    @Test
    void findsPlantedItemsAndNotDecoys() throws IOException {
        long started = System.nanoTime();
        Planted p = new Planted(18);
        List<Doc> docs = new ArrayList<>();
        FindingKind[] kinds = FindingKind.values();
        for (int i = 0; i < DOCUMENTS; i++) {
            List<Planted.Item> items = new ArrayList<>();
            List<String> lines = new ArrayList<>();
            int n = 2 + i % 3;
            for (int k = 0; k < n; k++) {
                Planted.Item item = p.item(kinds[(i * 3 + k) % kinds.length]);
                items.add(item);
                lines.add(p.pick(FILLER));
                lines.add(p.pick(List.of("Contact: ", "Value: ", "See ", "")) + item.text());
                lines.add("Reference " + p.decoy() + " and " + p.decoy() + ".");
            }
            lines.add("Order " + p.decoy() + ", batch " + p.decoy());
            // text formats are most of the corpus; 10 docx and 10 PDF (each costs a POI or PDFBox round trip)
            String format = i % 20 == 18 ? "docx" : i % 20 == 19 ? "pdf"
                    : List.of("txt", "csv", "json", "html").get(i % 20 % 4);
            docs.add(new Doc("doc" + i + "." + format, render(format, lines), format, items));
        }

        long generated = System.nanoTime();
        Map<FindingKind, int[]> tally = new EnumMap<>(FindingKind.class); // true pos, false pos, false neg
        for (FindingKind k : kinds) {
            tally.put(k, new int[3]);
        }
        for (Doc d : docs) {
            List<SensitiveData.Match> found = new ArrayList<>();
            Classification.Result r = Classification.classify(new Classification.Source(d.name(), d.bytes().length,
                    null, (o, l) -> java.util.Arrays.copyOfRange(d.bytes(), (int) o, (int) (o + l)),
                    () -> new ByteArrayInputStream(d.bytes())), Classification.Limits.defaults(), found::add);
            assertThat(r.scannedAs()).as(d.name()).isNotEqualTo(Classification.ScannedAs.NONE);
            Map<String, Integer> planted = new HashMap<>();
            d.planted().forEach(it -> planted.merge(it.kind() + " " + it.value(), 1, Integer::sum));
            for (SensitiveData.Match m : found) {
                String key = m.kind() + " " + m.value().strip();
                if (planted.getOrDefault(key, 0) > 0) {
                    planted.merge(key, -1, Integer::sum);
                    tally.get(m.kind())[0]++;
                } else {
                    tally.get(m.kind())[1]++;
                    System.out.println("false positive in " + d.name() + ": " + key);
                }
            }
            planted.forEach((key, left) -> {
                if (left > 0) {
                    tally.get(FindingKind.valueOf(key.substring(0, key.indexOf(' '))))[2] += left;
                    System.out.println("missed in " + d.name() + ": " + key);
                }
            });
        }
        int[] all = new int[3];
        StringBuilder report = new StringBuilder("kind                     planted  found  precision  recall\n");
        for (var e : tally.entrySet()) {
            int[] t = e.getValue();
            for (int j = 0; j < 3; j++) {
                all[j] += t[j];
            }
            report.append(line(e.getKey().name(), t));
            assertThat(precision(t)).as("precision of " + e.getKey()).isGreaterThanOrEqualTo(0.95);
            assertThat(recall(t)).as("recall of " + e.getKey()).isGreaterThanOrEqualTo(0.95);
            assertThat(t[0] + t[2]).as("planted " + e.getKey()).isPositive();
        }
        report.append(line("ALL (" + DOCUMENTS + " documents)", all));
        System.out.print(report);
        System.out.printf(Locale.ROOT, "generated in %d ms, classified in %d ms%n", (generated - started) / 1_000_000,
                (System.nanoTime() - generated) / 1_000_000);
        assertThat(precision(all)).isGreaterThanOrEqualTo(0.95);
        assertThat(recall(all)).isGreaterThanOrEqualTo(0.95);
    }

    private static String line(String what, int[] t) {
        return String.format(Locale.ROOT, "%-24s %7d %6d %10.3f %7.3f%n", what, t[0] + t[2], t[0] + t[1],
                precision(t), recall(t));
    }

    private static double precision(int[] t) {
        return t[0] + t[1] == 0 ? 1 : (double) t[0] / (t[0] + t[1]);
    }

    private static double recall(int[] t) {
        return t[0] + t[2] == 0 ? 1 : (double) t[0] / (t[0] + t[2]);
    }

    static byte[] render(String format, List<String> lines) throws IOException {
        List<String> split = lines.stream().flatMap(l -> l.lines()).toList();
        return switch (format) {
            case "txt" -> String.join("\n", split).getBytes(StandardCharsets.UTF_8);
            case "csv" -> {
                StringBuilder b = new StringBuilder("id,value\n");
                for (int i = 0; i < split.size(); i++) {
                    b.append(i).append(",\"").append(split.get(i).replace("\"", "\"\"")).append("\"\n");
                }
                yield b.toString().getBytes(StandardCharsets.UTF_8);
            }
            case "json" -> {
                StringBuilder b = new StringBuilder("[\n");
                for (int i = 0; i < split.size(); i++) {
                    b.append("  {\"id\": ").append(i).append(", \"value\": \"").append(split.get(i)
                            .replace("\\", "\\\\").replace("\"", "\\\"")).append("\"}")
                            .append(i + 1 < split.size() ? ",\n" : "\n");
                }
                yield b.append("]\n").toString().getBytes(StandardCharsets.UTF_8);
            }
            case "html" -> {
                StringBuilder b = new StringBuilder("<!DOCTYPE html>\n<html><head><title>Notes</title></head><body>\n");
                for (String l : split) {
                    b.append("<p>").append(l.replace("&", "&amp;").replace("<", "&lt;")).append("</p>\n");
                }
                yield b.append("</body></html>\n").toString().getBytes(StandardCharsets.UTF_8);
            }
            case "docx" -> docx(split);
            case "pdf" -> pdf(split);
            default -> throw new IllegalArgumentException(format);
        };
    }

    static byte[] docx(List<String> lines) throws IOException {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (String l : lines) {
                doc.createParagraph().createRun().setText(l);
            }
            doc.write(out);
            return out.toByteArray();
        }
    }

    static byte[] pdf(List<String> lines) throws IOException {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage(new PDRectangle(1200, 20 + 12 * lines.size()));
            doc.addPage(page);
            try (PDPageContentStream s = new PDPageContentStream(doc, page)) {
                s.beginText();
                s.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 6);
                s.setLeading(12);
                s.newLineAtOffset(10, 12 * lines.size());
                for (String l : lines) {
                    s.showText(l);
                    s.newLine();
                }
                s.endText();
            }
            doc.save(out);
            return out.toByteArray();
        }
    }
}
