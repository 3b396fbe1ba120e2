package io.reflow.crm.customer;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo customers are the same on every start, valid, and realistic in their spread.
 */
class DemoCustomersTest {

	@Test
	void shouldGenerateTheSameTwoHundredCustomersEveryTime() {
		List<CustomerDraft> first = DemoCustomers.generate();

		assertThat(first).hasSize(200).isEqualTo(DemoCustomers.generate());
		assertThat(first.stream().map(CustomerDraft::companyName).distinct()).hasSize(200);
	}

	@Test
	void shouldGenerateOnlyValidCustomersWithDistinctContactEmails() {
		Validator validator = Validation.buildDefaultValidatorFactory().getValidator();
		for (CustomerDraft draft : DemoCustomers.generate()) {
			assertThat(validator.validate(draft)).as(draft.companyName()).isEmpty();
			assertThat(draft.contacts()).isNotEmpty();
			List<String> emails = draft.contacts().stream().map(ContactDraft::email).filter(Objects::nonNull).toList();
			assertThat(new HashSet<>(emails)).hasSameSizeAs(emails);
		}
	}

	@Test
	void shouldSpreadCustomersOverEveryRegionAndTier() {
		List<CustomerDraft> customers = DemoCustomers.generate();

		assertThat(customers.stream().map(CustomerDraft::region).distinct()).containsExactlyInAnyOrder(Region.values());
		assertThat(customers.stream().map(CustomerDraft::tier).distinct()).containsExactlyInAnyOrder(Tier.values());
	}

}
