package io.reflow.crm.marketing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.reflow.crm.customer.AudienceContact;
import io.reflow.crm.customer.AudienceCriteria;
import io.reflow.crm.customer.CustomerManagement;
import io.reflow.crm.customer.CustomerTimeline;
import io.reflow.crm.customer.CustomerView;
import io.reflow.crm.customer.Industry;
import io.reflow.crm.customer.InteractionDraft;
import io.reflow.crm.marketing.process.MarketingCampaignProcess;
import io.reflow.crm.marketing.process.MarketingCampaignProcess.Variables;
import io.reflow.crm.platform.process.InvalidTaskInputException;
import io.reflow.crm.platform.process.TaskAnswers;
import io.reflow.crm.platform.web.ConflictException;
import io.reflow.crm.platform.web.InvalidFieldException;
import io.reflow.crm.platform.web.NotFoundException;
import io.reflow.crm.sales.CampaignAttribution;
import io.reflow.crm.sales.LeadDraft;
import io.reflow.crm.sales.LeadManagement;
import io.reflow.crm.sales.LeadSource;
import io.reflow.crm.sales.SalesAttribution;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Campaigns from draft to review: every step of {@code marketing-campaign} calls one
 * method here, and so does the API. Checks the plan (a budget above zero, dates in order,
 * at least one channel), selects the audience into {@code crm_campaign_member}, executes
 * the channels once per member (a retried step sends nothing twice), records responses
 * once per member and type, opts unsubscribing contacts out, hands interested members to
 * sales as leads and computes the results.
 */
@Service
@Transactional(noRollbackFor = InvalidTaskInputException.class)
public class MarketingManagement {

	private static final Logger logger = LoggerFactory.getLogger(MarketingManagement.class);

	private final Campaigns campaigns;

	private final CampaignMembers members;

	private final CampaignMessages messages;

	private final CampaignResponses responses;

	private final CustomerManagement customers;

	private final CustomerTimeline timeline;

	private final LeadManagement leads;

	private final SalesAttribution attribution;

	private final CampaignOutbox outbox;

	private final RuntimeService runtimeService;

	private final IdentityService identityService;

	private final MarketingProperties properties;

	private final Clock clock;

	MarketingManagement(Campaigns campaigns, CampaignMembers members, CampaignMessages messages,
			CampaignResponses responses, CustomerManagement customers, CustomerTimeline timeline, LeadManagement leads,
			SalesAttribution attribution, CampaignOutbox outbox, RuntimeService runtimeService,
			IdentityService identityService, MarketingProperties properties, Clock clock) {
		this.campaigns = campaigns;
		this.members = members;
		this.messages = messages;
		this.responses = responses;
		this.customers = customers;
		this.timeline = timeline;
		this.leads = leads;
		this.attribution = attribution;
		this.outbox = outbox;
		this.runtimeService = runtimeService;
		this.identityService = identityService;
		this.properties = properties;
		this.clock = clock;
	}

	/** What the plan step decided: cancelled, or submitted with the timer dates. */
	public record PlanOutcome(boolean cancelled, BigDecimal budget, Instant startAt, Instant endAt) {
	}

	/** The outcome of {@link #respond}: the response, and whether it is new. */
	public record ResponseCreation(ResponseView response, boolean created) {
	}

	// ---- API -------------------------------------------------------------------------

	/**
	 * Stores the draft and starts {@code marketing-campaign}; the planning task opens
	 * with the draft filled in.
	 */
	public CampaignView create(CampaignDraft draft) {
		LocalDate today = today();
		if (draft.startDate() != null && draft.startDate().isBefore(today)) {
			throw new InvalidFieldException("startDate", "must not be in the past (today is " + today + ")");
		}
		if (draft.startDate() != null && draft.endDate() != null && draft.endDate().isBefore(draft.startDate())) {
			throw new InvalidFieldException("endDate", "must not be before the start date " + draft.startDate());
		}
		if (draft.endDate() != null && draft.endDate().isBefore(today)) {
			throw new InvalidFieldException("endDate", "must not be in the past (today is " + today + ")");
		}
		Campaign campaign = new Campaign(currentUser(), this.clock.instant());
		campaign.name = draft.name().trim();
		campaign.objective = blankToNull(draft.objective());
		campaign.channels(draft.channels());
		campaign.budget = draft.budget();
		if (draft.audience() != null) {
			campaign.region = draft.audience().region();
			campaign.industry = draft.audience().industry();
			campaign.tier = draft.audience().tier();
			campaign.sizeBand = draft.audience().sizeBand();
		}
		campaign.startDate = draft.startDate();
		campaign.endDate = draft.endDate();
		campaign.expectedResponseRate = draft.expectedResponseRate();
		this.campaigns.saveAndFlush(campaign);
		campaign.processInstanceId = this.runtimeService
			.startProcessInstanceByKey(MarketingCampaignProcess.KEY, MarketingCampaignProcess.businessKey(campaign.id),
					Map.of(Variables.CAMPAIGN_ID, campaign.id))
			.getId();
		return CampaignView.of(campaign);
	}

