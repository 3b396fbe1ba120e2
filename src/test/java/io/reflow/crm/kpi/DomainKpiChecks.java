package io.reflow.crm.kpi;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;

import io.reflow.crm.testsupport.Http;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The four domain KPI endpoints on the sales, support and marketing demo data, every
 * figure checked against a computation of its own: the rows read with plain JDBC and
 * counted in Java here, never through the services under test. One subclass per database.
 */
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "reflow.demo.seed-sales=true", "reflow.demo.seed-support=true",
				"reflow.demo.seed-marketing=true" })
@ActiveProfiles({ "demo", "test" })
abstract class DomainKpiChecks {

	static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	static final String EMPTY = "from=2020-01-01&to=2020-01-31";

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	Http.Call as(String user, String path) {
		return new Http(this.port).to(path).basic(user, "demo");
	}

	Map<String, Object> get(String user, String path) {
		HttpResponse<String> response = as(user, path).get();
		assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
		return JsonPath.read(response.body(), "$");
	}

	/** The last 30 days ending today, as the API defaults; as instants [start, end). */
	LocalDate today() {
		return LocalDate.now(ZONE);
	}

	Predicate<Instant> inDefaultPeriod() {
		Instant start = today().minusDays(29).atStartOfDay(ZONE).toInstant();
		Instant end = today().plusDays(1).atStartOfDay(ZONE).toInstant();
		return (at) -> at != null && !at.isBefore(start) && at.isBefore(end);
	}

	// ---- rows as the test reads them
	// ---------------------------------------------------

	record LeadRow(long id, String status, String need, Long opportunityId, String group, Instant createdAt,
			Instant decidedAt, Instant dueAt) {
	}

	record OpportunityRow(long id, String stage, BigDecimal amount, Instant closedAt, String ownerGroup) {
	}

	record QuoteRow(long opportunityId, Instant sentAt, BigDecimal approvedDiscount, String approvalLevel,
			Instant createdAt, Instant decidedAt) {
	}

	record CaseRow(long id, String status, String priority, String group, Instant createdAt, Instant responseDueAt,
			Instant firstResponseAt, Instant resolutionDueAt, Instant resolvedAt, boolean responseBreached,
			boolean resolutionBreached, int reopenCount, Integer csat) {
	}

	static Instant at(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return (value != null) ? value.toInstant() : null;
	}

	static Long nullableLong(ResultSet rs, String column) throws SQLException {
		long value = rs.getLong(column);
		return rs.wasNull() ? null : value;
	}

	List<LeadRow> leads() {
		return this.jdbc.query(
				"select id, status, need, opportunity_id, assignee_group, created_at, decided_at, due_at from crm_lead",
				(rs, i) -> new LeadRow(rs.getLong("id"), rs.getString("status"), rs.getString("need"),
						nullableLong(rs, "opportunity_id"), rs.getString("assignee_group"), at(rs, "created_at"),
						at(rs, "decided_at"), at(rs, "due_at")));
	}

	Map<Long, OpportunityRow> opportunities() {
		return this.jdbc
			.query("select id, stage, amount, closed_at, owner_group from crm_opportunity",
					(rs, i) -> new OpportunityRow(rs.getLong("id"), rs.getString("stage"), rs.getBigDecimal("amount"),
							at(rs, "closed_at"), rs.getString("owner_group")))
			.stream()
			.collect(Collectors.toMap(OpportunityRow::id, (row) -> row));
	}

	List<QuoteRow> quotes() {
		return this.jdbc.query(
				"select opportunity_id, sent_at, approved_discount, approval_level, created_at, decided_at from crm_quote",
				(rs, i) -> new QuoteRow(rs.getLong("opportunity_id"), at(rs, "sent_at"),
						rs.getBigDecimal("approved_discount"), rs.getString("approval_level"), at(rs, "created_at"),
						at(rs, "decided_at")));
	}

	List<CaseRow> cases() {
		return this.jdbc.query("""
				select id, status, priority, assignee_group, created_at, response_due_at, first_response_at,
				       resolution_due_at, resolved_at, response_breached, resolution_breached, reopen_count, csat
				from crm_case""",
				(rs, i) -> new CaseRow(rs.getLong("id"), rs.getString("status"), rs.getString("priority"),
						rs.getString("assignee_group"), at(rs, "created_at"), at(rs, "response_due_at"),
						at(rs, "first_response_at"), at(rs, "resolution_due_at"), at(rs, "resolved_at"),
						rs.getBoolean("response_breached"), rs.getBoolean("resolution_breached"),
						rs.getInt("reopen_count"), (Integer) rs.getObject("csat", Integer.class)));
	}

	// ---- arithmetic of the test's own
	// ----------------------------------------------------

