package io.reflow.crm.sales;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Binding of {@code reflow.quotes}: the defaults when nothing is set, and a font list
 * from configuration replacing them.
 */
class QuoteDocumentPropertiesTest {

	static QuoteDocumentProperties bind(Map<String, String> values) {
		return new Binder(new MapConfigurationPropertySource(values)).bindOrCreate("reflow.quotes",
				QuoteDocumentProperties.class);
	}

	@Test
	void shouldDefaultToDebianCjkFontsWhenNothingIsSet() {
		QuoteDocumentProperties properties = bind(Map.of());

		assertThat(properties.sellerName()).isEqualTo("Reflow CRM");
		assertThat(properties.sellerAddress()).isEmpty();
		assertThat(properties.fontPaths()).containsExactly("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
				"/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
				"/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf");
	}

	@Test
	void shouldReplaceDefaultFontsWhenFontPathsAreSet() {
		QuoteDocumentProperties properties = bind(
				Map.of("reflow.quotes.font-paths", "/opt/a.ttf,/opt/b.ttc", "reflow.quotes.seller-name", "上海睿流软件有限公司"));

		assertThat(properties.fontPaths()).containsExactly("/opt/a.ttf", "/opt/b.ttc");
		assertThat(properties.sellerName()).isEqualTo("上海睿流软件有限公司");
	}

}
