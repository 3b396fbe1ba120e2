package io.reflow.crm.lab;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import io.reflow.crm.testsupport.Http;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The version scorecard end to end on the history of {@link LabProbeHistory}, whose every
 * figure of {@code GET /api/lab/scorecard} is known in advance. One subclass per database
 * runs them.
 */
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({ "demo", "test" })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ScorecardChecks {

	@LocalServerPort
	int port;

	@Autowired
	ProcessEngine engine;

	@BeforeAll
	void runBothVersions() {
		LabProbeHistory.run(this.engine);
	}

	Http.Call as(String user, String path) {
		return new Http(this.port).to(path).basic(user, "demo");
	}

	String scorecard(String query) {
		HttpResponse<String> response = as("manager", "/api/lab/scorecard?" + query).get();
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return response.body();
	}

	static double number(String json, String path) {
		return ((Number) JsonPath.read(json, path)).doubleValue();
	}

	@Test
	void shouldCompareCycleTimeAndCostByMedianWithAMannWhitneyTest() {
		String json = scorecard("process=lab-probe&from=1&to=2");

		assertThat((Integer) JsonPath.read(json, "$.from.version")).isEqualTo(1);
		assertThat((String) JsonPath.read(json, "$.from.versionTag")).isEqualTo("as-is");
		assertThat((Integer) JsonPath.read(json, "$.from.finished")).isEqualTo(30);
		assertThat((Integer) JsonPath.read(json, "$.to.finished")).isEqualTo(30);
		// 3 h (1 h waiting + 2 h working); 6 h for the 6 done twice: the median is 3 h
		assertThat(number(json, "$.cycleTime.from.median")).isCloseTo(3 * 3600, within(1.0));
		assertThat(number(json, "$.cycleTime.from.p90")).isCloseTo(6 * 3600, within(1.0));
		assertThat(number(json, "$.cycleTime.to.median")).isCloseTo(4200, within(1.0));
		assertThat(number(json, "$.cycleTime.medianChange")).isCloseTo(4200 - 3 * 3600, within(1.0));
		assertThat((String) JsonPath.read(json, "$.cycleTime.test.significance")).isEqualTo("SIGNIFICANT");
		assertThat(number(json, "$.cycleTime.test.pValue")).isLessThan(1e-6);
		// 2 h of work x 180 CNY (sales-north) against 1 h; the check costs nothing
		assertThat((String) JsonPath.read(json, "$.currency")).isEqualTo("CNY");
		assertThat(number(json, "$.costPerCase.from.median")).isCloseTo(360, within(0.01));
		assertThat(number(json, "$.costPerCase.to.median")).isCloseTo(180, within(0.01));
		assertThat(number(json, "$.costPerCase.from.p90")).isCloseTo(720, within(0.01));
	}

	@Test
	void shouldCompareOutcomeReworkAndDueDateSharesWithATwoProportionTest() {
		String json = scorecard("process=lab-probe&from=as-is&to=to-be");

		assertThat((Integer) JsonPath.read(json, "$.to.version")).isEqualTo(2);
		List<Map<String, Object>> won = JsonPath.read(json, "$.rates[?(@.elementId == 'EndEvent_Won')]");
		assertThat(won).singleElement()
			.satisfies((rate) -> assertThat(rate).containsEntry("metric", "Outcome: Won")
				.containsEntry("fromCount", 10)
				.containsEntry("fromTotal", 30)
				.containsEntry("toCount", 24)
				.containsEntry("toTotal", 30)
				.containsEntry("significance", "SIGNIFICANT"));
		assertThat(((Number) won.get(0).get("difference")).doubleValue()).isCloseTo(14 / 30.0, within(1e-9));
		assertThat(((Number) won.get(0).get("lower")).doubleValue()).isBetween(0.0, 14 / 30.0);
		List<Map<String, Object>> rework = JsonPath.read(json, "$.rates[?(@.kind == 'rework')]");
		assertThat(rework).singleElement()
			.satisfies((rate) -> assertThat(rate).containsEntry("fromCount", 6).containsEntry("toCount", 0));
		// v1: 36 Task_Work instances, all after their due time; v2: 30, all in time (the
		// check has no due date)
		List<Map<String, Object>> sla = JsonPath.read(json, "$.rates[?(@.kind == 'sla')]");
		assertThat(sla).singleElement()
			.satisfies((rate) -> assertThat(rate).containsEntry("fromCount", 0)
				.containsEntry("fromTotal", 36)
				.containsEntry("toCount", 30)
				.containsEntry("toTotal", 30)
				.containsEntry("significance", "SIGNIFICANT"));
	}

	@Test
	void shouldShowPerActivityTimesAndWhatTheModelChanged() {
		String json = scorecard("process=lab-probe");

		assertThat((Integer) JsonPath.read(json, "$.from.version")).isEqualTo(1);
		assertThat((List<String>) JsonPath.read(json, "$.diagram.added")).containsExactly("Flow_Checked", "Task_Check");
		assertThat((List<String>) JsonPath.read(json, "$.diagram.removed")).containsExactly("Flow_Again");
		assertThat((List<String>) JsonPath.read(json, "$.diagram.changed")).containsExactly("Flow_Lost", "Flow_Won",
				"Task_Work");
		Map<String, Object> work = activity(json, "Task_Work");
		assertThat(work).containsEntry("change", "CHANGED").containsEntry("name", "Work (shortened)");
		Map<String, Object> before = (Map<String, Object>) work.get("from");
		Map<String, Object> after = (Map<String, Object>) work.get("to");
		assertThat(before).containsEntry("count", 36).containsEntry("repeatedInCases", 6);
		assertThat(((Number) before.get("meanWaitingSeconds")).doubleValue()).isCloseTo(3600, within(1.0));
		assertThat(((Number) before.get("meanWorkingSeconds")).doubleValue()).isCloseTo(7200, within(1.0));
		assertThat(((Number) after.get("meanWaitingSeconds")).doubleValue()).isCloseTo(600, within(1.0));
		assertThat(((Number) after.get("medianSeconds")).doubleValue()).isCloseTo(4200, within(1.0));
		assertThat(work.get("duration")).asString().contains("SIGNIFICANT");
		Map<String, Object> check = activity(json, "Task_Check");
		assertThat(check).containsEntry("change", "ADDED").containsEntry("from", null);
		assertThat((Map<String, Object>) check.get("to")).containsEntry("count", 24);
	}

	static Map<String, Object> activity(String json, String id) {
		List<Map<String, Object>> rows = JsonPath.read(json, "$.activities[?(@.activityId == '" + id + "')]");
		assertThat(rows).as("activity %s", id).hasSize(1);
		return rows.get(0);
	}

	@Test
	void shouldAnswerProblemDetailsForUnknownProcessesAndVersions() {
		HttpResponse<String> unknown = as("manager", "/api/lab/scorecard?process=no-such-process").get();
		assertThat(unknown.statusCode()).isEqualTo(404);
		assertThat(unknown.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		HttpResponse<String> version = as("manager", "/api/lab/scorecard?process=lab-probe&from=7").get();
		assertThat(version.statusCode()).isEqualTo(404);
		assertThat((String) JsonPath.read(version.body(), "$.detail")).contains("no version 7", "1 to 2");
		HttpResponse<String> tag = as("manager", "/api/lab/scorecard?process=lab-probe&to=future").get();
		assertThat(tag.statusCode()).isEqualTo(404);
		assertThat((String) JsonPath.read(tag.body(), "$.detail")).contains("tagged 'future'");
		HttpResponse<String> noEarlier = as("manager", "/api/lab/scorecard?process=lab-probe&to=1").get();
		assertThat(noEarlier.statusCode()).isEqualTo(400);
		assertThat(as("manager", "/api/lab/scorecard").get().statusCode()).isEqualTo(400);
		assertThat(as("li.wei", "/api/lab/scorecard?process=lab-probe").get().statusCode()).isEqualTo(403);
		assertThat(as("analyst", "/api/lab/scorecard?process=lab-probe").get().statusCode()).isEqualTo(200);
	}

	@Test
	void shouldLinkAndServeThePageForAnalystsAndManagersOnly() {
		assertThat(as("analyst", "/").get().body()).contains("id=\"link-lab\"");
		assertThat(as("manager", "/").get().body()).contains("id=\"link-lab\"");
		assertThat(as("li.wei", "/").get().body()).doesNotContain("link-lab");
		assertThat(as("analyst", "/lab/scorecard").get().statusCode()).isEqualTo(200);
		assertThat(as("li.wei", "/lab/scorecard").get().statusCode()).isEqualTo(403);
	}

	@Test
	void shouldListProcessesWithTheirVersionsAndServeAVersionsXml() {
		HttpResponse<String> list = as("analyst", "/api/lab/processes").get();
		assertThat(list.statusCode()).isEqualTo(200);
		assertThat((List<Object>) JsonPath.read(list.body(), "$[?(@.key == 'lab-probe')].versions[*].versionTag"))
			.containsExactly("as-is", "to-be");
		HttpResponse<String> xml = as("analyst", "/api/lab/processes/lab-probe/versions/2/xml").get();
		assertThat(xml.statusCode()).isEqualTo(200);
		assertThat(xml.body()).contains("Task_Check");
		assertThat(as("analyst", "/api/lab/processes/lab-probe/versions/0/xml").get().statusCode()).isEqualTo(400);
		assertThat(as("analyst", "/api/lab/processes/lab-probe/versions/9/xml").get().statusCode()).isEqualTo(404);
	}

}