	static Double rate(long part, long whole) {
		return (whole == 0) ? null : (double) part / whole;
	}

	static Double average(List<Double> values) {
		return values.isEmpty() ? null : values.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
	}

	static double seconds(Instant from, Instant to) {
		return Duration.between(from, to).toMillis() / 1000.0;
	}

	static Double number(Object json) {
		return (json != null) ? ((Number) json).doubleValue() : null;
	}

	static long count(Object json) {
		return ((Number) json).longValue();
	}

	/** Equal, both null, or within the tolerance (the database rounds durations). */
	static void close(Object json, Double expected, double tolerance, String what) {
		if (expected == null) {
			assertThat(json).as(what).isNull();
		}
		else {
			assertThat(json).as(what).isNotNull();
			assertThat(number(json)).as(what).isCloseTo(expected, within(tolerance));
		}
	}

	/** A map of keys and values, nulls allowed. */
	static Map<String, Object> mapOf(Object... keysAndValues) {
		Map<String, Object> map = new HashMap<>();
		for (int i = 0; i < keysAndValues.length; i += 2) {
			map.put((String) keysAndValues[i], keysAndValues[i + 1]);
		}
		return map;
	}

	static void money(Object json, BigDecimal expected, String what) {
		if (expected == null) {
			assertThat(json).as(what).isNull();
		}
		else {
			assertThat(new BigDecimal(json.toString())).as(what).isEqualByComparingTo(expected);
		}
	}

	// ---- sales
	// ---------------------------------------------------------------------------

	@Test
	void shouldReportSalesKpisAsComputedFromTheRows() {
		List<LeadRow> leads = leads();
		assertThat(leads).isNotEmpty();
		checkSales(get("wang.fang", "/api/kpis/sales"), null, leads);
		String group = leads.stream()
			.map(LeadRow::group)
			.filter((g) -> g != null && !g.equals("marketing-nurture"))
			.collect(Collectors.groupingBy((g) -> g, TreeMap::new, Collectors.counting()))
			.entrySet()
			.stream()
			.max(Map.Entry.comparingByValue())
			.orElseThrow()
			.getKey();
		Map<String, Object> byGroup = get("wang.fang",
				"/api/kpis/sales?group=" + group + "&from=" + today().minusDays(29) + "&to=" + today());
		checkSales(byGroup, group, leads);
		assertThat(count(JsonPath.read(byGroup, "$.funnel.leads"))).isLessThan(leads.size());
	}

