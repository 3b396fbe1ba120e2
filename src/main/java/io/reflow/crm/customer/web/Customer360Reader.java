package io.reflow.crm.customer.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;

import io.reflow.crm.customer.CustomerManagement;
import io.reflow.crm.customer.CustomerTimeline;
import io.reflow.crm.customer.CustomerView;
import io.reflow.crm.customer.InteractionView;
import io.reflow.crm.customer.web.Customer360.CampaignRow;
import io.reflow.crm.customer.web.Customer360.CaseRow;
import io.reflow.crm.customer.web.Customer360.ContactRow;
import io.reflow.crm.customer.web.Customer360.LeadRow;
import io.reflow.crm.customer.web.Customer360.OpportunityRow;
import io.reflow.crm.customer.web.Customer360.OrderRow;
import io.reflow.crm.customer.web.Customer360.QuoteRow;
import io.reflow.crm.customer.web.Customer360.TaskRow;
import io.reflow.crm.customer.web.Customer360.TimelineRow;
import io.reflow.crm.marketing.CampaignParticipation;
import io.reflow.crm.marketing.MarketingManagement;
import io.reflow.crm.marketing.process.MarketingCampaignProcess;
import io.reflow.crm.sales.LeadManagement;
import io.reflow.crm.sales.LeadStatus;
import io.reflow.crm.sales.LeadView;
import io.reflow.crm.sales.OpportunityManagement;
import io.reflow.crm.sales.OpportunityView;
import io.reflow.crm.sales.OrderManagement;
import io.reflow.crm.sales.OrderView;
import io.reflow.crm.sales.QuoteStatus;
import io.reflow.crm.sales.QuoteView;
import io.reflow.crm.sales.process.LeadQualificationProcess;
import io.reflow.crm.sales.process.OpportunityToOrderProcess;
import io.reflow.crm.support.CaseStatus;
import io.reflow.crm.support.CaseView;
import io.reflow.crm.support.SupportManagement;
import io.reflow.crm.support.process.SupportCaseProcess;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;

/**
 * Gathers the customer 360 view from each module's public services (customer, sales,
 * support, marketing) and the user's open tasks from the engine. Reads only; it holds no
 * state of its own.
 */
@Component
class Customer360Reader {

	static final int TIMELINE_PAGE_SIZE = 25;

	static final String TASKLIST = "/camunda/app/tasklist/default/#/?task=";

