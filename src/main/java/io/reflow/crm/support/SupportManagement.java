package io.reflow.crm.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.persistence.criteria.Predicate;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;

import io.reflow.crm.customer.CustomerManagement;
import io.reflow.crm.customer.CustomerTimeline;
import io.reflow.crm.customer.CustomerView;
import io.reflow.crm.customer.InteractionDraft;
import io.reflow.crm.platform.process.InvalidTaskInputException;
import io.reflow.crm.platform.process.TaskAnswers;
import io.reflow.crm.platform.web.ConflictException;
import io.reflow.crm.platform.web.InvalidFieldException;
import io.reflow.crm.platform.web.NotFoundException;
import io.reflow.crm.support.process.SupportCaseProcess;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Service cases from opening to closing. Opening a case starts {@code support-case}; the
 * process's delegates call the other methods, one per step of the model. SLA due dates
 * are computed on the {@link WorkingCalendar}.
 */
@Service
// a refused form answer is a normal outcome (the task goes back): it must not doom the
// engine's transaction
@Transactional(noRollbackFor = InvalidTaskInputException.class)
public class SupportManagement {

	/** {@code case-sla}'s calendar for cases that run around the clock. */
	static final String ALWAYS = "ALWAYS";

	private final ServiceCases cases;

	private final CaseEscalations escalations;

	private final FieldVisits visits;

	private final CustomerManagement customers;

	private final CustomerTimeline timeline;

	private final WorkingCalendar calendar;

	private final SupportNotifier notifier;

	private final RuntimeService runtimeService;

	private final TaskService taskService;

	private final IdentityService identityService;

	private final Clock clock;

	SupportManagement(ServiceCases cases, CaseEscalations escalations, FieldVisits visits, CustomerManagement customers,
			CustomerTimeline timeline, WorkingCalendar calendar, SupportNotifier notifier,
			RuntimeService runtimeService, TaskService taskService, IdentityService identityService, Clock clock) {
		this.cases = cases;
		this.escalations = escalations;
		this.visits = visits;
		this.customers = customers;
		this.timeline = timeline;
		this.calendar = calendar;
		this.notifier = notifier;
		this.runtimeService = runtimeService;
		this.taskService = taskService;
		this.identityService = identityService;
		this.clock = clock;
	}

	/**
	 * The outcome of {@link #open}: the case, and whether it is new or an earlier one.
	 */
	public record CaseCreation(CaseView serviceCase, boolean created) {
	}

	/**
	 * Stores the case and starts {@code support-case}, which triages it and sets its SLA
	 * before this returns. A known {@code externalRef} returns the earlier case.
	 */
	public CaseCreation open(CaseDraft draft) {
		Optional<CaseView> earlier = findByExternalRef(draft.externalRef());
		if (earlier.isPresent()) {
			return new CaseCreation(earlier.get(), false);
		}
		CustomerView customer;
		try {
			customer = this.customers.find(draft.customerId());
		}
		catch (NotFoundException ex) {
			throw new InvalidFieldException("customerId", "no customer " + draft.customerId() + " exists");
		}
		if (draft.contactId() != null
				&& customer.contacts().stream().noneMatch((contact) -> contact.id() == draft.contactId())) {
			throw new InvalidFieldException("contactId",
					"contact " + draft.contactId() + " does not belong to customer " + customer.id());
		}
		ServiceCase serviceCase = this.cases.saveAndFlush(new ServiceCase(draft, this.clock.instant()));
		this.timeline.record(new InteractionDraft(customer.id(), null, null, "CASE_OPENED",
				"Case " + serviceCase.number() + " opened via " + draft.channel() + ": " + serviceCase.subject));
		serviceCase.processInstanceId = this.runtimeService
			.startProcessInstanceByKey(SupportCaseProcess.KEY, SupportCaseProcess.businessKey(serviceCase.id),
					Map.of(SupportCaseProcess.Variables.CASE_ID, serviceCase.id, SupportCaseProcess.Variables.CATEGORY,
							draft.category().name(), SupportCaseProcess.Variables.SEVERITY, draft.severity().name(),
							SupportCaseProcess.Variables.CUSTOMER_TIER, customer.tier().name()))
			.getId();
		return new CaseCreation(view(serviceCase), true);
	}

