package io.reflow.crm.platform.migration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Records the outcome of migration batches (MIGRATION_FINISHED) shortly after they end:
 * Camunda has no public callback for a batch's end, so unfinished migrations are looked
 * at every {@code reflow.migration.check-interval} (one indexed query when none is open),
 * and also whenever their progress is read.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class MigrationFinisher {

	private static final Logger log = LoggerFactory.getLogger(MigrationFinisher.class);

	private final ProcessMigrations migrations;

	MigrationFinisher(ProcessMigrations migrations) {
		this.migrations = migrations;
	}

	@Scheduled(initialDelayString = "${reflow.migration.check-interval:PT15S}",
			fixedDelayString = "${reflow.migration.check-interval:PT15S}")
	void recordFinishedMigrations() {
		try {
			this.migrations.finishCompleted();
		}
		catch (RuntimeException ex) {
			log.warn("Could not check migration batches", ex);
		}
	}

}
