package io.reflow.crm.reliability;

import java.util.List;

/**
 * The hostile values every endpoint is fed: injections, script tags, odd characters,
 * extremes.
 */
final class HostileValues {

	private HostileValues() {
	}

	/**
	 * Text that a text field may legitimately store, but only as text: never evaluated.
	 */
	static final List<String> INJECTIONS = List.of("'; drop table crm_lead;--", "' OR '1'='1",
			"1; delete from crm_customer", "\" OR \"\"=\"", "${7*7}", "#{7*7}",
			"#{T(java.lang.Runtime).getRuntime().exec('id')}",
			"${execution.getProcessEngineServices().getRepositoryService().createDeployment()}",
			"${execution.getProcessEngineServices().getRuntimeService().createProcessInstanceQuery().count()}",
			"${''.getClass().forName('java.lang.Runtime')}", "__${7*7}__::.x", "[[${7*7}]]", "{{7*7}}",
			"${jndi:ldap://127.0.0.1:1/x}", "<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>",
			"javascript:alert(1)", "<!--#exec cmd=\"id\"-->", "../../../../etc/passwd", "a\r\nX-Injected: yes",
			"\u202Egnp.exe", "😀 Ünïcödé 漢字 مرحبا", "\\u0000", "%00", "\\", "'", "\"", "<", "&amp;", "null",
			"undefined", "NaN", "-1", "0x7fffffff");

	/**
	 * Text that no field stores faithfully and PostgreSQL refuses in text columns: must
	 * be a client error, never a 500.
	 */
	static final List<String> CONTROL = List.of("nul\u0000byte", "\u0000");

	/** JSON that is not JSON (or not a complete JSON value). */
	static final List<String> MALFORMED = List.of("{", "}", "{\"a\":}", "not json", "{'a':1}", "{\"a\":1}}",
			"{\"a\":1,}", "{\"a\" 1}", "\u0000", "{\"a\":NaN}", "{\"a\":Infinity}", "{\"a\":01}", "{\"a\":\"\\x41\"}",
			"{\"a\":\"unterminated}", "{\"a\":tru}", "/* comment */ {}", "\uFEFF{}", "{\"a\":1}{\"b\":2}");

	/** Valid JSON whose root is not an object. */
	static final List<String> NOT_OBJECTS = List.of("[]", "[{}]", "\"text\"", "42", "null", "true", "-1e999");

	/** Numbers around and far beyond every Java integer range. */
	static final List<String> NUMBERS = List.of("-1", "0", "1", "2147483647", "2147483648", "-2147483649",
			"9223372036854775807", "9223372036854775808", "-9223372036854775809", "123456789012345678901234567890",
			"1e20", "1e400", "-1e400", "1e-400", "1.5", "-0.0", "4.9e-324", "1E+2147483647");

	/** Enum values that are not one. */
	static final List<String> BAD_ENUMS = List.of("NOT_A_VALUE", "north", "'; drop table crm_lead;--", "${7*7}",
			"<script>alert(1)</script>", "0", "99");

	/**
	 * Dates that are not valid dates, or are at the edges of what Java and PostgreSQL
	 * hold.
	 */
	static final List<String> DATES = List.of("2024-13-45", "2024-02-30", "yesterday", "'; drop table crm_lead;--",
			"+999999999-12-31", "-999999999-01-01", "0000-01-01", "99999-01-01", "2999-01-01");

	/** A string of the given length. */
	static String repeat(char c, int length) {
		return String.valueOf(c).repeat(length);
	}

	/** The 10 MB string used for oversized bodies. */
	static final int TEN_MB = 10 * 1024 * 1024;

}
