package io.reflow.crm.sales;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Quote documents rendered to real PDFs and read back with PDFBox's text extraction:
 * Chinese names with the CJK font from the default paths (Debian's fonts-wqy-microhei;
 * outside CI a machine without any of them skips those tests), page breaks with repeated
 * table headers and page numbers, quotes without lines, and the '?' fallback when no font
 * file exists.
 */
@ExtendWith(OutputCaptureExtension.class)
class QuoteDocumentsTest {

	static final String CUSTOMER = "上海云帆智能制造有限公司";

	static final QuoteDocumentProperties DEFAULTS = QuoteDocumentPropertiesTest.bind(Map.of());

	@Test
	void shouldStartWithPdfHeader() {
		byte[] pdf = documents(DEFAULTS.fontPaths()).render(sheet(lines(2), "Delivery within four weeks."));

		assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
	}

	@Test
	void shouldShowChineseCustomerQuoteNumberLinesAndTotal() throws IOException {
		assumeCjkFont();
		QuoteSheet sheet = sheet(List.of(line("MES 软件许可（50 用户）", "2", "500000.00", "1000000.00"),
				line("Implementation services", "10", "37174.20", "371742.00")), "含税价，付款方式：预付 30%。");

		String text = text(save("chinese", documents(DEFAULTS.fontPaths()).render(sheet)));

		assertThat(text).contains(CUSTOMER, "Quotation", "Q-2025-0042", "李娜", "li.na@yunfan.example", "sales-east",
				"2025-03-01", "2025-03-31", "上海睿流软件有限公司");
		assertThat(text).contains("MES 软件许可（50 用户）", "¥500,000.00", "¥1,000,000.00");
		assertThat(text).contains("Implementation services", "¥37,174.20", "¥371,742.00");
		assertThat(text).contains("Subtotal", "¥1,371,742.00", "Discount (10%)", "-¥137,174.20");
		assertThat(text).contains("Total", "¥1,234,567.80", "含税价，付款方式：预付 30%。", "Page 1 of 1");
	}

	@Test
	void shouldReuseParsedFontFilesAcrossQuotesRenderedAtTheSameTime() throws Exception {
		assumeCjkFont();
		QuoteDocuments documents = documents(DEFAULTS.fontPaths());
		String[] products = { "数据平台", "客服系统", "营销云", "供应链套件" };
		java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
		try {
			List<java.util.concurrent.Future<String>> texts = new java.util.ArrayList<>();
			for (int i = 0; i < 12; i++) {
				String product = products[i % products.length] + " " + i;
				texts.add(pool.submit(() -> text(documents
					.render(sheet(List.of(line(product, "1", "1000.00", "1000.00")), "第 " + product + " 号")))));
			}
			for (int i = 0; i < texts.size(); i++) {
				String product = products[i % products.length] + " " + i;
				assertThat(texts.get(i).get()).contains(product, "第 " + product + " 号", CUSTOMER);
			}
		}
		finally {
			pool.shutdownNow();
			documents.close();
		}
	}

	@Test
	void shouldSkipFontFilesWithoutChineseGlyphsWhenChoosingTheFont(@TempDir Path dir) throws IOException {
		assumeCjkFont();
		Path notAFont = Files.writeString(dir.resolve("broken.ttf"), "not a font");
		List<String> paths = new ArrayList<>(List.of(notAFont.toString()));
		paths.addAll(DEFAULTS.fontPaths());

		String text = text(documents(paths).render(sheet(lines(1), null)));

		assertThat(text).contains(CUSTOMER);
	}

	@Test
	void shouldContinueOnNextPagesWithHeaderRowAndPageNumbersWhenManyLines() throws IOException {
		byte[] pdf = save("many-lines",
				documents(DEFAULTS.fontPaths()).render(sheet(lines(80), "Prices exclude freight.")));

		try (PDDocument document = Loader.loadPDF(pdf)) {
			int pages = document.getNumberOfPages();
			assertThat(pages).isGreaterThan(1);
			PDFTextStripper stripper = new PDFTextStripper();
			for (int page = 1; page <= pages; page++) {
				stripper.setStartPage(page);
				stripper.setEndPage(page);
				String text = stripper.getText(document);
				assertThat(text).contains("Page " + page + " of " + pages);
				assertThat(text).contains("Description", "Quantity", "Unit price", "Amount");
			}
		}
		String text = text(pdf);
		for (int i = 1; i <= 80; i++) {
			assertThat(text).contains("Item " + i + " ");
		}
		assertThat(text).contains("Prices exclude freight.");
	}