	void checkSales(Map<String, Object> json, String group, List<LeadRow> allLeads) {
		Predicate<Instant> period = inDefaultPeriod();
		Map<Long, OpportunityRow> opportunities = opportunities();
		List<QuoteRow> quotes = quotes();
		List<LeadRow> cohort = allLeads.stream()
			.filter((lead) -> period.test(lead.createdAt()))
			.filter((lead) -> group == null || group.equals(lead.group()))
			.toList();
		long qualified = cohort.stream().filter((l) -> l.status().equals("CONVERTED") || l.need() != null).count();
		List<OpportunityRow> cohortOpportunities = cohort.stream()
			.filter((l) -> l.opportunityId() != null)
			.map((l) -> opportunities.get(l.opportunityId()))
			.toList();
		Set<Long> quotedOpportunities = new HashSet<>();
		quotes.stream().filter((q) -> q.sentAt() != null).forEach((q) -> quotedOpportunities.add(q.opportunityId()));
		long quoted = cohort.stream()
			.filter((l) -> l.opportunityId() != null && quotedOpportunities.contains(l.opportunityId()))
			.count();
		long won = cohortOpportunities.stream().filter((o) -> o.stage().equals("WON")).count();
		long lost = cohortOpportunities.stream().filter((o) -> o.stage().equals("LOST")).count();
		String g = (group != null) ? " of " + group : "";
		assertThat(count(JsonPath.read(json, "$.funnel.leads"))).as("leads" + g).isEqualTo(cohort.size());
		assertThat(count(JsonPath.read(json, "$.funnel.qualified"))).as("qualified" + g).isEqualTo(qualified);
		assertThat(count(JsonPath.read(json, "$.funnel.opportunities"))).as("opportunities" + g)
			.isEqualTo(cohortOpportunities.size());
		assertThat(count(JsonPath.read(json, "$.funnel.quoted"))).as("quoted" + g).isEqualTo(quoted);
		assertThat(count(JsonPath.read(json, "$.funnel.won"))).as("won" + g).isEqualTo(won);
		close(JsonPath.read(json, "$.conversion.leadToQualified"), rate(qualified, cohort.size()), 1e-9, "l2q");
		close(JsonPath.read(json, "$.conversion.qualifiedToOpportunity"), rate(cohortOpportunities.size(), qualified),
				1e-9, "q2o");
		close(JsonPath.read(json, "$.conversion.opportunityToQuoted"), rate(quoted, cohortOpportunities.size()), 1e-9,
				"o2q");
		close(JsonPath.read(json, "$.conversion.quotedToWon"), rate(won, quoted), 1e-9, "q2w");
		close(JsonPath.read(json, "$.conversion.leadToWon"), rate(won, cohort.size()), 1e-9, "l2w");
		close(JsonPath.read(json, "$.winRate"), rate(won, won + lost), 1e-9, "win rate" + g);
		Map<Long, LeadRow> leadOfOpportunity = new HashMap<>();
		cohort.stream()
			.filter((l) -> l.opportunityId() != null)
			.forEach((l) -> leadOfOpportunity.put(l.opportunityId(), l));
		close(JsonPath.read(json, "$.averageSalesCycleDays"),
				average(cohortOpportunities.stream()
					.filter((o) -> o.stage().equals("WON"))
					.map((o) -> seconds(leadOfOpportunity.get(o.id()).createdAt(), o.closedAt()) / 86_400)
					.toList()),
				2.0 / 86_400, "cycle" + g);
		List<Map<String, Object>> stages = JsonPath.read(json, "$.pipelineByStage");
		assertThat(stages).extracting((s) -> s.get("stage"))
			.containsExactly("QUALIFICATION", "PROPOSAL", "NEGOTIATION", "WON", "LOST");
		for (Map<String, Object> stage : stages) {
			List<OpportunityRow> in = cohortOpportunities.stream()
				.filter((o) -> o.stage().equals(stage.get("stage")))
				.toList();
			assertThat(count(stage.get("count"))).as("pipeline " + stage.get("stage") + g).isEqualTo(in.size());
			money(stage.get("amount"),
					in.stream()
						.map(OpportunityRow::amount)
						.filter(Objects::nonNull)
						.reduce(BigDecimal.ZERO, BigDecimal::add),
					"pipeline amount " + stage.get("stage") + g);
		}
		// discounts and approvals: quotes decided in the period
		Set<Long> groupOpportunities = opportunities.values()
			.stream()
			.filter((o) -> group == null || group.equals(o.ownerGroup()))
			.map(OpportunityRow::id)
			.collect(Collectors.toSet());
		List<QuoteRow> decided = quotes.stream()
			.filter((q) -> period.test(q.decidedAt()) && groupOpportunities.contains(q.opportunityId()))
			.toList();
		close(JsonPath.read(json, "$.averageDiscount"),
				average(decided.stream()
					.filter((q) -> q.approvedDiscount() != null)
					.map((q) -> q.approvedDiscount().doubleValue())
					.toList()),
				1e-9, "average discount" + g);
		List<QuoteRow> approved = decided.stream()
			.filter((q) -> q.approvalLevel() != null && !List.of("NONE", "REJECT").contains(q.approvalLevel()))
			.toList();
		assertThat(count(JsonPath.read(json, "$.approvalTurnaround.count"))).as("approvals" + g)
			.isEqualTo(approved.size());
		close(JsonPath.read(json, "$.approvalTurnaround.averageHours"),
				average(approved.stream().map((q) -> seconds(q.createdAt(), q.decidedAt()) / 3600).toList()),
				2.0 / 3600, "approval hours" + g);
		// lead response: decided leads of the cohort against their first-contact due time
		List<LeadRow> responded = cohort.stream()
			.filter((l) -> List.of("CONVERTED", "DISQUALIFIED").contains(l.status()) && l.decidedAt() != null
					&& l.dueAt() != null)
			.toList();
		long withinDue = responded.stream().filter((l) -> !l.decidedAt().isAfter(l.dueAt())).count();
		assertThat(count(JsonPath.read(json, "$.leadResponse.measured"))).as("responded" + g)
			.isEqualTo(responded.size());
		assertThat(count(JsonPath.read(json, "$.leadResponse.withinDue"))).as("within due" + g).isEqualTo(withinDue);
		close(JsonPath.read(json, "$.leadResponse.withinDueRate"), rate(withinDue, responded.size()), 1e-9,
				"within due rate" + g);
		close(JsonPath.read(json, "$.leadResponse.averageHours"),
				average(responded.stream().map((l) -> seconds(l.createdAt(), l.decidedAt()) / 3600).toList()),
				2.0 / 3600, "response hours" + g);
		if (group == null) {
			assertThat(cohort).as("demo leads in the period").isNotEmpty();
			assertThat(won).as("demo opportunities won").isPositive();
			assertThat(responded).as("demo leads decided").isNotEmpty();
			assertThat(decided).as("demo quotes decided").isNotEmpty();
		}
		// the forecast: as /api/forecast returns it (for a group: that group's bucket)
		List<Map<String, Object>> forecast = JsonPath.read(json, "$.forecast");
		List<Map<String, Object>> expected = JsonPath.read(get("wang.fang", "/api/forecast?months=6"), "$.months");
		assertThat(forecast).hasSize(6);
		for (int i = 0; i < 6; i++) {
			assertThat(forecast.get(i).get("month")).isEqualTo(expected.get(i).get("month"));
			if (group == null) {
				assertThat(forecast.get(i)).isEqualTo(expected.get(i));
			}
			else {
				List<Map<String, Object>> buckets = ((List<Map<String, Object>>) expected.get(i).get("byGroup"))
					.stream()
					.filter((b) -> group.equals(b.get("group")))
					.toList();
				money(forecast.get(i).get("pipeline"),
						buckets.isEmpty() ? BigDecimal.ZERO : new BigDecimal(buckets.get(0).get("pipeline").toString()),
						"forecast pipeline " + i + g);
				money(forecast.get(i).get("weighted"),
						buckets.isEmpty() ? BigDecimal.ZERO : new BigDecimal(buckets.get(0).get("weighted").toString()),
						"forecast weighted " + i + g);
			}
		}
	}