	private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT)
		.withZone(ZONE);

	private static final Set<LeadStatus> OPEN_LEADS = EnumSet.of(LeadStatus.NEW, LeadStatus.NURTURING,
			LeadStatus.IN_QUALIFICATION);

	private static final Set<QuoteStatus> OPEN_QUOTES = EnumSet.of(QuoteStatus.DRAFT, QuoteStatus.PENDING_APPROVAL,
			QuoteStatus.APPROVED, QuoteStatus.SENT);

	private final CustomerManagement customers;

	private final CustomerTimeline timeline;

	private final LeadManagement leads;

	private final OpportunityManagement opportunities;

	private final OrderManagement orders;

	private final SupportManagement support;

	private final MarketingManagement marketing;

	private final TaskService taskService;

	private final RuntimeService runtimeService;

	private final IdentityService identityService;

	Customer360Reader(CustomerManagement customers, CustomerTimeline timeline, LeadManagement leads,
			OpportunityManagement opportunities, OrderManagement orders, SupportManagement support,
			MarketingManagement marketing, TaskService taskService, RuntimeService runtimeService,
			IdentityService identityService) {
		this.customers = customers;
		this.timeline = timeline;
		this.leads = leads;
		this.opportunities = opportunities;
		this.orders = orders;
		this.support = support;
		this.marketing = marketing;
		this.taskService = taskService;
		this.runtimeService = runtimeService;
		this.identityService = identityService;
	}

	/** The 360 view of customer {@code id} as user {@code userId} may see it. */
	Customer360 read(long id, int timelinePage, String userId) {
		CustomerView customer = this.customers.find(id);
		List<ContactRow> contacts = customer.contacts()
			.stream()
			.map((c) -> new ContactRow(c.name(), c.role(), c.email(), c.phone(), c.optedOutAt() != null,
					dateTime(c.optedOutAt())))
			.toList();

		Page<InteractionView> entries = this.timeline.ofCustomer(id,
				PageRequest.of(Math.max(timelinePage, 0), TIMELINE_PAGE_SIZE));
		List<TimelineRow> timelineRows = entries.getContent()
			.stream()
			.map((i) -> new TimelineRow(dateTime(i.occurredAt()), area(i), i.type(), i.summary(), i.actor()))
			.toList();

		// the key of each process instance that belongs to this customer, with what it
		// concerns
		Map<String, String> processes = new LinkedHashMap<>();
		List<LeadView> customerLeads = this.leads.ofCustomer(id);
		customerLeads.forEach((lead) -> processes.put(LeadQualificationProcess.businessKey(lead.id()),
				"Lead " + lead.id() + " · " + lead.contactName()));
		List<LeadRow> openLeads = customerLeads.stream()
			.filter((lead) -> OPEN_LEADS.contains(lead.status()))
			.map((lead) -> new LeadRow(lead.id(), lead.companyName(), lead.contactName(), lead.status().name(),
					(lead.score() != null) ? lead.score().toString() : "–", lead.assigneeGroup(),
					dateTime(lead.createdAt())))
			.toList();

		List<OpportunityView> customerOpportunities = this.opportunities.ofCustomer(id);
		List<OpportunityRow> openOpportunities = new ArrayList<>();
		List<QuoteRow> openQuotes = new ArrayList<>();
		Map<Long, String> opportunityNames = new LinkedHashMap<>();
		for (OpportunityView opportunity : customerOpportunities) {
			opportunityNames.put(opportunity.id(), opportunity.name());
			processes.put(OpportunityToOrderProcess.businessKey(opportunity.id()), "Opportunity " + opportunity.name());
			if (!opportunity.stage().isOpen()) {
				continue;
			}
			openOpportunities.add(new OpportunityRow(opportunity.id(), opportunity.name(), opportunity.stage().name(),
					money(opportunity.amount()), money(opportunity.weightedAmount()),
					(opportunity.expectedCloseDate() != null) ? opportunity.expectedCloseDate().toString() : "–",
					opportunity.ownerGroup()));
			for (QuoteView quote : opportunity.quotes()) {
				if (OPEN_QUOTES.contains(quote.status())) {
					openQuotes.add(new QuoteRow(quote.number(), opportunity.name(), quote.status().name(),
							money(quote.netAmount()), dateTime(quote.createdAt())));
				}
			}
		}

		List<OrderView> customerOrders = this.orders.ofCustomer(id);
		BigDecimal revenue = customerOrders.stream()
			.map(OrderView::amount)
			.filter(Objects::nonNull)
			.reduce(BigDecimal.ZERO, BigDecimal::add);
		List<OrderRow> orderRows = customerOrders.stream()
			.map((order) -> new OrderRow(order.orderNumber(),
					opportunityNames.getOrDefault(order.opportunityId(), "#" + order.opportunityId()),
					money(order.amount()), dateTime(order.placedAt())))
			.toList();

		List<CaseRow> openCases = new ArrayList<>();
		List<CaseRow> closedCases = new ArrayList<>();
		for (CaseView serviceCase : this.support.ofCustomer(id)) {
			processes.put(SupportCaseProcess.businessKey(serviceCase.id()),
					"Case " + serviceCase.number() + " · " + serviceCase.subject());
			CaseRow row = caseRow(serviceCase);
			(serviceCase.status() == CaseStatus.CLOSED ? closedCases : openCases).add(row);
		}

		List<Long> contactIds = customer.contacts().stream().map(CustomerView.ContactView::id).toList();
		List<CampaignRow> campaigns = new ArrayList<>();
		for (CampaignParticipation participation : this.marketing.participations(contactIds)) {
			var campaign = participation.campaign();
			processes.put(MarketingCampaignProcess.businessKey(campaign.id()),
					"Campaign " + campaign.number() + " · " + campaign.name());
			campaigns.add(new CampaignRow(campaign.number(), campaign.name(), campaign.status().name(),
					period(campaign.startDate(), campaign.endDate()), String.join(", ", participation.members()),
					participation.responses().isEmpty() ? "–" : String.join(", ", participation.responses())));
		}

		return new Customer360(customer, dateTime(customer.createdAt()), contacts, timelineRows, entries.hasNext(),
				entries.getNumber(), openLeads, openOpportunities, openQuotes, orderRows, money(revenue), openCases,
				closedCases, campaigns, tasks(processes, userId));
	}

	/**
	 * The open tasks of these process instances that the user may work on: assigned to
	 * them, or offered to them or to one of their groups and not yet claimed.
	 */
	private List<TaskRow> tasks(Map<String, String> processes, String userId) {
		if (processes.isEmpty()) {
			return List.of();
		}
		String[] keys = processes.keySet().toArray(String[]::new);
		List<String> groups = this.identityService.createGroupQuery()
			.groupMember(userId)
			.list()
			.stream()
			.map(Group::getId)
			.toList();
		Map<String, Task> visible = new LinkedHashMap<>();
		List<TaskQuery> queries = new ArrayList<>();
		queries.add(this.taskService.createTaskQuery().processInstanceBusinessKeyIn(keys).taskAssignee(userId));
		queries.add(this.taskService.createTaskQuery().processInstanceBusinessKeyIn(keys).taskCandidateUser(userId));
		if (!groups.isEmpty()) {
			queries.add(
					this.taskService.createTaskQuery().processInstanceBusinessKeyIn(keys).taskCandidateGroupIn(groups));
		}
		queries.forEach((query) -> query.active()
			.orderByTaskCreateTime()
			.asc()
			.list()
			.forEach((task) -> visible.putIfAbsent(task.getId(), task)));
		if (visible.isEmpty()) {
			return List.of();
		}
		Map<String, String> keyOfInstance = new LinkedHashMap<>();
		this.runtimeService.createProcessInstanceQuery()
			.processInstanceIds(visible.values().stream().map(Task::getProcessInstanceId).collect(Collectors.toSet()))
			.list()
			.forEach((instance) -> keyOfInstance.put(instance.getId(), instance.getBusinessKey()));
		return visible.values()
			.stream()
			.sorted(Comparator.comparing(Task::getCreateTime))
			.map((task) -> new TaskRow(task.getName(),
					processes.getOrDefault(keyOfInstance.get(task.getProcessInstanceId()), ""), candidateGroups(task),
					(task.getAssignee() != null) ? task.getAssignee() : "–", dateTime(task.getCreateTime().toInstant()),
					(task.getDueDate() != null) ? dateTime(task.getDueDate().toInstant()) : "–",
					TASKLIST + task.getId()))
			.toList();
	}

	private String candidateGroups(Task task) {
		List<String> groups = this.taskService.getIdentityLinksForTask(task.getId())
			.stream()
			.filter((link) -> link.getGroupId() != null)
			.map(IdentityLink::getGroupId)
			.sorted()
			.toList();
		return groups.isEmpty() ? "–" : String.join(", ", groups);
	}

	private static CaseRow caseRow(CaseView c) {
		String sla;
		String slaClass;
		if (c.status() == CaseStatus.CLOSED) {
			boolean met = Boolean.TRUE.equals(c.slaMet());
			sla = met ? "SLA met" : "SLA missed";
			slaClass = met ? "met" : "breached";
		}
		else if (c.responseBreached() || c.resolutionBreached()) {
			sla = c.responseBreached() ? "Response overdue" : "Resolution overdue";
			slaClass = "breached";
		}
		else if (c.status() == CaseStatus.RESOLVED) {
			sla = "Resolved in time";
			slaClass = "ok";
		}
		else if (c.firstResponseAt() == null && c.responseDueAt() != null) {
			sla = "Response due " + dateTime(c.responseDueAt());
			slaClass = "ok";
		}
		else if (c.resolutionDueAt() != null) {
			sla = "Resolution due " + dateTime(c.resolutionDueAt());
			slaClass = "ok";
		}
		else {
			sla = "No SLA yet";
			slaClass = "ok";
		}
		return new CaseRow(c.number(), c.subject(), c.status().name(), (c.priority() != null) ? c.priority() : "–",
				(c.assigneeGroup() != null) ? c.assigneeGroup() : "–", sla, slaClass, dateTime(c.createdAt()));
	}

	/** Which part of the business wrote a timeline entry: Sales, Marketing or Service. */
	static String area(InteractionView interaction) {
		if (interaction.campaignId() != null) {
			return "Marketing";
		}
		if (interaction.leadId() != null || interaction.opportunityId() != null) {
			return "Sales";
		}
		// only customer service records entries that name neither a lead, an opportunity
		// nor a campaign: its cases are the customer's own
		return "Service";
	}

	static String dateTime(Instant instant) {
		return (instant != null) ? DATE_TIME.format(instant) : "–";
	}

	static String money(BigDecimal amount) {
		return (amount != null) ? String.format(Locale.US, "%,.2f CNY", amount) : "–";
	}

	private static String period(LocalDate start, LocalDate end) {
		return ((start != null) ? start.toString() : "?") + " – " + ((end != null) ? end.toString() : "?");
	}

}
