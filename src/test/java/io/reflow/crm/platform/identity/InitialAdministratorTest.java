package io.reflow.crm.platform.identity;

import java.util.UUID;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.authorization.Groups;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The first administrator outside the demo profile, on a real in-memory identity service.
 */
class InitialAdministratorTest {

	ProcessEngine engine;

	IdentityService identity;

	@BeforeEach
	void startEngine() {
		this.engine = ProcessEngineConfiguration.createStandaloneInMemProcessEngineConfiguration()
			.setJdbcUrl("jdbc:h2:mem:admin-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1")
			.setProcessEngineName("admin-" + UUID.randomUUID())
			.buildProcessEngine();
		this.identity = this.engine.getIdentityService();
	}

	@AfterEach
	void closeEngine() {
		this.engine.close();
	}

	@Test
	void shouldFailWithOneClearSentenceWhenNoAdministratorAndNoVariables() {
		InitialAdministrator administrator = new InitialAdministrator(this.identity, new AdminProperties(null, " "));

		assertThatThrownBy(administrator::ensure).isInstanceOf(InitialAdministrator.MissingAdministratorException.class)
			.hasMessage("No administrator exists yet: set REFLOW_ADMIN_USER and REFLOW_ADMIN_PASSWORD "
					+ "to create the first one, or start with the demo profile.");
		assertThat(this.identity.createUserQuery().count()).isZero();
	}

	@Test
	void shouldCreateTheAdministratorFromTheEnvironment() {
		new InitialAdministrator(this.identity, new AdminProperties("opsadmin", "s3cret-Pass")).ensure();

		assertThat(this.identity.checkPassword("opsadmin", "s3cret-Pass")).isTrue();
		assertThat(this.identity.createUserQuery().userId("opsadmin").memberOfGroup(Groups.CAMUNDA_ADMIN).count())
			.isEqualTo(1);
	}

	@Test
	void shouldNeedNoVariablesOnceAnAdministratorExistsAndKeepItsPassword() {
		new InitialAdministrator(this.identity, new AdminProperties("opsadmin", "first")).ensure();

		new InitialAdministrator(this.identity, new AdminProperties(null, null)).ensure();
		new InitialAdministrator(this.identity, new AdminProperties("opsadmin", "second")).ensure();

		assertThat(this.identity.checkPassword("opsadmin", "first")).isTrue();
		assertThat(this.identity.createUserQuery().count()).isEqualTo(1);
	}

}
