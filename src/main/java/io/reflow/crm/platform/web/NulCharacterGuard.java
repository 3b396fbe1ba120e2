package io.reflow.crm.platform.web;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;

import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;
import org.springframework.stereotype.Component;

/**
 * Refuses JSON text containing a NUL character ({@code \u0000}) while the request body is
 * read, so it is a 400 naming the field. PostgreSQL cannot store NUL in text columns:
 * such a value failed deep in the engine's or Hibernate's flush with a 500, or came back
 * as an empty string. Applies to Spring's ObjectMapper (our API); engine REST has its
 * own.
 */
@Component
class NulCharacterGuard implements Jackson2ObjectMapperBuilderCustomizer {

	static final String MESSAGE = "must not contain NUL characters";

	@Override
	public void customize(Jackson2ObjectMapperBuilder builder) {
		builder.deserializerByType(String.class, new NulRefusingStringDeserializer());
	}

	static final class NulRefusingStringDeserializer extends StdScalarDeserializer<String> {

		NulRefusingStringDeserializer() {
			super(String.class);
		}

		@Override
		public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
			String value = StringDeserializer.instance.deserialize(parser, context);
			if (value != null && value.indexOf('\u0000') >= 0) {
				throw InvalidFormatException.from(parser, MESSAGE, value, String.class);
			}
			return value;
		}

	}

}
