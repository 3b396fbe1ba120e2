package io.reflow.crm.platform.identity;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Outside the demo profile the first administrator comes from the environment
 * ({@code REFLOW_ADMIN_USER}, {@code REFLOW_ADMIN_PASSWORD}). Once an administrator
 * exists the variables are no longer needed; an existing user is never changed.
 */
public class InitialAdministrator {

	private static final Logger log = LoggerFactory.getLogger(InitialAdministrator.class);

	static final String MISSING = "No administrator exists yet: set REFLOW_ADMIN_USER and REFLOW_ADMIN_PASSWORD "
			+ "to create the first one, or start with the demo profile.";

	private final IdentityService identityService;

	private final AdminProperties properties;

	public InitialAdministrator(IdentityService identityService, AdminProperties properties) {
		this.identityService = identityService;
		this.properties = properties;
	}

	/**
	 * Makes sure an administrator exists.
	 * @throws MissingAdministratorException when none exists and the environment names
	 * none
	 */
	public void ensure() {
		ensureAdminGroup();
		boolean configured = this.properties.hasCredentials();
		if (!configured) {
			if (this.identityService.createUserQuery().memberOfGroup(Groups.CAMUNDA_ADMIN).count() == 0) {
				throw new MissingAdministratorException(MISSING);
			}
			return;
		}
		String userId = this.properties.user().trim();
		if (this.identityService.createUserQuery().userId(userId).count() == 0) {
			User user = this.identityService.newUser(userId);
			user.setFirstName("Reflow");
			user.setLastName("Administrator");
			user.setPassword(this.properties.password());
			this.identityService.saveUser(user);
			log.info("Created the initial administrator '{}'", userId);
		}
		if (this.identityService.createUserQuery().userId(userId).memberOfGroup(Groups.CAMUNDA_ADMIN).count() == 0) {
			this.identityService.createMembership(userId, Groups.CAMUNDA_ADMIN);
		}
	}

	private void ensureAdminGroup() {
		if (this.identityService.createGroupQuery().groupId(Groups.CAMUNDA_ADMIN).count() == 0) {
			Group group = this.identityService.newGroup(Groups.CAMUNDA_ADMIN);
			group.setName("Camunda administrators");
			group.setType(Groups.GROUP_TYPE_SYSTEM);
			this.identityService.saveGroup(group);
		}
	}

	/** Start-up cannot go on without an administrator. */
	public static class MissingAdministratorException extends IllegalStateException {

		MissingAdministratorException(String message) {
			super(message);
		}

	}

}
