package io.reflow.crm.platform.backtest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricDecisionInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.reflow.crm.platform.backtest.BacktestReport.Transition;
import io.reflow.crm.platform.web.InvalidFieldException;
import io.reflow.crm.platform.web.NotFoundException;
import io.reflow.crm.testsupport.EngineTests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The replay on the engine of the decision tests, with the real
 * {@code decisions/discount.dmn} (a DRD: {@code discount-approval} requires
 * {@code discount}): evaluations are recorded through the engine's
 * {@code DecisionService}, then replayed through drafts of that file. Row by row for the
 * analysts' change "STANDARD from 100,000 CNY: 0.05 becomes 0.06", which sits in the
 * required decision while the compared output {@code approvalLevel} is the root's; then
 * the period, paging, the limit, the default outputs, a required decision that no longer
 * decides, and every refusal.
 */
@Deployment(resources = "decisions/discount.dmn")
class DecisionBacktesterTest {

	static final String KEY = "discount-approval";

	static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	static final String STANDARD_RULE = """
			<outputEntry id="OutputEntry_StandardOverOneHundredThousand_MaxDiscount">
			          <text>0.05</text>""";

	@RegisterExtension
	static ProcessEngineExtension extension = EngineTests.decisionEngine();

	ProcessEngine engine() {
		return extension.getProcessEngine();
	}

	final List<String> deployments = new java.util.ArrayList<>();

	/** Deploys a small model of the test's own next to discount.dmn. */
	void deploy(String resource, String dmn) {
		this.deployments
			.add(engine().getRepositoryService().createDeployment().addString(resource, dmn).deploy().getId());
	}

	@AfterEach
	void forgetHistory() {
		ClockUtil.reset();
		this.deployments.forEach((id) -> engine().getRepositoryService().deleteDeployment(id, true));
		HistoryService history = engine().getHistoryService();
		history.createHistoricDecisionInstanceQuery()
			.list()
			.forEach((instance) -> history.deleteHistoricDecisionInstanceByInstanceId(instance.getId()));
	}

