package io.reflow.crm.platform.backtest;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;

import io.reflow.crm.sales.process.OpportunityToOrderProcess;
import io.reflow.crm.testsupport.Http;
import io.reflow.crm.testsupport.Multipart;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code POST /api/decisions/{key}/backtest} on the sales demo history, over HTTP as the
 * demo users. The acceptance check of issue 7: the draft {@code decisions/discount.dmn}
 * with "STANDARD from 100,000 CNY → 0.06", compared in {@code approvalLevel}, changes as
 * many evaluations as the test counts on its own from the quote rows (read with plain
 * JDBC, the rule written out below), and that is more than none. Then the defaults, the
 * examples, every refusal as problem details, and who may ask. One subclass per database.
 */
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "reflow.demo.seed-sales=true")
@ActiveProfiles({ "demo", "test" })
abstract class BacktestChecks {

	static final String PATH = "/api/decisions/discount-approval/backtest";

	static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	// ---- the draft and the request

	static String original() {
		try (InputStream in = BacktestChecks.class.getClassLoader().getResourceAsStream("decisions/discount.dmn")) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static byte[] standardSixPercent() {
		String rule = """
				<outputEntry id="OutputEntry_StandardOverOneHundredThousand_MaxDiscount">
				          <text>0.05</text>""";
		String dmn = original();
		assertThat(dmn).contains(rule);
		return dmn.replace(rule, rule.replace("0.05", "0.06")).getBytes(StandardCharsets.UTF_8);
	}

	/** A multipart body: the draft as part {@code file}, then plain fields. */
	HttpResponse<String> post(String user, String path, byte[] file, Map<String, String> fields) {
		Multipart multipart = new Multipart();
		if (file != null) {
			multipart.file("file", "discount.dmn", file);
		}
		fields.forEach(multipart::field);
		Http.Call call = new Http(this.port).to(path);
		if (user != null) {
			call = call.basic(user, "demo");
		}
		return call.post(multipart.contentType(), multipart.body());
	}

	Map<String, Object> backtest(byte[] draft, Map<String, String> fields) {
		HttpResponse<String> response = post("analyst", PATH, draft, fields);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return JsonPath.read(response.body(), "$");
	}

	static void assertProblem(HttpResponse<String> response, int status) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type")).get()
			.asString()
			.startsWith("application/problem+json");
	}

	// ---- the independent count: the quote rows and the rule written out

	record DecidedQuote(long opportunityId, String tier, BigDecimal amount, BigDecimal requested,
			String approvalLevel) {
	}

	List<DecidedQuote> decidedQuotes() {
		return this.jdbc.query("""
				select q.opportunity_id, c.tier, q.amount, q.requested_discount, q.approval_level
				from crm_quote q join crm_opportunity o on o.id = q.opportunity_id
				join crm_customer c on c.id = o.customer_id
				where q.approval_level is not null""", (rs, i) -> new DecidedQuote(rs.getLong(1), rs.getString(2),
				rs.getBigDecimal(3), rs.getBigDecimal(4), rs.getString(5)));
	}

	/**
	 * discount.dmn's "Maximum discount" with the analysts' change, as a person reads it.
	 */
	static BigDecimal maxDiscountWithSixPercent(String tier, BigDecimal amount) {
		boolean from100k = amount.compareTo(new BigDecimal("100000")) >= 0;
		boolean from200k = amount.compareTo(new BigDecimal("200000")) >= 0;
		boolean from500k = amount.compareTo(new BigDecimal("500000")) >= 0;
		boolean from1m = amount.compareTo(new BigDecimal("1000000")) >= 0;
		return new BigDecimal(switch (tier) {
			case "STRATEGIC" -> from1m ? "0.20" : from200k ? "0.15" : "0.10";
			case "KEY" -> from500k ? "0.12" : "0.08";
			case "STANDARD" -> from500k ? "0.07" : from100k ? "0.06" : "0";
			default -> "0.03";
		});
	}

	/** discount.dmn's "Discount approval", as a person reads it. */
	static String approvalLevel(BigDecimal max, BigDecimal requested) {
		if (requested.compareTo(max) <= 0) {
			return "NONE";
		}
		if (requested.compareTo(max.add(new BigDecimal("0.05"))) <= 0) {
			return "SALES_MANAGER";
		}
		return (requested.compareTo(new BigDecimal("0.30")) <= 0) ? "SALES_DIRECTOR" : "REJECT";
	}

	// ---- the checks

