package io.reflow.crm.sales;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import javax.sql.DataSource;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.reflow.crm.kpi.KpiProjections;
import io.reflow.crm.lab.ProcessModels;
import io.reflow.crm.lab.simulation.Distribution;
import io.reflow.crm.lab.simulation.HistoryCopy;
import io.reflow.crm.lab.simulation.Scenario;
import io.reflow.crm.lab.simulation.SimulationEffects;
import io.reflow.crm.lab.simulation.SimulationResult;
import io.reflow.crm.lab.simulation.Simulator;
import io.reflow.crm.lab.simulation.WorkingHours;
import io.reflow.crm.platform.ClusterStartupLock;
import io.reflow.crm.sales.process.LeadQualificationProcess;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The demo's story of a redesign: about 90 days of {@code lead-qualification} history,
 * the {@code as-is} version for the first 60 days and the {@code to-be} version (leads
 * scoring 85 or more skip manual qualification) after, so that on first start the lab's
 * scorecard shows the redesign's measured effect and the KPI dashboard has three months
 * of data. The history is made by the lab's simulator: the real models and decision
 * tables on an isolated engine under a simulated clock, with the scenario below (lead
 * mix, people, working hours, working times, answers); the finished cases' history is
 * then copied into this engine's history tables under the deployed versions, and the KPI
 * projections are rebuilt. No CRM rows (leads, customers) are made: the cases exist as
 * process history only. Runs once, when the as-is version has no history; the integration
 * tests but {@code DemoLeadHistoryIT} turn it off with
 * {@code reflow.demo.seed-lab-history=false}.
 */
