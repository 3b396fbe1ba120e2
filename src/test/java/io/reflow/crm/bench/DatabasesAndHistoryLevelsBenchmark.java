package io.reflow.crm.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/**
 * Section 3: the sales case of section 1 on the bare engine (so only the engine's own
 * database work differs) on H2 (file database, as the demo profile) and PostgreSQL, and
 * with the history levels FULL, AUDIT and ACTIVITY on PostgreSQL. Sizes:
 * {@code -Dreflow.bench.levels.cases} (default 15), {@code -Dreflow.bench.repetitions}.
 */
class DatabasesAndHistoryLevelsBenchmark {

	static final int CASES = Integer.getInteger("reflow.bench.levels.cases", 15);

	static final int REPETITIONS = Integer.getInteger("reflow.bench.repetitions", 5);

	@Test
	void shouldCompareDatabasesAndHistoryLevels() throws Exception {
		Map<String, String> names = new LinkedHashMap<>();
		names.put("pg-full", "PostgreSQL, history FULL (Reflow's setting)");
		names.put("pg-audit", "PostgreSQL, history AUDIT");
		names.put("pg-activity", "PostgreSQL, history ACTIVITY");
		names.put("h2-full", "H2 2 (file database), history FULL");
		Map<String, Double> statements = new LinkedHashMap<>();
		Path h2 = Path.of("target", "bench-h2", UUID.randomUUID().toString(), "engine").toAbsolutePath();
		String pgFull = BenchPostgres.newDatabase("levels_full");
		String pgAudit = BenchPostgres.newDatabase("levels_audit");
		String pgActivity = BenchPostgres.newDatabase("levels_activity");
		try (BareSalesEngine full = BareSalesEngine.start(pgFull, "postgres", "full");
				BareSalesEngine audit = BareSalesEngine.start(pgAudit, "postgres", "audit");
				BareSalesEngine activity = BareSalesEngine.start(pgActivity, "postgres", "activity");
				BareSalesEngine h2Full = BareSalesEngine.start("jdbc:h2:file:" + h2 + ";DB_CLOSE_ON_EXIT=FALSE", "sa",
						"full")) {
			Map<String, Stats> results = Interleaved.of()
				.warmups(1)
				.repetitions(REPETITIONS)
				.variant("pg-full", () -> SalesCases.perSecond(full::runCase, CASES))
				.variant("pg-audit", () -> SalesCases.perSecond(audit::runCase, CASES))
				.variant("pg-activity", () -> SalesCases.perSecond(activity::runCase, CASES))
				.variant("h2-full", () -> SalesCases.perSecond(h2Full::runCase, CASES))
				.run();
			for (Map.Entry<String, String> level : Map
				.of("pg-full", pgFull, "pg-audit", pgAudit, "pg-activity", pgActivity)
				.entrySet()) {
				BenchPostgres.Counts counts = BenchPostgres.counts(BenchPostgres.databaseOf(level.getValue()));
				statements.put(level.getKey(), (double) counts.statements() / ((REPETITIONS + 1) * CASES));
			}
			double pg = results.get("pg-full").median();
			List<List<String>> rows = new ArrayList<>();
			for (String name : names.keySet()) {
				Stats stats = results.get(name);
				rows.add(List.of(names.get(name), stats.summary("%.1f"),
						String.format(Locale.ROOT, "%.0f %%", stats.spread() * 100),
						String.format(Locale.ROOT, "%.2f", stats.median() / pg), statements.containsKey(name)
								? String.format(Locale.ROOT, "%.0f", statements.get(name)) : "n/a"));
			}
			BenchReport.section("3-databases-and-history-levels", "3. H2 vs PostgreSQL, and history levels")
				.paragraph("Machine: " + BenchReport.machine(BenchPostgres.version() + "; H2 "
						+ org.h2.engine.Constants.VERSION + " (file database, default settings)") + ".")
				.paragraph(
						"""
								Workload: the sales case of section 1 (lead to order) on the bare engine with no-op delegates, so
								the figures show the engine's own database work; %d client threads, %d cases per repetition, 1
								warm-up round, %d interleaved repetitions. Statements per case on PostgreSQL from
								`pg_stat_statements` over all rounds (engine start-up and deployment included, so slightly high).
								""",
						SalesCases.THREADS, CASES, REPETITIONS)
				.table(List.of("Database and history level", "Completed cases/s, median (min, max, n)", "Spread",
						"Ratio to PostgreSQL FULL", "SQL statements per case"), rows)
				.paragraph(String.format(Locale.ROOT, """
						Ratios (medians): H2/PostgreSQL at FULL %.2f; on PostgreSQL AUDIT/FULL %.2f, ACTIVITY/FULL %.2f.
						""", results.get("h2-full").median() / pg, results.get("pg-audit").median() / pg,
						results.get("pg-activity").median() / pg))
				.write();
		}
	}

}
