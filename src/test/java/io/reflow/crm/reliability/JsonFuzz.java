package io.reflow.crm.reliability;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * jqwik generators for request bodies: the endpoint's valid template with fields replaced
 * by hostile or random JSON, removed or joined by unknown ones; random JSON trees; and
 * random text that is mostly not JSON. Used outside jqwik's engine with a fixed seed
 * ({@code arbitrary.generator(size).next(random)}) so the Spring context serves every try
 * and the seed reproduces the run.
 */
final class JsonFuzz {

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	private JsonFuzz() {
	}

	/** A fuzzed body: the text sent and how it was made. */
	record Body(String text, String kind) {
	}

	static Arbitrary<JsonNode> scalars() {
		Arbitrary<JsonNode> hostileText = Arbitraries.of(HostileValues.INJECTIONS).map(NODES::textNode);
		Arbitrary<JsonNode> randomText = Arbitraries.strings().all().ofMaxLength(300).map(NODES::textNode);
		Arbitrary<JsonNode> enumish = Arbitraries
			.of("NORTH", "WEB", "EMAIL", "OPENED", "TECHNICAL", "NORMAL", "STANDARD", "PROSPECT", "SOFTWARE", "north",
					"", "NOT_A_VALUE")
			.map(NODES::textNode);
		Arbitrary<JsonNode> longs = Arbitraries.longs().map(NODES::numberNode);
		Arbitrary<JsonNode> bigs = Arbitraries.bigIntegers()
			.between(BigInteger.TEN.pow(30).negate(), BigInteger.TEN.pow(30))
			.map(NODES::numberNode);
		Arbitrary<JsonNode> doubles = Arbitraries.doubles().map(NODES::numberNode);
		Arbitrary<JsonNode> dates = Arbitraries
			.of("2030-01-01", "2020-01-01", "2024-13-45", "+999999999-12-31", "0000-01-01")
			.map(NODES::textNode);
		Arbitrary<JsonNode> booleans = Arbitraries.of(true, false).map(NODES::booleanNode);
		Arbitrary<JsonNode> nulls = Arbitraries.just(NODES.nullNode());
		return Arbitraries.frequencyOf(Tuple.of(4, hostileText), Tuple.of(3, randomText), Tuple.of(2, enumish),
				Tuple.of(3, longs), Tuple.of(1, bigs), Tuple.of(2, doubles), Tuple.of(1, dates), Tuple.of(2, booleans),
				Tuple.of(1, nulls));
	}

	/** Any JSON value, nested up to four levels. */
	static Arbitrary<JsonNode> anyJson() {
		return Arbitraries.recursive(JsonFuzz::scalars,
				(inner) -> Arbitraries.oneOf(inner, inner.list().ofMaxSize(4).map(JsonFuzz::array),
						Arbitraries.maps(Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(12), inner)
							.ofMaxSize(4)
							.map(JsonFuzz::object)),
				0, 4);
	}

	/** Bodies for an endpoint with the given JSON template. */
	static Arbitrary<Body> bodies(String template) {
		ObjectNode valid = (ObjectNode) read(template);
		List<String> names = new ArrayList<>();
		valid.fieldNames().forEachRemaining(names::add);
		// per field: 0 keep, 1 replace, 2 remove
		Arbitrary<Integer> action = Arbitraries.frequency(Tuple.of(5, 0), Tuple.of(4, 1), Tuple.of(1, 2));
		List<Arbitrary<Object[]>> perField = new ArrayList<>();
		for (String name : names) {
			perField.add(Combinators.combine(action, anyJson()).as((a, value) -> new Object[] { name, a, value }));
		}
		Arbitrary<List<Object[]>> edits = Combinators.combine(perField).as((list) -> list);
		Arbitrary<Body> mutated = Combinators
			.combine(edits, Arbitraries.of(false, false, false, true), Arbitraries.strings().alpha().ofLength(6),
					anyJson())
			.as((fieldEdits, extra, extraName, extraValue) -> {
				ObjectNode body = valid.deepCopy();
				for (Object[] edit : fieldEdits) {
					switch ((Integer) edit[1]) {
						case 1 -> body.set((String) edit[0], (JsonNode) edit[2]);
						case 2 -> body.remove((String) edit[0]);
						default -> {
						}
					}
				}
				if (extra) {
					body.set(extraName, extraValue);
				}
				return new Body(body.toString(), "template with hostile fields");
			});
		Arbitrary<Body> randomShape = Combinators
			.combine(Arbitraries.of(names).list().ofMaxSize(names.size()), anyJson().list().ofSize(names.size()))
			.as((keys, values) -> {
				ObjectNode body = NODES.objectNode();
				for (int i = 0; i < keys.size(); i++) {
					body.set(keys.get(i), values.get(i));
				}
				return new Body(body.toString(), "the template's names with random values");
			});
		Arbitrary<Body> randomTree = anyJson().map((json) -> new Body(json.toString(), "random JSON"));
		Arbitrary<Body> randomText = Arbitraries.strings()
			.all()
			.ofMaxLength(200)
			.map((text) -> new Body(text, "random text"));
		Arbitrary<Body> truncated = Arbitraries.integers()
			.between(0, template.length())
			.map((cut) -> new Body(valid.toString().substring(0, Math.min(cut, valid.toString().length())),
					"truncated template"));
		return Arbitraries.frequencyOf(Tuple.of(10, mutated), Tuple.of(3, randomShape), Tuple.of(2, randomTree),
				Tuple.of(1, randomText), Tuple.of(1, truncated));
	}

	private static JsonNode array(List<JsonNode> items) {
		ArrayNode array = NODES.arrayNode();
		items.forEach(array::add);
		return array;
	}

	private static JsonNode object(Map<String, JsonNode> fields) {
		ObjectNode object = NODES.objectNode();
		fields.forEach(object::set);
		return object;
	}

	private static JsonNode read(String json) {
		try {
			return HostileCases.JSON.readTree(json);
		}
		catch (com.fasterxml.jackson.core.JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
