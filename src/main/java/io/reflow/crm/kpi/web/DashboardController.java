package io.reflow.crm.kpi.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.reflow.crm.platform.security.ReflowSecurityProperties;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The managers' KPI dashboard page ({@code /dashboard}, for
 * {@link ReflowSecurityProperties#dashboardGroups()}). The page is a shell: its script
 * ({@code static/js/dashboard.js}) reads every figure from the {@code /api/kpis/...}
 * JSON, so the page and the API can never disagree. The server only renders the filters'
 * team choices: the module groups from {@code reflow.security.module-groups}.
 */
@Controller
class DashboardController {

	private final ReflowSecurityProperties security;

	DashboardController(ReflowSecurityProperties security) {
		this.security = security;
	}

	@GetMapping("/dashboard")
	String dashboard(Model model) {
		Map<String, List<String>> groups = new LinkedHashMap<>();
		new TreeMap<>(this.security.moduleGroups())
			.forEach((module, moduleGroups) -> groups.put(module, moduleGroups.stream().sorted().toList()));
		model.addAttribute("groupsByModule", groups);
		return "dashboard";
	}

}
