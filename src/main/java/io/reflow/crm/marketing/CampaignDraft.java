package io.reflow.crm.marketing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import io.reflow.crm.customer.Industry;
import io.reflow.crm.customer.Region;
import io.reflow.crm.customer.Tier;

/**
 * A campaign plan as {@code POST /api/campaigns} receives it. Only the name is required:
 * a draft may be incomplete, the planning task completes it. What is given must be valid:
 * a budget above zero (CNY), an end date not before the start date, a start date not in
 * the past, a response rate in percent.
 */
public record CampaignDraft(@NotBlank @Size(max = 200) String name, @Size(max = 1000) String objective,
		Set<@NotNull Channel> channels, @Positive @Digits(integer = 13, fraction = 2) BigDecimal budget,
		@Valid Audience audience, LocalDate startDate, LocalDate endDate,
		@DecimalMin("0") @DecimalMax("100") BigDecimal expectedResponseRate) {

	/**
	 * Whom the campaign addresses; every criterion given must hold, none means everyone.
	 */
	public record Audience(Region region, Industry industry, Tier tier, SizeBand sizeBand) {
	}

}