	@Transactional(readOnly = true)
	public CampaignView find(long id) {
		return CampaignView.of(load(id));
	}

	@Transactional(readOnly = true)
	public Page<CampaignView> search(CampaignStatus status, Pageable pageable) {
		Page<Campaign> page = (status != null) ? this.campaigns.findByStatus(status, pageable)
				: this.campaigns.findAll(pageable);
		return page.map(CampaignView::of);
	}

	@Transactional(readOnly = true)
	public Page<MemberView> members(long id, Pageable pageable) {
		load(id);
		return this.members.findByCampaignIdOrderByIdAsc(id, pageable).map(MemberView::of);
	}

	/** The campaign's responses, newest first unless the page says otherwise. */
	@Transactional(readOnly = true)
	public Page<ResponseView> responses(long id, ResponseType type, Pageable pageable) {
		load(id);
		Page<CampaignResponse> page = (type != null) ? this.responses.findByCampaignIdAndType(id, type, pageable)
				: this.responses.findByCampaignId(id, pageable);
		return page.map(ResponseView::of);
	}

	@Transactional(readOnly = true)
	public ResponseView response(long id, long responseId) {
		return this.responses.findById(responseId)
			.filter((response) -> response.campaignId == id)
			.map(ResponseView::of)
			.orElseThrow(() -> new NotFoundException("No response " + responseId + " in campaign " + id + "."));
	}

	@Transactional(readOnly = true)
	public long count() {
		return this.campaigns.count();
	}

	/**
	 * The campaigns any of these contacts was a member of, newest first, with who was in
	 * it and how they responded (the customer 360 view reads them).
	 */
	@Transactional(readOnly = true)
	public List<CampaignParticipation> participations(java.util.Collection<Long> contactIds) {
		if (contactIds.isEmpty()) {
			return List.of();
		}
		Map<Long, List<String>> membersByCampaign = new LinkedHashMap<>();
		Map<Long, String> names = new HashMap<>();
		for (CampaignMember member : this.members.findByContactIdIn(contactIds)) {
			membersByCampaign.computeIfAbsent(member.campaignId, (id) -> new ArrayList<>()).add(member.name);
			names.put(member.contactId, member.name);
		}
		Map<Long, List<String>> responsesByCampaign = new HashMap<>();
		for (CampaignResponse response : this.responses.findByContactIdIn(contactIds)) {
			responsesByCampaign.computeIfAbsent(response.campaignId, (id) -> new ArrayList<>())
				.add(names.getOrDefault(response.contactId, "contact " + response.contactId) + ": " + response.type);
		}
		Map<Long, Campaign> campaigns = new HashMap<>();
		this.campaigns.findAllById(membersByCampaign.keySet()).forEach((c) -> campaigns.put(c.id, c));
		return membersByCampaign.entrySet()
			.stream()
			.filter((entry) -> campaigns.containsKey(entry.getKey()))
			.map((entry) -> new CampaignParticipation(CampaignView.of(campaigns.get(entry.getKey())),
					List.copyOf(entry.getValue()),
					List.copyOf(responsesByCampaign.getOrDefault(entry.getKey(), List.of()))))
			.toList();
	}

	/**
	 * Records a member's response once per type. {@code UNSUBSCRIBED} opts the contact
	 * out of every later campaign at once; interest ({@code INTERESTED}, or
	 * {@code REGISTERED} with {@code interested}) is passed to the process as message
	 * {@code InterestShown}, whose sub-process hands the member to sales as a lead.
	 * @throws NotFoundException if the campaign does not exist or the contact is not one
	 * of its members
	 * @throws ConflictException if the campaign is completed or cancelled
	 */
	public ResponseCreation respond(long id, ResponseDraft draft) {
		Campaign campaign = load(id);
		if (!campaign.status.takesResponses()) {
			throw new ConflictException("campaign", "Campaign " + id + " is "
					+ campaign.status.name().toLowerCase(Locale.ROOT) + " and takes no more responses.");
		}
		if (draft.contactId() == null && (draft.email() == null || draft.email().isBlank())) {
			throw new InvalidFieldException("contactId", "give the member's contactId or email");
		}
		CampaignMember member = member(campaign, draft.contactId(), draft.email());
		boolean interested = draft.type() == ResponseType.INTERESTED
				|| (draft.type() == ResponseType.REGISTERED && Boolean.TRUE.equals(draft.interested()));
		var earlier = this.responses.findByCampaignIdAndContactIdAndType(id, member.contactId, draft.type());
		if (earlier.isPresent()) {
			return new ResponseCreation(ResponseView.of(earlier.get()), false);
		}
		CampaignResponse response = record(campaign, member, draft.type(), interested, blankToNull(draft.note()));
		if (interested) {
			this.runtimeService.createMessageCorrelation(MarketingCampaignProcess.Messages.INTEREST_SHOWN)
				.processInstanceBusinessKey(MarketingCampaignProcess.businessKey(id))
				.setVariableToTriggeredScope(Variables.RESPONSE_ID, response.id)
				.correlateWithResult();
		}
		return new ResponseCreation(ResponseView.of(response), true);
	}

