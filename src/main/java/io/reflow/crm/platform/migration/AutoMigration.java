package io.reflow.crm.platform.migration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.reflow.crm.platform.deployment.ModelsDeployedEvent;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Starts automatic migrations when a deployment created a new version of a process that
 * asks for it ({@link AutoMigrationSetting}). The event comes after the deployment
 * committed; the work runs in transactions of its own, and a failure is logged and
 * audited but never reaches the deployment's caller.
 */
@Component
class AutoMigration {

	private static final Logger log = LoggerFactory.getLogger(AutoMigration.class);

	private final ProcessMigrations migrations;

	AutoMigration(ProcessMigrations migrations) {
		this.migrations = migrations;
	}

	@EventListener
	void onDeployed(ModelsDeployedEvent event) {
		for (String definitionId : event.processDefinitionIds()) {
			try {
				this.migrations.autoMigrate(definitionId, event.source());
			}
			catch (RuntimeException ex) {
				log.warn("Automatic migration to {} (deployment {}) failed", definitionId, event.deploymentId(), ex);
			}
		}
	}

}
