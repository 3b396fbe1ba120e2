package io.reflow.crm.sales;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.BreakIterator;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

import jakarta.annotation.PreDestroy;

import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDPageContentStream.AppendMode;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts.FontName;
import org.apache.pdfbox.pdmodel.graphics.state.RenderingMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Prints a {@link QuoteSheet} as an A4 PDF with PDFBox: seller header, title, customer
 * block, a table of lines that continues on further pages under a repeated header row,
 * totals, an optional note and a "Page X of Y" footer.
 * <p>
 * Chinese text needs a CJK TrueType font: the first usable file in
 * {@code reflow.quotes.font-paths}, chosen once at start-up and embedded as a subset.
 * Each character is printed with the first font that has it (that font, then Helvetica);
 * one that no font has prints as '?', so no character can make rendering fail.
 */
@Component
class QuoteDocuments {

	private static final Logger log = LoggerFactory.getLogger(QuoteDocuments.class);

	private static final String CHINESE_SAMPLE = "报价单";

	private final QuoteDocumentProperties properties;

	/** The CJK font file, or {@code null} when none of the configured ones is usable. */
	private final Path fontFile;

	/**
	 * Parsed font files not in use. Opening the CJK collection took two thirds of a
	 * quote's rendering time (benchmark section 1 profile), so each parsed file is kept
	 * for the next quote; a file serves one document at a time, since reading glyphs is
	 * not thread-safe.
	 */
	private final BlockingQueue<FontFile> idleFonts = new ArrayBlockingQueue<>(IDLE_FONTS);

	private static final int IDLE_FONTS = 4;

	QuoteDocuments(QuoteDocumentProperties properties) {
		this.properties = properties;
		this.fontFile = chooseFontFile(properties.fontPaths());
	}

	/** The quote as a complete PDF file. */
	byte[] render(QuoteSheet sheet) {
		if (this.fontFile != null) {
			try {
				return render(sheet, this.fontFile);
			}
			catch (IOException | RuntimeException ex) {
				// the file may have gone since start-up: a quote with '?' beats no quote
				log.warn("Quote {} could not be printed with font {}; printing it with a standard font",
						sheet.quoteNumber(), this.fontFile, ex);
			}
		}
		try {
			return render(sheet, null);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private byte[] render(QuoteSheet sheet, Path font) throws IOException {
		FontFile file = (font != null) ? borrowFont(font) : null;
		boolean reusable = false;
		try (PDDocument document = new PDDocument()) {
			Fonts fonts = new Fonts(document, (file != null) ? file.font() : null);
			document.getDocumentInformation().setTitle("Quotation " + sheet.quoteNumber() + " v" + sheet.version());
			document.getDocumentInformation().setAuthor(this.properties.sellerName());
			document.getDocumentInformation().setCreator("Reflow CRM");
			new Layout(document, fonts, this.properties, sheet).write();
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			document.save(out);
			reusable = true;
			return out.toByteArray();
		}
		finally {
			if (file != null && !(reusable && this.idleFonts.offer(file))) {
				file.close();
			}
		}
	}

	private FontFile borrowFont(Path font) throws IOException {
		FontFile idle = this.idleFonts.poll();
		return (idle != null) ? idle : FontFile.open(font);
	}

	/** Closes the kept font files when the application stops. */
	@PreDestroy
	void close() {
		FontFile file;
		while ((file = this.idleFonts.poll()) != null) {
			try {
				file.close();
			}
			catch (IOException ex) {
				log.debug("Could not close font file", ex);
			}
		}
	}

	private static Path chooseFontFile(List<String> candidates) {
		List<String> rejected = new ArrayList<>();
		for (String candidate : (candidates != null) ? candidates : List.<String>of()) {
			try {
				Path path = Path.of(candidate.trim());
				if (!Files.isRegularFile(path)) {
					rejected.add(candidate + " (missing)");
					continue;
				}
				verify(path);
				log.info("Quote documents print Chinese text with font {}{}", path,
						rejected.isEmpty() ? "" : "; passed over: " + rejected);
				return path;
			}
			catch (IOException | RuntimeException ex) {
				rejected.add(candidate + " (" + ex.getMessage() + ")");
			}
		}
		log.warn("No usable CJK font for quote documents, so Chinese text prints as '?'. Install Debian's "
				+ "package fonts-wqy-microhei or set reflow.quotes.font-paths to a TrueType font with Chinese "
				+ "glyphs. Tried: {}", rejected);
		return null;
	}

	/** Embeds the file's font in a throw-away document, as a quote would. */
	private static void verify(Path path) throws IOException {
		try (FontFile file = FontFile.open(path); PDDocument document = new PDDocument()) {
			PDFont font = PDType0Font.load(document, file.font(), true);
			font.encode(CHINESE_SAMPLE); // no glyph: IllegalArgumentException
			PDPage page = new PDPage();
			document.addPage(page);
			try (PDPageContentStream content = new PDPageContentStream(document, page)) {
				content.beginText();
				content.setFont(font, 10);
				content.showText(CHINESE_SAMPLE);
				content.endText();
			}
			document.save(OutputStream.nullOutputStream());
		}
	}

	private static String money(BigDecimal amount) {
		DecimalFormat format = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT));
		format.setRoundingMode(RoundingMode.HALF_UP);
		return ((amount.signum() < 0) ? "-¥" : "¥") + format.format(amount.abs());
	}

