package io.reflow.crm.marketing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.reflow.crm.customer.CustomerManagement;
import io.reflow.crm.customer.CustomerView;
import io.reflow.crm.customer.Industry;
import io.reflow.crm.customer.Region;
import io.reflow.crm.customer.Tier;
import io.reflow.crm.marketing.process.MarketingCampaignProcess.Elements;
import io.reflow.crm.marketing.process.MarketingCampaignProcess.Variables;
import io.reflow.crm.platform.demo.DemoWorker;
import io.reflow.crm.sales.DisqualificationReason;
import io.reflow.crm.sales.LeadManagement;
import io.reflow.crm.sales.LeadView;
import io.reflow.crm.sales.OpportunityManagement;
import io.reflow.crm.sales.OpportunityView;
import io.reflow.crm.sales.Timeline;
import io.reflow.crm.sales.process.LeadQualificationProcess;
import io.reflow.crm.sales.process.OpportunityToOrderProcess;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.data.domain.Pageable;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Seeds five campaigns in the {@code demo} profile when there are none, and takes each as
 * far as its row says through {@code marketing-campaign} with the engine's public API and
 * {@link MarketingManagement}, so the marketing Tasklists, Cockpit and
 * {@code /api/campaigns} show campaigns with members, responses, leads and results on
 * first start: three completed and reviewed (budgets approved by the marketing managers,
 * the marketing directors and the executives), one running with an open call list for
 * inside sales, one waiting for a marketing director's budget approval.
 * <p>
 * Campaigns are drafted and responses recorded as {@code liu.yang} through the service,
 * as {@code POST /api/campaigns} and {@code .../responses} do; tasks are claimed and
 * completed by the demo user of the task's group, and the jobs an action creates run here
 * at once ({@link DemoWorker}). Members who show interest become leads through the
 * campaign's hand-over, and those leads go through the real {@code lead-qualification}
 * and {@code opportunity-to-order}: some are won with a quote at 0 % discount (so the
 * results show attributed revenue and an ROI), some are quoted, wait for qualification,
 * are nurtured or disqualified. Which members respond, and how, is drawn from a fixed
 * {@link Random} seed over the demo customers, so every fresh database holds the same
 * data.
 * <p>
 * Dates: the service accepts no start date in the past, so the completed and the running
 * campaigns start today (their start timers are due at once) and the completed ones have
 * their response-window timer ({@code Event_ResponseWindowClosed}) fired by the seed
 * before their end date: they show today's start and a future end date although reviewed.
 * The pending campaign starts in a month.
 * <p>
 * Runs after {@code sales.DemoSales} (which seeds only while there are no leads, and
 * campaign leads are leads) and {@code customer.DemoCustomers} (the audiences select
 * their contacts). The integration tests but {@code DemoMarketingIT} turn it off with
 * {@code reflow.demo.seed-marketing=false}.
 */
