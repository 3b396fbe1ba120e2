package io.reflow.crm.sales;

import io.reflow.crm.platform.process.InvalidTaskInputException;
import io.reflow.crm.platform.process.TaskAnswers;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.RuntimeService;

import io.reflow.crm.customer.CustomerManagement;
import io.reflow.crm.customer.CustomerMatch;
import io.reflow.crm.customer.CustomerTimeline;
import io.reflow.crm.customer.InteractionDraft;
import io.reflow.crm.customer.ProspectDraft;
import io.reflow.crm.platform.web.InvalidFieldException;
import io.reflow.crm.platform.web.NotFoundException;
import io.reflow.crm.sales.process.LeadQualificationProcess;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Leads from creation to conversion. Creating a lead starts {@code lead-qualification};
 * the process's delegates call the other methods, one per step of the model.
 */
@Service
// a refused form answer is a normal outcome (the task goes back): it must not doom the
// engine's transaction
@Transactional(noRollbackFor = InvalidTaskInputException.class)
public class LeadManagement {

	private final Leads leads;

	private final CustomerManagement customers;

	private final CustomerTimeline timeline;

	private final OpportunityManagement opportunities;

	private final RuntimeService runtimeService;

	private final Clock clock;

	LeadManagement(Leads leads, CustomerManagement customers, CustomerTimeline timeline,
			OpportunityManagement opportunities, RuntimeService runtimeService, Clock clock) {
		this.leads = leads;
		this.customers = customers;
		this.timeline = timeline;
		this.opportunities = opportunities;
		this.runtimeService = runtimeService;
		this.clock = clock;
	}

	/**
	 * The outcome of {@link #create}: the lead, and whether it is new or an earlier one.
	 */
	public record LeadCreation(LeadView lead, boolean created) {
	}

	/**
	 * Stores the lead and starts its qualification. A lead whose {@code externalRef} is
	 * known already is not created again: the earlier one is returned.
	 */
	public LeadCreation create(LeadDraft draft) {
		Optional<LeadView> earlier = findByExternalRef(draft.externalRef());
		if (earlier.isPresent()) {
			return new LeadCreation(earlier.get(), false);
		}
		if (draft.customerId() != null && !this.customers.exists(draft.customerId())) {
			throw new InvalidFieldException("customerId", "no customer " + draft.customerId() + " exists");
		}
		Lead lead = this.leads.saveAndFlush(new Lead(draft, this.clock.instant()));
		this.timeline.record(InteractionDraft.forLead(lead.getId(), lead.getCustomerId(), "LEAD_CREATED",
				"Lead from " + lead.getSource() + ": " + lead.getContactName() + " at " + lead.getCompanyName()));
		String processInstanceId = this.runtimeService
			.startProcessInstanceByKey(LeadQualificationProcess.KEY, LeadQualificationProcess.businessKey(lead.getId()),
					Map.of(LeadQualificationProcess.Variables.LEAD_ID, lead.getId(),
							LeadQualificationProcess.Variables.SOURCE, lead.getSource().name(),
							LeadQualificationProcess.Variables.COMPANY_SIZE, lead.getCompanySize(),
							LeadQualificationProcess.Variables.BUDGET_CONFIRMED, lead.isBudgetConfirmed(),
							LeadQualificationProcess.Variables.INDUSTRY, lead.getIndustry().name(),
							LeadQualificationProcess.Variables.REGION, lead.getRegion().name()))
			.getId();
		lead.started(processInstanceId);
		return new LeadCreation(LeadView.of(lead), true);
	}

	@Transactional(readOnly = true)
	public Optional<LeadView> findByExternalRef(String externalRef) {
		return (externalRef == null || externalRef.isBlank()) ? Optional.empty()
				: this.leads.findByExternalRef(externalRef.trim()).map(LeadView::of);
	}

	@Transactional(readOnly = true)
	public LeadView find(long id) {
		return LeadView.of(load(id));
	}

	@Transactional(readOnly = true)
	public long count() {
		return this.leads.count();
	}

	/** The customer's leads, newest first (the customer 360 view reads them). */
	@Transactional(readOnly = true)
	public List<LeadView> ofCustomer(long customerId) {
		return this.leads.findByCustomerIdOrderByIdDesc(customerId).stream().map(LeadView::of).toList();
	}