	@Transactional(readOnly = true)
	public Optional<CaseView> findByExternalRef(String externalRef) {
		return (externalRef == null || externalRef.isBlank()) ? Optional.empty()
				: this.cases.findByExternalRef(externalRef.trim()).map(this::view);
	}

	@Transactional(readOnly = true)
	public CaseView find(long id) {
		return view(load(id));
	}

	@Transactional(readOnly = true)
	public long count() {
		return this.cases.count();
	}

	/**
	 * The customer's cases, open and closed, newest first (the customer 360 view reads
	 * them).
	 */
	@Transactional(readOnly = true)
	public List<CaseView> ofCustomer(long customerId) {
		return this.cases.findByCustomerIdOrderByIdDesc(customerId).stream().map(this::view).toList();
	}

	@Transactional(readOnly = true)
	public Page<CaseView> search(CaseStatus status, String priority, String group, Boolean breached,
			Pageable pageable) {
		Specification<ServiceCase> matching = (root, query, builder) -> {
			List<Predicate> predicates = new ArrayList<>();
			if (status != null) {
				predicates.add(builder.equal(root.get("status"), status));
			}
			if (priority != null && !priority.isBlank()) {
				predicates.add(builder.equal(root.get("priority"), priority.trim()));
			}
			if (group != null && !group.isBlank()) {
				predicates.add(builder.equal(root.get("assigneeGroup"), group.trim()));
			}
			if (breached != null) {
				Predicate any = builder.or(builder.isTrue(root.get("responseBreached")),
						builder.isTrue(root.get("resolutionBreached")));
				predicates.add(breached ? any : builder.not(any));
			}
			return builder.and(predicates.toArray(Predicate[]::new));
		};
		return this.cases.findAll(matching, pageable).map(this::view);
	}

	/** When the SLA's response and resolution are due. */
	public record SlaDates(Instant responseDueAt, Instant resolutionDueAt) {
	}

	/**
	 * Step {@code Task_ScheduleSla}: stores the triage and SLA decisions and computes the
	 * due dates, around the clock or on working time as {@code case-sla} says.
	 * @throws IllegalStateException if a decision gave no result: an incident, never a
	 * default SLA
	 */
	public SlaDates schedule(long caseId, String priority, String group, String responseDue, String resolutionDue,
			String slaCalendar) {
		ServiceCase serviceCase = load(caseId);
		if (priority == null || group == null || responseDue == null || resolutionDue == null || slaCalendar == null) {
			throw new IllegalStateException("Decisions case-triage/case-sla gave no result for case "
					+ serviceCase.number() + " (" + serviceCase.category + ", " + serviceCase.severity
					+ "); check decisions/case-triage.dmn and decisions/case-sla.dmn");
		}
		// the SLA clock starts when the customer reached us
		Instant opened = serviceCase.createdAt;
		serviceCase.priority = priority;
		serviceCase.assigneeGroup = group;
		serviceCase.responseDue = responseDue;
		serviceCase.resolutionDue = resolutionDue;
		serviceCase.slaCalendar = slaCalendar;
		serviceCase.responseDueAt = due(opened, responseDue, slaCalendar);
		serviceCase.resolutionDueAt = due(opened, resolutionDue, slaCalendar);
		record(serviceCase, "CASE_TRIAGED", "Priority " + priority + " for " + group + "; response due "
				+ serviceCase.responseDueAt + ", resolution due " + serviceCase.resolutionDueAt);
		return new SlaDates(serviceCase.responseDueAt, serviceCase.resolutionDueAt);
	}

