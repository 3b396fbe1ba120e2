package io.reflow.crm.customer;

import java.time.Clock;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The customer timeline: every module records what happened to a customer (or to a lead
 * that may become one) here; the customer 360 view reads it. The actor is the user the
 * engine or the web layer knows, or {@code system} for steps the job executor runs.
 */
@Service
@Transactional
public class CustomerTimeline {

	private final Interactions interactions;

	private final IdentityService identityService;

	private final Clock clock;

	CustomerTimeline(Interactions interactions, IdentityService identityService, Clock clock) {
		this.interactions = interactions;
		this.identityService = identityService;
		this.clock = clock;
	}

	public InteractionView record(InteractionDraft draft) {
		return this.interactions.save(new Interaction(draft, currentActor(), this.clock.instant())).view();
	}

	/** Gives a converted lead's earlier entries to the customer it became. */
	public void attachLead(long leadId, long customerId) {
		this.interactions.findByLeadIdOrderByIdAsc(leadId).forEach((interaction) -> interaction.attachTo(customerId));
	}

	@Transactional(readOnly = true)
	public Page<InteractionView> ofCustomer(long customerId, Pageable pageable) {
		return this.interactions.findByCustomerIdOrderByOccurredAtDescIdDesc(customerId, pageable)
			.map(Interaction::view);
	}

	@Transactional(readOnly = true)
	public List<InteractionView> ofLead(long leadId) {
		return this.interactions.findByLeadIdOrderByIdAsc(leadId).stream().map(Interaction::view).toList();
	}

	@Transactional(readOnly = true)
	public List<InteractionView> ofOpportunity(long opportunityId) {
		return this.interactions.findByOpportunityIdOrderByIdAsc(opportunityId)
			.stream()
			.map(Interaction::view)
			.toList();
	}

	private String currentActor() {
		Authentication engineUser = this.identityService.getCurrentAuthentication();
		if (engineUser != null && engineUser.getUserId() != null) {
			return engineUser.getUserId();
		}
		var webUser = SecurityContextHolder.getContext().getAuthentication();
		return (webUser != null && webUser.isAuthenticated()) ? webUser.getName() : "system";
	}

}
