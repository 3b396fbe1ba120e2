package io.reflow.crm.reliability;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One {@code /api} endpoint as the hostile-input suite calls it: who may call it, valid
 * values for its path variables, and for a JSON body a valid template with the kind and
 * limits of each field (what the request record's Bean Validation says).
 */
final class Endpoint {

	enum Body {

		NONE, JSON, MULTIPART

	}

	enum Kind {

		TEXT, ENUM, INTEGER, LONG, DECIMAL, BOOLEAN, DATE, LIST, OBJECT

	}

	/**
	 * A body field. {@code min}/{@code max} bound numbers (Long.MIN/MAX when unbounded),
	 * {@code maxLength} bounds text (0 when not checked), {@code pattern} marks text that
	 * must match a format (so injections are refused).
	 */
	record Field(String name, Kind kind, boolean required, long min, long max, int maxLength, boolean pattern) {
	}

	final String method;

	final String pattern;

	String user = "admin";

	final Map<String, String> pathValues = new LinkedHashMap<>();

	Body body = Body.NONE;

	String template;

	final List<Field> fields = new ArrayList<>();

	/**
	 * Whether a 2xx answer carries back the text fields it stored (so they can be
	 * compared).
	 */
	boolean echoes;

	/**
	 * The address to read a created or changed resource back from, or null; {id} is the
	 * answer's id.
	 */
	String readBack;

	/**
	 * Whether every call, even a valid one, must be refused or ignored (answers 4xx or
	 * 404 after validation).
	 */
	boolean lookupFails;

	Endpoint(String method, String pattern) {
		this.method = method;
		this.pattern = pattern;
	}

	static Endpoint get(String pattern) {
		return new Endpoint("GET", pattern);
	}

	static Endpoint post(String pattern) {
		return new Endpoint("POST", pattern);
	}

	static Endpoint put(String pattern) {
		return new Endpoint("PUT", pattern);
	}

	String key() {
		return this.method + " " + this.pattern;
	}

	Endpoint as(String user) {
		this.user = user;
		return this;
	}

	Endpoint path(String variable, Object value) {
		this.pathValues.put(variable, String.valueOf(value));
		return this;
	}

	Endpoint json(String template) {
		this.body = Body.JSON;
		this.template = template;
		return this;
	}

	Endpoint multipart() {
		this.body = Body.MULTIPART;
		return this;
	}

	Endpoint echoes(String readBack) {
		this.echoes = true;
		this.readBack = readBack;
		return this;
	}

	Endpoint lookupFails() {
		this.lookupFails = true;
		return this;
	}

	Endpoint text(String name, boolean required, int maxLength) {
		this.fields.add(new Field(name, Kind.TEXT, required, 0, 0, maxLength, false));
		return this;
	}

	Endpoint formatted(String name, boolean required, int maxLength) {
		this.fields.add(new Field(name, Kind.TEXT, required, 0, 0, maxLength, true));
		return this;
	}

	Endpoint enumeration(String name, boolean required) {
		this.fields.add(new Field(name, Kind.ENUM, required, 0, 0, 0, false));
		return this;
	}

	Endpoint integer(String name, boolean required, long min, long max) {
		this.fields.add(new Field(name, Kind.INTEGER, required, min, max, 0, false));
		return this;
	}

	Endpoint id(String name, boolean required) {
		this.fields.add(new Field(name, Kind.LONG, required, 1, Long.MAX_VALUE, 0, false));
		return this;
	}

	Endpoint decimal(String name, boolean required, long min, long max) {
		this.fields.add(new Field(name, Kind.DECIMAL, required, min, max, 0, false));
		return this;
	}

	Endpoint bool(String name, boolean required) {
		this.fields.add(new Field(name, Kind.BOOLEAN, required, 0, 0, 0, false));
		return this;
	}

	Endpoint date(String name) {
		this.fields.add(new Field(name, Kind.DATE, false, 0, 0, 0, false));
		return this;
	}

	Endpoint list(String name, boolean required) {
		this.fields.add(new Field(name, Kind.LIST, required, 0, 0, 0, false));
		return this;
	}

	Endpoint object(String name) {
		this.fields.add(new Field(name, Kind.OBJECT, false, 0, 0, 0, false));
		return this;
	}

	/**
	 * The path with the valid values, or with one variable replaced by a raw (encoded)
	 * value.
	 */
	String pathWith(String variable, String raw) {
		String path = this.pattern;
		for (Map.Entry<String, String> entry : this.pathValues.entrySet()) {
			String value = entry.getKey().equals(variable) ? raw : entry.getValue();
			path = path.replace("{" + entry.getKey() + "}", value);
		}
		if (path.contains("{")) {
			throw new IllegalStateException(key() + " has a path variable without a value: " + path);
		}
		return path;
	}

	String path() {
		return pathWith(null, null);
	}

	@Override
	public String toString() {
		return key() + " as " + this.user;
	}

}
