package io.reflow.crm.platform.deployment;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Live reload of the models in development ({@link LiveReload}).
 *
 * @param enabled {@code true} or {@code false}; when not set, live reload is on exactly
 * when the {@code demo} profile is active (the default of {@code mvn spring-boot:run});
 * the test profile sets it to {@code false}
 * @param folder the folder that holds {@code processes/}, {@code decisions/} and
 * {@code forms/}; empty for the working directory
 * @param quietPeriod how long the folders must stay quiet after a change before the
 * changed models are deployed (editors save in bursts: temporary file, rename, touch)
 */
@ConfigurationProperties("reflow.models.live-reload")
public record LiveReloadProperties(Boolean enabled, @DefaultValue("") String folder,
		@DefaultValue("500ms") Duration quietPeriod) {

	/** The models folder, absolute. */
	public Path root() {
		return ((this.folder == null || this.folder.isBlank()) ? Path.of("") : Path.of(this.folder)).toAbsolutePath()
			.normalize();
	}

}
