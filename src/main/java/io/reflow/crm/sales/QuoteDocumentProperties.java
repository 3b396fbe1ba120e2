package io.reflow.crm.sales;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What every quote document prints about the seller, and where its CJK font comes from.
 *
 * @param sellerName the company that issues the quotes, at the top of the first page
 * @param sellerAddress its address; a line break starts a new line
 * @param fontPaths TrueType files ({@code .ttf}, or {@code .ttc} collections, whose first
 * font is used) tried in order; the first that exists and has Chinese glyphs is embedded.
 * The defaults are where Debian's {@code fonts-wqy-microhei}, {@code fonts-wqy-zenhei}
 * and {@code fonts-droid-fallback} put them. Debian's {@code fonts-noto-cjk} files are
 * not listed: they have CFF outlines, which PDFBox cannot embed. Without a usable file
 * Chinese text prints as '?'.
 */
@ConfigurationProperties("reflow.quotes")
record QuoteDocumentProperties(@DefaultValue("Reflow CRM") String sellerName, @DefaultValue("") String sellerAddress,
		@DefaultValue( {
				"/usr/share/fonts/truetype/wqy/wqy-microhei.ttc", "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
				"/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf" }) List<String> fontPaths){

}
