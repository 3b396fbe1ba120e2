package io.reflow.crm.platform.web;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;

import io.reflow.crm.platform.security.ReflowSecurityProperties;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The home page ({@code /}) linking to the work places, and the login page. */
@Controller
class HomeController {

	private final IdentityService identityService;

	private final ReflowSecurityProperties security;

	HomeController(IdentityService identityService, ReflowSecurityProperties security) {
		this.identityService = identityService;
		this.security = security;
	}

	@GetMapping("/")
	String home(Authentication authentication, Model model) {
		String userId = authentication.getName();
		User user = this.identityService.createUserQuery().userId(userId).singleResult();
		List<Group> groups = this.identityService.createGroupQuery().groupMember(userId).orderByGroupId().asc().list();
		model.addAttribute("userId", userId);
		model.addAttribute("displayName",
				(user != null) ? (user.getFirstName() + " " + user.getLastName()).trim() : userId);
		model.addAttribute("groups", groups);
		// the same groups SecurityConfiguration lets through to /dashboard
		model.addAttribute("dashboard",
				groups.stream().anyMatch((group) -> this.security.dashboardGroups().contains(group.getId())));
		// the same groups SecurityConfiguration lets through to /models
		model.addAttribute("models",
				groups.stream().anyMatch((group) -> this.security.analystToolGroups().contains(group.getId())));
		// the same groups SecurityConfiguration lets through to /lab
		model.addAttribute("lab",
				groups.stream().anyMatch((group) -> this.security.labGroups().contains(group.getId())));
		return "home";
	}

	@GetMapping("/login")
	String login() {
		return "login";
	}

}
