package io.reflow.crm.platform.models;

import java.util.Set;

import io.reflow.crm.platform.deployment.LiveReload;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The analyst's page {@code /models}. A shell like the dashboard: its script
 * ({@code static/js/models.js}) reads everything from the JSON APIs. The server only
 * tells it which optional APIs answer here (the audit trail; the live reload status,
 * which answers only while live reload runs), so the page asks only for those and hides
 * the others' panels: no request the browser would log as a failure.
 */
@Controller
class ModelsPageController {

	static final String AUDIT = "/api/models/audit";

	static final String RELOAD_STATUS = "/api/models/reload-status";

	private final RequestMappingHandlerMapping mappings;

	private final ObjectProvider<LiveReload> liveReload;

	private volatile Set<String> served;

	ModelsPageController(@Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings,
			ObjectProvider<LiveReload> liveReload) {
		this.mappings = mappings;
		this.liveReload = liveReload;
	}

	@GetMapping("/models")
	String models(Model model) {
		model.addAttribute("auditApi", serves(AUDIT));
		model.addAttribute("reloadStatusApi", serves(RELOAD_STATUS) && this.liveReload.getIfAvailable() != null);
		return "models/index";
	}

	private boolean serves(String path) {
		Set<String> patterns = this.served;
		if (patterns == null) {
			patterns = this.mappings.getHandlerMethods()
				.keySet()
				.stream()
				.flatMap((info) -> info.getPatternValues().stream())
				.collect(java.util.stream.Collectors.toUnmodifiableSet());
			this.served = patterns;
		}
		return patterns.contains(path);
	}

}
