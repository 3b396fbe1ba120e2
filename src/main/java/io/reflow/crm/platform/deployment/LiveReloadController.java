package io.reflow.crm.platform.deployment;

import io.reflow.crm.platform.web.NotFoundException;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/models/reload-status}: what live reload watches, what it deployed last
 * and which files it refuses now (for the analyst page {@code /models}). 404 when live
 * reload is off. Analysts and admins only (SecurityConfiguration:
 * {@code /api/models/**}).
 */
@RestController
class LiveReloadController {

	private final ObjectProvider<LiveReload> liveReload;

	LiveReloadController(ObjectProvider<LiveReload> liveReload) {
		this.liveReload = liveReload;
	}

	@GetMapping("/api/models/reload-status")
	LiveReloadStatus status() {
		LiveReload reload = this.liveReload.getIfAvailable();
		if (reload == null) {
			throw new NotFoundException("Live reload is off: it runs with the demo profile, or with "
					+ LiveReloadConfiguration.ENABLED + "=true");
		}
		return reload.status();
	}

}
