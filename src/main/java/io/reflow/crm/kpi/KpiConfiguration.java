package io.reflow.crm.kpi;

import java.time.Clock;

import javax.sql.DataSource;

import io.micrometer.core.instrument.MeterRegistry;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Wires the KPI module: the history event handler inside the engine (through a
 * {@code ProcessEnginePlugin} bean, which the Camunda starter applies), the rebuild, the
 * queries and the meters. The handler reaches the meters lazily, as they need the
 * engine's services and the engine needs the handler.
 */
@Configuration(proxyBeanMethods = false)
class KpiConfiguration {

	@Bean
	KpiStore kpiStore(DataSource dataSource) {
		return new KpiStore(dataSource);
	}

	@Bean
	KpiEnginePlugin kpiEnginePlugin(KpiStore store, KpiProperties properties, ObjectProvider<KpiMeters> meters) {
		return new KpiEnginePlugin(new KpiHistoryEventHandler(store, properties.zone(),
				(delta) -> meters.ifAvailable((available) -> available.committed(delta))));
	}

	@Bean
	KpiProjections kpiProjections(KpiStore store, KpiProperties properties) {
		return new KpiProjections(store, properties);
	}

	@Bean
	ProcessKpis processKpis(DataSource dataSource, RepositoryService repositoryService, KpiProperties properties,
			Clock clock, ProcessSla sla) {
		ProcessKpis kpis = new ProcessKpis(new JdbcTemplate(dataSource), repositoryService, properties, clock);
		kpis.setSla(sla);
		return kpis;
	}

	@Bean
	KpiMeters kpiMeters(MeterRegistry registry, ProcessKpis kpis, Clock clock) {
		return new KpiMeters(registry, kpis, clock);
	}

	@Bean
	ApplicationListener<ApplicationReadyEvent> kpiMetersRegistration(KpiMeters meters,
			RepositoryService repositoryService, IdentityService identityService) {
		return (event) -> meters.registerKnown(repositoryService, identityService);
	}

}
