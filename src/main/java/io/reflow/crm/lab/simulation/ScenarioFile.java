package io.reflow.crm.lab.simulation;

import java.io.IOException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import io.reflow.crm.platform.web.InvalidFieldException;

/**
 * A scenario file (JSON or YAML, docs/lab.md): overrides of the scenario calibrated from
 * history. Every field is optional; what a file leaves out keeps its calibrated value. A
 * value that is not acceptable is refused with {@link InvalidFieldException} naming the
 * field by its path (e.g. {@code tasks.Task_QualifyLead.working.p90}).
 *
 * <pre>
 * cases: 2000
 * seed: 7
 * start: 2026-01-05T00:00:00Z
 * arrivals:                           # exponential gaps at the rate of the hour
 *   perDay: 20                        # or perHour: the week's average
 *   byWeekday: [1, 1, 1, 1, 1, 0, 0]  # weights, Monday first (none at weekends)
 *   byHour: [0, 0, 0, 0, 0, 0, 0, 0, 1, 2, 2, 2, 1, 1, 2, 2, 1, 1, 0, 0, 0, 0, 0, 0]
 *   # or flat: true (the same rate around the clock)
 * workingHours: { zone: Asia/Shanghai, days: [MONDAY, TUESDAY], start: "09:00", end: "18:00" }
 * people: { key-accounts: 2 }
 * tasks:
 *   Task_QualifyLead:
 *     working: { median: PT40M, p90: PT2H }   # or { mean: PT30M } or { fixed: PT10M }
 *     answers:
 *       - { probability: 0.6, variables: { qualificationOutcome: QUALIFIED } }
 *       - { probability: 0.4, variables: { qualificationOutcome: DISQUALIFIED } }
 * caseVariables:                        # each case takes one, all equally likely
 *   - { source: WEB, companySize: 300, budgetConfirmed: true, industry: RETAIL, region: NORTH }
 * </pre>
 */
public final class ScenarioFile {

	static final Set<String> FIELDS = Set.of("cases", "seed", "start", "arrivals", "workingHours", "people", "tasks",
			"caseVariables");

	static final Set<String> TASK_FIELDS = Set.of("working", "answers");

	static final Set<String> ARRIVAL_FIELDS = Set.of("perDay", "perHour", "byWeekday", "byHour", "flat");

	private static final ObjectMapper JSON = new ObjectMapper();

	private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

	private ScenarioFile() {
	}