	private CampaignResponse record(Campaign campaign, CampaignMember member, ResponseType type, boolean interested,
			String note) {
		CampaignResponse response = this.responses
			.saveAndFlush(new CampaignResponse(member, type, interested, note, currentUser(), this.clock.instant()));
		this.timeline.record(InteractionDraft.forCampaign(campaign.id, member.customerId, "CAMPAIGN_" + type.name(),
				member.name + " " + describe(type, interested) + " in campaign '" + campaign.name + "'"
						+ ((note != null) ? ": " + note : "")));
		if (type == ResponseType.UNSUBSCRIBED && this.customers.optOut(member.contactId, campaign.id)) {
			this.timeline.record(InteractionDraft.forCampaign(campaign.id, member.customerId, "CONTACT_OPTED_OUT",
					member.name + " opted out of all future campaigns"));
		}
		return response;
	}

	private static String describe(ResponseType type, boolean interested) {
		return switch (type) {
			case OPENED -> "opened the message";
			case CLICKED -> "clicked a link";
			case REPLIED -> "replied";
			case REGISTERED -> interested ? "registered and asked to hear from sales" : "registered";
			case UNSUBSCRIBED -> "unsubscribed";
			case INTERESTED -> "showed interest";
		};
	}

	private CampaignMember member(Campaign campaign, Long contactId, String email) {
		if (contactId != null) {
			CampaignMember member = this.members.findByCampaignIdAndContactId(campaign.id, contactId)
				.orElseThrow(() -> new NotFoundException(
						"Contact " + contactId + " is not a member of campaign " + campaign.id + "."));
			if (email != null && !email.isBlank() && !email.trim().equalsIgnoreCase(member.email)) {
				throw new InvalidFieldException("email", "is not the e-mail address of contact " + contactId);
			}
			return member;
		}
		List<CampaignMember> found = this.members.findByCampaignIdAndEmail(campaign.id, email.trim());
		if (found.isEmpty()) {
			throw new NotFoundException("No member of campaign " + campaign.id + " has e-mail " + email.trim() + ".");
		}
		return found.get(0);
	}

	/** The campaign's figures, computed now (they keep growing as its leads are won). */
	@Transactional(readOnly = true)
	public CampaignResults results(long id) {
		Campaign campaign = load(id);
		long memberCount = this.members.countByCampaignId(id);
		Map<Channel, Map<String, Long>> byChannel = new EnumMap<>(Channel.class);
		for (Object[] row : this.messages.countByChannelAndStatus(id)) {
			byChannel.computeIfAbsent((Channel) row[0], (key) -> new TreeMap<>())
				.put(((CampaignMessage.Status) row[1]).name(), ((Number) row[2]).longValue());
		}
		Map<ResponseType, Long> byType = new EnumMap<>(ResponseType.class);
		for (ResponseType type : ResponseType.values()) {
			byType.put(type, 0L);
		}
		for (Object[] row : this.responses.countByType(id)) {
			byType.put((ResponseType) row[0], ((Number) row[1]).longValue());
		}
		long responders = this.responses.countResponders(id);
		CampaignAttribution sales = this.attribution.ofCampaign(id);
		BigDecimal rate = (memberCount == 0) ? null
				: BigDecimal.valueOf(responders * 100).divide(BigDecimal.valueOf(memberCount), 2, RoundingMode.HALF_UP);
		BigDecimal costPerLead = (campaign.budget == null || sales.leads() == 0) ? null
				: campaign.budget.divide(BigDecimal.valueOf(sales.leads()), 2, RoundingMode.HALF_UP);
		BigDecimal roi = (campaign.budget == null) ? null
				: sales.revenue().subtract(campaign.budget).divide(campaign.budget, 4, RoundingMode.HALF_UP);
		return new CampaignResults(id, campaign.status, memberCount, byChannel, byType, responders, rate,
				campaign.expectedResponseRate, sales.leads(), sales.qualifiedLeads(), sales.opportunities(),
				sales.wonOrders(), sales.revenue(), campaign.budget, costPerLead, roi);
	}

	// ---- process steps
	// -----------------------------------------------------------------

