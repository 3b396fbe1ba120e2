package io.reflow.crm.lab.simulation;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import io.reflow.crm.platform.web.InvalidFieldException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * Scenario files: overrides of the calibrated scenario, and refusals naming the field.
 */
class ScenarioFileTest {

	static final Scenario CALIBRATED = new Scenario(100, new Distribution.Exponential(3600),
			List.of(Map.of("source", "WEB")),
			Map.of("Task_QualifyLead",
					new Scenario.TaskBehaviour(new Distribution.Fixed(600),
							List.of(new Scenario.Answer(1, Map.of("qualificationOutcome", "QUALIFIED"))))),
			Map.of("sales-north", 1), 1, Instant.parse("2026-01-05T00:00:00Z"), null);

	@Test
	void shouldKeepTheCalibratedScenarioWithoutAFile() {
		assertThat(ScenarioFile.apply(null, CALIBRATED, 1000)).isSameAs(CALIBRATED);
		assertThat(ScenarioFile.apply("  ", CALIBRATED, 1000)).isSameAs(CALIBRATED);
	}

	@Test
	void shouldOverrideWhatAYamlFileSaysAndKeepTheRest() {
		Scenario scenario = ScenarioFile.apply("""
				cases: 250
				seed: 7
				arrivals: { perDay: 24 }
				workingHours: { zone: Asia/Shanghai, days: [MONDAY, TUESDAY], start: "09:00", end: "17:30" }
				people: { key-accounts: 3 }
				tasks:
				  Task_ApproveLead:
				    working: { median: PT15M, p90: PT45M }
				    answers:
				      - { probability: 0.25, variables: { approved: false } }
				      - { probability: 0.75, variables: { approved: true, level: 2 } }
				""", CALIBRATED, 1000);

		assertThat(scenario.cases()).isEqualTo(250);
		assertThat(scenario.seed()).isEqualTo(7);
		assertThat(scenario.start()).isEqualTo(CALIBRATED.start());
		assertThat(((Distribution.Exponential) scenario.interArrival()).meanSeconds()).isCloseTo(3600, within(1e-9));
		assertThat(scenario.workingHours()).isEqualTo(new WorkingHours(ZoneId.of("Asia/Shanghai"),
				java.util.EnumSet.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY), LocalTime.of(9, 0), LocalTime.of(17, 30)));
		assertThat(scenario.people()).containsEntry("sales-north", 1).containsEntry("key-accounts", 3);
		assertThat(scenario.tasks()).containsKeys("Task_QualifyLead", "Task_ApproveLead");
		Scenario.TaskBehaviour approve = scenario.tasks().get("Task_ApproveLead");
		assertThat(approve.working()).isEqualTo(new Distribution.LogNormal(900, 2700));
		assertThat(approve.answers()).extracting(Scenario.Answer::variables)
			.containsExactly(Map.of("approved", false), Map.of("approved", true, "level", 2));
		assertThat(scenario.caseVariables()).isEqualTo(CALIBRATED.caseVariables());
	}

	@Test
	void shouldReadJsonAndReplaceCaseVariablesAndWorkingTimeOnly() {
		Scenario scenario = ScenarioFile.apply("""
				{"start": "2026-03-02T01:00:00Z", "arrivals": {"perHour": 2}, "workingHours": "always",
				 "tasks": {"Task_QualifyLead": {"working": {"mean": "PT20M"}}},
				 "caseVariables": [{"source": "EVENT", "companySize": 1200, "budgetConfirmed": true, "score": 1.5}]}
				""", CALIBRATED, 1000);

		assertThat(scenario.start()).isEqualTo(Instant.parse("2026-03-02T01:00:00Z"));
		assertThat(((Distribution.Exponential) scenario.interArrival()).meanSeconds()).isEqualTo(1800);
		assertThat(scenario.workingHours()).isNull();
		// the answers stay the calibrated ones
		assertThat(scenario.tasks().get("Task_QualifyLead").working()).isEqualTo(new Distribution.Exponential(1200));
		assertThat(scenario.tasks().get("Task_QualifyLead").answers()).hasSize(1);
		assertThat(scenario.caseVariables())
			.containsExactly(Map.of("source", "EVENT", "companySize", 1200, "budgetConfirmed", true, "score", 1.5));
	}

	@Test
	void shouldSetTheArrivalProfileInTheWorkingHoursZone() {
		Scenario scenario = ScenarioFile.apply("""
				workingHours: { zone: Asia/Shanghai, start: "09:00", end: "18:00" }
				arrivals:
				  perDay: 10
				  byWeekday: [1, 1, 1, 1, 1, 0, 0]
				  byHour: [0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 2, 2, 2, 2, 2, 2, 2, 2, 0, 0, 0, 0, 0, 0]
				""", CALIBRATED, 1000);

		ArrivalProfile profile = scenario.arrivalProfile();
		assertThat(profile.zone()).isEqualTo(ZoneId.of("Asia/Shanghai"));
		// scaled to an average of 1
		assertThat(profile.weekdays()).containsExactly(1.4, 1.4, 1.4, 1.4, 1.4, 0, 0);
		assertThat(profile.hours()[10]).isCloseTo(24.0 / 9, within(1e-9));
		assertThat(profile.hours()[20]).isZero();
		assertThat(((Distribution.Exponential) scenario.interArrival()).meanSeconds()).isEqualTo(8640);
	}

	@Test
	void shouldKeepOrDropTheCalibratedArrivalProfile() {
		ArrivalProfile calibrated = new ArrivalProfile(ZoneId.of("UTC"), new double[] { 1, 1, 1, 1, 1, 0, 0 },
				ArrivalProfile.flat(24));
		Scenario withProfile = new Scenario(100, new Distribution.Exponential(3600), List.of(), Map.of(), Map.of(), 1,
				CALIBRATED.start(), null, calibrated);

		assertThat(ScenarioFile.apply("arrivals: { perHour: 2 }", withProfile, 1000).arrivalProfile())
			.isEqualTo(calibrated);
		assertThat(ScenarioFile.apply("arrivals: { flat: true }", withProfile, 1000).arrivalProfile()).isNull();
		ArrivalProfile hours = ScenarioFile
			.apply("arrivals: { byHour: [0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0] }",
					withProfile, 1000)
			.arrivalProfile();
		assertThat(hours.weekdays()).isEqualTo(calibrated.weekdays());
		assertThat(hours.hours()[3]).isZero();
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "cases: 0|cases", "cases: 1001|cases", "cases: many|cases", "speed: 3|speed",
			"seed: 1.5|seed", "start: yesterday|start", "arrivals: { perWeek: 3 }|arrivals.perWeek",
			"arrivals: {}|arrivals", "arrivals: { byHour: [1, 2, 3] }|arrivals.byHour",
			"arrivals: { byWeekday: [1, 1, 1, 1, 1, -1, 0] }|arrivals.byWeekday[5]",
			"arrivals: { byWeekday: [0, 0, 0, 0, 0, 0, 0] }|arrivals.byWeekday", "arrivals: { flat: 3 }|arrivals.flat",
			"arrivals: { flat: true, byWeekday: [1, 1, 1, 1, 1, 0, 0] }|arrivals.flat",
			"arrivals: { perDay: -2 }|arrivals.perDay", "people: { sales-north: 0 }|people.sales-north",
			"people: [1]|people", "workingHours: { zone: Mars/Base, start: '09:00', end: '18:00' }|workingHours.zone",
			"workingHours: { zone: UTC, start: '18:00', end: '09:00' }|workingHours.end",
			"workingHours: { zone: UTC, days: [FUNDAY], start: '09:00', end: '18:00' }|workingHours.days",
			"workingHours: { zone: UTC, start: '9 am', end: '18:00' }|workingHours.start",
			"tasks: { Task_QualifyLead: { working: { median: PT1H, p90: PT10M } } }|tasks.Task_QualifyLead.working.p90",
			"tasks: { Task_QualifyLead: { working: { median: 40 } } }|tasks.Task_QualifyLead.working.median",
			"tasks: { Task_QualifyLead: { working: { often: PT1H } } }|tasks.Task_QualifyLead.working",
			"tasks: { Task_QualifyLead: { effort: 3 } }|tasks.Task_QualifyLead.effort",
			"tasks: { Task_QualifyLead: { answers: [ { probability: 0.5 } ] } }|tasks.Task_QualifyLead.answers",
			"tasks: { Task_QualifyLead: { answers: [ { probability: 2 } ] } }|tasks.Task_QualifyLead.answers[0].probability",
			"tasks: { T: { answers: [ { probability: 1, variables: { x: [1] } } ] } }|tasks.T.answers[0].variables.x",
			"caseVariables: []|caseVariables", "caseVariables: [ 3 ]|caseVariables[0]", "[1, 2]|scenario",
			"'{ not json'|scenario" })
	void shouldRefuseABadScenarioNamingTheField(String content, String field) {
		assertThatThrownBy(() -> ScenarioFile.apply(content, CALIBRATED, 1000))
			.isInstanceOf(InvalidFieldException.class)
			.satisfies((ex) -> assertThat(((InvalidFieldException) ex).field()).isEqualTo(field));
	}

}