	@Test
	void shouldReportNoSalesFiguresForAPeriodWithoutLeads() {
		Map<String, Object> json = get("wang.fang", "/api/kpis/sales?" + EMPTY);
		assertThat((Map<String, Object>) JsonPath.read(json, "$.funnel"))
			.isEqualTo(mapOf("leads", 0, "qualified", 0, "opportunities", 0, "quoted", 0, "won", 0));
		assertThat((Map<String, Object>) JsonPath.read(json, "$.conversion"))
			.allSatisfy((k, v) -> assertThat(v).isNull());
		assertThat((Object) JsonPath.read(json, "$.winRate")).isNull();
		assertThat((Object) JsonPath.read(json, "$.averageSalesCycleDays")).isNull();
		assertThat((Object) JsonPath.read(json, "$.averageDiscount")).isNull();
		assertThat((List<Integer>) JsonPath.read(json, "$.pipelineByStage[*].count")).containsOnly(0);
		assertThat((Map<String, Object>) JsonPath.read(json, "$.approvalTurnaround"))
			.isEqualTo(mapOf("count", 0, "averageHours", null));
		assertThat((Map<String, Object>) JsonPath.read(json, "$.leadResponse"))
			.isEqualTo(mapOf("measured", 0, "withinDue", 0, "withinDueRate", null, "averageHours", null));
		assertThat(json).containsEntry("from", "2020-01-01").containsEntry("to", "2020-01-31");
	}

	// ---- service
	// -------------------------------------------------------------------------

	@Test
	void shouldReportServiceKpisAsComputedFromTheRows() {
		List<CaseRow> cases = cases();
		assertThat(cases).isNotEmpty();
		checkService(get("guo.hua", "/api/kpis/service"), null, cases);
		String group = cases.stream()
			.map(CaseRow::group)
			.filter(Objects::nonNull)
			.collect(Collectors.groupingBy((g) -> g, TreeMap::new, Collectors.counting()))
			.entrySet()
			.stream()
			.max(Map.Entry.comparingByValue())
			.orElseThrow()
			.getKey();
		checkService(get("guo.hua", "/api/kpis/service?group=" + group), group, cases);
	}