	/**
	 * For {@code Task_PlanCampaign}: the plan as the form's answers, to pre-fill it.
	 * Empty fields are left out.
	 */
	@Transactional(readOnly = true)
	public Map<String, Object> planAnswers(long id) {
		Campaign campaign = load(id);
		Map<String, Object> answers = new LinkedHashMap<>();
		answers.put(Variables.CAMPAIGN_NAME, campaign.name);
		answers.put(Variables.OBJECTIVE, campaign.objective);
		Set<Channel> channels = campaign.channelSet();
		answers.put(Variables.CHANNEL_EMAIL, channels.contains(Channel.EMAIL));
		answers.put(Variables.CHANNEL_SMS, channels.contains(Channel.SMS));
		answers.put(Variables.CHANNEL_PHONE, channels.contains(Channel.PHONE));
		answers.put(Variables.CHANNEL_EVENT, channels.contains(Channel.EVENT));
		answers.put(Variables.BUDGET, (campaign.budget != null) ? campaign.budget.doubleValue() : null);
		answers.put(Variables.START_DATE, (campaign.startDate != null) ? campaign.startDate.toString() : null);
		answers.put(Variables.END_DATE, (campaign.endDate != null) ? campaign.endDate.toString() : null);
		answers.put(Variables.EXPECTED_RESPONSE_RATE,
				(campaign.expectedResponseRate != null) ? campaign.expectedResponseRate.doubleValue() : null);
		answers.put(Variables.REGION, name(campaign.region));
		answers.put(Variables.INDUSTRY, name(campaign.industry));
		answers.put(Variables.TIER, name(campaign.tier));
		answers.put(Variables.SIZE_BAND, name(campaign.sizeBand));
		answers.values().removeIf(java.util.Objects::isNull);
		return answers;
	}

	/**
	 * Step {@code Task_RecordPlan}: stores the planner's answers. CANCEL ends the
	 * campaign; SUBMIT checks the plan and returns the budget for the approval rule and
	 * the start and end of the campaign's days in the configured zone.
	 * @throws InvalidTaskInputException if the plan is incomplete or inconsistent
	 */
	public PlanOutcome recordPlan(long id, Map<String, Object> answers) {
		Campaign campaign = load(id);
		String decision = TaskAnswers.text(answers.get(Variables.PLAN_DECISION));
		if ("CANCEL".equals(decision)) {
			String reason = TaskAnswers.text(answers.get(Variables.CANCEL_REASON));
			if (reason == null) {
				throw new InvalidTaskInputException("Say why the campaign is cancelled.");
			}
			campaign.cancelReason = limit(reason, 1000, "The reason");
			return new PlanOutcome(true, null, null, null);
		}
		if (!"SUBMIT".equals(decision)) {
			throw new InvalidTaskInputException("Choose SUBMIT or CANCEL.");
		}
		List<String> problems = new ArrayList<>();
		String name = TaskAnswers.text(answers.get(Variables.CAMPAIGN_NAME));
		String objective = TaskAnswers.text(answers.get(Variables.OBJECTIVE));
		if (name == null || name.length() > 200) {
			problems.add("a name of at most 200 characters");
		}
		if (objective == null || objective.length() > 1000) {
			problems.add("an objective of at most 1000 characters");
		}
		Set<Channel> channels = EnumSet.noneOf(Channel.class);
		addIf(channels, Channel.EMAIL, answers.get(Variables.CHANNEL_EMAIL));
		addIf(channels, Channel.SMS, answers.get(Variables.CHANNEL_SMS));
		addIf(channels, Channel.PHONE, answers.get(Variables.CHANNEL_PHONE));
		addIf(channels, Channel.EVENT, answers.get(Variables.CHANNEL_EVENT));
		if (channels.isEmpty()) {
			problems.add("at least one channel");
		}
		BigDecimal budget = TaskAnswers.amount(answers.get(Variables.BUDGET), "The budget");
		if (budget == null || budget.signum() <= 0) {
			problems.add("a budget above zero");
		}
		BigDecimal rate = TaskAnswers.amount(answers.get(Variables.EXPECTED_RESPONSE_RATE),
				"The expected response rate");
		if (rate == null || rate.signum() < 0 || rate.compareTo(BigDecimal.valueOf(100)) > 0) {
			problems.add("an expected response rate between 0 and 100 %");
		}
		LocalDate start = date(answers.get(Variables.START_DATE), "start date");
		LocalDate end = date(answers.get(Variables.END_DATE), "end date");
		LocalDate today = today();
		if (start == null || start.isBefore(today)) {
			problems.add("a start date from today (" + today + ") on");
		}
		if (end == null || (start != null && end.isBefore(start))) {
			problems.add("an end date not before the start date");
		}
		if (!problems.isEmpty()) {
			throw new InvalidTaskInputException("The plan needs " + String.join(", ", problems) + ".");
		}
		// parsed before anything is stored: a refused plan leaves the campaign as it was
		io.reflow.crm.customer.Region region = TaskAnswers.option(answers.get(Variables.REGION),
				io.reflow.crm.customer.Region.class, "The region");
		Industry industry = TaskAnswers.option(answers.get(Variables.INDUSTRY), Industry.class, "The industry");
		io.reflow.crm.customer.Tier tier = TaskAnswers.option(answers.get(Variables.TIER),
				io.reflow.crm.customer.Tier.class, "The tier");
		SizeBand sizeBand = TaskAnswers.option(answers.get(Variables.SIZE_BAND), SizeBand.class, "The size band");
		campaign.name = name;
		campaign.objective = objective;
		campaign.channels(channels);
		campaign.budget = budget.setScale(2, RoundingMode.HALF_UP);
		campaign.expectedResponseRate = rate;
		campaign.startDate = start;
		campaign.endDate = end;
		campaign.region = region;
		campaign.industry = industry;
		campaign.tier = tier;
		campaign.sizeBand = sizeBand;
		campaign.status = CampaignStatus.PENDING_APPROVAL;
		campaign.feedback = null;
		return new PlanOutcome(false, campaign.budget, start.atStartOfDay(this.properties.zone()).toInstant(),
				end.plusDays(1).atStartOfDay(this.properties.zone()).toInstant());
	}

