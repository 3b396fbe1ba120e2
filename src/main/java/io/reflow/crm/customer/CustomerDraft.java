package io.reflow.crm.customer;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/**
 * A customer as a client sends it, for create and full update. {@code contacts} replaces
 * the customer's contact list; contacts are matched by {@code id}, else by e-mail.
 *
 * @param version on update, the version the client read; a stale one gives 409
 */
public record CustomerDraft(@NotBlank @Size(max = 200) String companyName, @Size(max = 100) String industry,
		@NotNull Region region, @NotNull @PositiveOrZero @Max(10_000_000) Integer employeeCount, @NotNull Tier tier,
		@Size(max = 64) @Pattern(regexp = "^[a-z0-9][a-z0-9-]*$",
				message = "must be a group id such as sales-north") String ownerGroup,
		CustomerStatus status, @Size(max = 100) List<@Valid @NotNull ContactDraft> contacts,
		@PositiveOrZero Long version) {

	public CustomerDraft {
		contacts = (contacts != null) ? List.copyOf(contacts) : List.of();
	}

}
