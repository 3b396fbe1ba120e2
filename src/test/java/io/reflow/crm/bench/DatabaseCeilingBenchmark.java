package io.reflow.crm.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * Section 2, distance to the physical limit: the ceiling of engine-like transactions
 * ({@link PgBench}) on the benchmark PostgreSQL server, the SQL statements per second the
 * engine runs while running sales cases as a fraction of pgbench's, and SQL statements
 * per completed case (from {@code pg_stat_statements}) of Reflow as configured against a
 * bare engine with default settings and with the tuning candidates. Sizes:
 * {@code -Dreflow.bench.ceiling.cases} (cases per repetition, default 10),
 * {@code -Dreflow.bench.ceiling.seconds} (per pgbench run, default 10),
 * {@code -Dreflow.bench.repetitions}.
 */
class DatabaseCeilingBenchmark extends ReflowOnPostgres {

	static final int CASES = Integer.getInteger("reflow.bench.ceiling.cases", 10);

	static final int SECONDS = Integer.getInteger("reflow.bench.ceiling.seconds", 10);

	static final int REPETITIONS = Integer.getInteger("reflow.bench.repetitions", 5);

	/** The figures of one variant's repetitions. */
	/**
	 * Statements per transaction of the pgbench script: 6 inserts, 2 updates, 2 selects.
	 */
	static final int PGBENCH_STATEMENTS = 10;

	static final class Figures {

		final List<Double> statementsPerCase = new ArrayList<>();

		final List<Double> statementsPerSecond = new ArrayList<>();

		double measure(String database, SalesCases.Driver driver) throws Exception {
			BenchPostgres.Counts before = BenchPostgres.counts(database);
			long started = System.nanoTime();
			double casesPerSecond = SalesCases.perSecond(driver, CASES);
			double seconds = (System.nanoTime() - started) / 1e9;
			BenchPostgres.Counts used = BenchPostgres.counts(database).minus(before);
			this.statementsPerCase.add((double) used.statements() / CASES);
			this.statementsPerSecond.add(used.statements() / seconds);
			return casesPerSecond;
		}

	}

