package io.reflow.crm.platform.web;

import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import org.junit.jupiter.api.Test;

import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * NUL characters in JSON text are refused while reading (found by HostileInputIT: a
 * comment with NUL answered 500 on PostgreSQL, a customer's industry "\u0000" was stored
 * as an empty string).
 */
class NulCharacterGuardTest {

	record Draft(String name, List<String> tags) {
	}

	private final ObjectMapper json = json();

	private static ObjectMapper json() {
		Jackson2ObjectMapperBuilder builder = Jackson2ObjectMapperBuilder.json();
		new NulCharacterGuard().customize(builder);
		return builder.build();
	}

	@Test
	void shouldRefuseANulCharacterNamingTheField() {
		assertThatThrownBy(() -> this.json.readValue("{\"name\":\"nul\\u0000byte\"}", Draft.class))
			.isInstanceOfSatisfying(InvalidFormatException.class, (ex) -> {
				assertThat(ex.getPath().get(0).getFieldName()).isEqualTo("name");
				assertThat(ex.getOriginalMessage()).isEqualTo(NulCharacterGuard.MESSAGE);
			});
		assertThatThrownBy(() -> this.json.readValue("{\"tags\":[\"\\u0000\"]}", Draft.class))
			.isInstanceOf(InvalidFormatException.class);
	}

	@Test
	void shouldKeepOtherTextAsSent() throws Exception {
		String text = "'; drop table crm_lead;-- ${7*7} <script>alert(1)</script> \t\r\n 😀 \\u0000";
		Draft draft = this.json.readValue(this.json.writeValueAsString(new Draft(text, List.of(text))), Draft.class);
		assertThat(draft.name()).isEqualTo(text);
		assertThat(draft.tags()).containsExactly(text);
		assertThat(this.json.readValue("{\"name\":null}", Draft.class).name()).isNull();
	}

}