	private Instant due(Instant from, String isoDuration, String slaCalendar) {
		Duration duration;
		try {
			duration = Duration.parse(isoDuration);
		}
		catch (DateTimeParseException ex) {
			throw new IllegalStateException(
					"'" + isoDuration + "' from decisions/case-sla.dmn is not an ISO-8601 " + "duration such as PT4H",
					ex);
		}
		return this.calendar.add(from, duration, !ALWAYS.equals(slaCalendar));
	}

	/**
	 * Task listener of {@code Task_ResolveCase}: the first claim is the first response.
	 */
	public void markResponded(long caseId, String user) {
		respond(load(caseId), user);
	}

	private void respond(ServiceCase serviceCase, String user) {
		if (serviceCase.firstResponseAt == null && user != null) {
			serviceCase.firstResponseAt = this.clock.instant();
			serviceCase.respondedBy = user;
			serviceCase.status = CaseStatus.IN_PROGRESS;
			record(serviceCase, "CASE_RESPONDED",
					user + " took the case" + (serviceCase.firstResponseAt.isAfter(serviceCase.responseDueAt)
							? " after its response was due" : " within its response time"));
		}
	}

	/**
	 * An agent's comment on the case: kept as a comment of the open task (so Tasklist
	 * shows it) and on the timeline; the first one is the first response, like a claim.
	 * @throws ConflictException if the case is closed
	 */
	public CaseView comment(long caseId, String user, String text) {
		ServiceCase serviceCase = load(caseId);
		if (serviceCase.status == CaseStatus.CLOSED) {
			throw new ConflictException("text", "Case " + serviceCase.number() + " is closed.");
		}
		this.taskService.createTaskQuery()
			.processInstanceId(serviceCase.processInstanceId)
			.list()
			.forEach((task) -> this.taskService.createComment(task.getId(), serviceCase.processInstanceId,
					user + ": " + text));
		record(serviceCase, "CASE_COMMENTED", user + ": " + text);
		markResponded(caseId, user);
		return view(serviceCase);
	}

	/**
	 * Step {@code Task_RecordResolution}: the agent's diagnosis and resolution; returns
	 * whether a field visit is needed first.
	 * @throws InvalidTaskInputException if the answers are incomplete
	 */
	public boolean recordResolution(long caseId, Object diagnosis, Object resolution, Object fieldVisitNeeded) {
		ServiceCase serviceCase = load(caseId);
		String found = TaskAnswers.text(diagnosis);
		String fix = TaskAnswers.text(resolution);
		boolean visit = TaskAnswers.flag(fieldVisitNeeded);
		if (found == null || found.length() > 2000) {
			throw new InvalidTaskInputException("Describe the diagnosis (up to 2000 characters).");
		}
		if (!visit && (fix == null || fix.length() > 2000)) {
			throw new InvalidTaskInputException(
					"Describe the resolution (up to 2000 characters), or ask for a field visit.");
		}
		// an answer is a response too, even without a claim first (the engine API allows
		// that)
		respond(serviceCase, currentUser());
		serviceCase.diagnosis = found;
		serviceCase.resolution = visit ? serviceCase.resolution : fix;
		record(serviceCase, visit ? "FIELD_VISIT_REQUESTED" : "CASE_RESOLUTION_PROPOSED",
				visit ? "Field visit requested: " + found : "Resolution: " + fix);
		return visit;
	}

	/**
	 * Step {@code Task_RecordVisitPlan}.
	 * @throws InvalidTaskInputException if the engineer or a date from today on is
	 * missing
	 */
	public void planVisit(long caseId, Object engineer, Object visitDate, Object note) {
		ServiceCase serviceCase = load(caseId);
		String who = TaskAnswers.text(engineer);
		String remark = TaskAnswers.text(note);
		if (who == null || who.length() > 120) {
			throw new InvalidTaskInputException("Name the engineer (up to 120 characters).");
		}
		LocalDate date;
		try {
			String text = TaskAnswers.text(visitDate);
			date = (text != null) ? LocalDate.parse((text.length() > 10) ? text.substring(0, 10) : text) : null;
		}
		catch (DateTimeParseException ex) {
			throw new InvalidTaskInputException("The visit date must be a date such as 2026-12-01.");
		}
		if (date == null || date.isBefore(LocalDate.now(this.clock.withZone(this.calendar.zone())))) {
			throw new InvalidTaskInputException("The visit date must be today or later.");
		}
		if (remark != null && remark.length() > 1000) {
			throw new InvalidTaskInputException("The note is longer than 1000 characters.");
		}
		this.visits.save(new FieldVisit(caseId, who, date, remark, this.clock.instant()));
		record(serviceCase, "FIELD_VISIT_PLANNED", who + " visits on " + date);
	}