	@Test
	void shouldMeasureTheDistanceToTheDatabaseCeiling() throws Exception {
		List<String> notes = new ArrayList<>();
		List<PgBench.Run> ceiling = new ArrayList<>();
		List<PgBench.Run> durable = new ArrayList<>();
		if (PgBench.available()) {
			String database = PgBench.prepare();
			ceiling.add(PgBench.run(database, SalesCases.THREADS, SECONDS));
			ceiling.add(PgBench.run(database, 8, SECONDS));
			if (!"on".equals(BenchPostgres.FSYNC)) {
				BenchPostgres.fsync(true);
				try {
					durable.add(PgBench.run(database, SalesCases.THREADS, SECONDS));
					durable.add(PgBench.run(database, 8, SECONDS));
				}
				finally {
					BenchPostgres.fsync(false);
				}
			}
		}
		else {
			notes.add(PgBench.MISSING);
		}
		Map<String, Figures> figures = new LinkedHashMap<>();
		Map<String, String> databases = new LinkedHashMap<>();
		Map<String, String> names = new LinkedHashMap<>();
		names.put("reflow", "Reflow as configured (FULL history, KPI handler, JPA), Java API");
		names.put("bare-full", "Bare engine, defaults but history FULL");
		names.put("bare-audit", "Bare engine, all defaults (history AUDIT)");
		names.put("bare-full-start", "Bare engine, FULL, removal time at start (`historyRemovalTimeStrategy=start`)");
		names.put("bare-full-nobatch", "Bare engine, FULL, `jdbcBatchProcessing=false`");
		names.keySet().forEach((name) -> figures.put(name, new Figures()));
		databases.put("reflow", reflowDatabase);
		for (String name : List.of("bare-full", "bare-audit", "bare-full-start", "bare-full-nobatch")) {
			databases.put(name, BenchPostgres.databaseOf(BenchPostgres.newDatabase(name.replace('-', '_'))));
		}
		try (BareSalesEngine full = bare(databases.get("bare-full"), "full", false, true);
				BareSalesEngine audit = bare(databases.get("bare-audit"), "audit", false, true);
				BareSalesEngine start = bare(databases.get("bare-full-start"), "full", true, true);
				BareSalesEngine noBatch = bare(databases.get("bare-full-nobatch"), "full", false, false)) {
			Map<String, SalesCases.Driver> drivers = Map.of("reflow", this::javaCase, "bare-full", full::runCase,
					"bare-audit", audit::runCase, "bare-full-start", start::runCase, "bare-full-nobatch",
					noBatch::runCase);
			Map<String, Map<String, Long>> byTableBefore = new LinkedHashMap<>();
			BREAKDOWN.forEach((name) -> byTableBefore.put(name, BenchPostgres.statementsByTable(databases.get(name))));
			Interleaved runs = Interleaved.of().warmups(1).repetitions(REPETITIONS);
			for (String name : names.keySet()) {
				runs.variant(name, () -> figures.get(name).measure(databases.get(name), drivers.get(name)));
			}
			Map<String, Stats> casesPerSecond = runs.run();
			List<List<String>> breakdown = breakdown(databases, byTableBefore, CASES * (1 + REPETITIONS));
			// the warm-up round was measured too: drop it
			figures.values().forEach((f) -> {
				f.statementsPerCase.remove(0);
				f.statementsPerSecond.remove(0);
			});
			double ceilingTps = ceiling.stream().mapToDouble(PgBench.Run::tps).max().orElse(Double.NaN);
			List<List<String>> rows = new ArrayList<>();
			for (String name : names.keySet()) {
				Figures f = figures.get(name);
				Stats statementsPerSecond = Stats.of(f.statementsPerSecond);
				rows.add(List.of(names.get(name), casesPerSecond.get(name).summary("%.1f"),
						Stats.of(f.statementsPerCase).summary("%.0f"), statementsPerSecond.summary("%.0f"),
						ceiling.isEmpty() ? "n/a" : String.format(Locale.ROOT, "%.2f",
								statementsPerSecond.median() / (ceilingTps * PGBENCH_STATEMENTS))));
			}
			BenchReport report = BenchReport
				.section("2-database-ceiling",
						"2. Distance to the physical limit: engine transactions vs the database's ceiling")
				.paragraph("Machine: " + BenchReport.machine(BenchPostgres.version()) + ".");
			notes.forEach(report::paragraph);
			if (!ceiling.isEmpty()) {
				report
					.paragraph(
							"""
									Ceiling: pgbench (Debian's client) with a custom script of 6 inserts (text primary keys, one
									secondary index each, like the engine's runtime and history rows), 2 updates by key and 2 selects
									per transaction, prepared statements, synchronous_commit on, fsync %s, %d s per run. Script:
									`target/bench/pgbench-engine-like.sql`. Command: `%s` (and with `-c 8`).
									""",
							BenchPostgres.FSYNC, SECONDS, PgBench.command(SalesCases.THREADS, SECONDS))
					.table(List.of("pgbench clients", "Transactions/s", "Transactions"), ceiling.stream()
						.map((run) -> List.of(String.valueOf(run.clients()),
								String.format(Locale.ROOT, "%.0f", run.tps()), String.valueOf(run.transactions())))
						.toList());
				if (!durable.isEmpty()) {
					report.paragraph("""
							The same with fsync on (switched by ALTER SYSTEM and a reload for these two runs only): %s
							transactions/s with %d clients, %s with 8. The engines below run with fsync %s, so their
							fraction is taken of the ceiling with fsync %s.
							""", String.format(Locale.ROOT, "%.0f", durable.get(0).tps()), SalesCases.THREADS,
							String.format(Locale.ROOT, "%.0f", durable.get(1).tps()), BenchPostgres.FSYNC,
							BenchPostgres.FSYNC);
				}
			}
			report
				.paragraph(
						"""
								Engines: the sales case of section 1 (lead to order, Java API, %d client threads, jobs run by the
								driver), %d cases per repetition, 1 warm-up round, %d interleaved repetitions; each engine on its own
								database of the same server. Statements are the `pg_stat_statements` calls of the engine's
								database during the repetition (without BEGIN/COMMIT/SET), divided by the completed cases or by
								the wall time. Fraction = engine statements/s (median) / the statements/s of the best pgbench run
								(its transactions/s x %d statements). Commits are not counted: `pg_stat_database.xact_commit`
								lags for busy backends (they report at most every second, idle ones after 10 s), which gave the
								bare engine 0.3 commits per case, and `pg_stat_statements` does not see the drivers' COMMITs.
								""",
						SalesCases.THREADS, CASES, REPETITIONS, PGBENCH_STATEMENTS)
				.table(List.of("Engine", "Cases/s", "SQL statements per case", "SQL statements/s",
						"Fraction of ceiling"), rows)
				.paragraph(String.format(Locale.ROOT, """
						Target: Reflow fewer statements per case than the bare engine's default configuration. Measured
						(medians): Reflow %.0f, bare FULL %.0f, bare all defaults (AUDIT) %.0f statements per case.
						""", Stats.of(figures.get("reflow").statementsPerCase).median(),
						Stats.of(figures.get("bare-full").statementsPerCase).median(),
						Stats.of(figures.get("bare-audit").statementsPerCase).median()))
				.paragraph("""
						Where the statements go: `pg_stat_statements` calls per completed case by kind and first table
						named, over the warm-up and all repetitions (the %d busiest of Reflow, then the bare engines'
						others; a dash is none).
						""", BREAKDOWN_ROWS)
				.table(List.of("Statement", "Reflow", "Bare FULL", "Bare AUDIT"), breakdown)
				.write();
		}
	}

