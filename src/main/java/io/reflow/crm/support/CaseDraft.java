package io.reflow.crm.support;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/** A new service case as {@code POST /api/cases} receives it. */
public record CaseDraft(@NotNull @Positive Long customerId, @Positive Long contactId, @NotNull CaseChannel channel,
		@NotNull CaseCategory category, @NotNull CaseSeverity severity, @NotBlank @Size(max = 200) String subject,
		@NotBlank @Size(max = 4000) String description, @Size(max = 100) String externalRef) {
}
