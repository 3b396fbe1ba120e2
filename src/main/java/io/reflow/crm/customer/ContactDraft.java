package io.reflow.crm.customer;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A contact as a client sends it.
 *
 * @param id the contact's id when updating an existing one
 */
public record ContactDraft(Long id, @NotBlank @Size(max = 120) String name,
		@Email(regexp = "^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$",
				message = "must be an e-mail address") @Size(max = 254) String email,
		@Pattern(regexp = "^\\+?[0-9][0-9 ()-]{4,38}$", message = "must be a phone number") String phone,
		@Size(max = 80) String role) {
}