	private static String number(BigDecimal value) {
		DecimalFormat format = new DecimalFormat("#,##0.###", DecimalFormatSymbols.getInstance(Locale.ROOT));
		format.setRoundingMode(RoundingMode.HALF_UP);
		return format.format(value);
	}

	/**
	 * A TrueType font read from a file, kept open until the document using it is saved.
	 */
	private record FontFile(TrueTypeFont font, Closeable owner) implements Closeable {

		static FontFile open(Path path) throws IOException {
			if (path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".ttc")) {
				TrueTypeCollection collection = new TrueTypeCollection(path.toFile());
				try {
					List<TrueTypeFont> fonts = new ArrayList<>();
					collection.processAllFonts(fonts::add);
					if (fonts.isEmpty()) {
						throw new IOException("no font in the collection");
					}
					return new FontFile(fonts.get(0), collection);
				}
				catch (IOException | RuntimeException ex) {
					collection.close();
					throw ex;
				}
			}
			RandomAccessReadBufferedFile input = new RandomAccessReadBufferedFile(path.toFile());
			try {
				TrueTypeFont font = new TTFParser().parse(input);
				return new FontFile(font, font);
			}
			catch (IOException | RuntimeException ex) {
				input.close();
				throw ex;
			}
		}

		@Override
		public void close() throws IOException {
			this.owner.close();
		}

	}

	/** A piece of text printed with one font. */
	private record Run(PDFont font, String text, boolean fakeBold) {
	}

	/**
	 * The fonts of one document: the embedded CJK font (if any), then Helvetica. The CJK
	 * font has no bold face, so its bold is drawn by also stroking the outlines.
	 */
	private static final class Fonts {

		private final PDFont cjk;

		private final PDFont regular = new PDType1Font(FontName.HELVETICA);

		private final PDFont bold = new PDType1Font(FontName.HELVETICA_BOLD);

		private final Map<Integer, Optional<PDFont>> fontOf = new HashMap<>();

		Fonts(PDDocument document, TrueTypeFont cjk) throws IOException {
			this.cjk = (cjk != null) ? PDType0Font.load(document, cjk, true) : null;
		}

		List<Run> runs(String text, boolean strong) {
			List<Run> runs = new ArrayList<>();
			StringBuilder piece = new StringBuilder();
			PDFont current = null;
			for (int codePoint : ((text != null) ? text : "").codePoints().toArray()) {
				if (Character.getType(codePoint) == Character.FORMAT) {
					continue; // zero-width marks have no glyph anywhere
				}
				if (Character.isISOControl(codePoint)) {
					codePoint = ' ';
				}
				Optional<PDFont> found = this.fontOf.computeIfAbsent(codePoint, this::firstFontWith);
				PDFont font = found.orElse(this.regular);
				if (found.isEmpty()) {
					codePoint = '?';
				}
				if (font != current && !piece.isEmpty()) {
					runs.add(run(current, piece.toString(), strong));
					piece.setLength(0);
				}
				current = font;
				piece.appendCodePoint(codePoint);
			}
			if (!piece.isEmpty()) {
				runs.add(run(current, piece.toString(), strong));
			}
			return runs;
		}

		private Run run(PDFont font, String text, boolean strong) {
			if (font == this.cjk) {
				return new Run(font, text, strong);
			}
			return new Run(strong ? this.bold : this.regular, text, false);
		}

		private Optional<PDFont> firstFontWith(int codePoint) {
			String character = new String(Character.toChars(codePoint));
			for (PDFont font : (this.cjk != null) ? List.of(this.cjk, this.regular) : List.of(this.regular)) {
				try {
					font.encode(character);
					return Optional.of(font);
				}
				catch (IOException | RuntimeException ex) {
					// no glyph in this font: try the next
				}
			}
			return Optional.empty();
		}

		float width(String text, boolean strong, float size) throws IOException {
			float width = 0;
			for (Run run : runs(text, strong)) {
				width += run.font().getStringWidth(run.text()) / 1000 * size;
			}
			return width;
		}

		void show(PDPageContentStream content, String text, boolean strong, float size, float x, float y)
				throws IOException {
			content.setLineWidth(size * 0.04f);
			content.beginText();
			content.newLineAtOffset(x, y);
			for (Run run : runs(text, strong)) {
				content.setFont(run.font(), size);
				content.setRenderingMode(run.fakeBold() ? RenderingMode.FILL_STROKE : RenderingMode.FILL);
				content.showText(run.text());
			}
			content.endText();
		}

		/**
		 * Breaks text into lines no wider than {@code width}: at line breaks in the text,
		 * between words and between Chinese characters, and inside a word only when it is
		 * wider than a line on its own.
		 */
		List<String> wrap(String text, boolean strong, float size, float width) throws IOException {
			List<String> lines = new ArrayList<>();
			for (String paragraph : ((text != null) ? text : "").split("\\R", -1)) {
				BreakIterator breaks = BreakIterator.getLineInstance(Locale.ROOT);
				breaks.setText(paragraph);
				StringBuilder line = new StringBuilder();
				int start = breaks.first();
				for (int end = breaks.next(); end != BreakIterator.DONE; end = breaks.next()) {
					String piece = paragraph.substring(start, end);
					start = end;
					if (fits(line + piece, strong, size, width)) {
						line.append(piece);
						continue;
					}
					if (!line.isEmpty()) {
						lines.add(line.toString().stripTrailing());
						line.setLength(0);
					}
					if (fits(piece, strong, size, width)) {
						line.append(piece);
						continue;
					}
					for (int codePoint : piece.codePoints().toArray()) {
						if (!line.isEmpty() && !fits(line + Character.toString(codePoint), strong, size, width)) {
							lines.add(line.toString().stripTrailing());
							line.setLength(0);
						}
						line.appendCodePoint(codePoint);
					}
				}
				lines.add(line.toString().stripTrailing());
			}
			return lines;
		}

		private boolean fits(String text, boolean strong, float size, float width) throws IOException {
			return width(text.stripTrailing(), strong, size) <= width;
		}

	}

	/**
	 * Lays one quote out page by page; footers are added once the page count is known.
	 */
	private static final class Layout {

		private static final PDRectangle PAGE = PDRectangle.A4;

		private static final float LEFT = 50;

		private static final float RIGHT = PAGE.getWidth() - 50;

		private static final float TOP = PAGE.getHeight() - 50;

		private static final float BOTTOM = 70;

		private static final float BODY = 9.5f;

		private static final float PADDING = 4;

		private static final float AMOUNT_RIGHT = RIGHT - PADDING;

		private static final float PRICE_RIGHT = AMOUNT_RIGHT - 105;

		private static final float QUANTITY_RIGHT = PRICE_RIGHT - 105;

		private static final float DESCRIPTION_WIDTH = QUANTITY_RIGHT - 60 - LEFT - 2 * PADDING;

		private static final float GREY = 0.4f;

		private final PDDocument document;

		private final Fonts fonts;

		private final QuoteDocumentProperties properties;

		private final QuoteSheet sheet;

		private PDPageContentStream content;

		/** Top of the space still free on the current page. */
		private float y;

		/** Whether the table on the current page has a row yet. */
		private boolean rowsOnPage;

		Layout(PDDocument document, Fonts fonts, QuoteDocumentProperties properties, QuoteSheet sheet) {
			this.document = document;
			this.fonts = fonts;
			this.properties = properties;
			this.sheet = sheet;
		}

		void write() throws IOException {
			newPage();
			try {
				seller();
				titleAndCustomer();
				table();
				totals();
				note();
			}
			finally {
				this.content.close();
			}
			footers();
		}

		private void seller() throws IOException {
			text(this.properties.sellerName(), true, 15, LEFT, 0);
			for (String line : this.fonts.wrap(this.properties.sellerAddress(), false, 9, RIGHT - LEFT)) {
				if (!line.isEmpty()) {
					text(line, false, 9, LEFT, GREY);
				}
			}
			this.y -= 6;
			rule(LEFT, RIGHT, 0.7f, 0.6f);
			this.y -= 14;
		}

		private void titleAndCustomer() throws IOException {
			text("Quotation", true, 22, LEFT, 0);
			this.y -= 10;
			float top = this.y;
			float column = 280;
			text("Customer", false, 8.5f, LEFT, GREY);
			for (String line : this.fonts.wrap(this.sheet.customerName(), true, 11.5f, column)) {
				text(line, true, 11.5f, LEFT, 0);
			}
			if (present(this.sheet.contactName())) {
				wrapped("Attn. " + this.sheet.contactName(), LEFT, column);
			}
			if (present(this.sheet.contactEmail())) {
				wrapped(this.sheet.contactEmail(), LEFT, column);
			}
			float leftBottom = this.y;

			this.y = top;
			float labelX = LEFT + column + 20;
			float valueX = labelX + 70;
			detail("Quote no.", this.sheet.quoteNumber(), labelX, valueX);
			detail("Version", Integer.toString(this.sheet.version()), labelX, valueX);
			detail("Issued", this.sheet.issuedOn().toString(), labelX, valueX);
			if (this.sheet.validUntil() != null) {
				detail("Valid until", this.sheet.validUntil().toString(), labelX, valueX);
			}
			if (present(this.sheet.ownerGroup())) {
				detail("Sales team", this.sheet.ownerGroup(), labelX, valueX);
			}
			this.y = Math.min(leftBottom, this.y) - 22;
		}

		private void detail(String label, String value, float labelX, float valueX) throws IOException {
			List<String> lines = this.fonts.wrap(value, false, BODY, RIGHT - valueX);
			this.y -= lineHeight(BODY);
			show(label, false, 8.5f, labelX, baseline(BODY), GREY);
			for (int i = 0; i < lines.size(); i++) {
				if (i > 0) {
					this.y -= lineHeight(BODY);
				}
				show(lines.get(i), false, BODY, valueX, baseline(BODY), 0);
			}
		}

		private void table() throws IOException {
			tableHeader();
			if (this.sheet.lines().isEmpty()) {
				// the amount before the discount, which the summary below then takes off
				row("Total as quoted", null, null,
						(this.sheet.subtotal() != null) ? this.sheet.subtotal() : this.sheet.total());
			}
			for (QuoteSheet.Line line : this.sheet.lines()) {
				row(line.description(), line.quantity(), line.unitPrice(), line.amount());
			}
		}

		private void tableHeader() throws IOException {
			float height = lineHeight(BODY) + 2 * PADDING;
			this.content.setNonStrokingColor(0.9f);
			this.content.addRect(LEFT, this.y - height, RIGHT - LEFT, height);
			this.content.fill();
			float baseline = this.y - PADDING - lineHeight(BODY) + 0.3f * BODY;
			show("Description", true, BODY, LEFT + PADDING, baseline, 0);
			showRight("Quantity", true, BODY, QUANTITY_RIGHT, baseline, 0);
			showRight("Unit price", true, BODY, PRICE_RIGHT, baseline, 0);
			showRight("Amount", true, BODY, AMOUNT_RIGHT, baseline, 0);
			this.y -= height;
			this.rowsOnPage = false;
		}

		/**
		 * One table row; a description too long for the rest of a page goes on the next.
		 */
		private void row(String description, BigDecimal quantity, BigDecimal unitPrice, BigDecimal amount)
				throws IOException {
			List<String> lines = this.fonts.wrap(description, false, BODY, DESCRIPTION_WIDTH);
			int next = 0;
			while (next < lines.size()) {
				int fitting = (int) ((this.y - BOTTOM - 2 * PADDING) / lineHeight(BODY));
				// a row taller than a whole page is split, any other moves on whole
				if (fitting < 1 || (fitting < lines.size() - next && this.rowsOnPage)) {
					continuePage();
					tableHeader();
					continue;
				}
				int count = Math.min(fitting, lines.size() - next);
				float top = this.y - PADDING;
				for (int i = 0; i < count; i++) {
					float baseline = top - (i + 1) * lineHeight(BODY) + 0.3f * BODY;
					show(lines.get(next + i), false, BODY, LEFT + PADDING, baseline, 0);
					if (next + i == 0) {
						showRight((quantity != null) ? number(quantity) : "", false, BODY, QUANTITY_RIGHT, baseline, 0);
						showRight((unitPrice != null) ? money(unitPrice) : "", false, BODY, PRICE_RIGHT, baseline, 0);
						showRight((amount != null) ? money(amount) : "", false, BODY, AMOUNT_RIGHT, baseline, 0);
					}
				}
				this.y -= count * lineHeight(BODY) + 2 * PADDING;
				rule(LEFT, RIGHT, 0.4f, 0.8f);
				next += count;
				this.rowsOnPage = true;
			}
		}

		private void totals() throws IOException {
			BigDecimal subtotal = this.sheet.subtotal();
			BigDecimal discount = this.sheet.discount();
			boolean discounted = discount != null && discount.signum() != 0;
			float needed = 4 * lineHeight(10) + 16;
			if (this.y - needed < BOTTOM) {
				continuePage();
			}
			float labelX = PRICE_RIGHT - 100;
			this.y -= 6;
			if (subtotal != null) {
				total("Subtotal", money(subtotal), false, labelX);
			}
			if (discounted) {
				String percent = number(discount.movePointRight(2)) + "%";
				String amount = (subtotal != null)
						? money(subtotal.multiply(discount).setScale(2, RoundingMode.HALF_UP).negate()) : "";
				total("Discount (" + percent + ")", amount, false, labelX);
			}
			this.y -= 4;
			rule(labelX, RIGHT, 0.7f, 0);
			total("Total", money(this.sheet.total()), true, labelX);
		}

		private void total(String label, String amount, boolean strong, float labelX) throws IOException {
			float size = strong ? 11.5f : 10;
			this.y -= lineHeight(size);
			show(label, strong, size, labelX, baseline(size), 0);
			showRight(amount, strong, size, AMOUNT_RIGHT, baseline(size), 0);
		}

		private void note() throws IOException {
			if (!present(this.sheet.note())) {
				return;
			}
			this.y -= 18;
			if (this.y - 2 * lineHeight(BODY) < BOTTOM) {
				continuePage();
			}
			text("Note", true, BODY, LEFT, 0);
			for (String line : this.fonts.wrap(this.sheet.note(), false, BODY, RIGHT - LEFT)) {
				if (this.y - lineHeight(BODY) < BOTTOM) {
					continuePage();
				}
				text(line, false, BODY, LEFT, 0);
			}
		}

		private void footers() throws IOException {
			int count = this.document.getNumberOfPages();
			String quote = "Quotation " + this.sheet.quoteNumber() + ", version " + this.sheet.version();
			for (int i = 0; i < count; i++) {
				PDPage page = this.document.getPage(i);
				try (PDPageContentStream footer = new PDPageContentStream(this.document, page, AppendMode.APPEND, true,
						true)) {
					this.content = footer;
					this.y = BOTTOM - 20;
					rule(LEFT, RIGHT, 0.4f, 0.6f);
					float baseline = BOTTOM - 35;
					show(this.properties.sellerName() + " · " + quote, false, 8, LEFT, baseline, GREY);
					showRight("Page " + (i + 1) + " of " + count, false, 8, RIGHT, baseline, GREY);
				}
			}
		}

		private void newPage() throws IOException {
			PDPage page = new PDPage(PAGE);
			this.document.addPage(page);
			this.content = new PDPageContentStream(this.document, page);
			this.y = TOP;
		}

		/** A further page, headed by the quote it continues. */
		private void continuePage() throws IOException {
			this.content.close();
			newPage();
			text("Quotation " + this.sheet.quoteNumber() + ", version " + this.sheet.version() + " (continued)", true,
					BODY, LEFT, 0);
			this.y -= lineHeight(BODY);
		}

		/** One line of text below the previous one. */
		private void text(String text, boolean strong, float size, float x, float grey) throws IOException {
			this.y -= lineHeight(size);
			show(text, strong, size, x, baseline(size), grey);
		}

		private void wrapped(String text, float x, float width) throws IOException {
			for (String line : this.fonts.wrap(text, false, BODY, width)) {
				text(line, false, BODY, x, 0);
			}
		}

		private void show(String text, boolean strong, float size, float x, float baseline, float grey)
				throws IOException {
			this.content.setNonStrokingColor(grey);
			this.content.setStrokingColor(grey);
			this.fonts.show(this.content, text, strong, size, x, baseline);
		}

		private void showRight(String text, boolean strong, float size, float right, float baseline, float grey)
				throws IOException {
			show(text, strong, size, right - this.fonts.width(text, strong, size), baseline, grey);
		}

		private void rule(float from, float to, float width, float grey) throws IOException {
			this.content.setStrokingColor(grey);
			this.content.setLineWidth(width);
			this.content.moveTo(from, this.y);
			this.content.lineTo(to, this.y);
			this.content.stroke();
		}

		private float baseline(float size) {
			return this.y + 0.3f * size;
		}

		private static float lineHeight(float size) {
			return size * 1.35f;
		}

		private static boolean present(String text) {
			return text != null && !text.isBlank();
		}

	}

}