	/**
	 * The calibrated scenario with the file's overrides.
	 * @param content the file (JSON when it starts with <code>{</code>, YAML otherwise);
	 * null or blank: no overrides
	 * @param maxCases the most cases a run may have
	 */
	public static Scenario apply(String content, Scenario calibrated, int maxCases) {
		if (content == null || content.isBlank()) {
			return calibrated;
		}
		JsonNode root;
		try {
			root = (content.stripLeading().startsWith("{") ? JSON : YAML).readTree(content);
		}
		catch (JacksonException ex) {
			throw new InvalidFieldException("scenario", "is not valid JSON or YAML: " + ex.getOriginalMessage()
					+ ((ex.getLocation() != null) ? " (line " + ex.getLocation().getLineNr() + ")" : ""));
		}
		catch (IOException ex) {
			throw new InvalidFieldException("scenario", "cannot be read: " + ex.getMessage());
		}
		if (root == null || root.isMissingNode() || root.isNull()) {
			return calibrated;
		}
		if (!root.isObject()) {
			throw new InvalidFieldException("scenario", "must be an object with fields such as cases, arrivals, tasks");
		}
		known(root, null, "a scenario", FIELDS);
		int cases = root.has("cases") ? integer(root.get("cases"), "cases", 1, maxCases) : calibrated.cases();
		long seed = root.has("seed") ? seed(root.get("seed")) : calibrated.seed();
		Instant start = root.has("start") ? instant(root.get("start"), "start") : calibrated.start();
		WorkingHours hours = root.has("workingHours") ? workingHours(root.get("workingHours"))
				: calibrated.workingHours();
		Distribution interArrival = calibrated.interArrival();
		ArrivalProfile profile = calibrated.arrivalProfile();
		if (root.has("arrivals")) {
			JsonNode node = object(root.get("arrivals"), "arrivals");
			known(node, "arrivals", "an arrivals", ARRIVAL_FIELDS);
			if (node.has("perDay")) {
				interArrival = new Distribution.Exponential(86_400 / positive(node.get("perDay"), "arrivals.perDay"));
			}
			else if (node.has("perHour")) {
				interArrival = new Distribution.Exponential(3_600 / positive(node.get("perHour"), "arrivals.perHour"));
			}
			profile = profile(node, profile,
					(hours != null) ? hours.zone() : (profile != null) ? profile.zone() : java.time.ZoneOffset.UTC);
		}
		Map<String, Integer> people = new LinkedHashMap<>(calibrated.people());
		if (root.has("people")) {
			JsonNode node = object(root.get("people"), "people");
			node.fields()
				.forEachRemaining((entry) -> people.put(entry.getKey(),
						integer(entry.getValue(), "people." + entry.getKey(), 1, 10_000)));
		}
		Map<String, Scenario.TaskBehaviour> tasks = new LinkedHashMap<>(calibrated.tasks());
		if (root.has("tasks")) {
			JsonNode node = object(root.get("tasks"), "tasks");
			node.fields().forEachRemaining((entry) -> {
				String path = "tasks." + entry.getKey();
				Scenario.TaskBehaviour before = calibrated.tasks().get(entry.getKey());
				tasks.put(entry.getKey(), task(entry.getValue(), path, before));
			});
		}
		List<Map<String, Object>> caseVariables = calibrated.caseVariables();
		if (root.has("caseVariables")) {
			JsonNode node = root.get("caseVariables");
			if (!node.isArray() || node.isEmpty()) {
				throw new InvalidFieldException("caseVariables", "must be a list of one or more objects of variables");
			}
			caseVariables = new ArrayList<>();
			for (int i = 0; i < node.size(); i++) {
				caseVariables.add(variables(node.get(i), "caseVariables[" + i + "]"));
			}
		}
		return new Scenario(cases, interArrival, caseVariables, tasks, people, seed, start, hours, profile);
	}

	private static Scenario.TaskBehaviour task(JsonNode node, String path, Scenario.TaskBehaviour before) {
		object(node, path);
		known(node, path, "a task", TASK_FIELDS);
		Distribution working = node.has("working") ? duration(node.get("working"), path + ".working")
				: (before != null) ? before.working() : new Distribution.Fixed(0);
		List<Scenario.Answer> answers = (before != null) ? before.answers() : List.of();
		if (node.has("answers")) {
			JsonNode list = node.get("answers");
			if (!list.isArray()) {
				throw new InvalidFieldException(path + ".answers", "must be a list of {probability, variables}");
			}
			answers = new ArrayList<>();
			double total = 0;
			for (int i = 0; i < list.size(); i++) {
				String at = path + ".answers[" + i + "]";
				JsonNode answer = object(list.get(i), at);
				JsonNode probability = answer.get("probability");
				if (probability == null || !probability.isNumber() || probability.asDouble() < 0
						|| probability.asDouble() > 1) {
					throw new InvalidFieldException(at + ".probability", "must be a number from 0 to 1");
				}
				total += probability.asDouble();
				answers.add(new Scenario.Answer(probability.asDouble(),
						answer.has("variables") ? variables(answer.get("variables"), at + ".variables") : Map.of()));
			}
			if (!answers.isEmpty() && Math.abs(total - 1) > 1e-6) {
				throw new InvalidFieldException(path + ".answers",
						"the probabilities must add up to 1, not " + String.format(Locale.ROOT, "%.4f", total));
			}
		}
		return new Scenario.TaskBehaviour(working, answers);
	}

	/**
	 * The arrival profile after the file's {@code byWeekday}, {@code byHour} and
	 * {@code flat}; a part the file leaves out keeps the calibrated weights.
	 */
	private static ArrivalProfile profile(JsonNode node, ArrivalProfile calibrated, java.time.ZoneId zone) {
		if (node.has("flat")) {
			if (!node.get("flat").isBoolean()) {
				throw new InvalidFieldException("arrivals.flat", "must be true or false");
			}
			if (node.get("flat").asBoolean()) {
				if (node.has("byWeekday") || node.has("byHour")) {
					throw new InvalidFieldException("arrivals.flat",
							"cannot be true together with byWeekday or byHour");
				}
				return null;
			}
		}
		if (!node.has("byWeekday") && !node.has("byHour")) {
			if (!node.has("perDay") && !node.has("perHour") && !node.has("flat")) {
				throw new InvalidFieldException("arrivals",
						"needs perDay or perHour (cases arriving, on average), byWeekday, byHour or flat");
			}
			return calibrated;
		}
		double[] weekdays = node.has("byWeekday") ? weights(node.get("byWeekday"), "arrivals.byWeekday", 7)
				: (calibrated != null) ? calibrated.weekdays() : ArrivalProfile.flat(7);
		double[] hours = node.has("byHour") ? weights(node.get("byHour"), "arrivals.byHour", 24)
				: (calibrated != null) ? calibrated.hours() : ArrivalProfile.flat(24);
		return new ArrivalProfile(zone, weekdays, hours);
	}