	/** Step {@code Task_CancelCampaign}: the planner cancelled the campaign. */
	public void cancel(long id) {
		Campaign campaign = load(id);
		campaign.status = CampaignStatus.CANCELLED;
		campaign.closedAt = this.clock.instant();
	}

	/** For {@code Task_ApproveBudget}: what the approver sees. */
	@Transactional(readOnly = true)
	public Map<String, Object> approvalContext(long id) {
		Campaign campaign = load(id);
		Map<String, Object> context = new LinkedHashMap<>();
		context.put("campaignName", campaign.name);
		context.put("objective", campaign.objective);
		context.put("campaignBudget", number(campaign.budget));
		context.put("channelList", String.join(", ", campaign.channelSet().stream().map(Channel::name).toList()));
		context.put("audienceDescription", audience(campaign));
		context.put("campaignPeriod", campaign.startDate + " – " + campaign.endDate);
		context.put("expectedResponseRate", number(campaign.expectedResponseRate));
		context.put("plannedBy", campaign.createdBy);
		return context;
	}

	/**
	 * Step {@code Task_RecordBudgetDecision}: the approver's answer.
	 * @return null when approved, else the feedback for the planner
	 * @throws InvalidTaskInputException if the answer is incomplete
	 */
	public String recordBudgetDecision(long id, String approverGroup, Object decision, Object comment) {
		Campaign campaign = load(id);
		String answer = TaskAnswers.text(decision);
		String why = TaskAnswers.text(comment);
		if (why != null) {
			why = limit(why, 1000, "The comment");
		}
		String approver = currentUser();
		campaign.approverGroup = approverGroup;
		if ("APPROVE".equals(answer)) {
			campaign.approvedBy = approver;
			campaign.approvedAt = this.clock.instant();
			return null;
		}
		if ("REJECT".equals(answer)) {
			if (why == null) {
				throw new InvalidTaskInputException("Say why the budget is rejected, so the planner can revise it.");
			}
			campaign.status = CampaignStatus.DRAFT;
			campaign.feedback = "Budget of " + money(campaign.budget) + " rejected by " + approver + ": " + why;
			return campaign.feedback;
		}
		throw new InvalidTaskInputException("Choose APPROVE or REJECT.");
	}

	/**
	 * Step {@code Task_SelectAudience}: stores the contacts matching the criteria
	 * (opted-out contacts never match) as members. Run again, it keeps the members it
	 * stored.
	 * @return the number of members
	 */
	public int selectAudience(long id) {
		Campaign campaign = load(id);
		long existing = this.members.countByCampaignId(id);
		if (existing == 0) {
			SizeBand band = campaign.sizeBand;
			List<AudienceContact> audience = this.customers
				.audience(new AudienceCriteria(campaign.region, campaign.industry, campaign.tier,
						(band != null) ? band.minEmployees() : null, (band != null) ? band.maxEmployees() : null));
			Instant now = this.clock.instant();
			this.members.saveAll(audience.stream().map((contact) -> new CampaignMember(id, contact, now)).toList());
			existing = audience.size();
		}
		campaign.memberCount = (int) existing;
		if (existing > 0) {
			campaign.status = CampaignStatus.SCHEDULED;
		}
		return (int) existing;
	}

	/**
	 * Step {@code Task_ReportEmptyAudience}: no contact matched; the plan goes back to
	 * the planner.
	 * @return the feedback for the planner
	 */
	public String reportEmptyAudience(long id) {
		Campaign campaign = load(id);
		campaign.status = CampaignStatus.DRAFT;
		campaign.feedback = "No contact matches the audience (" + audience(campaign)
				+ "); widen the audience or cancel the campaign.";
		return campaign.feedback;
	}