	/** The engines whose statements are broken down by table. */
	static final List<String> BREAKDOWN = List.of("reflow", "bare-full", "bare-audit");

	static final int BREAKDOWN_ROWS = 25;

	private static List<List<String>> breakdown(Map<String, String> databases, Map<String, Map<String, Long>> before,
			int cases) {
		Map<String, Map<String, Long>> perEngine = new LinkedHashMap<>();
		for (String name : BREAKDOWN) {
			Map<String, Long> used = new LinkedHashMap<>();
			BenchPostgres.statementsByTable(databases.get(name)).forEach((key, calls) -> {
				long delta = calls - before.get(name).getOrDefault(key, 0L);
				if (delta > 0) {
					used.put(key, delta);
				}
			});
			perEngine.put(name, used);
		}
		List<String> keys = new ArrayList<>(perEngine.get("reflow")
			.entrySet()
			.stream()
			.sorted(Map.Entry.<String, Long>comparingByValue().reversed())
			.limit(BREAKDOWN_ROWS)
			.map(Map.Entry::getKey)
			.toList());
		perEngine.values()
			.forEach((used) -> used.keySet().stream().filter((key) -> !keys.contains(key)).sorted().forEach(keys::add));
		return keys.stream().map((key) -> {
			List<String> row = new ArrayList<>();
			row.add("`" + key + "`");
			BREAKDOWN.forEach((name) -> {
				Long calls = perEngine.get(name).get(key);
				row.add((calls == null) ? "–" : String.format(Locale.ROOT, "%.1f", (double) calls / cases));
			});
			return row;
		}).toList();
	}

	private static BareSalesEngine bare(String database, String history, boolean removalAtStart, boolean batching) {
		return BareSalesEngine.start(BenchPostgres.jdbcUrl(database), "postgres", history, (configuration) -> {
			if (removalAtStart) {
				configuration.setHistoryRemovalTimeStrategy("start");
			}
			configuration.setJdbcBatchProcessing(batching);
		});
	}

}
