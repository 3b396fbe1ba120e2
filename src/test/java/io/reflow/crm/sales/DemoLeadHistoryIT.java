package io.reflow.crm.sales;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.junit.jupiter.api.Test;

import io.reflow.crm.testsupport.DemoLeadHistoryContext;
import io.reflow.crm.testsupport.Http;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo's redesign story on first start: lead-qualification as-is (v1) and to-be (v2)
 * deployed from {@code processes/}, 90 days of simulated history copied in, and the
 * scorecard comparing the two with sample sizes and significance; the dashboard's KPI
 * projections hold the same cases.
 */
@DemoLeadHistoryContext
class DemoLeadHistoryIT {

	@LocalServerPort
	int port;

	@Autowired
	RepositoryService repositoryService;

	@Autowired
	HistoryService historyService;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void shouldShowTheRedesignsMeasuredEffectOnTheScorecard() {
		List<ProcessDefinition> versions = this.repositoryService.createProcessDefinitionQuery()
			.processDefinitionKey("lead-qualification")
			.orderByProcessDefinitionVersion()
			.asc()
			.list();
		assertThat(versions).extracting(ProcessDefinition::getVersionTag).containsExactly("as-is", "to-be");
		long asIs = this.historyService.createHistoricProcessInstanceQuery()
			.processDefinitionId(versions.get(0).getId())
			.finished()
			.count();
		long toBe = this.historyService.createHistoricProcessInstanceQuery()
			.processDefinitionId(versions.get(1).getId())
			.finished()
			.count();
		// 14 leads a day: 60 days of v1, 29 of v2 (a few may still be open at "now")
		assertThat(asIs).isBetween(700L, 980L);
		assertThat(toBe).isBetween(330L, 480L);
		// nothing is left running: only finished cases are copied
		assertThat(this.historyService.createHistoricProcessInstanceQuery()
			.unfinished()
			.processDefinitionKey("lead-qualification")
			.count()).isZero();

		HttpResponse<String> response = new Http(this.port)
			.to("/api/lab/scorecard?process=lead-qualification&from=as-is&to=to-be")
			.basic("manager", "demo")
			.get();
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		String json = response.body();
		assertThat(((Number) JsonPath.read(json, "$.from.finished")).longValue()).isEqualTo(asIs);
		assertThat(((Number) JsonPath.read(json, "$.to.finished")).longValue()).isEqualTo(toBe);
		double before = ((Number) JsonPath.read(json, "$.cycleTime.from.median")).doubleValue();
		double after = ((Number) JsonPath.read(json, "$.cycleTime.to.median")).doubleValue();
		System.out.printf(
				"Demo scorecard as-is vs to-be: cases %d / %d, cycle median %.2f h / %.2f h (p %s), rates %s%n", asIs,
				toBe, before / 3600, after / 3600, JsonPath.read(json, "$.cycleTime.test.pValue"),
				JsonPath.read(json, "$.rates[*]['metric','fromRate','toRate','pValue']"));
		assertThat(after).isLessThan(before * 0.8);
		assertThat((String) JsonPath.read(json, "$.cycleTime.test.significance")).isEqualTo("SIGNIFICANT");
		// fast-tracked leads end converted without waiting: the to-be version converts
		// more
		List<Map<String, Object>> fastTracked = JsonPath.read(json,
				"$.rates[?(@.elementId == 'EndEvent_LeadFastTracked')]");
		assertThat(fastTracked).isNotEmpty();
		assertThat(((Number) fastTracked.get(0).get("toCount")).longValue()).isPositive();

		// the KPI projections were rebuilt with the simulated cases
		Long projected = this.jdbc.queryForObject(
				"select coalesce(sum(started), 0) from kpi_process_day where process_key = 'lead-qualification'",
				Long.class);
		assertThat(projected).isGreaterThanOrEqualTo(asIs + toBe);
	}

}
