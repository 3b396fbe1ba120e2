package io.reflow.crm.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The access matrix as {@code docs/security.md} states it, in its section
 * {@value #SECTION}: a legend table (user, group) and request tables (one row per method
 * and path, one column per user). The documentation is the single source; the test only
 * reads it.
 */
record AccessMatrix(Map<String, String> legend, List<String> users, List<Row> rows) {

	static final String SECTION = "## Access matrix (tested)";

	static final String ANONYMOUS = "anonymous";

	private static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE");

	/** One request and what each user gets for it. */
	record Row(int line, String method, String path, Map<String, Cell> cells) {

		@Override
		public String toString() {
			return this.method + " " + this.path;
		}

	}

	/**
	 * A cell of the matrix. {@code ok}: the request passes authorization (any status but
	 * 401, 403 and 5xx); a number: exactly that status.
	 */
	record Cell(String text) {

		static Cell parse(String text, String where) {
			if (!text.equals("ok") && !text.matches("[1-5][0-9][0-9]")) {
				throw new IllegalStateException(where + ": cell '" + text + "' is neither ok nor a status code");
			}
			return new Cell(text);
		}

		boolean allowed() {
			return this.text.equals("ok");
		}

		int status() {
			return allowed() ? -1 : Integer.parseInt(this.text);
		}

	}

	/** Reads the section from a Markdown file. */
	static AccessMatrix read(Path file) {
		List<String> lines;
		try {
			lines = Files.readAllLines(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		int start = lines.indexOf(SECTION);
		if (start < 0) {
			throw new IllegalStateException(file + " has no section '" + SECTION + "'");
		}
		Map<String, String> legend = new LinkedHashMap<>();
		List<String> users = null;
		List<Row> rows = new ArrayList<>();
		String table = "";
		for (int i = start + 1; i < lines.size() && !lines.get(i).startsWith("## "); i++) {
			String line = lines.get(i).strip();
			if (!line.startsWith("|")) {
				table = "";
				continue;
			}
			List<String> cells = cells(line);
			String where = file.getFileName() + ":" + (i + 1);
			if (cells.get(0).matches("-+")) {
				continue;
			}
			if (table.isEmpty()) {
				// a header row names the table: User (legend), Method (requests) or
				// another
				table = cells.get(0);
			}
			if (!table.equals("User") && !table.equals("Method")) {
				continue;
			}
			if (cells.get(0).equals("User")) {
				continue;
			}
			if (cells.get(0).equals("Method")) {
				List<String> header = cells.subList(2, cells.size()).stream().map(AccessMatrix::unquote).toList();
				if (users != null && !users.equals(header)) {
					throw new IllegalStateException(where + ": columns differ from the first table's " + users);
				}
				users = header;
				continue;
			}
			if (METHODS.contains(cells.get(0))) {
				if (users == null) {
					throw new IllegalStateException(where + ": request row before a header row");
				}
				if (cells.size() != users.size() + 2) {
					throw new IllegalStateException(
							where + ": " + cells.size() + " cells, expected " + (users.size() + 2));
				}
				Map<String, Cell> byUser = new LinkedHashMap<>();
				for (int c = 0; c < users.size(); c++) {
					byUser.put(users.get(c), Cell.parse(cells.get(c + 2), where));
				}
				rows.add(new Row(i + 1, cells.get(0), unquote(cells.get(1)), byUser));
				continue;
			}
			if (table.equals("User") && cells.size() >= 2) {
				legend.put(unquote(cells.get(0)), unquote(cells.get(1)));
				continue;
			}
			throw new IllegalStateException(where + ": unexpected row " + line);
		}
		if (users == null || rows.isEmpty()) {
			throw new IllegalStateException(file + ": section '" + SECTION + "' holds no request table");
		}
		return new AccessMatrix(legend, users, rows);
	}

	private static List<String> cells(String line) {
		String inner = line.substring(1, line.endsWith("|") ? line.length() - 1 : line.length());
		List<String> cells = new ArrayList<>();
		for (String cell : inner.split("\\|", -1)) {
			cells.add(cell.strip());
		}
		return cells;
	}

	private static String unquote(String text) {
		return text.replace("`", "").strip();
	}

}