	void checkService(Map<String, Object> json, String group, List<CaseRow> all) {
		String g = (group != null) ? " of " + group : "";
		List<CaseRow> mine = all.stream().filter((c) -> group == null || group.equals(c.group())).toList();
		List<CaseRow> open = mine.stream().filter((c) -> List.of("OPEN", "IN_PROGRESS").contains(c.status())).toList();
		Map<String, Object> byPriority = JsonPath.read(json, "$.openByPriority");
		assertThat(byPriority).containsOnlyKeys("P1", "P2", "P3", "P4");
		for (String priority : List.of("P1", "P2", "P3", "P4")) {
			assertThat(count(byPriority.get(priority))).as("open " + priority + g)
				.isEqualTo(open.stream().filter((c) -> priority.equals(c.priority())).count());
		}
		Map<String, Long> expectedByGroup = open.stream()
			.filter((c) -> c.group() != null)
			.collect(Collectors.groupingBy(CaseRow::group, Collectors.counting()));
		Map<String, Object> byGroup = JsonPath.read(json, "$.openByGroup");
		assertThat(byGroup.keySet()).as("open groups" + g).isEqualTo(expectedByGroup.keySet());
		expectedByGroup.forEach((key, n) -> assertThat(count(byGroup.get(key))).as("open in " + key).isEqualTo(n));

		Predicate<Instant> period = inDefaultPeriod();
		List<CaseRow> cohort = mine.stream().filter((c) -> period.test(c.createdAt())).toList();
		assertThat(count(JsonPath.read(json, "$.opened"))).as("opened" + g).isEqualTo(cohort.size());
		List<CaseRow> responded = cohort.stream().filter((c) -> c.firstResponseAt() != null).toList();
		long responseMet = responded.stream()
			.filter((c) -> c.responseDueAt() != null && !c.firstResponseAt().isAfter(c.responseDueAt()))
			.count();
		assertThat(count(JsonPath.read(json, "$.firstResponse.measured"))).as("responded" + g)
			.isEqualTo(responded.size());
		assertThat(count(JsonPath.read(json, "$.firstResponse.withinSla"))).as("response met" + g)
			.isEqualTo(responseMet);
		close(JsonPath.read(json, "$.firstResponse.withinSlaRate"), rate(responseMet, responded.size()), 1e-9,
				"response rate" + g);
		close(JsonPath.read(json, "$.firstResponse.averageMinutes"),
				average(responded.stream().map((c) -> seconds(c.createdAt(), c.firstResponseAt()) / 60).toList()),
				2.0 / 60, "response minutes" + g);
		List<CaseRow> resolved = cohort.stream().filter((c) -> c.resolvedAt() != null).toList();
		long resolutionMet = resolved.stream()
			.filter((c) -> c.resolutionDueAt() != null && !c.resolvedAt().isAfter(c.resolutionDueAt()))
			.count();
		assertThat(count(JsonPath.read(json, "$.resolution.measured"))).as("resolved" + g).isEqualTo(resolved.size());
		assertThat(count(JsonPath.read(json, "$.resolution.withinSla"))).as("resolution met" + g)
			.isEqualTo(resolutionMet);
		close(JsonPath.read(json, "$.resolution.withinSlaRate"), rate(resolutionMet, resolved.size()), 1e-9,
				"resolution rate" + g);
		close(JsonPath.read(json, "$.resolution.averageMinutes"),
				average(resolved.stream().map((c) -> seconds(c.createdAt(), c.resolvedAt()) / 60).toList()), 2.0 / 60,
				"resolution minutes" + g);
		close(JsonPath.read(json, "$.breachRate"),
				rate(cohort.stream().filter((c) -> c.responseBreached() || c.resolutionBreached()).count(),
						cohort.size()),
				1e-9, "breach rate" + g);
		Set<Long> cohortIds = cohort.stream().map(CaseRow::id).collect(Collectors.toSet());
		long escalations = this.jdbc.queryForList("select case_id from crm_case_escalation", Long.class)
			.stream()
			.filter(cohortIds::contains)
			.count();
		assertThat(count(JsonPath.read(json, "$.escalations"))).as("escalations" + g).isEqualTo(escalations);
		close(JsonPath.read(json, "$.reopenRate"),
				rate(cohort.stream().filter((c) -> c.reopenCount() > 0).count(),
						cohort.stream().filter((c) -> c.resolvedAt() != null || c.reopenCount() > 0).count()),
				1e-9, "reopen rate" + g);
		List<Integer> scores = cohort.stream().map(CaseRow::csat).filter(Objects::nonNull).toList();
		assertThat(count(JsonPath.read(json, "$.csat.responses"))).as("csat answers" + g).isEqualTo(scores.size());
		close(JsonPath.read(json, "$.csat.average"),
				scores.isEmpty() ? null : scores.stream().mapToInt(Integer::intValue).average().orElseThrow(), 1e-9,
				"csat" + g);
		Map<String, Object> distribution = JsonPath.read(json, "$.csat.distribution");
		assertThat(distribution).containsOnlyKeys("1", "2", "3", "4", "5");
		for (int score = 1; score <= 5; score++) {
			int s = score;
			assertThat(count(distribution.get(String.valueOf(score)))).as("csat " + score + g)
				.isEqualTo(scores.stream().filter((v) -> v == s).count());
		}
		if (group == null) {
			assertThat(cohort).as("demo cases").isNotEmpty();
			assertThat(open).as("open demo cases").isNotEmpty();
			assertThat(responded).as("responded demo cases").isNotEmpty();
			assertThat(resolved).as("resolved demo cases").isNotEmpty();
			assertThat(escalations).as("demo escalations").isPositive();
			assertThat(scores).as("demo csat").isNotEmpty();
		}
	}