	/**
	 * What the {@code qualify-lead} form shows, read when the form is read (not process
	 * data).
	 */
	@Transactional(readOnly = true)
	public Map<String, Object> taskContext(long leadId) {
		Lead lead = load(leadId);
		Map<String, Object> context = new java.util.HashMap<>();
		context.put("companyName", lead.getCompanyName());
		context.put("contactName", lead.getContactName());
		context.put("contactEmail", lead.getEmail());
		context.put("contactPhone", lead.getPhone());
		context.put("leadSource", lead.getSource().name());
		context.put("leadScore", lead.getScore());
		context.put("companySize", lead.getCompanySize());
		context.put("region", lead.getRegion().name());
		return context;
	}

	/** Step {@code Task_RecordLeadScore}: the score of {@code lead-scoring}. */
	public void recordScore(long leadId, int score) {
		Lead lead = load(leadId);
		lead.scored(score);
		this.timeline.record(InteractionDraft.forLead(leadId, lead.getCustomerId(), "LEAD_SCORED",
				"Lead scored " + score + " of 100"));
	}

	/**
	 * Step {@code Task_RecordAssignment}: the group of {@code lead-assignment} qualifies
	 * the lead; returns when first contact is due.
	 */
	public Instant assign(long leadId, String group, String firstContactDue) {
		Lead lead = load(leadId);
		Instant due = dueAt(this.clock.instant(), firstContactDue);
		lead.assigned(group, firstContactDue, due);
		this.timeline.record(InteractionDraft.forLead(leadId, lead.getCustomerId(), "LEAD_ASSIGNED",
				"Assigned to " + group + ", first contact due within " + firstContactDue));
		return due;
	}

	/**
	 * Step {@code Task_HandOverToNurturing}: low-score leads go to marketing nurturing.
	 */
	public void nurture(long leadId, String group, String firstContactDue) {
		Lead lead = load(leadId);
		Instant now = this.clock.instant();
		lead.nurturing(group, firstContactDue, dueAt(now, firstContactDue), now);
		this.timeline.record(InteractionDraft.forLead(leadId, lead.getCustomerId(), "LEAD_NURTURING",
				"Handed to " + group + " for nurturing (score " + lead.getScore() + ")"));
	}

	/**
	 * Step {@code Task_EscalateLead}: nobody worked the lead by its due date. Recorded
	 * once per lead; the delegate still adds the escalation group to every new task.
	 */
	public void escalate(long leadId, String escalationGroup) {
		Lead lead = load(leadId);
		if (lead.getEscalatedAt() != null) {
			// a task sent back after the deadline escalates again at once: one escalation
			return;
		}
		lead.escalated(this.clock.instant());
		this.timeline.record(InteractionDraft.forLead(leadId, lead.getCustomerId(), "LEAD_ESCALATED",
				"First contact overdue since " + lead.getDueAt() + "; escalated to " + escalationGroup));
	}

	/**
	 * Step {@code Task_RecordQualification}: checks and stores the form's answers;
	 * returns whether the lead qualified.
	 * @throws InvalidTaskInputException if the answers are incomplete or out of range
	 */
	public boolean recordQualification(long leadId, Qualification answers) {
		Lead lead = load(leadId);
		String outcome = TaskAnswers.text(answers.outcome());
		if (Qualification.QUALIFIED.equals(outcome)) {
			BigDecimal budget = TaskAnswers.amount(answers.budgetAmount(), "Budget");
			if (budget == null || budget.signum() < 0) {
				throw new InvalidTaskInputException("A qualified lead needs its budget in CNY (0 or more).");
			}
			String need = TaskAnswers.text(answers.need());
			if (need == null || need.length() > 1000) {
				throw new InvalidTaskInputException("Describe the need (up to 1000 characters).");
			}
			Timeline timeline = TaskAnswers.option(answers.timeline(), Timeline.class, "Timeline");
			if (timeline == null) {
				throw new InvalidTaskInputException("A qualified lead needs a buying timeline.");
			}
			lead.qualified(budget, Boolean.TRUE.equals(answers.authorityConfirmed())
					|| "true".equals(TaskAnswers.text(answers.authorityConfirmed())), need, timeline);
			this.timeline.record(InteractionDraft.forLead(leadId, lead.getCustomerId(), "LEAD_QUALIFIED",
					"Qualified: budget " + budget.toPlainString() + " CNY, timeline " + timeline
							+ (Boolean.TRUE.equals(lead.getAuthorityConfirmed()) ? ", contact can sign" : "")));
			return true;
		}
		if (Qualification.DISQUALIFIED.equals(outcome)) {
			DisqualificationReason reason = TaskAnswers.option(answers.disqualificationReason(),
					DisqualificationReason.class, "Reason");
			if (reason == null) {
				throw new InvalidTaskInputException("A disqualified lead needs a reason.");
			}
			String note = TaskAnswers.text(answers.disqualificationNote());
			if (note != null && note.length() > 1000) {
				throw new InvalidTaskInputException("The note is longer than 1000 characters.");
			}
			lead.disqualified(reason, note);
			return false;
		}
		throw new InvalidTaskInputException("Choose QUALIFIED or DISQUALIFIED.");
	}

