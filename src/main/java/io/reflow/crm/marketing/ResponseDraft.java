package io.reflow.crm.marketing;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/**
 * A response as {@code POST /api/campaigns/{id}/responses} receives it: the member by
 * contact id or e-mail address, what they did, for a registration whether they want to
 * hear from sales, and a note.
 */
public record ResponseDraft(@Positive Long contactId,
		@Email(regexp = "^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$",
				message = "must be an e-mail address") @Size(max = 254) String email,
		@NotNull ResponseType type, Boolean interested, @Size(max = 1000) String note) {
}