	@Test
	void shouldWrapLongDescriptionsOverSeveralLines() throws IOException {
		String description = "Annual maintenance and support for the production line controllers, "
				+ "including on-site visits, remote monitoring, spare parts and software updates";

		String text = text(
				documents(DEFAULTS.fontPaths()).render(sheet(List.of(line(description, "1", "88000", "88000")), null)));

		List<String> rows = text.lines().toList();
		int first = rows.indexOf(rows.stream().filter((row) -> row.startsWith("Annual")).findFirst().orElseThrow());
		int last = rows.indexOf(rows.stream().filter((row) -> row.endsWith("updates")).findFirst().orElseThrow());
		assertThat(last).isGreaterThan(first);
		assertThat(String.join(" ", rows.subList(first, last + 1)).replace(" 1 ¥88,000.00 ¥88,000.00", ""))
			.isEqualTo(description);
	}

	@Test
	void shouldPrintTotalAsQuotedWhenNoLines() throws IOException {
		QuoteSheet sheet = new QuoteSheet("Q-2025-0043", 1, LocalDate.of(2025, 3, 2), null, CUSTOMER, null, null, null,
				List.of(), new BigDecimal("250000"), new BigDecimal("0.10"), new BigDecimal("225000"), null);

		String text = text(documents(DEFAULTS.fontPaths()).render(sheet));

		// the quoted amount before the discount; the summary shows the discount and the
		// total
		assertThat(text.lines().filter((row) -> row.startsWith("Total as quoted")))
			.containsExactly("Total as quoted ¥250,000.00");
		assertThat(text).contains("-¥25,000.00", "¥225,000.00", "Page 1 of 1");
	}

	@Test
	void shouldPrintQuestionMarksAndWarnOnceWhenNoFontFileExists(@TempDir Path dir, CapturedOutput output)
			throws IOException {
		QuoteDocuments documents = documents(List.of(dir.resolve("missing.ttc").toString()));

		String first = text(save("no-font", documents.render(sheet(lines(1), "备注"))));
		String second = text(documents.render(sheet(lines(1), null)));

		assertThat(first).contains("?".repeat(CUSTOMER.length()), "Q-2025-0042", "¥1,234,567.80", "Item 1")
			.doesNotContain(CUSTOMER);
		assertThat(second).contains("?".repeat(CUSTOMER.length()));
		assertThat(output.getAll().split("reflow.quotes.font-paths", -1)).hasSize(2);
		assertThat(output.getAll()).contains("fonts-wqy-microhei");
	}

	static QuoteDocuments documents(List<String> fontPaths) {
		return new QuoteDocuments(
				new QuoteDocumentProperties("上海睿流软件有限公司", "上海市浦东新区张江路 88 号\nShanghai 201203", fontPaths));
	}

	static QuoteSheet sheet(List<QuoteSheet.Line> lines, String note) {
		return new QuoteSheet("Q-2025-0042", 3, LocalDate.of(2025, 3, 1), LocalDate.of(2025, 3, 31), CUSTOMER, "李娜",
				"li.na@yunfan.example", "sales-east", lines, new BigDecimal("1371742.00"), new BigDecimal("0.10"),
				new BigDecimal("1234567.80"), note);
	}

	static List<QuoteSheet.Line> lines(int count) {
		List<QuoteSheet.Line> lines = new ArrayList<>();
		for (int i = 1; i <= count; i++) {
			lines.add(line("Item " + i + " sensor module", Integer.toString(i), "120.50",
					new BigDecimal("120.50").multiply(BigDecimal.valueOf(i)).toPlainString()));
		}
		return lines;
	}

	static QuoteSheet.Line line(String description, String quantity, String unitPrice, String amount) {
		return new QuoteSheet.Line(description, new BigDecimal(quantity), new BigDecimal(unitPrice),
				new BigDecimal(amount));
	}

	static String text(byte[] pdf) throws IOException {
		try (PDDocument document = Loader.loadPDF(pdf)) {
			return new PDFTextStripper().getText(document);
		}
	}

	/** Keeps the document under {@code target/quotes/} for a person to open. */
	static byte[] save(String name, byte[] pdf) throws IOException {
		Path target = Path.of("target", "quotes", name + ".pdf");
		Files.createDirectories(target.getParent());
		Files.write(target, pdf);
		return pdf;
	}

	/** Chinese text needs a CJK font: outside CI a machine without one skips the test. */
	static void assumeCjkFont() {
		boolean installed = DEFAULTS.fontPaths().stream().map(Path::of).anyMatch(Files::isRegularFile);
		if (!installed && !"true".equalsIgnoreCase(System.getenv("CI"))) {
			Assumptions.abort("Chinese text needs a CJK font (apt-get install -y fonts-wqy-microhei)");
		}
	}

}
