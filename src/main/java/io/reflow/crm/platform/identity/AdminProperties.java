package io.reflow.crm.platform.identity;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The first administrator outside the demo profile.
 *
 * @param user {@code REFLOW_ADMIN_USER}
 * @param password {@code REFLOW_ADMIN_PASSWORD}
 */
@ConfigurationProperties("reflow.admin")
public record AdminProperties(String user, String password) {

	boolean hasCredentials() {
		return this.user != null && !this.user.isBlank() && this.password != null && !this.password.isBlank();
	}

}