	@Test
	void shouldReportNoServiceFiguresForAPeriodWithoutCases() {
		Map<String, Object> json = get("guo.hua", "/api/kpis/service?" + EMPTY);
		assertThat(count(JsonPath.read(json, "$.opened"))).isZero();
		assertThat((Map<String, Object>) JsonPath.read(json, "$.firstResponse"))
			.isEqualTo(mapOf("measured", 0, "withinSla", 0, "withinSlaRate", null, "averageMinutes", null));
		assertThat((Map<String, Object>) JsonPath.read(json, "$.resolution"))
			.isEqualTo(mapOf("measured", 0, "withinSla", 0, "withinSlaRate", null, "averageMinutes", null));
		assertThat((Object) JsonPath.read(json, "$.breachRate")).isNull();
		assertThat((Object) JsonPath.read(json, "$.reopenRate")).isNull();
		assertThat(count(JsonPath.read(json, "$.escalations"))).isZero();
		assertThat(count(JsonPath.read(json, "$.csat.responses"))).isZero();
		assertThat((Object) JsonPath.read(json, "$.csat.average")).isNull();
		assertThat((List<Integer>) JsonPath.read(json, "$.csat.distribution.*")).containsOnly(0);
	}

	// ---- marketing
	// -----------------------------------------------------------------------

	@Test
	void shouldReportMarketingKpisAsComputedFromTheRows() {
		Predicate<Instant> period = inDefaultPeriod();
		record CampaignRow(long id, String name, String status, BigDecimal budget, Instant createdAt) {
		}
		List<CampaignRow> campaigns = this.jdbc
			.query("select id, name, status, budget, created_at from crm_campaign order by created_at, id",
					(rs, i) -> new CampaignRow(rs.getLong("id"), rs.getString("name"), rs.getString("status"),
							rs.getBigDecimal("budget"), at(rs, "created_at")))
			.stream()
			.filter((c) -> period.test(c.createdAt()))
			.toList();
		assertThat(campaigns).as("demo campaigns").isNotEmpty();
		Map<Long, Long> members = new HashMap<>();
		this.jdbc.queryForList("select campaign_id from crm_campaign_member", Long.class)
			.forEach((id) -> members.merge(id, 1L, Long::sum));
		Map<Long, Set<Long>> responders = new HashMap<>();
		this.jdbc.query("select campaign_id, contact_id, type from crm_campaign_response", (rs) -> {
			if (!rs.getString("type").equals("UNSUBSCRIBED")) {
				responders.computeIfAbsent(rs.getLong("campaign_id"), (k) -> new HashSet<>())
					.add(rs.getLong("contact_id"));
			}
		});
		Map<Long, Long> leads = new HashMap<>();
		Map<Long, Long> opportunityCampaign = new HashMap<>();
		this.jdbc.query("select campaign_id, opportunity_id from crm_lead where campaign_id is not null", (rs) -> {
			leads.merge(rs.getLong("campaign_id"), 1L, Long::sum);
			Long opportunity = nullableLong(rs, "opportunity_id");
			if (opportunity != null) {
				opportunityCampaign.put(opportunity, rs.getLong("campaign_id"));
			}
		});
		Map<Long, BigDecimal> revenue = new HashMap<>();
		this.jdbc.query("select opportunity_id, amount from crm_sales_order", (rs) -> {
			Long campaign = opportunityCampaign.get(rs.getLong("opportunity_id"));
			if (campaign != null) {
				revenue.merge(campaign, rs.getBigDecimal("amount"), BigDecimal::add);
			}
		});

		Map<String, Object> json = get("zhou.xin", "/api/kpis/marketing");
		List<Map<String, Object>> listed = JsonPath.read(json, "$.campaigns");
		assertThat(listed).extracting((c) -> count(c.get("id")))
			.containsExactlyElementsOf(campaigns.stream().map(CampaignRow::id).toList());
		BigDecimal budgetTotal = BigDecimal.ZERO;
		BigDecimal revenueTotal = BigDecimal.ZERO;
		long memberTotal = 0;
		long responderTotal = 0;
		long leadTotal = 0;
		for (int i = 0; i < campaigns.size(); i++) {
			CampaignRow row = campaigns.get(i);
			Map<String, Object> campaign = listed.get(i);
			String c = "campaign " + row.id();
			long m = members.getOrDefault(row.id(), 0L);
			long r = responders.getOrDefault(row.id(), Set.of()).size();
			long l = leads.getOrDefault(row.id(), 0L);
			BigDecimal rev = revenue.getOrDefault(row.id(), BigDecimal.ZERO);
			assertThat(campaign).containsEntry("name", row.name()).containsEntry("status", row.status());
			money(campaign.get("budget"), row.budget(), c + " budget");
			assertThat(count(campaign.get("members"))).as(c + " members").isEqualTo(m);
			assertThat(count(campaign.get("responders"))).as(c + " responders").isEqualTo(r);
			close(campaign.get("responseRate"), rate(r, m), 1e-9, c + " response rate");
			assertThat(count(campaign.get("leads"))).as(c + " leads").isEqualTo(l);
			money(campaign.get("costPerLead"),
					(row.budget() == null || l == 0) ? null
							: row.budget().divide(BigDecimal.valueOf(l), 2, java.math.RoundingMode.HALF_UP),
					c + " cost per lead");
			money(campaign.get("attributedRevenue"), rev, c + " revenue");
			close(campaign.get("roi"),
					(row.budget() == null) ? null
							: (rev.doubleValue() - row.budget().doubleValue()) / row.budget().doubleValue(),
					1e-9, c + " roi");
			budgetTotal = (row.budget() != null) ? budgetTotal.add(row.budget()) : budgetTotal;
			revenueTotal = revenueTotal.add(rev);
			memberTotal += m;
			responderTotal += r;
			leadTotal += l;
		}
		assertThat(memberTotal).as("demo members").isPositive();
		Map<String, Object> totals = JsonPath.read(json, "$.totals");
		assertThat(count(totals.get("campaigns"))).isEqualTo(campaigns.size());
		money(totals.get("budget"), budgetTotal, "total budget");
		assertThat(count(totals.get("members"))).isEqualTo(memberTotal);
		assertThat(count(totals.get("responders"))).isEqualTo(responderTotal);
		close(totals.get("responseRate"), rate(responderTotal, memberTotal), 1e-9, "total response rate");
		assertThat(count(totals.get("leads"))).isEqualTo(leadTotal);
		money(totals.get("costPerLead"),
				(budgetTotal.signum() == 0 || leadTotal == 0) ? null
						: budgetTotal.divide(BigDecimal.valueOf(leadTotal), 2, java.math.RoundingMode.HALF_UP),
				"total cpl");
		money(totals.get("attributedRevenue"), revenueTotal, "total revenue");
		close(totals.get("roi"),
				(budgetTotal.signum() == 0) ? null
						: (revenueTotal.doubleValue() - budgetTotal.doubleValue()) / budgetTotal.doubleValue(),
				1e-9, "total roi");

		Map<String, Object> empty = get("zhou.xin", "/api/kpis/marketing?" + EMPTY);
		assertThat((List<Object>) JsonPath.read(empty, "$.campaigns")).isEmpty();
		assertThat(count(JsonPath.read(empty, "$.totals.campaigns"))).isZero();
		assertThat((Object) JsonPath.read(empty, "$.totals.responseRate")).isNull();
		assertThat((Object) JsonPath.read(empty, "$.totals.costPerLead")).isNull();
		assertThat((Object) JsonPath.read(empty, "$.totals.roi")).isNull();
	}