	/** Step {@code Task_StartCampaign}: the start date has come. */
	public void start(long id) {
		Campaign campaign = load(id);
		campaign.status = CampaignStatus.RUNNING;
		campaign.startedAt = this.clock.instant();
	}

	/**
	 * The channels of the campaign in a fixed order: the collection of the channel step.
	 */
	@Transactional(readOnly = true)
	public List<String> channels(long id) {
		return load(id).channelSet().stream().map(Channel::name).toList();
	}

	/**
	 * Steps {@code Task_SendMessages} (EMAIL, SMS) and {@code Task_SendInvitations}
	 * (EVENT): one message through the outbox per member with an address for the channel
	 * who has not opted out since the selection. Members already served on this channel
	 * are skipped, and messages go to the outbox only once the step has committed, so a
	 * retried step sends nothing twice (at most once: a message the outbox then fails on
	 * is logged, not retried).
	 * @return how many messages are sent
	 */
	public int execute(long id, Channel channel) {
		if (channel == Channel.PHONE) {
			throw new IllegalArgumentException("PHONE is worked as a call list, not sent");
		}
		Campaign campaign = load(id);
		Instant now = this.clock.instant();
		List<CampaignOutbox.OutboundMessage> outgoing = new ArrayList<>();
		List<InteractionDraft> contacted = new ArrayList<>();
		List<CampaignMessage> rows = pending(id, channel, (member) -> {
			if (member.address(channel) == null) {
				return CampaignMessage.Status.NO_ADDRESS;
			}
			outgoing.add(new CampaignOutbox.OutboundMessage(channel, member.address(channel), member.name,
					(channel == Channel.EVENT) ? "Invitation: " + campaign.name : campaign.name, campaign.objective));
			contacted.add(InteractionDraft.forCampaign(id, member.customerId, "CAMPAIGN_" + channel.name(),
					((channel == Channel.EVENT) ? "Invited " : channel.name() + " sent to ") + member.name
							+ ((channel == Channel.EVENT) ? " to the event of campaign '" : " for campaign '")
							+ campaign.name + "'"));
			return (channel == Channel.EVENT) ? CampaignMessage.Status.INVITED : CampaignMessage.Status.SENT;
		}, now);
		this.messages.saveAll(rows);
		contacted.forEach(this.timeline::record);
		afterCommit(() -> outgoing.forEach(this::send));
		return outgoing.size();
	}

	/**
	 * Step {@code Task_PrepareCallList}: every member with a phone number who has not
	 * opted out goes on the call list (once, however often the step runs).
	 * @return the number of members to call
	 */
	public int prepareCallList(long id) {
		load(id);
		this.messages.saveAll(pending(id, Channel.PHONE,
				(member) -> (member.phone != null) ? CampaignMessage.Status.LISTED : CampaignMessage.Status.NO_ADDRESS,
				this.clock.instant()));
		return callList(id).size();
	}

	/**
	 * One new row per member not yet served on the channel: OPTED_OUT for members who
	 * opted out since the selection, otherwise what {@code outcome} says.
	 */
	private List<CampaignMessage> pending(long id, Channel channel,
			java.util.function.Function<CampaignMember, CampaignMessage.Status> outcome, Instant now) {
		Set<Long> done = this.messages.memberIdsReached(id, channel);
		List<CampaignMember> open = this.members.findByCampaignIdOrderByIdAsc(id)
			.stream()
			.filter((member) -> !done.contains(member.id))
			.toList();
		Set<Long> optedOut = this.customers.optedOut(open.stream().map((member) -> member.contactId).toList());
		return open.stream()
			.map((member) -> new CampaignMessage(member, channel,
					optedOut.contains(member.contactId) ? CampaignMessage.Status.OPTED_OUT : outcome.apply(member),
					now))
			.toList();
	}

	/** The members on the call list (listed, and not opted out since). */
	private List<CampaignMember> callList(long id) {
		Set<Long> listed = this.messages.memberIdsWithStatus(id, Channel.PHONE, CampaignMessage.Status.LISTED);
		List<CampaignMember> list = this.members.findByCampaignIdOrderByIdAsc(id)
			.stream()
			.filter((member) -> listed.contains(member.id))
			.toList();
		Set<Long> optedOut = this.customers.optedOut(list.stream().map((member) -> member.contactId).toList());
		return list.stream().filter((member) -> !optedOut.contains(member.contactId)).toList();
	}

	private void send(CampaignOutbox.OutboundMessage message) {
		try {
			this.outbox.send(message);
		}
		catch (RuntimeException ex) {
			logger.warn("{} to {} not sent: {}", message.channel(), message.address(), ex.getMessage());
		}
	}