	@Test
	@SuppressWarnings("unchecked")
	void shouldCountTheQuotesWhoseApprovalLevelTheSixPercentRuleChanges() {
		List<DecidedQuote> quotes = decidedQuotes();
		Map<String, Long> expectedTransitions = new TreeMap<>();
		Set<Long> expectedOpportunities = new java.util.HashSet<>();
		for (DecidedQuote quote : quotes) {
			String level = approvalLevel(maxDiscountWithSixPercent(quote.tier(), quote.amount()), quote.requested());
			if (!level.equals(quote.approvalLevel())) {
				expectedTransitions.merge(quote.approvalLevel() + " → " + level, 1L, Long::sum);
				expectedOpportunities.add(quote.opportunityId());
			}
		}
		long expectedChanged = expectedTransitions.values().stream().mapToLong(Long::longValue).sum();

		Map<String, Object> report = backtest(standardSixPercent(), Map.of("outputs", "approvalLevel"));

		System.out.printf(
				"Backtest of STANDARD >= 100,000 -> 0.06 on the demo history: %s evaluations, %s changed "
						+ "(independent count %d), %s cases, transitions %s%n",
				report.get("evaluations"), report.get("changed"), expectedChanged, report.get("casesAffected"),
				report.get("transitions"));
		assertThat(expectedChanged).as("quotes whose approval level the change alters").isPositive();
		assertThat(((Number) report.get("changed")).longValue()).isEqualTo(expectedChanged);
		assertThat(((Number) report.get("casesAffected")).longValue()).isEqualTo(expectedOpportunities.size());
		assertThat(((Number) report.get("evaluations")).longValue()).isEqualTo(quotes.size());
		assertThat(((Number) report.get("replayed")).longValue()).isEqualTo(quotes.size());
		assertThat(((Number) report.get("notReplayed")).longValue()).isZero();
		Map<String, Long> transitions = new TreeMap<>();
		for (Map<String, Object> transition : (List<Map<String, Object>>) report.get("transitions")) {
			transitions.put(transition.get("oldOutcome") + " → " + transition.get("newOutcome"),
					((Number) transition.get("count")).longValue());
		}
		assertThat(transitions).isEqualTo(expectedTransitions);
		assertThat(transitions).containsKey("SALES_MANAGER → NONE");
	}

	@Test
	@SuppressWarnings("unchecked")
	void shouldShowEachChangedQuoteWithItsCaseAndInputs() {
		Map<String, Object> report = backtest(standardSixPercent(),
				Map.of("outputs", "approvalLevel", "examples", "1"));

		List<Map<String, Object>> examples = (List<Map<String, Object>>) report.get("examples");
		assertThat(examples).hasSize(1);
		Map<String, Object> example = examples.get(0);
		String businessKey = (String) example.get("businessKey");
		assertThat(businessKey).startsWith("opportunity-");
		long opportunityId = Long.parseLong(businessKey.substring("opportunity-".length()));
		assertThat(example.get("processInstanceId")).isEqualTo(this.jdbc.queryForObject(
				"select process_instance_id from crm_opportunity where id = ?", String.class, opportunityId));
		assertThat(example.get("processDefinitionKey")).isEqualTo(OpportunityToOrderProcess.KEY);
		assertThat((Map<String, Object>) example.get("inputs")).containsOnlyKeys("customerTier", "orderAmount",
				"requestedDiscount");
		assertThat(example.get("oldOutcome")).isNotEqualTo(example.get("newOutcome"));
		assertThat(example.get("decisionVersion")).isEqualTo(1);
	}

	@Test
	void shouldCompareEveryOutputOverTheLastNinetyDaysByDefault() {
		Map<String, Object> report = backtest(standardSixPercent(), Map.of());

		LocalDate today = LocalDate.now(ZONE);
		assertThat(report.get("period"))
			.isEqualTo(Map.of("from", today.minusDays(89).toString(), "to", today.toString(), "zone", ZONE.getId()));
		assertThat(report.get("outputs")).isEqualTo(List.of("approvalLevel", "maxDiscount", "approverGroup"));
		// every STANDARD quote from 100,000 CNY gets a larger maximum discount
		long standardFrom100k = decidedQuotes().stream()
			.filter((quote) -> quote.tier().equals("STANDARD")
					&& quote.amount().compareTo(new BigDecimal("100000")) >= 0
					&& quote.amount().compareTo(new BigDecimal("500000")) < 0)
			.count();
		assertThat(((Number) report.get("changed")).longValue()).isEqualTo(standardFrom100k);
	}

	@Test
	void shouldFindNoChangeWithTheDeployedFileAndNothingBeforeTheDemo() {
		byte[] deployed = original().getBytes(StandardCharsets.UTF_8);
		Map<String, Object> same = backtest(deployed, Map.of());
		assertThat(((Number) same.get("changed")).longValue()).isZero();
		assertThat(((Number) same.get("replayed")).longValue()).isPositive();

		LocalDate yearAgo = LocalDate.now(ZONE).minusYears(1);
		Map<String, Object> empty = backtest(standardSixPercent(),
				Map.of("from", yearAgo.minusDays(30).toString(), "to", yearAgo.toString()));
		assertThat(((Number) empty.get("evaluations")).longValue()).isZero();
	}

	@Test
	void shouldAnswerNotFoundForAnUnknownDecision() {
		HttpResponse<String> response = post("analyst", "/api/decisions/no-such-decision/backtest",
				standardSixPercent(), Map.of());

		assertProblem(response, 404);
		assertThat((String) JsonPath.read(response.body(), "$.detail")).contains("no-such-decision");
	}

