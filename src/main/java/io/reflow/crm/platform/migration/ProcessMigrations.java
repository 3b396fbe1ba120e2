package io.reflow.crm.platform.migration;

import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.batch.BatchStatistics;
import org.camunda.bpm.engine.batch.history.HistoricBatch;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.reflow.crm.platform.audit.ModelAudit;
import io.reflow.crm.platform.audit.ModelAuditAction;
import io.reflow.crm.platform.web.InvalidFieldException;
import io.reflow.crm.platform.web.NotFoundException;

import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Migrations of running process instances between versions: the dry run, the batch
 * migration (Camunda's {@code executeAsync}), its progress and its outcome in the model
 * audit trail, and the automatic migration of a process whose new version asks for it.
 */
@Service
public class ProcessMigrations {

	/** The actor of migrations that a deployment started. */
	public static final String AUTO_MIGRATION = "auto-migration";

	private static final Logger log = LoggerFactory.getLogger(ProcessMigrations.class);

	private static final int SHOWN_FAILURES = 5;

	private final ProcessEngine engine;

	private final MigrationCheck check;

	private final ModelAudit audit;

	private final MigrationRecords records;

	private final AutoMigrationRuns autoRuns;

	private final TransactionTemplate transaction;

	private final TransactionTemplate newTransaction;

	private final Clock clock;

	ProcessMigrations(ProcessEngine engine, ModelAudit audit, MigrationRecords records, AutoMigrationRuns autoRuns,
			PlatformTransactionManager transactionManager, Clock clock) {
		this.engine = engine;
		this.check = new MigrationCheck(engine);
		this.audit = audit;
		this.records = records;
		this.autoRuns = autoRuns;
		this.transaction = new TransactionTemplate(transactionManager);
		this.newTransaction = new TransactionTemplate(transactionManager);
		this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.clock = clock;
	}

	/** Checks the plan and the instances; changes nothing. */
	public MigrationReport dryRun(String key, MigrationRequest request) {
		Versions versions = resolve(key, request);
		return this.check.check(versions.source(), versions.target(), request.mappingsOrNone(),
				request.processInstanceIds());
	}

	/**
	 * Checks, then starts the batch migration, or refuses it (and records the refusal)
	 * when the plan does not validate or an instance cannot be migrated.
	 */
	public StartedMigration start(String key, MigrationRequest request, String actor, String source) {
		Versions versions = resolve(key, request);
		MigrationReport report = this.check.check(versions.source(), versions.target(), request.mappingsOrNone(),
				request.processInstanceIds());
		String route = route(report);
		if (!report.valid()) {
			throw refuse(HttpStatus.UNPROCESSABLE_ENTITY, actor, source, report,
					"The migration plan " + route + " does not validate: " + String.join("; ", report.planFailures()));
		}
		if (!report.failures().isEmpty()) {
			throw refuse(HttpStatus.CONFLICT, actor, source, report,
					report.failures().size() + " of " + report.instances() + " instances " + route
							+ " cannot be migrated: " + describe(report.failures())
							+ ". Leave them out with processInstanceIds, map their activities with mappings, "
							+ "or let them finish on version " + report.sourceVersion() + ".");
		}
		if (report.instances() == 0) {
			throw refuse(HttpStatus.CONFLICT, actor, source, report,
					"No instance of " + key + " runs on version " + report.sourceVersion() + "; nothing to migrate.");
		}
		return launch(this.transaction, report, actor, source, "");
	}

	/** The progress of a batch this application started for {@code key}. */
	public MigrationProgress progress(String key, String batchId) {
		MigrationRecord record = this.records.findByBatchId(batchId)
			.filter((found) -> found.processKey.equals(key))
			.orElseThrow(() -> new NotFoundException("No migration " + batchId + " of process " + key + "."));
		return observe(record);
	}

	/** The latest migrations of {@code key}, newest first. */
	public List<MigrationProgress> recent(String key, int limit) {
		if (this.engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(key).count() == 0) {
			throw new NotFoundException("No process with the key '" + key + "' is deployed.");
		}
		return this.records.findByProcessKeyOrderByStartedAtDescIdDesc(key, PageRequest.of(0, limit))
			.stream()
			.map(this::observe)
			.toList();
	}

	/**
	 * Looks at every migration not yet seen finished and records the outcome of those
	 * whose batch is over.
	 * @return how many were found finished
	 */
	public int finishCompleted() {
		int finished = 0;
		for (MigrationRecord record : this.records.findByFinishedAtIsNull()) {
			if (observe(record).done()) {
				finished++;
			}
		}
		return finished;
	}

	/**
	 * Migrates the running instances of every older version of the process to
	 * {@code targetDefinitionId} when that version carries
	 * {@code reflow.autoMigrate=true}: per older version, if the plan validates, the
	 * instances that can be migrated go in one batch and the others stay (reported as
	 * refused). Runs once per new version, in transactions of its own.
	 * @param deploymentSource the source of the deployment that triggered it
	 * @return the batches started
	 */
	public List<StartedMigration> autoMigrate(String targetDefinitionId, String deploymentSource) {
		ProcessDefinition target = this.engine.getRepositoryService().getProcessDefinition(targetDefinitionId);
		if (!AutoMigrationSetting.isEnabled(this.engine.getRepositoryService().getBpmnModelInstance(target.getId()),
				target.getKey())) {
			return List.of();
		}
		Boolean first = this.newTransaction.execute((status) -> {
			if (this.autoRuns.existsById(target.getId())) {
				return false;
			}
			this.autoRuns.save(new AutoMigrationRun(target.getId(), Instant.now(this.clock)));
			return true;
		});
		if (!Boolean.TRUE.equals(first)) {
			return List.of();
		}
		List<ProcessDefinition> older = this.engine.getRepositoryService()
			.createProcessDefinitionQuery()
			.processDefinitionKey(target.getKey())
			.orderByProcessDefinitionVersion()
			.asc()
			.list()
			.stream()
			.filter((definition) -> definition.getVersion() < target.getVersion())
			.filter((definition) -> definition.getTenantId() == null
					|| definition.getTenantId().equals(target.getTenantId()))
			.toList();
		String source = (deploymentSource != null) ? deploymentSource : "deployment";
		List<StartedMigration> started = new java.util.ArrayList<>();
		for (ProcessDefinition definition : older) {
			long running = this.engine.getRuntimeService()
				.createProcessInstanceQuery()
				.processDefinitionId(definition.getId())
				.count();
			if (running == 0) {
				continue;
			}
			try {
				MigrationReport report = this.check.check(definition, target, List.of(), null);
				String route = route(report);
				if (!report.valid()) {
					this.audit.recordIndependently(ModelAuditAction.MIGRATION_REFUSED, AUTO_MIGRATION, source,
							target.getKey(), List.of(target.getResourceName()),
							"Automatic migration " + route + " refused: the plan does not validate: "
									+ String.join("; ", report.planFailures()));
					continue;
				}
				if (!report.migratableIds().isEmpty()) {
					// a transaction of its own: the event may come from an after-commit
					// callback, where joining the caller's transaction would lose the
					// batch
					started.add(launch(this.newTransaction, report, AUTO_MIGRATION, source,
							", automatically on deployment"));
				}
				if (!report.failures().isEmpty()) {
					this.audit.recordIndependently(ModelAuditAction.MIGRATION_REFUSED, AUTO_MIGRATION, source,
							target.getKey(), List.of(target.getResourceName()),
							report.failures().size() + " of " + report.instances() + " instances stay on version "
									+ report.sourceVersion() + " (automatic migration " + route + "): "
									+ describe(report.failures()));
				}
			}
			catch (RuntimeException ex) {
				log.warn("Automatic migration of {} version {} to {} failed", target.getKey(), definition.getVersion(),
						target.getVersion(), ex);
				this.audit.recordIndependently(ModelAuditAction.MIGRATION_REFUSED, AUTO_MIGRATION, source,
						target.getKey(), List.of(target.getResourceName()),
						"Automatic migration v" + definition.getVersion() + " → v" + target.getVersion() + " failed: "
								+ ex.getMessage());
			}
		}
		return started;
	}

	/**
	 * Starts the batch, remembers it and records MIGRATION_STARTED, in one transaction.
	 */
	private StartedMigration launch(TransactionTemplate template, MigrationReport report, String actor, String source,
			String note) {
		return template.execute((status) -> {
			Batch batch = this.engine.getRuntimeService()
				.newMigration(report.plan())
				.processInstanceIds(report.migratableIds())
				.executeAsync();
			this.records.save(new MigrationRecord(batch.getId(), report, actor, source, Instant.now(this.clock)));
			String resource = this.engine.getRepositoryService()
				.getProcessDefinition(report.targetDefinitionId())
				.getResourceName();
			this.audit.record(ModelAuditAction.MIGRATION_STARTED, actor, source, report.processDefinitionKey(),
					List.of(resource), route(report) + ", " + report.migratableIds().size() + " instance"
							+ ((report.migratableIds().size() == 1) ? "" : "s") + ", batch " + batch.getId() + note);
			log.info("Migration of {} {} started by {}: {} instances, batch {}", report.processDefinitionKey(),
					route(report), actor, report.migratableIds().size(), batch.getId());
			return new StartedMigration(batch.getId(), report.processDefinitionKey(), report.sourceVersion(),
					report.targetVersion(), report.migratableIds().size(),
					progressPath(report.processDefinitionKey(), batch.getId()));
		});
	}

	static String progressPath(String key, String batchId) {
		return "/api/processes/" + key + "/migrations/" + batchId;
	}

	private MigrationRefusedException refuse(HttpStatus status, String actor, String source, MigrationReport report,
			String detail) {
		this.audit.recordIndependently(ModelAuditAction.MIGRATION_REFUSED, actor, source, report.processDefinitionKey(),
				List.of(), detail);
		return new MigrationRefusedException(status, detail, report);
	}

	/**
	 * Reads the batch's state; a batch that is over gets its outcome recorded (once).
	 */
	private MigrationProgress observe(MigrationRecord record) {
		if (record.finishedAt != null) {
			return progress(record, record.instances, record.instances, 0, 0, true);
		}
		BatchStatistics statistics = this.engine.getManagementService()
			.createBatchStatisticsQuery()
			.batchId(record.batchId)
			.singleResult();
		if (statistics != null) {
			return progress(record, statistics.getTotalJobs(), statistics.getCompletedJobs(),
					statistics.getFailedJobs(), statistics.getRemainingJobs(), false);
		}
		HistoricBatch historic = this.engine.getHistoryService()
			.createHistoricBatchQuery()
			.batchId(record.batchId)
			.singleResult();
		if (historic != null && historic.getEndTime() == null) {
			// between the end of the runtime batch and its history in the same commit
			return progress(record, historic.getTotalJobs(), 0, 0, historic.getTotalJobs(), false);
		}
		finish(record);
		MigrationRecord finished = this.records.findById(record.id).orElse(record);
		return progress(finished, record.instances, record.instances, 0, 0, true);
	}

	private void finish(MigrationRecord record) {
		this.transaction.executeWithoutResult((status) -> {
			int migrated = countMigrated(record);
			Instant now = Instant.now(this.clock);
			if (this.records.finish(record.id, now, migrated) == 1) {
				int instances = record.instances;
				String outcome = (migrated == instances) ? migrated + " of " + instances + " instances migrated"
						: migrated + " of " + instances + " instances migrated, " + (instances - migrated)
								+ " not (they ended or were deleted before their turn, or the batch was deleted)";
				this.audit.record(ModelAuditAction.MIGRATION_FINISHED, record.actor, record.source, record.processKey,
						List.of(), "v" + record.sourceVersion + " → v" + record.targetVersion + ": " + outcome
								+ ", batch " + record.batchId);
				log.info("Migration batch {} of {} finished: {}", record.batchId, record.processKey, outcome);
			}
		});
	}

	private int countMigrated(MigrationRecord record) {
		List<String> ids = List.copyOf(this.records.findById(record.id).orElse(record).processInstanceIds);
		int migrated = 0;
		for (int from = 0; from < ids.size(); from += 500) {
			Set<String> chunk = new HashSet<>(ids.subList(from, Math.min(ids.size(), from + 500)));
			migrated += (int) this.engine.getHistoryService()
				.createHistoricProcessInstanceQuery()
				.processInstanceIds(chunk)
				.processDefinitionId(record.targetDefinitionId)
				.count();
		}
		return migrated;
	}

	private static MigrationProgress progress(MigrationRecord record, int total, int completed, int failed,
			int remaining, boolean done) {
		Integer migrated = done ? record.migrated : null;
		Integer notMigrated = (done && record.migrated != null) ? record.instances - record.migrated : null;
		return new MigrationProgress(record.batchId, record.processKey, record.sourceVersion, record.targetVersion,
				record.instances, record.actor, record.source, record.startedAt, total, completed, failed, remaining,
				done, record.finishedAt, migrated, notMigrated);
	}

	private static String route(MigrationReport report) {
		return "v" + report.sourceVersion() + " → v" + report.targetVersion();
	}

	private static String describe(List<MigrationReport.InstanceFailure> failures) {
		String shown = failures.stream()
			.limit(SHOWN_FAILURES)
			.map((failure) -> ((failure.businessKey() != null) ? failure.businessKey() : failure.processInstanceId())
					+ " (" + String.join("; ", failure.reasons()) + ")")
			.collect(Collectors.joining(", "));
		return (failures.size() > SHOWN_FAILURES) ? shown + " and " + (failures.size() - SHOWN_FAILURES) + " more"
				: shown;
	}

	private Versions resolve(String key, MigrationRequest request) {
		List<ProcessDefinition> definitions = this.engine.getRepositoryService()
			.createProcessDefinitionQuery()
			.processDefinitionKey(key)
			.orderByProcessDefinitionVersion()
			.asc()
			.list();
		if (definitions.isEmpty()) {
			throw new NotFoundException("No process with the key '" + key + "' is deployed.");
		}
		String known = definitions.stream()
			.map((definition) -> String.valueOf(definition.getVersion()))
			.collect(Collectors.joining(", "));
		ProcessDefinition source = definitions.stream()
			.filter((definition) -> definition.getVersion() == request.sourceVersion())
			.findFirst()
			.orElseThrow(() -> new InvalidFieldException("sourceVersion",
					"is not a version of " + key + " (deployed versions: " + known + ")"));
		ProcessDefinition target = (request.targetVersion() == null) ? definitions.get(definitions.size() - 1)
				: definitions.stream()
					.filter((definition) -> definition.getVersion() == request.targetVersion())
					.findFirst()
					.orElseThrow(() -> new InvalidFieldException("targetVersion",
							"is not a version of " + key + " (deployed versions: " + known + ")"));
		if (source.getId().equals(target.getId())) {
			throw new InvalidFieldException("targetVersion",
					"is the source version " + source.getVersion() + "; choose another version to migrate to");
		}
		if (request.processInstanceIds() != null) {
			Set<String> wanted = new HashSet<>(request.processInstanceIds());
			Set<String> found = new HashSet<>();
			List<String> ids = List.copyOf(wanted);
			for (int from = 0; from < ids.size(); from += 500) {
				this.engine.getRuntimeService()
					.createProcessInstanceQuery()
					.processInstanceIds(new HashSet<>(ids.subList(from, Math.min(ids.size(), from + 500))))
					.processDefinitionId(source.getId())
					.list()
					.forEach((instance) -> found.add(instance.getId()));
			}
			wanted.removeAll(found);
			if (!wanted.isEmpty()) {
				throw new InvalidFieldException("processInstanceIds",
						"are not running instances of " + key + " version " + source.getVersion() + ": "
								+ String.join(", ", wanted.stream().sorted().toList()));
			}
		}
		return new Versions(source, target);
	}

	private record Versions(ProcessDefinition source, ProcessDefinition target) {
	}

}
