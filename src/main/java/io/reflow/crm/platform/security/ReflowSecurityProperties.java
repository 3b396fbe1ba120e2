package io.reflow.crm.platform.security;

import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Which groups belong to which business module, and who may edit CRM master data. The
 * grants derived from it are listed in {@code docs/security.md}.
 *
 * @param moduleGroups module name (the folder below {@code processes/}) to the groups
 * that work that module's processes
 * @param managerGroups groups that read all process history and KPIs
 * @param analystGroups groups that deploy models and read all definitions and history
 * @param customerEditorGroups groups that may create and update customers and contacts
 */
@ConfigurationProperties("reflow.security")
public record ReflowSecurityProperties(Map<String, List<String>> moduleGroups, List<String> managerGroups,
		List<String> analystGroups, List<String> customerEditorGroups) {

	/**
	 * Who may use the sales API ({@code /api/leads}, {@code /api/opportunities},
	 * {@code /api/forecast}): the sales and marketing groups (marketing hands leads
	 * over), managers and Camunda administrators.
	 */
	public java.util.Set<String> salesApiGroups() {
		java.util.Set<String> groups = new java.util.TreeSet<>();
		groups.addAll(this.moduleGroups.getOrDefault("sales", List.of()));
		groups.addAll(this.moduleGroups.getOrDefault("marketing", List.of()));
		groups.addAll(this.managerGroups);
		groups.add(org.camunda.bpm.engine.authorization.Groups.CAMUNDA_ADMIN);
		return groups;
	}

	/**
	 * Who may use the support API ({@code /api/cases}): the support groups, managers and
	 * Camunda administrators.
	 */
	public java.util.Set<String> supportApiGroups() {
		java.util.Set<String> groups = new java.util.TreeSet<>(this.moduleGroups.getOrDefault("support", List.of()));
		groups.addAll(this.managerGroups);
		groups.add(org.camunda.bpm.engine.authorization.Groups.CAMUNDA_ADMIN);
		return groups;
	}

	/**
	 * Who may use the marketing API ({@code /api/campaigns}): the marketing groups,
	 * managers and Camunda administrators.
	 */
	public java.util.Set<String> marketingApiGroups() {
		java.util.Set<String> groups = new java.util.TreeSet<>(this.moduleGroups.getOrDefault("marketing", List.of()));
		groups.addAll(this.managerGroups);
		groups.add(org.camunda.bpm.engine.authorization.Groups.CAMUNDA_ADMIN);
		return groups;
	}

	/**
	 * Who may open the KPI dashboard ({@code /dashboard}, {@code /api/kpis}): the manager
	 * groups and Camunda administrators.
	 */
	public java.util.Set<String> dashboardGroups() {
		java.util.Set<String> groups = new java.util.TreeSet<>(this.managerGroups);
		groups.add(org.camunda.bpm.engine.authorization.Groups.CAMUNDA_ADMIN);
		return groups;
	}

	/**
	 * Who may use the analyst's tools ({@code /models}, {@code /api/models},
	 * {@code /api/decisions}, {@code /api/processes}): the analyst groups and Camunda
	 * administrators.
	 */
	public java.util.Set<String> analystToolGroups() {
		java.util.Set<String> groups = new java.util.TreeSet<>(this.analystGroups);
		groups.add(org.camunda.bpm.engine.authorization.Groups.CAMUNDA_ADMIN);
		return groups;
	}

	/**
	 * Who may use the reengineering lab ({@code /lab}, {@code /api/lab}): analysts, who
	 * redesign the processes, managers, who judge the redesign, and Camunda
	 * administrators.
	 */
	public java.util.Set<String> labGroups() {
		java.util.Set<String> groups = new java.util.TreeSet<>(this.analystGroups);
		groups.addAll(this.managerGroups);
		groups.add(org.camunda.bpm.engine.authorization.Groups.CAMUNDA_ADMIN);
		return groups;
	}

	public ReflowSecurityProperties {
		moduleGroups = (moduleGroups != null) ? Map.copyOf(moduleGroups) : Map.of();
		managerGroups = (managerGroups != null) ? List.copyOf(managerGroups) : List.of();
		analystGroups = (analystGroups != null) ? List.copyOf(analystGroups) : List.of();
		customerEditorGroups = (customerEditorGroups != null) ? List.copyOf(customerEditorGroups) : List.of();
	}

}