	private static double[] weights(JsonNode node, String path, int size) {
		if (!node.isArray() || node.size() != size) {
			throw new InvalidFieldException(path, "must be a list of " + size + " weights (numbers of 0 or more)"
					+ ((size == 7) ? ", Monday first" : ", the hour from 00:00 first"));
		}
		double[] weights = new double[size];
		double sum = 0;
		for (int i = 0; i < size; i++) {
			JsonNode weight = node.get(i);
			if (!weight.isNumber() || !(weight.asDouble() >= 0) || weight.asDouble() > 1_000_000) {
				throw new InvalidFieldException(path + "[" + i + "]", "must be a number from 0 to 1000000");
			}
			weights[i] = weight.asDouble();
			sum += weights[i];
		}
		if (sum <= 0) {
			throw new InvalidFieldException(path, "needs at least one weight above 0");
		}
		return weights;
	}

	/**
	 * Refuses a field of {@code node} that is not one of {@code fields}, naming it by its
	 * path under {@code path} (null: the file's top level).
	 */
	private static void known(JsonNode node, String path, String kind, Set<String> fields) {
		for (Iterator<String> names = node.fieldNames(); names.hasNext();) {
			String name = names.next();
			if (!fields.contains(name)) {
				throw new InvalidFieldException((path != null) ? path + "." + name : name,
						"is not " + kind + " field; known: " + String.join(", ", fields.stream().sorted().toList()));
			}
		}
	}

	private static Distribution duration(JsonNode node, String path) {
		object(node, path);
		if (node.has("fixed")) {
			return new Distribution.Fixed(seconds(node.get("fixed"), path + ".fixed"));
		}
		if (node.has("mean")) {
			return new Distribution.Exponential(seconds(node.get("mean"), path + ".mean"));
		}
		if (node.has("median")) {
			double median = seconds(node.get("median"), path + ".median");
			double p90 = node.has("p90") ? seconds(node.get("p90"), path + ".p90") : median;
			if (median <= 0) {
				throw new InvalidFieldException(path + ".median", "must be longer than zero");
			}
			if (p90 < median) {
				throw new InvalidFieldException(path + ".p90", "must not be shorter than the median");
			}
			return (p90 == median) ? new Distribution.Fixed(median) : new Distribution.LogNormal(median, p90);
		}
		throw new InvalidFieldException(path,
				"needs fixed, mean, or median (with p90): ISO-8601 durations such as PT30M");
	}