@Component
@Profile("demo")
@ConditionalOnProperty(name = "reflow.demo.seed-marketing", havingValue = "true", matchIfMissing = true)
@Order(400)
class DemoMarketing implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoMarketing.class);

	static final long SEED = 20260505L;

	/** The marketing user who drafts campaigns and records responses. */
	static final String PLANNER = "liu.yang";

	/** How far a campaign is taken: where it ends or waits. */
	enum Goal {

		/** Evaluated and reviewed with the lessons learned. */
		COMPLETED,
		/** Channels executed, within its response window. */
		RUNNING,
		/** Submitted; waits for the approver group the budget rule chose. */
		PENDING_APPROVAL

	}

	/** What sales makes of one interested member's lead. */
	enum LeadGoal {

		/** Qualified, quoted at 0 % and accepted: an order attributed to the campaign. */
		WON,
		/** Qualified and quoted; waits for the customer's answer. */
		QUOTED,
		/** Waits in the Tasklist of the group {@code lead-assignment} chose. */
		QUALIFY,
		/** Disqualified with the deal's reason and note. */
		DISQUALIFIED,
		/** A company below 50 employees: the score hands it to marketing nurturing. */
		NURTURED

	}

	/** One interested member's lead: its goal, the deal size (CNY) and timeline. */
	record Deal(LeadGoal goal, long amount, Timeline timeline, DisqualificationReason reason, String note) {

		static Deal won(long amount, Timeline timeline) {
			return new Deal(LeadGoal.WON, amount, timeline, null, null);
		}

		static Deal quoted(long amount, Timeline timeline) {
			return new Deal(LeadGoal.QUOTED, amount, timeline, null, null);
		}

		static Deal toQualify() {
			return new Deal(LeadGoal.QUALIFY, 0, null, null, null);
		}

		static Deal nurtured() {
			return new Deal(LeadGoal.NURTURED, 0, null, null, null);
		}

		static Deal disqualified(DisqualificationReason reason, String note) {
			return new Deal(LeadGoal.DISQUALIFIED, 0, null, reason, note);
		}

	}

	/**
	 * Shares of members (0..1) who opened (e-mail only), clicked, replied and registered
	 * (events); replies come from clickers, clicks from openers where e-mail is tracked.
	 * Plus a number of members who unsubscribe. Interested members come on top.
	 */
	record Funnel(double opened, double clicked, double replied, double registered, int unsubscribed) {
	}

	/**
	 * One campaign: the draft, the goal, the response funnel, the interested members'
	 * deals (by phone when {@code calls} is set, the call list then worked by inside
	 * sales) and the review's lessons learned.
	 */
	record Seed(String name, String objective, Set<Channel> channels, long budget, CampaignDraft.Audience audience,
			int startInDays, int days, int expectedResponseRate, Goal goal, Funnel funnel, boolean calls,
			List<Deal> deals, String lessons) {
	}

	static final List<Seed> SEEDS = List.of(
			// 30,000: marketing managers approve
			new Seed("Software webinar: pipeline analytics",
					"Show software companies how Reflow's pipeline analytics shortens their sales cycle; "
							+ "one-hour webinar with a live demo and a Q&A.",
					EnumSet.of(Channel.EMAIL), 30_000, new CampaignDraft.Audience(null, Industry.SOFTWARE, null, null),
					0, 14, 30, Goal.COMPLETED, new Funnel(0.35, 0.15, 0.05, 0, 1), false,
					List.of(Deal.won(130_000, Timeline.WITHIN_1_MONTH), Deal.quoted(90_000, Timeline.WITHIN_3_MONTHS),
							Deal.toQualify(), Deal.nurtured(),
							Deal.disqualified(DisqualificationReason.NO_BUDGET,
									"Budget went into an ERP upgrade this year")),
					"A webinar works for software companies: the response rate beat the plan and one lead became "
							+ "an order within the window. Send the recording to everyone who "
							+ "clicked, and call interested attendees within a day."),
			// 80,000: marketing directors approve
			new Seed("Mid-market spring offer North",
					"Offer mid-sized companies in the north a three-month starter package; SMS with a link "
							+ "to the offer, then inside sales calls every member.",
					EnumSet.of(Channel.SMS, Channel.PHONE), 80_000,
					new CampaignDraft.Audience(Region.NORTH, null, null, SizeBand.MEDIUM), 0, 21, 10, Goal.COMPLETED,
					new Funnel(0, 0.12, 0.04, 0, 2), true,
					List.of(Deal.won(95_000, Timeline.WITHIN_1_MONTH), Deal.toQualify(),
							Deal.disqualified(DisqualificationReason.COMPETITOR, "Renewed with their current vendor")),
					"Calls made the difference, the SMS alone drew few clicks. Next time call first and send "
							+ "the SMS as a reminder; keep the call list under 40 so one rep can work it in a week."),
			// 600,000: the executives approve
			new Seed("Reflow Customer Summit East 2026",
					"One-day summit in Shanghai for large companies in the east: customer talks, product "
							+ "roadmap and one-to-one meetings with key-account managers.",
					EnumSet.of(Channel.EMAIL, Channel.EVENT), 600_000,
					new CampaignDraft.Audience(Region.EAST, null, null, SizeBand.ENTERPRISE), 0, 30, 35, Goal.COMPLETED,
					new Funnel(0.45, 0.20, 0.05, 0.20, 1), false,
					List.of(Deal.won(680_000, Timeline.WITHIN_1_MONTH), Deal.won(450_000, Timeline.WITHIN_3_MONTHS),
							Deal.quoted(300_000, Timeline.WITHIN_3_MONTHS), Deal.toQualify(),
							Deal.disqualified(DisqualificationReason.BAD_TIMING, "Reorganising IT until next year")),
					"Expensive but it paid for itself: two key-account orders came out of the one-to-one "
							+ "meetings. Book the meetings before the summit, not on the day."),
			// 45,000: running, the call list waits for inside sales
			new Seed("Pharma compliance briefing",
					"Brief strategic pharmaceutical customers on audit trails and GxP-ready approvals in "
							+ "Reflow; e-mail with the briefing paper, inside sales follows up by phone.",
					EnumSet.of(Channel.EMAIL, Channel.PHONE), 45_000,
					new CampaignDraft.Audience(null, Industry.PHARMA, Tier.STRATEGIC, null), 0, 28, 25, Goal.RUNNING,
					new Funnel(0.30, 0.12, 0.04, 0, 0), false, List.of(Deal.toQualify()), null),
			// 150,000: waits for the marketing directors
			new Seed("Energy trade fair Chengdu",
					"Stand at the western China energy trade fair: live demos of field-service planning for "
							+ "energy companies, invitations to our customers and prospects in the industry.",
					EnumSet.of(Channel.EVENT), 150_000, new CampaignDraft.Audience(null, Industry.ENERGY, null, null),
					30, 3, 15, Goal.PENDING_APPROVAL, new Funnel(0, 0, 0, 0, 0), false, List.of(), null));

	private static final List<String> NEEDS = List.of("Pipeline reports the management can trust",
			"One customer view for sales and service", "Quotes and approvals without e-mail chains",
			"Replace spreadsheets in account planning");

	private static final List<String> INTEREST_NOTES = List.of("Asked for a demo for the sales team",
			"Wants pricing for 30 users", "Asked for a call with a consultant", "Wants to see the reports live",
			"Asked how migration from their old CRM works");

	private final MarketingManagement marketing;

	private final LeadManagement leads;

	private final OpportunityManagement opportunities;

	private final CustomerManagement customers;

	private final DemoWorker worker;

	private final MarketingProperties properties;

	DemoMarketing(MarketingManagement marketing, LeadManagement leads, OpportunityManagement opportunities,
			CustomerManagement customers, DemoWorker worker, MarketingProperties properties) {
		this.marketing = marketing;
		this.leads = leads;
		this.opportunities = opportunities;
		this.customers = customers;
		this.worker = worker;
		this.properties = properties;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (this.marketing.count() > 0) {
			return;
		}
		long started = System.nanoTime();
		Random random = new Random(SEED);
		for (int i = 0; i < SEEDS.size(); i++) {
			try {
				drive(SEEDS.get(i), random);
			}
			catch (RuntimeException ex) {
				// a changed model or rule may stop one campaign; the rest still seed
				log.warn("Demo campaign {} stopped before {}: {}", i + 1, SEEDS.get(i).goal(), ex.getMessage());
			}
		}
		List<CampaignView> campaigns = this.marketing.search(null, Pageable.unpaged()).getContent();
		Map<CampaignStatus, Long> byStatus = campaigns.stream()
			.collect(Collectors.groupingBy(CampaignView::status, () -> new EnumMap<>(CampaignStatus.class),
					Collectors.counting()));
		List<CampaignResults> results = campaigns.stream().map((c) -> this.marketing.results(c.id())).toList();
		log.info("Seeded {} demo campaigns {} with {} members, {} responses, {} leads and {} won orders in {} ms",
				campaigns.size(), byStatus, results.stream().mapToLong(CampaignResults::members).sum(),
				results.stream().flatMap((r) -> r.responses().values().stream()).mapToLong(Long::longValue).sum(),
				results.stream().mapToLong(CampaignResults::leads).sum(),
				results.stream().mapToLong(CampaignResults::wonOrders).sum(),
				(System.nanoTime() - started) / 1_000_000);
	}

	/** Drafts, plans and approves the campaign and takes it as far as its goal. */
	private void drive(Seed seed, Random random) {
		LocalDate start = LocalDate.now(this.properties.zone()).plusDays(seed.startInDays());
		CampaignView campaign = asPlanner(() -> this.marketing.create(new CampaignDraft(seed.name(), seed.objective(),
				seed.channels(), BigDecimal.valueOf(seed.budget()), seed.audience(), start,
				start.plusDays(seed.days() - 1), BigDecimal.valueOf(seed.expectedResponseRate()))));
		long id = campaign.id();
		String process = campaign.processInstanceId();
		// the planning task opens with the draft filled in: the planner only submits it
		this.worker.complete(process, Elements.TASK_PLAN_CAMPAIGN, Map.of(Variables.PLAN_DECISION, "SUBMIT"));
		if (seed.goal() == Goal.PENDING_APPROVAL) {
			return;
		}
		this.worker.complete(process, Elements.TASK_APPROVE_BUDGET, Map.of(Variables.BUDGET_DECISION, "APPROVE"));
		// the start date is today: members are selected and every channel has run
		List<MemberView> members = new ArrayList<>(this.marketing.members(id, Pageable.unpaged()).getContent());
		Collections.shuffle(members, random);
		Map<MemberView, Deal> interested = interested(members, seed.deals());
		List<MemberView> others = members.stream().filter((member) -> !interested.containsKey(member)).toList();
		boolean email = seed.channels().contains(Channel.EMAIL);
		Funnel funnel = seed.funnel();
		for (int i = 0; i < others.size(); i++) {
			MemberView member = others.get(i);
			if (i < funnel.unsubscribed()) {
				if (email) {
					respond(id, member, ResponseType.OPENED, null, null);
				}
				respond(id, member, ResponseType.UNSUBSCRIBED, null, null);
				continue;
			}
			double reach = random.nextDouble();
			if (email && reach < funnel.opened()) {
				respond(id, member, ResponseType.OPENED, null, null);
			}
			if (reach < funnel.clicked()) {
				respond(id, member, ResponseType.CLICKED, null, null);
			}
			if (reach < funnel.replied()) {
				respond(id, member, ResponseType.REPLIED, null, "Asked for more details");
			}
			if (random.nextDouble() < funnel.registered()) {
				respond(id, member, ResponseType.REGISTERED, false, null);
			}
		}

		// interest: by phone from the call list, as a registration asking for sales at
		// an event, else as a reply
		if (seed.calls()) {
			int listed = (int) members.stream().filter((member) -> member.phone() != null).count();
			this.worker.complete(process, Elements.TASK_CALL_CAMPAIGN_MEMBERS,
					Map.of(Variables.CALLS_REACHED, Math.round(listed * 0.6f), Variables.INTERESTED_CONTACTS,
							interested.keySet().stream().map(MemberView::email).collect(Collectors.joining("\n")),
							Variables.CALL_NOTE, "Most reached members asked for the offer by e-mail."));
		}
		int note = 0;
		for (Map.Entry<MemberView, Deal> entry : interested.entrySet()) {
			MemberView member = entry.getKey();
			String why = INTEREST_NOTES.get(note++ % INTEREST_NOTES.size());
			ResponseView response;
			if (seed.calls()) {
				// recorded with the call results: asking again returns the response
				response = respond(id, member, ResponseType.INTERESTED, null, null);
			}
			else {
				if (email) {
					respond(id, member, ResponseType.OPENED, null, null);
					respond(id, member, ResponseType.CLICKED, null, null);
				}
				ResponseType type = seed.channels().contains(Channel.EVENT) ? ResponseType.REGISTERED
						: ResponseType.INTERESTED;
				respond(id, member, type, true, why);
				// the hand-over to sales is asynchronous; asking again names the lead
				this.worker.runJobs(process);
				response = respond(id, member, type, true, why);
			}
			if (response.leadId() == null) {
				throw new IllegalStateException("no lead for the interest of contact " + member.contactId());
			}
			sell(response.leadId(), entry.getValue(), note);
		}
		if (seed.goal() == Goal.RUNNING) {
			return;
		}

		// the response window closes (fired now, see above) and the managers review
		this.worker.fireTimer(process, Elements.EVENT_RESPONSE_WINDOW_CLOSED);
		this.worker.complete(process, Elements.TASK_REVIEW_RESULTS, Map.of(Variables.LESSONS_LEARNED, seed.lessons()));
	}

	/**
	 * Picks a member for each deal, from distinct customers: companies of 50 employees
	 * and more (their campaign leads go to sales), below 50 for a nurtured lead.
	 */
	private Map<MemberView, Deal> interested(List<MemberView> members, List<Deal> deals) {
		Map<MemberView, Deal> picked = new LinkedHashMap<>();
		Set<Long> customers = new HashSet<>();
		for (Deal deal : deals) {
			for (MemberView member : members) {
				if (picked.containsKey(member) || customers.contains(member.customerId())) {
					continue;
				}
				CustomerView customer = this.customers.find(member.customerId());
				int employees = (customer.employeeCount() != null) ? customer.employeeCount() : 0;
				if ((deal.goal() == LeadGoal.NURTURED) == (employees < 50)) {
					picked.put(member, deal);
					customers.add(member.customerId());
					break;
				}
			}
		}
		return picked;
	}

	/**
	 * Records a response as the planner, as {@code POST /api/campaigns/{id}/responses}
	 * does.
	 */
	private ResponseView respond(long campaignId, MemberView member, ResponseType type, Boolean interested,
			String note) {
		return asPlanner(() -> this.marketing
			.respond(campaignId, new ResponseDraft(member.contactId(), null, type, interested, note))
			.response());
	}

	/**
	 * Takes the campaign's lead through qualification and the quote as far as the deal.
	 */
	private void sell(long leadId, Deal deal, int index) {
		LeadView lead = this.leads.find(leadId);
		String leadProcess = lead.processInstanceId();
		this.worker.runJobs(leadProcess);
		if (deal.goal() == LeadGoal.NURTURED || deal.goal() == LeadGoal.QUALIFY) {
			return;
		}
		Map<String, Object> answers = new LinkedHashMap<>();
		if (deal.goal() == LeadGoal.DISQUALIFIED) {
			answers.put(LeadQualificationProcess.Variables.QUALIFICATION_OUTCOME, "DISQUALIFIED");
			answers.put(LeadQualificationProcess.Variables.DISQUALIFICATION_REASON, deal.reason().name());
			answers.put(LeadQualificationProcess.Variables.DISQUALIFICATION_NOTE, deal.note());
		}
		else {
			answers.put(LeadQualificationProcess.Variables.QUALIFICATION_OUTCOME, "QUALIFIED");
			answers.put(LeadQualificationProcess.Variables.BUDGET_AMOUNT, deal.amount());
			answers.put(LeadQualificationProcess.Variables.AUTHORITY_CONFIRMED, true);
			answers.put(LeadQualificationProcess.Variables.NEED, NEEDS.get(index % NEEDS.size()));
			answers.put(LeadQualificationProcess.Variables.TIMELINE, deal.timeline().name());
		}
		this.worker.complete(leadProcess, LeadQualificationProcess.Elements.TASK_QUALIFY_LEAD, answers);
		if (deal.goal() == LeadGoal.DISQUALIFIED) {
			return;
		}
		Long opportunityId = this.leads.find(leadId).opportunityId();
		if (opportunityId == null) {
			throw new IllegalStateException("lead " + leadId + " was not converted");
		}
		OpportunityView opportunity = this.opportunities.find(opportunityId);
		String process = opportunity.processInstanceId();
		this.worker.complete(process, OpportunityToOrderProcess.Elements.TASK_PREPARE_QUOTE, quote(deal));
		if (deal.goal() == LeadGoal.WON) {
			// the customer's answer arrives through the API, without an engine user
			this.opportunities.respond(opportunityId, true, null);
			this.worker.runJobs(process);
		}
	}

	/**
	 * The answers of the {@code prepare-quote} form at 0 % discount (no approval needed):
	 * licences, implementation and training adding up to about the deal.
	 */
	private Map<String, Object> quote(Deal deal) {
		long seats = Math.max(5, Math.round(deal.amount() * 0.6 / 2400));
		long days = Math.max(2, Math.round(deal.amount() * 0.3 / 6500));
		String lines = """
				[{"description":"Reflow CRM subscription, per user and year","quantity":%d,"unitPrice":2400},
				 {"description":"Implementation and data migration, per day","quantity":%d,"unitPrice":6500},
				 {"description":"On-site training, per day","quantity":2,"unitPrice":4000}]""".formatted(seats, days);
		int months = switch (deal.timeline()) {
			case WITHIN_1_MONTH -> 1;
			case WITHIN_3_MONTHS -> 3;
			case WITHIN_6_MONTHS -> 6;
			default -> 12;
		};
		return Map.of(OpportunityToOrderProcess.Variables.QUOTE_LINES, lines,
				OpportunityToOrderProcess.Variables.REQUESTED_DISCOUNT, 0.0,
				OpportunityToOrderProcess.Variables.EXPECTED_CLOSE_DATE,
				LocalDate.now(this.properties.zone()).plusMonths(months).toString(),
				OpportunityToOrderProcess.Variables.QUOTE_NOTE,
				"Prices in CNY without VAT, valid for 30 days. Campaign offer.");
	}

	/**
	 * Runs the call as the planner signed in to the API: the service reads the user from
	 * Spring Security, and no engine user is set, as for an API request.
	 */
	private static <T> T asPlanner(Supplier<T> call) {
		SecurityContext previous = SecurityContextHolder.getContext();
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(PLANNER, null, List.of()));
		SecurityContextHolder.setContext(context);
		try {
			return call.get();
		}
		finally {
			SecurityContextHolder.setContext(previous);
		}
	}

}