	static String original() {
		try (InputStream in = DecisionBacktesterTest.class.getClassLoader()
			.getResourceAsStream("decisions/discount.dmn")) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The acceptance change: STANDARD from 100,000 CNY may get 0.06 without approval. */
	static byte[] standardSixPercent() {
		String dmn = original();
		assertThat(dmn).contains(STANDARD_RULE);
		return dmn.replace(STANDARD_RULE, STANDARD_RULE.replace("0.05", "0.06")).getBytes(StandardCharsets.UTF_8);
	}

	void evaluate(String tier, double amount, double requested) {
		engine().getDecisionService()
			.evaluateDecisionByKey(KEY)
			.variables(Map.of("customerTier", tier, "orderAmount", amount, "requestedDiscount", requested))
			.evaluate();
	}

	DecisionBacktester backtester(BacktestProperties properties) {
		return new DecisionBacktester(engine(), properties, Clock.systemUTC());
	}

	BacktestReport backtest(byte[] draft, List<String> outputs) {
		return backtest(BacktestProperties.defaults(), KEY, draft, outputs);
	}

	BacktestReport backtest(BacktestProperties properties, String key, byte[] draft, List<String> outputs) {
		LocalDate today = LocalDate.now(ZONE);
		return backtester(properties)
			.run(new BacktestRequest(key, draft, "draft.dmn", today.minusDays(89), today, ZONE, outputs, 20));
	}

	@ParameterizedTest(name = "{0} {1} CNY, {2} requested: {3} -> {4}")
	@CsvSource({
			// the changed row, at its bounds: 0.06 is now within the limit ...
			"STANDARD, 150000, 0.06, SALES_MANAGER, NONE", "STANDARD, 100000, 0.055, SALES_MANAGER, NONE",
			"STANDARD, 499999.99, 0.06, SALES_MANAGER, NONE",
			// ... and a manager now approves up to 0.11 (FEEL sums exactly)
			"STANDARD, 150000, 0.11, SALES_DIRECTOR, SALES_MANAGER",
			"STANDARD, 150000, 0.1100001, SALES_DIRECTOR, SALES_DIRECTOR",
			// unchanged on the row
			"STANDARD, 150000, 0.05, NONE, NONE", "STANDARD, 150000, 0.0600001, SALES_MANAGER, SALES_MANAGER",
			"STANDARD, 150000, 0.10, SALES_MANAGER, SALES_MANAGER",
			"STANDARD, 150000, 0.30, SALES_DIRECTOR, SALES_DIRECTOR", "STANDARD, 150000, 0.31, REJECT, REJECT",
			// other rows keep their limits
			"STANDARD, 99999.99, 0.06, SALES_DIRECTOR, SALES_DIRECTOR", "STANDARD, 500000, 0.07, NONE, NONE",
			"KEY, 150000, 0.06, NONE, NONE", "NEW, 150000, 0.06, SALES_MANAGER, SALES_MANAGER",
			"STRATEGIC, 150000, 0.11, SALES_MANAGER, SALES_MANAGER",
			// no row for the tier, before and after
			"GOLD, 150000, 0.06, (no result), (no result)" })
	void shouldReplayEachRowThroughTheRequiredDecisionsDraft(String tier, double amount, double requested,
			String before, String after) {
		evaluate(tier, amount, requested);

		BacktestReport report = backtest(standardSixPercent(), List.of("approvalLevel"));

		assertThat(report.evaluations()).isEqualTo(1);
		assertThat(report.replayed()).isEqualTo(1);
		assertThat(report.notReplayed()).isZero();
		assertThat(report.outputs()).containsExactly("approvalLevel");
		if (before.equals(after)) {
			assertThat(report.changed()).isZero();
			assertThat(report.unchanged()).isEqualTo(1);
			assertThat(report.transitions()).isEmpty();
			assertThat(report.examples()).isEmpty();
		}
		else {
			assertThat(report.changed()).isEqualTo(1);
			assertThat(report.transitions()).containsExactly(new Transition(before, after, 1));
			BacktestReport.Example example = report.examples().get(0);
			assertThat(example.oldOutcome()).isEqualTo(before);
			assertThat(example.newOutcome()).isEqualTo(after);
			// the leaf inputs, not the maximum discount the required decision computes
			// again
			assertThat(example.inputs()).containsOnlyKeys("customerTier", "orderAmount", "requestedDiscount")
				.containsEntry("customerTier", tier)
				.containsEntry("orderAmount", amount)
				.containsEntry("requestedDiscount", requested);
			assertThat(example.oldResult()).containsExactly(Map.of("approvalLevel", before));
			assertThat(example.newResult()).containsExactly(Map.of("approvalLevel", after));
			assertThat(example.decisionVersion()).isEqualTo(1);
			assertThat(example.processInstanceId()).isNull();
		}
	}

	@Test
	void shouldCountChangesAndBreakThemDownByOldAndNewOutcome() {
		for (int i = 0; i < 3; i++) {
			evaluate("STANDARD", 150_000 + i, 0.06);
		}
		evaluate("STANDARD", 200_000, 0.11);
		evaluate("STANDARD", 200_000, 0.05);
		evaluate("KEY", 200_000, 0.06);

		BacktestReport report = backtest(standardSixPercent(), List.of("approvalLevel"));

		assertThat(report.evaluations()).isEqualTo(6);
		assertThat(report.replayed()).isEqualTo(6);
		assertThat(report.changed()).isEqualTo(4);
		assertThat(report.unchanged()).isEqualTo(2);
		assertThat(report.transitions()).containsExactly(new Transition("SALES_MANAGER", "NONE", 3),
				new Transition("SALES_DIRECTOR", "SALES_MANAGER", 1));
		assertThat(report.examples()).hasSize(4);
		assertThat(report.examples()).extracting(BacktestReport.Example::evaluatedAt).isSorted();
		// no process instance: evaluated through the DecisionService
		assertThat(report.casesAffected()).isZero();
		assertThat(report.versions()).containsExactly(new BacktestReport.VersionCount(1, 6));
		assertThat(report.decisionName()).isEqualTo("Discount approval");
	}

	@Test
	void shouldFindNoChangeWithTheDeployedFileItself() {
		evaluate("STANDARD", 150_000, 0.06);
		evaluate("NEW", 20_000, 0.2);
		evaluate("GOLD", 20_000, 0.2);

		BacktestReport report = backtest(original().getBytes(StandardCharsets.UTF_8), List.of());

		assertThat(report.replayed()).isEqualTo(3);
		assertThat(report.changed()).isZero();
		assertThat(report.outputs()).containsExactly("approvalLevel", "maxDiscount", "approverGroup");
	}

	@Test
	void shouldCompareEveryOutputOfTheDeployedDecisionByDefault() {
		evaluate("STANDARD", 150_000, 0.05);

		BacktestReport report = backtest(standardSixPercent(), null);

		assertThat(report.changed()).isEqualTo(1);
		assertThat(report.transitions())
			.containsExactly(new Transition("approvalLevel=NONE, maxDiscount=0.05, approverGroup=null",
					"approvalLevel=NONE, maxDiscount=0.06, approverGroup=null", 1));
	}

	@Test
	void shouldLeaveAVariableEmptyWhenTheDraftsRequiredDecisionNoLongerDecides() {
		evaluate("STANDARD", 150_000, 0.06);
		evaluate("KEY", 150_000, 0.06);
		// the analyst deletes every STANDARD row: the recorded maximum discount must not
		// stand in for the draft's missing one
		String dmn = original().replaceAll("(?s)<rule id=\"Rule_Standard[A-Za-z]*\">.*?</rule>", "");
		assertThat(dmn).doesNotContain("<text>\"STANDARD\"</text>");

		BacktestReport report = backtest(dmn.getBytes(StandardCharsets.UTF_8), List.of("approvalLevel"));

		assertThat(report.replayed()).isEqualTo(2);
		assertThat(report.transitions()).containsExactly(new Transition("SALES_MANAGER", Outcome.NO_RESULT, 1));
	}

	@Test
	void shouldReplayARequiredDecisionAsTheDecisionUnderTest() {
		evaluate("STANDARD", 150_000, 0.06);
		evaluate("STANDARD", 80_000, 0.06);

		BacktestReport report = backtest(BacktestProperties.defaults(), "discount", standardSixPercent(), List.of());

		assertThat(report.evaluations()).isEqualTo(2);
		assertThat(report.transitions()).containsExactly(new Transition("0.05", "0.06", 1));
	}

	@Test
	void shouldReplayOnlyTheEvaluationsOfThePeriod() {
		ClockUtil.setCurrentTime(Date.from(Instant.now().minus(120, ChronoUnit.DAYS)));
		evaluate("STANDARD", 150_000, 0.06);
		ClockUtil.reset();
		evaluate("STANDARD", 150_000, 0.06);
		LocalDate today = LocalDate.now(ZONE);

		BacktestReport recent = backtest(standardSixPercent(), List.of("approvalLevel"));
		BacktestReport earlier = backtester(BacktestProperties.defaults()).run(new BacktestRequest(KEY,
				standardSixPercent(), "draft.dmn", today.minusDays(200), today.minusDays(90), ZONE, List.of(), 20));

		assertThat(recent.evaluations()).isEqualTo(1);
		assertThat(earlier.evaluations()).isEqualTo(1);
		assertThat(earlier.period())
			.isEqualTo(new BacktestReport.Period(today.minusDays(200), today.minusDays(90), "Asia/Shanghai"));
	}

	@Test
	void shouldReadTheHistoryInPagesWithTheRequiredDecisionsOfEach() {
		for (int i = 0; i < 7; i++) {
			evaluate("STANDARD", 150_000 + i, (i % 2 == 0) ? 0.06 : 0.05);
		}

		LocalDate today = LocalDate.now(ZONE);
		BacktestReport report = backtester(new BacktestProperties(90, 2, 100, 20, 200)).run(new BacktestRequest(KEY,
				standardSixPercent(), "draft.dmn", today, today, ZONE, List.of("approvalLevel"), 3));

		assertThat(report.evaluations()).isEqualTo(7);
		assertThat(report.replayed()).isEqualTo(7);
		assertThat(report.changed()).isEqualTo(4);
		assertThat(report.examples()).hasSize(3);
		assertThat(report.examples()).extracting(BacktestReport.Example::decisionInstanceId).doesNotHaveDuplicates();
	}

	@Test
	void shouldRefuseAPeriodWithMoreEvaluationsThanTheLimit() {
		for (int i = 0; i < 4; i++) {
			evaluate("STANDARD", 150_000, 0.06);
		}

		assertThatThrownBy(
				() -> backtest(new BacktestProperties(90, 500, 3, 20, 200), KEY, standardSixPercent(), List.of()))
			.isInstanceOfSatisfying(InvalidFieldException.class, (ex) -> assertThat(ex.field()).isEqualTo("from"))
			.hasMessageContaining("4 evaluations")
			.hasMessageContaining("3");
	}

	@Test
	void shouldTellWhyAnEvaluationCouldNotBeReplayed() {
		evaluate("STANDARD", 150_000, 0.06);
		evaluate("KEY", 150_000, 0.06);
		// a broken output entry on the STANDARD row only
		String dmn = original().replace(STANDARD_RULE, STANDARD_RULE.replace("0.05", "0.06 +"));

		BacktestReport report = backtest(dmn.getBytes(StandardCharsets.UTF_8), List.of("approvalLevel"));

		assertThat(report.evaluations()).isEqualTo(2);
		assertThat(report.replayed()).isEqualTo(1);
		assertThat(report.notReplayed()).isEqualTo(1);
		assertThat(report.notReplayedReasons()).singleElement().satisfies((reason) -> {
			assertThat(reason.reason()).startsWith("the draft fails: ").contains("0.06 +");
			assertThat(reason.count()).isEqualTo(1);
			assertThat(reason.decisionInstanceIds()).hasSize(1);
		});
	}

	@Test
	void shouldAnswerNotFoundForAnUnknownDecision() {
		assertThatThrownBy(
				() -> backtest(BacktestProperties.defaults(), "no-such-decision", standardSixPercent(), List.of()))
			.isInstanceOf(NotFoundException.class)
			.hasMessageContaining("no-such-decision");
	}

	@Test
	void shouldRefuseADraftWithoutTheDecision() {
		String dmn = original().replace("id=\"discount-approval\"", "id=\"discount-approval-new\"")
			.replace("#discount-approval", "#discount-approval-new");

		assertThatThrownBy(() -> backtest(dmn.getBytes(StandardCharsets.UTF_8), List.of()))
			.isInstanceOfSatisfying(InvalidFieldException.class, (ex) -> assertThat(ex.field()).isEqualTo("file"))
			.hasMessageContaining("no decision with id 'discount-approval'")
			.hasMessageContaining("discount-approval-new, discount");
	}

	@Test
	void shouldRefuseADraftThatDoesNotParseWithTheParsersLine() {
		String dmn = original().replace("<decision id=\"discount\"", "<decision id=\"discount\"<");

		assertThatThrownBy(() -> backtest(dmn.getBytes(StandardCharsets.UTF_8), List.of()))
			.isInstanceOfSatisfying(InvalidFieldException.class, (ex) -> assertThat(ex.field()).isEqualTo("file"))
			.hasMessageStartingWith("is not a valid DMN file: line ");
		assertThatThrownBy(() -> backtest("not xml".getBytes(StandardCharsets.UTF_8), List.of()))
			.isInstanceOf(InvalidFieldException.class)
			.hasMessageContaining("is not a valid DMN file");
		assertThatThrownBy(() -> backtest(new byte[0], List.of())).isInstanceOf(InvalidFieldException.class)
			.hasMessageContaining("empty");
	}

	@Test
	void shouldRefuseADraftThatReadsAnInputTheHistoryDoesNotHold() {
		String dmn = original().replace("<text>customerTier</text>", "<text>customerSegment</text>");

		assertThatThrownBy(() -> backtest(dmn.getBytes(StandardCharsets.UTF_8), List.of()))
			.isInstanceOfSatisfying(InvalidFieldException.class, (ex) -> assertThat(ex.field()).isEqualTo("file"))
			.hasMessageContaining("reads 'customerSegment'")
			.hasMessageContaining("input 'Customer tier' (Input_CustomerTier) of decision 'discount'")
			.hasMessageContaining("customerTier, maxDiscount, orderAmount, requestedDiscount");
	}

	@Test
	void shouldRefuseOutputsTheDraftDoesNotHaveAndTooManyExamples() {
		assertThatThrownBy(() -> backtest(standardSixPercent(), List.of("approvalLevel", "approver")))
			.isInstanceOfSatisfying(InvalidFieldException.class, (ex) -> assertThat(ex.field()).isEqualTo("outputs"))
			.hasMessageContaining("'approver' is not an output")
			.hasMessageContaining("approvalLevel, maxDiscount, approverGroup");
		LocalDate today = LocalDate.now(ZONE);
		assertThatThrownBy(() -> backtester(BacktestProperties.defaults())
			.run(new BacktestRequest(KEY, standardSixPercent(), "draft.dmn", today, today, ZONE, List.of(), 201)))
			.isInstanceOfSatisfying(InvalidFieldException.class, (ex) -> assertThat(ex.field()).isEqualTo("examples"));
	}

	@Test
	void shouldWriteNothingToTheEngine() {
		evaluate("STANDARD", 150_000, 0.06);
		long before = engine().getHistoryService().createHistoricDecisionInstanceQuery().count();

		backtest(standardSixPercent(), List.of());

		assertThat(engine().getHistoryService().createHistoricDecisionInstanceQuery().count()).isEqualTo(before);
		assertThat(engine().getHistoryService()
			.createHistoricDecisionInstanceQuery()
			.list()
			.stream()
			.map(HistoricDecisionInstance::getDecisionDefinitionKey)).containsOnly(KEY, "discount");
	}

	static final String GROSS_CHECK = """
			<?xml version="1.0" encoding="UTF-8"?>
			<definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" xmlns:camunda="http://camunda.org/schema/1.0/dmn"
			    id="Definitions_GrossCheck" name="Gross check" namespace="http://reflow.io/dmn">
			  <decision id="gross-check" name="Gross check" camunda:historyTimeToLive="P1D">
			    <decisionTable id="DecisionTable_GrossCheck" hitPolicy="FIRST">
			      <input id="Input_Gross" label="Gross amount">
			        <inputExpression id="InputExpression_Gross" typeRef="double"><text>amount * 1.13</text></inputExpression>
			      </input>
			      <output id="Output_Level" name="level" typeRef="string" />
			      <rule id="Rule_Big">
			        <inputEntry id="InputEntry_Big"><text>&gt;= 1000</text></inputEntry>
			        <outputEntry id="OutputEntry_Big"><text>"BIG"</text></outputEntry>
			      </rule>
			      <rule id="Rule_Small">
			        <inputEntry id="InputEntry_Small"><text>&lt; 1000</text></inputEntry>
			        <outputEntry id="OutputEntry_Small"><text>"SMALL"</text></outputEntry>
			      </rule>
			    </decisionTable>
			  </decision>
			</definitions>
			""";

	static final String POINTS = """
			<?xml version="1.0" encoding="UTF-8"?>
			<definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" xmlns:camunda="http://camunda.org/schema/1.0/dmn"
			    id="Definitions_Points" name="Points" namespace="http://reflow.io/dmn">
			  <decision id="points" name="Points" camunda:historyTimeToLive="P1D">
			    <decisionTable id="DecisionTable_Points" hitPolicy="COLLECT" aggregation="SUM">
			      <input id="Input_Score" label="Score">
			        <inputExpression id="InputExpression_Score" typeRef="integer"><text>score</text></inputExpression>
			      </input>
			      <output id="Output_Points" name="points" typeRef="integer" />
			      <rule id="Rule_Any">
			        <inputEntry id="InputEntry_Any"><text>&gt;= 0</text></inputEntry>
			        <outputEntry id="OutputEntry_Any"><text>1</text></outputEntry>
			      </rule>
			      <rule id="Rule_Ten">
			        <inputEntry id="InputEntry_Ten"><text>&gt;= 10</text></inputEntry>
			        <outputEntry id="OutputEntry_Ten"><text>2</text></outputEntry>
			      </rule>
			    </decisionTable>
			  </decision>
			</definitions>
			""";

	@Test
	void shouldRefuseToReplayAnInputWhoseRecordedExpressionIsMoreThanAName() {
		deploy("gross-check.dmn", GROSS_CHECK);
		engine().getDecisionService()
			.evaluateDecisionByKey("gross-check")
			.variables(Map.of("amount", 900.0))
			.evaluate();

		assertThatThrownBy(() -> backtest(BacktestProperties.defaults(), "gross-check",
				GROSS_CHECK.replace("&gt;= 1000", "&gt;= 2000").getBytes(StandardCharsets.UTF_8), List.of()))
			.isInstanceOfSatisfying(InvalidFieldException.class, (ex) -> assertThat(ex.field()).isEqualTo("file"))
			.hasMessageContaining("reads the expression 'amount * 1.13'")
			.hasMessageContaining("'Gross amount' = amount * 1.13");
		assertThatThrownBy(() -> backtest(BacktestProperties.defaults(), "gross-check",
				GROSS_CHECK.replace("amount * 1.13", "amount").getBytes(StandardCharsets.UTF_8), List.of()))
			.isInstanceOf(InvalidFieldException.class)
			.hasMessageContaining("reads 'amount', which the recorded evaluations of 'gross-check' do not hold")
			.hasMessageContaining("recorded inputs: none");
	}

	@Test
	void shouldCompareTheAggregateOfACollectTable() {
		deploy("points.dmn", POINTS);
		for (int score : new int[] { 15, 5 }) {
			engine().getDecisionService().evaluateDecisionByKey("points").variables(Map.of("score", score)).evaluate();
		}

		BacktestReport report = backtest(BacktestProperties.defaults(), "points",
				POINTS.replace("<text>2</text>", "<text>3</text>").getBytes(StandardCharsets.UTF_8), List.of());

		assertThat(report.replayed()).isEqualTo(2);
		assertThat(report.transitions()).containsExactly(new Transition("3", "4", 1));
	}

	@Test
	void shouldTellWhenTheDraftReadsAnUnknownVariableThroughAnExpression() {
		evaluate("STANDARD", 150_000, 0.06);
		String dmn = original().replace("<text>orderAmount</text>", "<text>orderVolume * 1</text>");

		BacktestReport report = backtest(dmn.getBytes(StandardCharsets.UTF_8), List.of("approvalLevel"));

		assertThat(report.replayed()).isZero();
		assertThat(report.notReplayedReasons()).singleElement()
			.satisfies((reason) -> assertThat(reason.reason())
				.isEqualTo("the draft reads 'orderVolume', which the recorded evaluation does not hold"));
	}

}