	private static void afterCommit(Runnable action) {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					action.run();
				}
			});
		}
		else {
			action.run();
		}
	}

	/** For {@code Task_CallCampaignMembers}: the campaign and the members to call. */
	@Transactional(readOnly = true)
	public Map<String, Object> callContext(long id) {
		Campaign campaign = load(id);
		List<CampaignMember> list = callList(id);
		StringBuilder text = new StringBuilder();
		int limit = this.properties.callListLimit();
		list.stream()
			.limit(limit)
			.forEach((member) -> text.append(member.name)
				.append(" (contact ")
				.append(member.contactId)
				.append(") – ")
				.append(member.company)
				.append(" – ")
				.append(member.phone)
				.append('\n'));
		if (list.size() > limit) {
			text.append("… and ")
				.append(list.size() - limit)
				.append(" more: GET /api/campaigns/")
				.append(id)
				.append("/members");
		}
		Map<String, Object> context = new LinkedHashMap<>();
		context.put("campaignName", campaign.name);
		context.put("objective", campaign.objective);
		context.put("callListSize", list.size());
		context.put("callList", text.toString().strip());
		return context;
	}

	/**
	 * Step {@code Task_RecordCallResults}: how many members were reached, and the members
	 * who showed interest (contact ids or e-mail addresses), who become leads at once.
	 * @throws InvalidTaskInputException if the count is missing or out of range, or a
	 * named contact is not a member
	 */
	public void recordCallResults(long id, Object callsReached, Object interestedContacts, Object note) {
		Campaign campaign = load(id);
		BigDecimal reached = TaskAnswers.amount(callsReached, "The number of members reached");
		int listSize = callList(id).size();
		if (reached == null || reached.signum() < 0 || reached.stripTrailingZeros().scale() > 0
				|| reached.compareTo(BigDecimal.valueOf(listSize)) > 0) {
			throw new InvalidTaskInputException(
					"Enter how many of the " + listSize + " members on the call list were reached (a whole number).");
		}
		String noteText = TaskAnswers.text(note);
		if (noteText != null) {
			limit(noteText, 1000, "The note");
		}
		List<CampaignMember> interested = new ArrayList<>();
		String names = TaskAnswers.text(interestedContacts);
		if (names != null) {
			List<String> unknown = new ArrayList<>();
			for (String entry : new LinkedHashSet<>(List.of(names.split("[,;\\s]+")))) {
				if (entry.isBlank()) {
					continue;
				}
				try {
					interested.add(entry.contains("@") ? member(campaign, null, entry)
							: member(campaign, Long.valueOf(entry), null));
				}
				catch (NotFoundException | NumberFormatException ex) {
					unknown.add(entry);
				}
			}
			if (!unknown.isEmpty()) {
				throw new InvalidTaskInputException("Not members of this campaign: " + String.join(", ", unknown)
						+ ". Enter contact ids or e-mail addresses from the call list.");
			}
		}
		campaign.callsReached = reached.intValue();
		campaign.callNote = noteText;
		for (CampaignMember member : interested) {
			if (this.responses.findByCampaignIdAndContactIdAndType(id, member.contactId, ResponseType.INTERESTED)
				.isEmpty()) {
				CampaignResponse response = record(campaign, member, ResponseType.INTERESTED, true, "By phone");
				handOver(campaign, response);
			}
		}
	}

	/**
	 * Step {@code Task_HandOverLead}: the interested member becomes a lead with source
	 * CAMPAIGN, which starts {@code lead-qualification}. One lead per member and
	 * campaign, however many interested responses arrive.
	 * @return the lead's id
	 */
	public long handOverLead(long responseId) {
		CampaignResponse response = this.responses.findById(responseId)
			.orElseThrow(() -> new NotFoundException("No campaign response " + responseId + "."));
		return handOver(load(response.campaignId), response);
	}

	private long handOver(Campaign campaign, CampaignResponse response) {
		if (response.leadId != null) {
			return response.leadId;
		}
		CampaignMember member = this.members.findById(response.memberId).orElseThrow();
		CustomerView customer = this.customers.find(member.customerId);
		LeadDraft draft = new LeadDraft(member.company, member.name, member.email, member.phone, LeadSource.CAMPAIGN,
				customer.region(), industry(customer.industry()),
				(customer.employeeCount() != null) ? customer.employeeCount() : 0, false, member.customerId,
				campaign.id, "campaign-" + campaign.id + "-contact-" + member.contactId);
		response.leadId = this.leads.create(draft).lead().id();
		return response.leadId;
	}

	private static Industry industry(String text) {
		if (text != null) {
			for (Industry industry : Industry.values()) {
				if (industry.name().equalsIgnoreCase(text.trim()) || industry.label().equalsIgnoreCase(text.trim())) {
					return industry;
				}
			}
		}
		return Industry.OTHER;
	}

	/** Step {@code Task_EvaluateCampaign}: the response window has closed. */
	public void evaluate(long id) {
		Campaign campaign = load(id);
		campaign.status = CampaignStatus.IN_REVIEW;
		campaign.evaluatedAt = this.clock.instant();
	}

	/** For {@code Task_ReviewResults}: the results as the reviewers read them. */
	@Transactional(readOnly = true)
	public Map<String, Object> reviewContext(long id) {
		Campaign campaign = load(id);
		CampaignResults results = results(id);
		Map<String, Object> context = new LinkedHashMap<>();
		context.put("campaignName", campaign.name);
		context.put("memberCount", results.members());
		StringBuilder summary = new StringBuilder();
		results.responses().forEach((type, count) -> {
			if (count > 0) {
				summary.append((summary.length() > 0) ? ", " : "").append(count).append(' ').append(type.name());
			}
		});
		context.put("responseSummary", (summary.length() > 0) ? summary.toString() : "No responses");
		context.put("responseRate", number(results.responseRate()));
		context.put("leadCount", results.leads());
		context.put("qualifiedLeadCount", results.qualifiedLeads());
		context.put("opportunityCount", results.opportunities());
		context.put("wonOrderCount", results.wonOrders());
		context.put("attributedRevenue", number(results.attributedRevenue()));
		context.put("campaignBudget", number(results.budget()));
		context.put("costPerLead", number(results.costPerLead()));
		context.put("roi", (results.roi() != null)
				? number(results.roi().movePointRight(2).setScale(1, RoundingMode.HALF_UP)) : null);
		return context;
	}

	/**
	 * Step {@code Task_RecordReview}: the managers' lessons learned; the campaign is
	 * completed.
	 * @throws InvalidTaskInputException if no lessons are given
	 */
	public void recordReview(long id, Object lessonsLearned) {
		Campaign campaign = load(id);
		String lessons = TaskAnswers.text(lessonsLearned);
		if (lessons == null) {
			throw new InvalidTaskInputException("Write down the lessons learned.");
		}
		campaign.lessonsLearned = limit(lessons, 4000, "The lessons learned");
		campaign.reviewedBy = currentUser();
		campaign.status = CampaignStatus.COMPLETED;
		campaign.closedAt = this.clock.instant();
	}

	// ---- helpers ---------------------------------------------------------------------

	private Campaign load(long id) {
		return this.campaigns.findById(id).orElseThrow(() -> new NotFoundException("No campaign " + id + "."));
	}

	private LocalDate today() {
		return LocalDate.now(this.clock.withZone(this.properties.zone()));
	}

	private static String audience(Campaign campaign) {
		List<String> parts = new ArrayList<>();
		if (campaign.region != null) {
			parts.add("region " + campaign.region);
		}
		if (campaign.industry != null) {
			parts.add("industry " + campaign.industry.label());
		}
		if (campaign.tier != null) {
			parts.add("tier " + campaign.tier);
		}
		if (campaign.sizeBand != null) {
			parts.add(campaign.sizeBand.label());
		}
		return parts.isEmpty() ? "all contacts" : String.join(", ", parts);
	}

	private static String money(BigDecimal amount) {
		return (amount != null) ? String.format(Locale.ROOT, "¥%,.2f", amount) : "–";
	}

	/** A display value for a disabled number field of a form (a Double, or null). */
	private static Double number(BigDecimal value) {
		return (value != null) ? value.doubleValue() : null;
	}

	private static void addIf(Set<Channel> channels, Channel channel, Object flag) {
		if (TaskAnswers.flag(flag)) {
			channels.add(channel);
		}
	}

	private static LocalDate date(Object value, String label) {
		String text = TaskAnswers.text(value);
		if (text == null) {
			return null;
		}
		try {
			return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
		}
		catch (DateTimeParseException ex) {
			throw new InvalidTaskInputException("The " + label + " must be a date (yyyy-MM-dd), not '" + text + "'.");
		}
	}

	private static String limit(String text, int max, String label) {
		if (text.length() > max) {
			throw new InvalidTaskInputException(label + " is longer than " + max + " characters.");
		}
		return text;
	}

	private static String name(Enum<?> value) {
		return (value != null) ? value.name() : null;
	}

	private static String blankToNull(String text) {
		return (text == null || text.isBlank()) ? null : text.trim();
	}

	private String currentUser() {
		var authentication = this.identityService.getCurrentAuthentication();
		if (authentication != null && authentication.getUserId() != null) {
			return authentication.getUserId();
		}
		var spring = SecurityContextHolder.getContext().getAuthentication();
		return (spring != null && spring.isAuthenticated()) ? spring.getName() : "system";
	}

}