	/** Step {@code Task_RecordVisitReport}. */
	public void recordVisit(long caseId, Object report, Object solved) {
		ServiceCase serviceCase = load(caseId);
		FieldVisit visit = this.visits.findFirstByCaseIdOrderByIdDesc(caseId)
			.orElseThrow(() -> new IllegalStateException("Case " + caseId + " has no planned visit"));
		String text = TaskAnswers.text(report);
		visit.report = (text != null && text.length() > 4000) ? text.substring(0, 4000) : text;
		visit.solved = TaskAnswers.flag(solved);
		visit.performedAt = this.clock.instant();
		record(serviceCase, "FIELD_VISIT_DONE", visit.engineer + (visit.solved ? " solved it on site" : " visited")
				+ ((text != null) ? ": " + text : ""));
	}

	/** Step {@code Task_CheckResponseBreach}: true if nobody responded in time. */
	public boolean responseBreach(long caseId) {
		ServiceCase serviceCase = load(caseId);
		if (serviceCase.firstResponseAt != null) {
			return false;
		}
		serviceCase.responseBreached = true;
		record(serviceCase, "SLA_BREACHED", "No response by " + serviceCase.responseDueAt);
		return true;
	}

	/** Step {@code Task_RecordResolutionBreach}. */
	public void resolutionBreach(long caseId) {
		ServiceCase serviceCase = load(caseId);
		serviceCase.resolutionBreached = true;
		record(serviceCase, "SLA_BREACHED", "Not resolved by " + serviceCase.resolutionDueAt);
	}

	/** Step {@code Task_RecordReopenBreach}: reopened a second time. */
	public void reopenBreach(long caseId) {
		ServiceCase serviceCase = load(caseId);
		record(serviceCase, "SLA_BREACHED", "Reopened " + serviceCase.reopenCount + " times");
	}

	/** What an escalation changed. */
	public record Escalated(int level, String priority) {
	}

	/**
	 * Step {@code Task_EscalateCase}: records what {@code escalation} decided, raises the
	 * level and perhaps the priority, and notifies the account owner group if told to.
	 * @throws IllegalStateException if the decision gave no result
	 */
	public Escalated escalate(long caseId, Breach breach, String escalateTo, Boolean notifyAccountOwner,
			String newPriority) {
		ServiceCase serviceCase = load(caseId);
		if (escalateTo == null || notifyAccountOwner == null || newPriority == null) {
			throw new IllegalStateException("Decision escalation gave no result for case " + serviceCase.number() + " ("
					+ breach + ", " + serviceCase.priority + ", level " + serviceCase.escalationLevel
					+ "); check decisions/escalation.dmn");
		}
		String before = serviceCase.priority;
		serviceCase.escalationLevel++;
		serviceCase.priority = newPriority;
		this.escalations.save(new CaseEscalation(caseId, breach, serviceCase.escalationLevel, escalateTo,
				notifyAccountOwner, before, newPriority, this.clock.instant()));
		CustomerView customer = this.customers.find(serviceCase.customerId);
		if (notifyAccountOwner && customer.ownerGroup() != null) {
			this.notifier.notifyGroup(customer.ownerGroup(), "Case " + serviceCase.number() + " escalated",
					customer.companyName() + ": " + serviceCase.subject + " (" + breach + ", now " + newPriority
							+ ", with " + escalateTo + ")");
		}
		record(serviceCase, "CASE_ESCALATED", breach + " breach: level " + serviceCase.escalationLevel + " to "
				+ escalateTo + ", priority " + before + " → " + newPriority);
		return new Escalated(serviceCase.escalationLevel, newPriority);
	}

