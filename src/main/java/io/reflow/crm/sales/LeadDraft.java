package io.reflow.crm.sales;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import io.reflow.crm.customer.Industry;
import io.reflow.crm.customer.Region;

/**
 * A new lead as {@code POST /api/leads} receives it. Every input of the scoring and
 * assignment rules is required, so a rule never decides on a missing value.
 */
public record LeadDraft(@NotBlank @Size(max = 200) String companyName, @NotBlank @Size(max = 120) String contactName,
		@Email(regexp = "^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$",
				message = "must be an e-mail address") @Size(max = 254) String email,
		@Pattern(regexp = "^\\+?[0-9][0-9 ()-]{4,38}$", message = "must be a phone number") String phone,
		@NotNull LeadSource source, @NotNull Region region, @NotNull Industry industry,
		@NotNull @PositiveOrZero @Max(10_000_000) Integer companySize, @NotNull Boolean budgetConfirmed,
		@Positive Long customerId, @Positive Long campaignId, @Size(max = 100) String externalRef) {
}
