package io.reflow.crm.bench;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * Section 1, platform overhead: completed sales cases (lead to order) per second of
 * Reflow, driven through its Java API and through its REST API, against a bare Camunda
 * engine with the same models, history level (FULL) and PostgreSQL server and no-op
 * delegates. Sizes: {@code -Dreflow.bench.overhead.cases} (Java API cases per repetition,
 * default 40), {@code -Dreflow.bench.overhead.restCases} (default 10),
 * {@code -Dreflow.bench.repetitions} (default 5), {@code -Dreflow.bench.threads} (client
 * threads, default 2).
 */
class PlatformOverheadBenchmark extends ReflowOnPostgres {

	static final int CASES = Integer.getInteger("reflow.bench.overhead.cases", 20);

	static final int REST_CASES = Integer.getInteger("reflow.bench.overhead.restCases", 10);

	static final int REPETITIONS = Integer.getInteger("reflow.bench.repetitions", 5);

	@Test
	void shouldCompareReflowWithABareEngine() throws Exception {
		try (BareSalesEngine bare = BareSalesEngine.start(BenchPostgres.newDatabase("bare_full"), "postgres", "full")) {
			Map<String, Stats> results = Interleaved.of()
				.warmups(1)
				.repetitions(REPETITIONS)
				.variant("bare", () -> SalesCases.perSecond(bare::runCase, CASES))
				.variant("reflow-java", () -> SalesCases.perSecond(this::javaCase, CASES))
				.variant("reflow-rest", () -> SalesCases.perSecond(this::restCase, REST_CASES))
				.run();
			double bareMedian = results.get("bare").median();
			List<List<String>> rows = List.of(
					row("Bare Camunda 7.24 engine, Java API, no-op delegates", results.get("bare"), bareMedian),
					row("Reflow, Java API (`LeadManagement`, `TaskService`, `OpportunityManagement`)",
							results.get("reflow-java"), bareMedian),
					row("Reflow, REST API (`/api/leads`, `/engine-rest/task/{id}/complete`, `/api/opportunities/{id}/customer-response`)",
							results.get("reflow-rest"), bareMedian));
			BenchReport.section("1-platform-overhead", "1. Platform overhead: Reflow vs a bare Camunda engine")
				.paragraph("Machine: " + BenchReport.machine(BenchPostgres.version()) + ".")
				.paragraph(
						"""
								One case = the sales flow from lead to order: a lead (new 300-employee software company, north,
								budget confirmed) is scored and assigned by DMN (two async steps), qualified (user task), converted
								(async; starts `opportunity-to-order`), quoted at 80,000 CNY with 5 %% discount, which
								`discount-approval` sends to sales-managers (async DMN step), approved (user task), sent (async),
								accepted by the customer (message), and the order is placed (async). Jobs are run by the driver
								(job executor off) in both engines alike. Only cases that reached the order count. %d client
								threads; %d cases per repetition through the Java API, %d through REST; 1 warm-up round, then
								%d interleaved repetitions (bare, Reflow Java, Reflow REST, ...).
								""",
						SalesCases.THREADS, CASES, REST_CASES, REPETITIONS)
				.paragraph(
						"""
								The bare engine: `StandaloneProcessEngineConfiguration` with its defaults except database (a
								separate database on the same PostgreSQL server), history level FULL (as Reflow) and job executor
								off; the same files from `processes/`, `decisions/`, `forms/`; every `delegateExpression` bean a
								no-op `JavaDelegate` registered through the configuration's `beans`, except the few whose
								results the models read (first-contact due date, the conversion starting `opportunity-to-order`,
								the quote facts for the discount decision). No Spring, no JPA, no authorization checks.
								Reflow: the application as configured (profiles demo, postgres; authorization on; the KPI
								history handler; JPA writes of lead, customer, contact, opportunity, quote, PDF, order and
								timeline).
								""")
				.table(List.of("Variant", "Completed cases/s, median (min, max, n)", "Spread", "Ratio to bare"), rows)
				.paragraph(String.format(Locale.ROOT,
						"Target: Reflow >= 0.85 of the bare engine. Measured: Java API %.2f, REST API %.2f.",
						results.get("reflow-java").median() / bareMedian,
						results.get("reflow-rest").median() / bareMedian))
				.write();
		}
	}

	private static List<String> row(String name, Stats stats, double bareMedian) {
		return List.of(name, stats.summary("%.1f"), String.format(Locale.ROOT, "%.0f %%", stats.spread() * 100),
				String.format(Locale.ROOT, "%.2f", stats.median() / bareMedian));
	}

}