	// ---- customers
	// -----------------------------------------------------------------------

	@Test
	void shouldReportTheCustomerRankingAsComputedFromTheRows() {
		record CustomerRow(long id, String name, String tier, String region) {
		}
		Map<Long, CustomerRow> customers = this.jdbc
			.query("select id, company_name, tier, region from crm_customer",
					(rs, i) -> new CustomerRow(rs.getLong("id"), rs.getString("company_name"), rs.getString("tier"),
							rs.getString("region")))
			.stream()
			.collect(Collectors.toMap(CustomerRow::id, (c) -> c));
		Map<Long, BigDecimal> revenue = new HashMap<>();
		this.jdbc.query("select customer_id, amount from crm_sales_order",
				(org.springframework.jdbc.core.RowCallbackHandler) (rs) -> revenue.merge(rs.getLong("customer_id"),
						rs.getBigDecimal("amount"), BigDecimal::add));
		assertThat(revenue).as("demo orders").isNotEmpty();
		List<Map.Entry<Long, BigDecimal>> ranked = new ArrayList<>(revenue.entrySet());
		ranked.sort(Map.Entry.<Long, BigDecimal>comparingByValue(Comparator.reverseOrder())
			.thenComparing(Map.Entry.comparingByKey()));
		BigDecimal total = revenue.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
		long top = (long) Math.ceil(customers.size() * 0.2);

		Map<String, Object> json = get("feng.kai", "/api/kpis/customers");
		assertThat(count(JsonPath.read(json, "$.customers"))).isEqualTo(customers.size());
		assertThat(count(JsonPath.read(json, "$.top20Customers"))).isEqualTo(top);
		money(JsonPath.read(json, "$.revenueTotal"), total, "revenue total");
		close(JsonPath.read(json, "$.top20Share"),
				ranked.stream()
					.limit(top)
					.map(Map.Entry::getValue)
					.reduce(BigDecimal.ZERO, BigDecimal::add)
					.doubleValue() / total.doubleValue(),
				1e-9, "top 20 % share");
		List<Map<String, Object>> ranking = JsonPath.read(json, "$.ranking");
		assertThat(ranking).hasSize(Math.min(50, ranked.size()));
		BigDecimal cumulative = BigDecimal.ZERO;
		for (int i = 0; i < ranking.size(); i++) {
			Map<String, Object> entry = ranking.get(i);
			CustomerRow customer = customers.get(ranked.get(i).getKey());
			cumulative = cumulative.add(ranked.get(i).getValue());
			assertThat(count(entry.get("customerId"))).as("rank " + i).isEqualTo(customer.id());
			assertThat(entry).containsEntry("companyName", customer.name())
				.containsEntry("tier", customer.tier())
				.containsEntry("region", customer.region());
			money(entry.get("revenue"), ranked.get(i).getValue(), "revenue of rank " + i);
			close(entry.get("cumulativeShare"), cumulative.doubleValue() / total.doubleValue(), 1e-9,
					"cumulative share of rank " + i);
		}
		Map<String, Object> byTier = JsonPath.read(json, "$.byTier");
		Map<String, Object> byRegion = JsonPath.read(json, "$.byRegion");
		assertThat(byTier).containsOnlyKeys("STRATEGIC", "KEY", "STANDARD", "NEW");
		assertThat(byRegion).containsOnlyKeys("NORTH", "SOUTH", "EAST", "WEST", "CENTRAL");
		byTier.forEach((tier, n) -> assertThat(count(n)).as(tier)
			.isEqualTo(customers.values().stream().filter((c) -> c.tier().equals(tier)).count()));
		byRegion.forEach((region, n) -> assertThat(count(n)).as(region)
			.isEqualTo(customers.values().stream().filter((c) -> c.region().equals(region)).count()));
	}

