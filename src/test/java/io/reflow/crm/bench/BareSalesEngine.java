package io.reflow.crm.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.task.Task;

import io.reflow.crm.platform.deployment.ModelDeployer;
import io.reflow.crm.testsupport.Jobs;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * A bare Camunda 7 engine ({@link StandaloneProcessEngineConfiguration}, its defaults but
 * for the database, the history level and the job executor, which is off: the driver runs
 * the jobs) with Reflow's real models from {@code processes/}, {@code decisions/} and
 * {@code forms/} and no-op delegates under the delegate expressions' bean names. The few
 * delegates whose results the models read set the same variables as Reflow's: the
 * first-contact due date, the opportunity process started by the conversion, the quote
 * facts the discount decision reads. No Spring, no JPA, no authorization checks.
 */
final class BareSalesEngine implements AutoCloseable {

	private static final JavaDelegate NOTHING = (execution) -> {
	};

	private final ProcessEngine engine;

	private BareSalesEngine(ProcessEngine engine) {
		this.engine = engine;
	}

	/** On PostgreSQL or H2, by JDBC URL; {@code history} a Camunda history level name. */
	static BareSalesEngine start(String jdbcUrl, String user, String history) {
		return start(jdbcUrl, user, history, (configuration) -> {
		});
	}

	/** As {@link #start(String, String, String)}, with further settings. */
	static BareSalesEngine start(String jdbcUrl, String user, String history,
			java.util.function.Consumer<StandaloneProcessEngineConfiguration> settings) {
		StandaloneProcessEngineConfiguration configuration = new StandaloneProcessEngineConfiguration();
		configuration.setProcessEngineName("bare-" + UUID.randomUUID());
		configuration.setJdbcUrl(jdbcUrl);
		configuration.setJdbcUsername(user);
		configuration.setJdbcPassword("");
		configuration.setJdbcDriver(jdbcUrl.startsWith("jdbc:h2") ? "org.h2.Driver" : "org.postgresql.Driver");
		configuration.setDatabaseSchemaUpdate("true");
		configuration.setHistory(history);
		configuration.setJobExecutorActivate(false);
		configuration.setBeans(new HashMap<>(beans()));
		settings.accept(configuration);
		BareSalesEngine bare = new BareSalesEngine(configuration.buildProcessEngine());
		bare.deploy();
		return bare;
	}

	static Map<Object, Object> beans() {
		Map<Object, Object> beans = new HashMap<>();
		for (String name : new String[] { "recordLeadScoreDelegate", "handOverToNurturingDelegate",
				"escalateLeadDelegate", "recordQualificationDelegate", "disqualifyLeadDelegate",
				"recordDiscountDecisionDelegate", "remindApproverDelegate", "recordApprovalDelegate",
				"sendQuoteDelegate", "recordFollowUpDelegate", "markOpportunityLostDelegate", "createOrderDelegate" }) {
			beans.put(name, NOTHING);
		}
		beans.put("salesTaskContextListener", (TaskListener) (task) -> {
		});
		beans.put("recordAssignmentDelegate", (JavaDelegate) (execution) -> execution.setVariable("firstContactDueAt",
				new Date(System.currentTimeMillis() + 86_400_000L)));
		beans.put("convertLeadDelegate", (JavaDelegate) (execution) -> {
			long opportunityId = ((Number) execution.getVariable("leadId")).longValue();
			execution.setVariable("opportunityId", opportunityId);
			execution.getProcessEngineServices()
				.getRuntimeService()
				.startProcessInstanceByKey("opportunity-to-order", "opportunity-" + opportunityId,
						Map.of("opportunityId", opportunityId, "ownerGroup", execution.getVariable("assigneeGroup")));
		});
		beans.put("recordQuoteDelegate", (JavaDelegate) (execution) -> {
			double amount = ((Number) execution.getVariable("quoteAmount")).doubleValue();
			double discount = ((Number) execution.getVariable("requestedDiscount")).doubleValue();
			execution.setVariable("quoteId", ((Number) execution.getVariable("opportunityId")).longValue());
			execution.setVariable("orderAmount", amount);
			execution.setVariable("requestedDiscount", discount);
			execution.setVariable("customerTier", "NEW");
		});
		return beans;
	}

