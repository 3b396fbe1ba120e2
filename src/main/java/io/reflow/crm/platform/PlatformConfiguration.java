package io.reflow.crm.platform;

import java.time.Clock;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;

import io.reflow.crm.platform.deployment.ModelDeployer;
import io.reflow.crm.platform.deployment.ModelDeploymentProperties;
import io.reflow.crm.platform.identity.AdminProperties;
import io.reflow.crm.platform.identity.AuthorizationGrants;
import io.reflow.crm.platform.identity.DemoIdentity;
import io.reflow.crm.platform.identity.InitialAdministrator;
import io.reflow.crm.platform.identity.TasklistFilters;
import io.reflow.crm.platform.process.TaskFormContext;
import io.reflow.crm.platform.feel.ParsedFeelPlugin;
import io.reflow.crm.platform.process.TaskFormContextPlugin;
import io.reflow.crm.platform.security.ReflowSecurityProperties;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.flyway.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.core.io.support.ResourcePatternResolver;

/**
 * Wires the start-up sequence of the platform. It runs once all beans exist and before
 * the web server accepts requests: deploy changed models, make sure users exist (demo
 * organisation or the first administrator), then the group grants and the shared Tasklist
 * filters.
 */
@Configuration(proxyBeanMethods = false)
class PlatformConfiguration {

	static final String DEMO_PROFILE = "demo";

	@Bean
	Clock clock() {
		return Clock.systemDefaultZone();
	}

	/**
	 * 409 for a user who lost the race for a task (see
	 * {@link io.reflow.crm.platform.web.TaskRaceGuard}), on engine REST and the webapps'
	 * API.
	 */
	@Bean
	org.springframework.boot.web.servlet.FilterRegistrationBean<io.reflow.crm.platform.web.TaskRaceGuard> taskRaceGuard(
			org.camunda.bpm.engine.ProcessEngine processEngine) {
		org.springframework.boot.web.servlet.FilterRegistrationBean<io.reflow.crm.platform.web.TaskRaceGuard> registration = new org.springframework.boot.web.servlet.FilterRegistrationBean<>(
				new io.reflow.crm.platform.web.TaskRaceGuard(processEngine));
		registration.addUrlPatterns("/engine-rest/task/*", "/camunda/api/engine/engine/*");
		registration.setOrder(30);
		return registration;
	}

	@Bean
	ModelDeployer modelDeployer(RepositoryService repositoryService, ResourcePatternResolver resolver,
			ModelDeploymentProperties properties) {
		return new ModelDeployer(repositoryService, resolver, properties);
	}

	@Bean
	AuthorizationGrants authorizationGrants(AuthorizationService authorizationService,
			RepositoryService repositoryService, ReflowSecurityProperties properties) {
		return new AuthorizationGrants(authorizationService, repositoryService, properties);
	}

	/**
	 * Nodes sharing one PostgreSQL database migrate our tables one after the other
	 * ({@link ClusterStartupLock#FLYWAY}).
	 */
	@Bean
	FlywayMigrationStrategy clusterSafeFlywayMigration() {
		return (flyway) -> new ClusterStartupLock(flyway.getConfiguration().getDataSource())
			.holding(ClusterStartupLock.FLYWAY, () -> {
				flyway.migrate();
			});
	}

	/**
	 * Nodes sharing one PostgreSQL database create Camunda's schema one after the other
	 * ({@link ClusterStartupLock}).
	 */
	@Bean
	static ClusterStartupLock.EnginePlugin clusterStartupLockEnginePlugin() {
		return new ClusterStartupLock.EnginePlugin();
	}

	/**
	 * User task forms show their module's {@link TaskFormContext}, read when the form is
	 * read.
	 */
	/** Decision tables' FEEL expressions parsed once, not on every evaluation. */
	@Bean
	static ParsedFeelPlugin parsedFeelPlugin() {
		return new ParsedFeelPlugin();
	}

	@Bean
	static TaskFormContextPlugin taskFormContextPlugin(ObjectProvider<TaskFormContext> contexts) {
		return new TaskFormContextPlugin(contexts::orderedStream);
	}

	@Bean
	SmartInitializingSingleton platformStartup(ModelDeployer modelDeployer, AuthorizationGrants grants,
			IdentityService identityService, FilterService filterService, TaskService taskService,
			AuthorizationService authorizationService, AdminProperties adminProperties, Environment environment,
			javax.sql.DataSource dataSource) {
		// one node at a time: two nodes starting together would both seed users and
		// filters
		return () -> new ClusterStartupLock(dataSource).holding(ClusterStartupLock.PLATFORM_STARTUP, () -> {
			modelDeployer.deploy();
			if (environment.acceptsProfiles(Profiles.of(DEMO_PROFILE))) {
				new DemoIdentity(identityService).seed();
			}
			new InitialAdministrator(identityService, adminProperties).ensure();
			grants.apply();
			new TasklistFilters(filterService, taskService, authorizationService).ensure();
		});
	}

}
