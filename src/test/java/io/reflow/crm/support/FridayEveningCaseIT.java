package io.reflow.crm.support;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.reflow.crm.customer.ContactDraft;
import io.reflow.crm.customer.CustomerDraft;
import io.reflow.crm.customer.CustomerManagement;
import io.reflow.crm.customer.CustomerStatus;
import io.reflow.crm.customer.CustomerView;
import io.reflow.crm.customer.Region;
import io.reflow.crm.customer.Tier;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The acceptance example of the working calendar through the whole application: a NORMAL
 * case (P3: response PT9H, resolution PT27H of working time) opened on Friday 20 November
 * 2026 at 17:00 in Shanghai is due for response on Monday at 17:00 and for resolution on
 * Wednesday at 17:00, not 9 and 27 wall-clock hours later.
 */
@DirtiesContext
@SpringBootTest
@ActiveProfiles({ "demo", "test" })
class FridayEveningCaseIT {

	static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	@TestConfiguration
	static class FridayEvening {

		@Bean
		@Primary
		Clock fridayEvening() {
			return Clock.fixed(LocalDateTime.of(2026, 11, 20, 17, 0).atZone(SHANGHAI).toInstant(), SHANGHAI);
		}

	}

	@Autowired
	SupportManagement cases;

	@Autowired
	CustomerManagement customers;

	static Instant at(int day, int hour) {
		return LocalDateTime.of(2026, 11, day, hour, 0).atZone(SHANGHAI).toInstant();
	}

	@Test
	void shouldDueANormalCaseOpenedOnFridayAtFivePmOnWorkingTime() {
		CustomerView customer = this.customers.create(
				new CustomerDraft("深圳南山测试有限公司", "Retail", Region.SOUTH, 120, Tier.STANDARD, null, CustomerStatus.ACTIVE,
						List.of(new ContactDraft(null, "黄磊", "lei.huang@nanshan.example.cn", null, null)), null));

		CaseView opened = this.cases
			.open(new CaseDraft(customer.id(), customer.contacts().get(0).id(), CaseChannel.EMAIL, CaseCategory.INQUIRY,
					CaseSeverity.NORMAL, "Invoice copy", "Please send the October invoice again", null))
			.serviceCase();

		assertThat(opened.priority()).isEqualTo("P3");
		assertThat(opened.createdAt()).isEqualTo(at(20, 17));
		assertThat(opened.responseDueAt()).isEqualTo(at(23, 17));
		assertThat(opened.resolutionDueAt()).isEqualTo(at(25, 17));
	}

}