	private static WorkingHours workingHours(JsonNode node) {
		if (node.isNull() || (node.isTextual() && node.asText().equals("always"))) {
			return null;
		}
		object(node, "workingHours");
		ZoneId zone;
		try {
			zone = ZoneId.of(text(node, "workingHours.zone"));
		}
		catch (java.time.DateTimeException ex) {
			throw new InvalidFieldException("workingHours.zone", "is not a time zone such as Asia/Shanghai");
		}
		Set<DayOfWeek> days = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);
		if (node.has("days")) {
			JsonNode list = node.get("days");
			if (!list.isArray() || list.isEmpty()) {
				throw new InvalidFieldException("workingHours.days", "must be a list of days such as [MONDAY, FRIDAY]");
			}
			days = EnumSet.noneOf(DayOfWeek.class);
			for (JsonNode day : list) {
				try {
					days.add(DayOfWeek.valueOf(day.asText().toUpperCase(Locale.ROOT)));
				}
				catch (IllegalArgumentException ex) {
					throw new InvalidFieldException("workingHours.days",
							"'" + day.asText() + "' is not a day of the week");
				}
			}
		}
		LocalTime start = time(node, "start");
		LocalTime end = time(node, "end");
		if (!end.isAfter(start)) {
			throw new InvalidFieldException("workingHours.end", "must be after workingHours.start");
		}
		return new WorkingHours(zone, days, start, end);
	}

	private static LocalTime time(JsonNode node, String field) {
		String text = text(node, "workingHours." + field);
		try {
			return LocalTime.parse(text);
		}
		catch (DateTimeParseException ex) {
			throw new InvalidFieldException("workingHours." + field, "'" + text + "' is not a time such as 09:00");
		}
	}

	private static Map<String, Object> variables(JsonNode node, String path) {
		object(node, path);
		Map<String, Object> variables = new LinkedHashMap<>();
		node.fields().forEachRemaining((entry) -> {
			JsonNode value = entry.getValue();
			String at = path + "." + entry.getKey();
			if (value.isTextual()) {
				variables.put(entry.getKey(), value.asText());
			}
			else if (value.isBoolean()) {
				variables.put(entry.getKey(), value.asBoolean());
			}
			else if (value.isIntegralNumber() && value.canConvertToInt()) {
				variables.put(entry.getKey(), value.asInt());
			}
			else if (value.isIntegralNumber() && value.canConvertToLong()) {
				variables.put(entry.getKey(), value.asLong());
			}
			else if (value.isNumber()) {
				variables.put(entry.getKey(), value.asDouble());
			}
			else if (value.isNull()) {
				variables.put(entry.getKey(), null);
			}
			else {
				throw new InvalidFieldException(at, "must be a string, number, boolean or null");
			}
		});
		return variables;
	}

	private static JsonNode object(JsonNode node, String path) {
		if (node == null || !node.isObject()) {
			throw new InvalidFieldException(path, "must be an object");
		}
		return node;
	}

	private static String text(JsonNode node, String path) {
		JsonNode value = node.get(path.substring(path.lastIndexOf('.') + 1));
		if (value == null || !value.isTextual() || value.asText().isBlank()) {
			throw new InvalidFieldException(path, "is required (text)");
		}
		return value.asText();
	}

	private static int integer(JsonNode node, String path, int min, int max) {
		if (node == null || !node.isIntegralNumber() || !node.canConvertToInt() || node.asInt() < min
				|| node.asInt() > max) {
			throw new InvalidFieldException(path, "must be a whole number from " + min + " to " + max);
		}
		return node.asInt();
	}

	private static long seed(JsonNode node) {
		if (!node.isIntegralNumber() || !node.canConvertToLong()) {
			throw new InvalidFieldException("seed", "must be a whole number");
		}
		return node.asLong();
	}

	private static double positive(JsonNode node, String path) {
		if (node == null || !node.isNumber() || !(node.asDouble() > 0) || node.asDouble() > 1_000_000) {
			throw new InvalidFieldException(path, "must be a number above 0 (at most 1000000)");
		}
		return node.asDouble();
	}

	private static double seconds(JsonNode node, String path) {
		if (node == null || !node.isTextual()) {
			throw new InvalidFieldException(path, "must be an ISO-8601 duration such as PT30M");
		}
		try {
			Duration duration = Duration.parse(node.asText());
			if (duration.isNegative() || duration.compareTo(Duration.ofDays(3650)) > 0) {
				throw new InvalidFieldException(path, "must be from PT0S to P3650D");
			}
			return duration.toMillis() / 1000.0;
		}
		catch (DateTimeParseException ex) {
			throw new InvalidFieldException(path, "'" + node.asText() + "' is not an ISO-8601 duration such as PT30M");
		}
	}

	private static Instant instant(JsonNode node, String path) {
		if (node == null || !node.isTextual()) {
			throw new InvalidFieldException(path, "must be an instant such as 2026-01-05T00:00:00Z");
		}
		try {
			Instant instant = Instant.parse(node.asText());
			if (instant.isBefore(Instant.parse("1970-01-01T00:00:00Z"))
					|| instant.isAfter(Instant.parse("2999-12-31T00:00:00Z"))) {
				throw new InvalidFieldException(path, "must be between 1970 and 2999");
			}
			return instant;
		}
		catch (DateTimeParseException ex) {
			throw new InvalidFieldException(path,
					"'" + node.asText() + "' is not an instant such as 2026-01-05T00:00:00Z");
		}
	}

}