	/** Step {@code Task_DisqualifyLead}. */
	public void disqualify(long leadId) {
		Lead lead = load(leadId);
		lead.closeDisqualified(this.clock.instant());
		this.timeline
			.record(InteractionDraft.forLead(leadId, lead.getCustomerId(), "LEAD_DISQUALIFIED", "Disqualified: "
					+ lead.getDisqualificationReason()
					+ ((lead.getDisqualificationNote() != null) ? " (" + lead.getDisqualificationNote() + ")" : "")));
	}

	/**
	 * Step {@code Task_ConvertLead}: matches or creates the customer and contact, opens
	 * an opportunity (which starts {@code opportunity-to-order}) and returns its id.
	 */
	public long convert(long leadId) {
		Lead lead = load(leadId);
		if (lead.getStatus() == LeadStatus.CONVERTED) {
			return lead.getOpportunityId();
		}
		CustomerMatch match = this.customers.findOrCreate(new ProspectDraft(lead.getCustomerId(), lead.getCompanyName(),
				lead.getRegion(), lead.getIndustry(), lead.getCompanySize(), lead.getAssigneeGroup(),
				lead.getContactName(), lead.getEmail(), lead.getPhone()));
		LocalDate today = LocalDate.now(this.clock);
		long opportunityId = this.opportunities.open(new OpportunityDraft(leadId, match.customerId(), match.contactId(),
				lead.getCompanyName() + " – " + abbreviate(lead.getNeed(), 120), lead.getAssigneeGroup(),
				lead.getBudgetAmount(), lead.getTimeline().closeDateFrom(today)));
		lead.converted(match.customerId(), match.contactId(), opportunityId, this.clock.instant());
		this.timeline.attachLead(leadId, match.customerId());
		this.timeline
			.record(InteractionDraft.forLead(leadId, match.customerId(), "LEAD_CONVERTED", "Converted into opportunity "
					+ opportunityId + (match.customerCreated() ? " for a new customer" : " for an existing customer")));
		return opportunityId;
	}

	/**
	 * Step {@code Task_FastTrackLead} (to-be version): a lead that
	 * {@code lead-fast-track} lets skip manual qualification counts as qualified without
	 * a known budget or a confirmed signer, and is converted at once as {@link #convert}
	 * does; budget, need and timeline are confirmed in the sales rep's first call, the
	 * first task of {@code opportunity-to-order}. Returns the opportunity's id.
	 */
	public long fastTrack(long leadId) {
		Lead lead = load(leadId);
		if (lead.getStatus() == LeadStatus.CONVERTED) {
			return lead.getOpportunityId();
		}
		lead.qualified(null, false,
				"Fast track: lead score " + lead.getScore() + " - confirm budget, need and timeline in the first call",
				Timeline.WITHIN_3_MONTHS);
		this.timeline.record(InteractionDraft.forLead(leadId, lead.getCustomerId(), "LEAD_FAST_TRACKED",
				"Fast-tracked with score " + lead.getScore() + ": converted without manual qualification"));
		return convert(leadId);
	}

	private Lead load(long id) {
		return this.leads.findById(id).orElseThrow(() -> new NotFoundException("No lead " + id + "."));
	}

	private static String abbreviate(String text, int max) {
		return (text.length() <= max) ? text : text.substring(0, max - 1) + "…";
	}

	/** Now plus an ISO-8601 duration such as P2D or PT4H (or a period such as P1M). */
	public static Instant dueAt(Instant now, String isoDuration) {
		try {
			return now.plus(Duration.parse(isoDuration));
		}
		catch (DateTimeParseException ex) {
			try {
				return now.atZone(ZoneId.systemDefault()).plus(Period.parse(isoDuration)).toInstant();
			}
			catch (DateTimeParseException notAPeriod) {
				throw new IllegalArgumentException("firstContactDue '" + isoDuration
						+ "' is not an ISO-8601 duration such as P2D; check decisions/lead-assignment.dmn", ex);
			}
		}
	}

}