	/**
	 * Step {@code Task_MarkResolved}: RESOLVED; returns when the customer's answer is
	 * due.
	 */
	public Instant markResolved(long caseId, Duration feedbackWindow) {
		ServiceCase serviceCase = load(caseId);
		Instant now = this.clock.instant();
		serviceCase.status = CaseStatus.RESOLVED;
		serviceCase.resolvedAt = now;
		serviceCase.feedbackDueAt = this.calendar.add(now, feedbackWindow, true);
		record(serviceCase, "CASE_RESOLVED", "Resolved" + (serviceCase.resolvedAt.isAfter(serviceCase.resolutionDueAt)
				? " after its resolution was due" : " within its resolution time"));
		return serviceCase.feedbackDueAt;
	}

	/**
	 * The customer's answer to a resolved case, passed to the waiting process as message
	 * {@code CustomerFeedbackReceived}.
	 * @throws ConflictException if the case is not waiting for feedback
	 */
	public CaseView feedback(long caseId, boolean resolved, Integer csat, String comment) {
		if (csat != null && (csat < 1 || csat > 5)) {
			throw new InvalidFieldException("csat", "must be between 1 and 5");
		}
		ServiceCase serviceCase = load(caseId);
		if (!awaitingFeedback(serviceCase)) {
			throw new ConflictException("resolved", "Case " + serviceCase.number() + " is " + serviceCase.status
					+ " and not waiting for the customer's feedback.");
		}
		Map<String, Object> variables = new HashMap<>();
		variables.put(SupportCaseProcess.Variables.FEEDBACK_RESOLVED, resolved);
		variables.put(SupportCaseProcess.Variables.CSAT, csat);
		variables.put(SupportCaseProcess.Variables.FEEDBACK_COMMENT, comment);
		this.runtimeService.createMessageCorrelation(SupportCaseProcess.Messages.CUSTOMER_FEEDBACK_RECEIVED)
			.processInstanceId(serviceCase.processInstanceId)
			.setVariables(variables)
			.correlateWithResult();
		return view(serviceCase);
	}

	/** Step {@code Task_RecordFeedback}. */
	public void recordFeedback(long caseId, Object resolved, Object csat, Object comment) {
		ServiceCase serviceCase = load(caseId);
		serviceCase.csat = (csat instanceof Number number) ? number.intValue() : null;
		serviceCase.feedbackComment = TaskAnswers.text(comment);
		record(serviceCase, "CUSTOMER_FEEDBACK",
				(TaskAnswers.flag(resolved) ? "Resolved" : "Not resolved")
						+ ((serviceCase.csat != null) ? ", CSAT " + serviceCase.csat : "")
						+ ((serviceCase.feedbackComment != null) ? ": " + serviceCase.feedbackComment : ""));
	}

	/** What a reopen changed. */
	public record Reopened(int reopenCount, Instant resolutionDueAt) {
	}

	/**
	 * Step {@code Task_ReopenCase}: back to work with a fresh resolution time from now;
	 * the response time is met already.
	 */
	public Reopened reopen(long caseId) {
		ServiceCase serviceCase = load(caseId);
		serviceCase.reopenCount++;
		serviceCase.status = CaseStatus.IN_PROGRESS;
		serviceCase.resolvedAt = null;
		serviceCase.resolutionDueAt = due(this.clock.instant(), serviceCase.resolutionDue, serviceCase.slaCalendar);
		record(serviceCase, "CASE_REOPENED",
				"Reopened (" + serviceCase.reopenCount + "), resolution now due " + serviceCase.resolutionDueAt);
		return new Reopened(serviceCase.reopenCount, serviceCase.resolutionDueAt);
	}

