package io.reflow.crm.platform.security;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * Checks user names and passwords against Camunda's identity service, the only user store
 * of Reflow CRM, and turns the user's Camunda groups into authorities
 * {@code GROUP_<groupId>}. Groups are read at login; a change in Camunda Admin takes
 * effect at the next login.
 */
@Component
class IdentityServiceAuthenticationProvider implements AuthenticationProvider {

	static final String GROUP_PREFIX = "GROUP_";

	private final IdentityService identityService;

	IdentityServiceAuthenticationProvider(IdentityService identityService) {
		this.identityService = identityService;
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		String userId = authentication.getName();
		Object credentials = authentication.getCredentials();
		if (userId == null || userId.isBlank() || !(credentials instanceof String password) || password.isEmpty()
				|| !this.identityService.checkPassword(userId, password)) {
			throw new BadCredentialsException("Wrong user name or password");
		}
		List<GrantedAuthority> authorities = this.identityService.createGroupQuery()
			.groupMember(userId)
			.list()
			.stream()
			.map(Group::getId)
			.<GrantedAuthority>map((groupId) -> new SimpleGrantedAuthority(GROUP_PREFIX + groupId))
			.toList();
		return UsernamePasswordAuthenticationToken.authenticated(userId, null, authorities);
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}

}
