package io.unistore.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.unistore.ErrorCode;
import io.unistore.StorageException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.poi.xslf.usermodel.XMLSlideShow;
import org.apache.poi.xslf.usermodel.XSLFTextBox;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/** Text from documents generated here (docx, xlsx, pptx by Apache POI, PDF by PDFBox, HTML), and their types. */
class TextExtractionTest {
    private static TextExtraction.Result extract(byte[] bytes, String name, int maxChars) {
        return TextExtraction.extract(new ByteArrayInputStream(bytes), name, maxChars, name);
    }

    @Test
    void readsWordExcelPowerPointPdfAndHtml() throws IOException {
        TextExtraction.Result docx = extract(CorpusPrecisionRecallTest.docx(List.of("Minutes of the board",
                "Budget approved")), "a.docx", 10_000);
        assertThat(docx.text()).contains("Minutes of the board").contains("Budget approved");
        assertThat(docx.type()).isEqualTo("application/vnd.openxmlformats-officedocument.wordprocessingml.document");

        TextExtraction.Result xlsx = extract(xlsx(), "sheet.xlsx", 10_000);
        assertThat(xlsx.text()).contains("Revenue").contains("1250");
        assertThat(xlsx.type()).isEqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

        TextExtraction.Result pptx = extract(pptx(), "deck.pptx", 10_000);
        assertThat(pptx.text()).contains("Roadmap 2027");
        assertThat(pptx.type()).isEqualTo("application/vnd.openxmlformats-officedocument.presentationml.presentation");

        TextExtraction.Result pdf = extract(CorpusPrecisionRecallTest.pdf(List.of("Invoice 42", "Total due")),
                "invoice.pdf", 10_000);
        assertThat(pdf.text()).contains("Invoice 42").contains("Total due");
        assertThat(pdf.type()).isEqualTo("application/pdf");

        TextExtraction.Result html = extract(("<html><head><title>Home</title><script>var x=1;</script></head>"
                + "<body><h1>Welcome</h1><p>Caf&eacute; &amp; bar</p></body></html>").getBytes(StandardCharsets.UTF_8),
                "index.html", 10_000);
        assertThat(html.text()).contains("Welcome").contains("Café & bar").doesNotContain("var x").doesNotContain("<p>");
        assertThat(html.title()).isEqualTo("Home");
    }

    @Test
    void stopsAtMaxCharsAndRefusesWhatHasNoText() throws IOException {
        TextExtraction.Result cut = extract(CorpusPrecisionRecallTest.docx(List.of("x".repeat(500))), "big.docx", 100);
        assertThat(cut.text()).hasSize(100);
        assertThat(cut.truncated()).isTrue();
        byte[] png = java.util.Base64.getDecoder().decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8"
                + "z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");
        assertThatThrownBy(() -> extract(png, "a.png", 100)).isInstanceOf(StorageException.class)
                .hasMessageContaining("image/png").extracting(e -> ((StorageException) e).code())
                .isEqualTo(ErrorCode.UNSUPPORTED);
        byte[] broken = java.util.Arrays.copyOf(CorpusPrecisionRecallTest.docx(List.of("hello")), 300);
        assertThatThrownBy(() -> extract(broken, "broken.docx", 100)).isInstanceOf(StorageException.class)
                .hasMessageContaining("broken.docx");
    }

    @Test
    void detectsByContentAndFlagsAMismatchNotASpecialisation() throws IOException {
        byte[] pdf = CorpusPrecisionRecallTest.pdf(List.of("x"));
        assertThat(ContentTypes.detect(pdf, "report.txt")).isEqualTo("application/pdf");
        assertThat(ContentTypes.detect(xlsx(), "data.bin"))
                .isEqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertThat(ContentTypes.detect("a,b\n1,2\n".getBytes(StandardCharsets.UTF_8), "t.csv")).isEqualTo("text/csv");
        assertThat(ContentTypes.mismatch("text/plain", "application/pdf")).isTrue();
        assertThat(ContentTypes.mismatch("text/plain; charset=utf-8", "text/csv")).isFalse();
        assertThat(ContentTypes.mismatch("application/octet-stream", "application/pdf")).isFalse();
        assertThat(ContentTypes.mismatch(null, "image/png")).isFalse();
        assertThat(ContentTypes.mismatch("image/jpeg", "image/png")).isTrue();
    }

    private static byte[] xlsx() throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            var row = wb.createSheet("Q1").createRow(0);
            row.createCell(0).setCellValue("Revenue");
            row.createCell(1).setCellValue(1250);
            wb.write(out);
            return out.toByteArray();
        }
    }

    private static byte[] pptx() throws IOException {
        try (XMLSlideShow show = new XMLSlideShow(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XSLFTextBox box = show.createSlide().createTextBox();
            box.setText("Roadmap 2027");
            show.write(out);
            return out.toByteArray();
        }
    }
}