	/**
	 * Step {@code Task_CloseCase}: CLOSED, by the customer's confirmation or by silence.
	 */
	public void close(long caseId, boolean confirmedByCustomer) {
		ServiceCase serviceCase = load(caseId);
		serviceCase.status = CaseStatus.CLOSED;
		serviceCase.closedAt = this.clock.instant();
		serviceCase.closeReason = confirmedByCustomer ? "CUSTOMER_CONFIRMED" : "NO_ANSWER";
		boolean met = !serviceCase.responseBreached && !serviceCase.resolutionBreached;
		record(serviceCase, "CASE_CLOSED", "Closed (" + serviceCase.closeReason + "), SLA " + (met ? "met" : "breached")
				+ ((serviceCase.csat != null) ? ", CSAT " + serviceCase.csat : ""));
	}

	/**
	 * The groups the case was escalated to, so that later tasks of the case reach them
	 * too.
	 */
	@Transactional(readOnly = true)
	public java.util.Set<String> escalationGroups(long caseId) {
		return this.escalations.findByCaseIdOrderByIdAsc(caseId)
			.stream()
			.map((escalation) -> escalation.escalatedTo)
			.collect(java.util.stream.Collectors.toCollection(java.util.TreeSet::new));
	}

	/** What the case's task forms show, read when the form is read (not process data). */
	@Transactional(readOnly = true)
	public Map<String, Object> taskContext(long caseId) {
		ServiceCase serviceCase = load(caseId);
		CustomerView customer = this.customers.find(serviceCase.customerId);
		Map<String, Object> context = new HashMap<>();
		context.put("caseNumber", serviceCase.number());
		context.put("companyName", customer.companyName());
		customer.contacts()
			.stream()
			.filter((contact) -> serviceCase.contactId != null && contact.id() == serviceCase.contactId)
			.findFirst()
			.ifPresent((contact) -> context.put("contactName", contact.name()));
		context.put("subject", serviceCase.subject);
		context.put("description", serviceCase.description);
		context.put("priority", serviceCase.priority);
		context.put("resolutionDueAt",
				(serviceCase.resolutionDueAt != null) ? serviceCase.resolutionDueAt.toString() : null);
		context.put("reopenCount", serviceCase.reopenCount);
		context.put("customerComment", (serviceCase.reopenCount > 0) ? serviceCase.feedbackComment : null);
		this.visits.findFirstByCaseIdOrderByIdDesc(caseId).ifPresent((visit) -> {
			context.put("engineer", visit.engineer);
			context.put("visitDate", visit.visitDate.toString());
			context.put("visitReport", visit.report);
		});
		return context;
	}

	private String currentUser() {
		var authentication = this.identityService.getCurrentAuthentication();
		return (authentication != null && authentication.getUserId() != null) ? authentication.getUserId() : "unknown";
	}

	private void record(ServiceCase serviceCase, String type, String summary) {
		this.timeline.record(
				new InteractionDraft(serviceCase.customerId, null, null, type, serviceCase.number() + ": " + summary));
	}

	private ServiceCase load(long id) {
		return this.cases.findById(id).orElseThrow(() -> new NotFoundException("No case " + id + "."));
	}

	private boolean awaitingFeedback(ServiceCase serviceCase) {
		return serviceCase.status == CaseStatus.RESOLVED && serviceCase.processInstanceId != null
				&& this.runtimeService.createEventSubscriptionQuery()
					.processInstanceId(serviceCase.processInstanceId)
					.eventType("message")
					.eventName(SupportCaseProcess.Messages.CUSTOMER_FEEDBACK_RECEIVED)
					.count() > 0;
	}

	private CaseView view(ServiceCase serviceCase) {
		return CaseView.of(serviceCase, awaitingFeedback(serviceCase),
				this.escalations.findByCaseIdOrderByIdAsc(serviceCase.id).stream().map(CaseEscalation::view).toList(),
				this.visits.findByCaseIdOrderByIdAsc(serviceCase.id).stream().map(FieldVisit::view).toList());
	}

}