	@Test
	void shouldRefuseADraftThatDoesNotParseWithTheParsersLine() {
		byte[] broken = original().replace("<decision id=\"discount\"", "<decision id=\"discount\"<")
			.getBytes(StandardCharsets.UTF_8);

		HttpResponse<String> response = post("analyst", PATH, broken, Map.of());

		assertProblem(response, 400);
		assertThat((String) JsonPath.read(response.body(), "$.errors[0].field")).isEqualTo("file");
		assertThat((String) JsonPath.read(response.body(), "$.errors[0].message"))
			.startsWith("is not a valid DMN file: line ");
	}

	@Test
	void shouldRefuseADraftWithoutTheDecisionOrReadingAnInputTheHistoryLacks() {
		byte[] renamed = original().replace("id=\"discount-approval\"", "id=\"approval\"")
			.getBytes(StandardCharsets.UTF_8);
		HttpResponse<String> withoutDecision = post("analyst", PATH, renamed, Map.of());
		assertProblem(withoutDecision, 400);
		assertThat((String) JsonPath.read(withoutDecision.body(), "$.detail"))
			.contains("has no decision with id 'discount-approval'");

		byte[] newInput = original().replace("<text>orderAmount</text>", "<text>orderVolume</text>")
			.getBytes(StandardCharsets.UTF_8);
		HttpResponse<String> missingInput = post("analyst", PATH, newInput, Map.of());
		assertProblem(missingInput, 400);
		assertThat((String) JsonPath.read(missingInput.body(), "$.detail")).contains("reads 'orderVolume'")
			.contains("Order amount (CNY)");
	}

	@Test
	void shouldRefuseBadFieldsAndAMissingFile() {
		HttpResponse<String> outputs = post("analyst", PATH, standardSixPercent(), Map.of("outputs", "approver"));
		assertProblem(outputs, 400);
		assertThat((String) JsonPath.read(outputs.body(), "$.errors[0].field")).isEqualTo("outputs");

		HttpResponse<String> period = post("analyst", PATH, standardSixPercent(),
				Map.of("from", "2025-03-02", "to", "2025-03-01"));
		assertProblem(period, 400);
		assertThat((String) JsonPath.read(period.body(), "$.errors[0].field")).isEqualTo("from");

		HttpResponse<String> date = post("analyst", PATH, standardSixPercent(), Map.of("from", "yesterday"));
		assertProblem(date, 400);

		HttpResponse<String> examples = post("analyst", PATH, standardSixPercent(), Map.of("examples", "1000"));
		assertProblem(examples, 400);
		assertThat((String) JsonPath.read(examples.body(), "$.errors[0].field")).isEqualTo("examples");

		HttpResponse<String> noFile = post("analyst", PATH, null, Map.of("outputs", "approvalLevel"));
		assertProblem(noFile, 400);
		assertThat((String) JsonPath.read(noFile.body(), "$.detail")).contains("file");

		// refused before any controller is chosen: still problem details
		byte[] huge = new byte[2 * 1024 * 1024];
		java.util.Arrays.fill(huge, (byte) ' ');
		HttpResponse<String> tooLarge = post("analyst", PATH, huge, Map.of());
		assertProblem(tooLarge, 413);
		assertThat((String) JsonPath.read(tooLarge.body(), "$.detail")).contains("larger than allowed");
		HttpResponse<String> get = new Http(this.port).to(PATH).basic("analyst", "demo").get();
		assertProblem(get, 405);
		assertThat((String) JsonPath.read(get.body(), "$.detail")).contains("GET is not supported");
	}

	@Test
	void shouldLetAnalystsAndAdministratorsBacktestButNotSalesReps() {
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("outputs", "approvalLevel");
		assertThat(post("admin", PATH, standardSixPercent(), fields).statusCode()).isEqualTo(200);

		HttpResponse<String> rep = post("li.wei", PATH, standardSixPercent(), fields);
		assertProblem(rep, 403);
		HttpResponse<String> manager = post("sun.hao", PATH, standardSixPercent(), fields);
		assertProblem(manager, 403);
		Multipart multipart = new Multipart().file("file", "discount.dmn", standardSixPercent())
			.field("outputs", "approvalLevel");
		// an unknown user: a wrong password would lock the demo analyst for a few seconds
		HttpResponse<String> wrongPassword = new Http(this.port).to(PATH)
			.basic("no.such.user", "demo")
			.post(multipart.contentType(), multipart.body());
		assertProblem(wrongPassword, 401);
		assertThat(new Http(this.port).to("/models/decisions/discount-approval/backtest")
			.basic("li.wei", "demo")
			.get()
			.statusCode()).isEqualTo(403);
		HttpResponse<String> page = new Http(this.port).to("/models/decisions/discount-approval/backtest")
			.basic("analyst", "demo")
			.get();
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("Discount approval").contains("approvalLevel");
		assertThat(new Http(this.port).to("/models/decisions/no-such-decision/backtest")
			.basic("analyst", "demo")
			.get()
			.statusCode()).isEqualTo(404);
	}

}