	private void deploy() {
		DeploymentBuilder deployment = this.engine.getRepositoryService().createDeployment().name("reflow-models");
		try {
			for (String pattern : new String[] { "classpath*:processes/**/*.bpmn", "classpath*:decisions/**/*.dmn",
					"classpath*:forms/**/*.form" }) {
				for (Resource resource : new PathMatchingResourcePatternResolver().getResources(pattern)) {
					String url = resource.getURL().toString();
					String name = url.substring(url.lastIndexOf(pattern.substring(11, pattern.indexOf('/'))));
					if (ModelDeployer.isEarlierVersion(name)) {
						continue; // lead-qualification.as-is.bpmn: the current file is
									// what runs
					}
					deployment.addInputStream(name, resource.getInputStream());
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		deployment.deploy();
	}

	ProcessEngine engine() {
		return this.engine;
	}

	/**
	 * One case from lead to order through the engine's Java API: a lead of a new
	 * 300-employee software company in the north with a confirmed budget (scored and
	 * assigned to sales-north), qualified; its opportunity quoted at 80,000 with 5 %
	 * discount, which the rules send to sales-managers; approved; sent; accepted by the
	 * customer; the order is placed.
	 */
	void runCase(long number) {
		var runtime = this.engine.getRuntimeService();
		var tasks = this.engine.getTaskService();
		var management = this.engine.getManagementService();
		String lead = runtime
			.startProcessInstanceByKey("lead-qualification", "lead-" + number, Map.of("leadId", number, "source", "WEB",
					"companySize", 300, "budgetConfirmed", true, "industry", "SOFTWARE", "region", "NORTH"))
			.getId();
		Jobs.runDue(management, lead);
		tasks.complete(onlyTask(lead, "Task_QualifyLead").getId(), qualified());
		Jobs.runDue(management, lead);
		String opportunity = runtime.createProcessInstanceQuery()
			.processInstanceBusinessKey("opportunity-" + number)
			.singleResult()
			.getId();
		tasks.complete(onlyTask(opportunity, "Task_PrepareQuote").getId(), quote());
		Jobs.runDue(management, opportunity);
		tasks.complete(onlyTask(opportunity, "Task_ApproveDiscount").getId(), Map.of("approvalDecision", "APPROVE"));
		Jobs.runDue(management, opportunity);
		runtime.createMessageCorrelation("QuoteAccepted")
			.processInstanceId(opportunity)
			.setVariables(Map.of("customerResponseReason", ""))
			.correlateWithResult();
		Jobs.runDue(management, opportunity);
		if (runtime.createProcessInstanceQuery().processInstanceId(opportunity).count() != 0) {
			throw new IllegalStateException("case " + number + " did not end with an order");
		}
	}

	private Task onlyTask(String processInstanceId, String key) {
		Task task = this.engine.getTaskService()
			.createTaskQuery()
			.processInstanceId(processInstanceId)
			.taskDefinitionKey(key)
			.singleResult();
		if (task == null) {
			throw new IllegalStateException("no " + key + " in " + processInstanceId);
		}
		return task;
	}

	/** The qualify-lead form's answers, as Tasklist submits them. */
	static Map<String, Object> qualified() {
		return Map.of("qualificationOutcome", "QUALIFIED", "budgetAmount", 200_000.0, "authorityConfirmed", true,
				"need", "CRM for 50 reps", "timeline", "WITHIN_3_MONTHS");
	}

	/** The prepare-quote form's answers. */
	static Map<String, Object> quote() {
		return Map.of("quoteAmount", 80_000.0, "requestedDiscount", 0.05, "expectedCloseDate",
				LocalDate.now().plusDays(30).toString(), "quoteNote", "Incl. onboarding");
	}

	@Override
	public void close() {
		this.engine.close();
	}

}