@Component
@Profile("demo")
@ConditionalOnProperty(name = "reflow.demo.seed-lab-history", havingValue = "true", matchIfMissing = true)
@Order(400)
public class DemoLeadHistory implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoLeadHistory.class);

	static final String AS_IS = "as-is";

	static final String TO_BE = "to-be";

	static final int AS_IS_DAYS = 60;

	static final int TO_BE_DAYS = 30;

	/** Leads a day, arriving at any hour (web forms, campaigns, events). */
	static final double LEADS_PER_DAY = 14;

	static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	private final RepositoryService repositoryService;

	private final HistoryService historyService;

	private final ProcessModels models;

	private final List<SimulationEffects> effects;

	private final KpiProjections projections;

	private final DataSource dataSource;

	private final Clock clock;

	DemoLeadHistory(RepositoryService repositoryService, HistoryService historyService, ProcessModels models,
			List<SimulationEffects> effects, KpiProjections projections, DataSource dataSource, Clock clock) {
		this.repositoryService = repositoryService;
		this.historyService = historyService;
		this.models = models;
		this.effects = effects;
		this.projections = projections;
		this.dataSource = dataSource;
		this.clock = clock;
	}

	@Override
	public void run(ApplicationArguments args) {
		// two nodes starting together on one database: one generates, the other then
		// finds the history and does nothing
		new ClusterStartupLock(this.dataSource).holding(ClusterStartupLock.PLATFORM_STARTUP, this::generate);
	}

	private void generate() {
		ProcessDefinition asIs = tagged(AS_IS);
		ProcessDefinition toBe = tagged(TO_BE);
		if (asIs == null || toBe == null) {
			log.info("Demo lead history not generated: lead-qualification has no versions tagged {} and {}", AS_IS,
					TO_BE);
			return;
		}
		if (this.historyService.createHistoricProcessInstanceQuery().processDefinitionId(asIs.getId()).count() > 0) {
			return;
		}
		long started = System.nanoTime();
		Instant now = this.clock.instant();
		Instant from = LocalDate.ofInstant(now, ZONE).minusDays(AS_IS_DAYS + TO_BE_DAYS).atStartOfDay(ZONE).toInstant();
		Instant switchover = from.plus(Duration.ofDays(AS_IS_DAYS));
		int asIsCases = simulate(asIs, scenario(AS_IS_DAYS, from, 1), now);
		// the to-be version's arrivals stop a day before now, so its cases have ended
		int toBeCases = simulate(toBe, scenario(TO_BE_DAYS - 1, switchover, 2), now);
		KpiProjections.Rebuilt rebuilt = this.projections.rebuild();
		log.info(
				"Demo lead history: {} cases of lead-qualification v{} ({}) from {}, {} of v{} ({}) from {}, "
						+ "KPI projections rebuilt from {} process instances, in {} ms",
				asIsCases, asIs.getVersion(), AS_IS, from, toBeCases, toBe.getVersion(), TO_BE, switchover,
				rebuilt.processInstances(), (System.nanoTime() - started) / 1_000_000);
	}

	private int simulate(ProcessDefinition definition, Scenario scenario, Instant until) {
		int[] copied = new int[1];
		SimulationResult result = Simulator.run(LeadQualificationProcess.KEY, this.models.forSimulation(definition),
				scenario, SimulationEffects.of(this.effects, LeadQualificationProcess.KEY), null, (simulation) -> {
					String simulated = simulation.engine()
						.getRepositoryService()
						.createProcessDefinitionQuery()
						.processDefinitionKey(LeadQualificationProcess.KEY)
						.singleResult()
						.getId();
					copied[0] = HistoryCopy.copy(simulation.dataSource(), this.dataSource,
							Map.of(simulated, definition.getId()), until);
				});
		log.debug("Simulated {} cases of {}: {} finished", result.casesStarted(), definition.getId(),
				result.casesFinished());
		return copied[0];
	}

	private ProcessDefinition tagged(String tag) {
		return this.repositoryService.createProcessDefinitionQuery()
			.processDefinitionKey(LeadQualificationProcess.KEY)
			.versionTag(tag)
			.orderByProcessDefinitionVersion()
			.desc()
			.listPage(0, 1)
			.stream()
			.findFirst()
			.orElse(null);
	}

	/**
	 * The demo company: 14 leads a day, many from referrals and events, 60 % with a
	 * confirmed budget and 60 % from companies of 200 people or more (about one in six
	 * scores 85 or more); one person per regional sales group and for key accounts, two
	 * in inside sales, working Monday to Friday 9:00 to 18:00 (Shanghai); a qualification
	 * call takes 40 minutes (median; 10 % over 2 hours); half the qualified leads pass.
	 */
	public static Scenario scenario(int days, Instant start, long seed) {
		return new Scenario((int) Math.round(days * LEADS_PER_DAY),
				new Distribution.Exponential(86_400 / LEADS_PER_DAY), leads(seed),
				Map.of(LeadQualificationProcess.Elements.TASK_QUALIFY_LEAD,
						new Scenario.TaskBehaviour(new Distribution.LogNormal(40 * 60, 120 * 60), List.of(
								new Scenario.Answer(0.5,
										Map.of("qualificationOutcome", "QUALIFIED", "budgetAmount", 150_000, "timeline",
												"WITHIN_3_MONTHS", "authorityConfirmed", true)),
								new Scenario.Answer(0.5,
										Map.of("qualificationOutcome", "DISQUALIFIED", "disqualificationReason",
												"NO_BUDGET"))))),
				Map.of("sales-north", 1, "sales-south", 1, "sales-east", 1, "sales-west", 1, "key-accounts", 1,
						"inside-sales", 2),
				seed, start, WorkingHours.weekdays(ZONE, LocalTime.of(9, 0), LocalTime.of(18, 0)));
	}

	/**
	 * 500 leads' start variables, drawn from the demo's mix: sources 30 % referral, 25 %
	 * event, 15 % campaign, 20 % web, 10 % cold call; half from the focus industries.
	 */
	static List<Map<String, Object>> leads(long seed) {
		Random random = new Random(seed * 7919);
		String[] sources = { "REFERRAL", "REFERRAL", "REFERRAL", "REFERRAL", "REFERRAL", "REFERRAL", "EVENT", "EVENT",
				"EVENT", "EVENT", "EVENT", "CAMPAIGN", "CAMPAIGN", "CAMPAIGN", "WEB", "WEB", "WEB", "WEB", "COLD_CALL",
				"COLD_CALL" };
		String[] industries = { "MANUFACTURING", "FINANCE", "RETAIL", "MANUFACTURING", "SOFTWARE", "LOGISTICS",
				"ENERGY", "EDUCATION" };
		String[] regions = { "NORTH", "SOUTH", "EAST", "WEST", "CENTRAL" };
		int[][] sizes = { { 5, 49 }, { 50, 199 }, { 200, 999 }, { 1000, 8000 } };
		double[] sizeWeights = { 0.2, 0.2, 0.3, 0.3 };
		List<Map<String, Object>> leads = new ArrayList<>();
		for (int i = 0; i < 500; i++) {
			double draw = random.nextDouble();
			int band = 0;
			double cumulative = sizeWeights[0];
			while (draw > cumulative && band < sizes.length - 1) {
				band++;
				cumulative += sizeWeights[band];
			}
			Map<String, Object> lead = new LinkedHashMap<>();
			lead.put("source", sources[random.nextInt(sources.length)]);
			lead.put("companySize", sizes[band][0] + random.nextInt(sizes[band][1] - sizes[band][0] + 1));
			lead.put("budgetConfirmed", random.nextDouble() < 0.6);
			lead.put("industry", industries[random.nextInt(industries.length)]);
			lead.put("region", regions[random.nextInt(regions.length)]);
			leads.add(lead);
		}
		return leads;
	}

}
