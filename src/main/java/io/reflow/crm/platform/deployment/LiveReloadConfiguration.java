package io.reflow.crm.platform.deployment;

import java.time.Clock;

import org.camunda.bpm.engine.RepositoryService;

import io.reflow.crm.platform.audit.ModelAudit;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Profiles;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Turns live reload on when {@code reflow.models.live-reload.enabled} is {@code true}, or
 * when it is not set and the {@code demo} profile is active (the default profile of
 * {@code mvn spring-boot:run}). The test profile sets it to {@code false}.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(LiveReloadConfiguration.Enabled.class)
class LiveReloadConfiguration {

	static final String ENABLED = "reflow.models.live-reload.enabled";

	@Bean
	LiveReload liveReload(LiveReloadProperties properties, ModelDeploymentProperties models,
			RepositoryService repositoryService, ModelAudit audit, Clock clock) {
		return new LiveReload(properties, models, repositoryService, audit, clock);
	}

	static class Enabled implements Condition {

		@Override
		public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
			String enabled = context.getEnvironment().getProperty(ENABLED);
			if (enabled != null && !enabled.isBlank()) {
				return Boolean.parseBoolean(enabled.trim());
			}
			return context.getEnvironment().acceptsProfiles(Profiles.of("demo"));
		}

	}

}