	// ---- errors, rights, docs
	// --------------------------------------------------------------

	/**
	 * The process table's SLA compliance is the sales and service figure checked above
	 * against the rows: first contact by its due time for lead-qualification, resolution
	 * by its due time for support-case; no SLA for the others.
	 */
	@Test
	void shouldShowTheSlaComplianceOfTheProcessesWithAnSla() {
		Map<String, Object> processes = get("manager", "/api/kpis/processes");
		Map<String, Object> sales = get("manager", "/api/kpis/sales");
		Map<String, Object> service = get("manager", "/api/kpis/service");
		Object leadQualification = JsonPath.read(processes,
				"$.processes[?(@.key == 'lead-qualification')].slaCompliance");
		Object supportCase = JsonPath.read(processes, "$.processes[?(@.key == 'support-case')].slaCompliance");
		Object campaign = JsonPath.read(processes, "$.processes[?(@.key == 'marketing-campaign')].slaCompliance");
		assertThat((List<Object>) leadQualification)
			.containsExactly((Object) JsonPath.read(sales, "$.leadResponse.withinDueRate"));
		assertThat((List<Object>) supportCase)
			.containsExactly((Object) JsonPath.read(service, "$.resolution.withinSlaRate"));
		assertThat(((List<Object>) supportCase).get(0)).isNotNull();
		assertThat((List<Object>) campaign).containsExactly((Object) null);
	}

	@Test
	void shouldRefuseAPeriodThatEndsBeforeItStartsOrIsTooLong() {
		for (String path : List.of("/api/kpis/sales?from=2026-02-01&to=2026-01-31",
				"/api/kpis/service?from=2026-02-01&to=2026-01-31", "/api/kpis/marketing?from=2026-02-01&to=2026-01-31",
				"/api/kpis/sales?from=2025-01-01&to=2026-01-02", "/api/kpis/service?from=not-a-date")) {
			HttpResponse<String> response = as("manager", path).get();
			assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(400);
			assertThat(response.headers().firstValue("Content-Type")).as(path)
				.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		}
		assertThat(as("manager", "/api/kpis/sales?from=2025-01-01&to=2026-01-01").get().statusCode()).as("366 days")
			.isEqualTo(200);
	}

	@Test
	void shouldLetOnlyManagersReadTheKpis() {
		for (String path : List.of("/api/kpis/sales", "/api/kpis/marketing", "/api/kpis/service",
				"/api/kpis/customers")) {
			assertThat(as("li.wei", path).get().statusCode()).as("li.wei " + path).isEqualTo(403);
			assertThat(as("manager", path).get().statusCode()).as("manager " + path).isEqualTo(200);
		}
	}

	@Test
	void shouldDocumentTheEndpointsInOpenApi() {
		HttpResponse<String> response = as("manager", "/v3/api-docs").get();
		assertThat(response.statusCode()).isEqualTo(200);
		Map<String, Object> paths = JsonPath.read(response.body(), "$.paths");
		assertThat(paths).containsKeys("/api/kpis/sales", "/api/kpis/marketing", "/api/kpis/service",
				"/api/kpis/customers");
		assertThat((List<String>) JsonPath.read(response.body(), "$.paths['/api/kpis/sales'].get.parameters[*].name"))
			.contains("from", "to", "group");
	}

}
