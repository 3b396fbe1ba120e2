package io.reflow.crm.support;

import static io.reflow.crm.customer.Tier.KEY;
import static io.reflow.crm.customer.Tier.NEW;
import static io.reflow.crm.customer.Tier.STANDARD;
import static io.reflow.crm.customer.Tier.STRATEGIC;
import static io.reflow.crm.support.CaseCategory.BILLING;
import static io.reflow.crm.support.CaseCategory.COMPLAINT;
import static io.reflow.crm.support.CaseCategory.FIELD_SERVICE;
import static io.reflow.crm.support.CaseCategory.INQUIRY;
import static io.reflow.crm.support.CaseCategory.TECHNICAL;
import static io.reflow.crm.support.CaseChannel.CHAT;
import static io.reflow.crm.support.CaseChannel.EMAIL;
import static io.reflow.crm.support.CaseChannel.PHONE;
import static io.reflow.crm.support.CaseChannel.WEB;
import static io.reflow.crm.support.CaseSeverity.CRITICAL;
import static io.reflow.crm.support.CaseSeverity.HIGH;
import static io.reflow.crm.support.CaseSeverity.LOW;
import static io.reflow.crm.support.CaseSeverity.NORMAL;

import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.reflow.crm.customer.CustomerManagement;
import io.reflow.crm.customer.CustomerSearch;
import io.reflow.crm.customer.CustomerStatus;
import io.reflow.crm.customer.CustomerView;
import io.reflow.crm.customer.Tier;
import io.reflow.crm.platform.demo.DemoWorker;
import io.reflow.crm.support.process.SupportCaseProcess.Elements;
import io.reflow.crm.support.process.SupportCaseProcess.Variables;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Component;

/**
 * Seeds about 25 service cases in the {@code demo} profile when there are none, and takes
 * each as far as its row says through {@code support-case} with the engine's public API,
 * so the support groups' Tasklists, Cockpit and {@code /api/cases} show cases in every
 * status, priority and group, with field visits, escalations and customer feedback. Tasks
 * are worked by the demo user of the case's group, or after an escalation by the lead or
 * manager it went to ({@link DemoWorker}); the customer's feedback comes in through
 * {@link SupportManagement#feedback} without an engine user, as the API does. Runs after
 * {@code sales.DemoSales}; the cases belong to {@code customer.DemoCustomers}' customers.
 * The integration tests but {@code DemoSupportIT} turn it off with
 * {@code reflow.demo.seed-support=false}.
 */
@Component
@Profile("demo")
@ConditionalOnProperty(name = "reflow.demo.seed-support", havingValue = "true", matchIfMissing = true)
@Order(300)
class DemoSupport implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoSupport.class);

	/** How far a case is taken: where it ends or waits. */
	enum Goal {

		/** Waits untouched in the Tasklist of the group {@code case-triage} chose. */
		OPEN,
		/** Claimed (the first response): in progress with the agent. */
		IN_PROGRESS,
		/** The agent asked for a field visit; planned, waiting for the engineer. */
		VISIT_PLANNED,
		/** Visited; back with the case's group for the resolution. */
		VISIT_DONE,
		/** Resolved; waits for the customer's feedback. */
		RESOLVED,
		/** The customer confirmed with a CSAT score. */
		CLOSED,
		/** The customer said it is not solved: back at Resolve case. */
		REOPENED

	}

	/**
	 * One case: the next demo customer of {@code tier}; the triage inputs; the goal; a
	 * missed SLA ({@code RESPONSE} before anyone claims it, {@code RESOLUTION} while it
	 * is worked; null for none); whether a field visit comes first; the customer's CSAT
	 * and comment for closed and reopened cases.
	 */
	record Seed(Tier tier, CaseCategory category, CaseSeverity severity, CaseChannel channel, String subject,
			String description, Goal goal, Breach breach, boolean visit, Integer csat, String comment) {

		static Seed of(Tier tier, CaseCategory category, CaseSeverity severity, CaseChannel channel, String subject,
				String description) {
			return new Seed(tier, category, severity, channel, subject, description, Goal.OPEN, null, false, null,
					null);
		}

		Seed until(Goal goal) {
			return new Seed(this.tier, this.category, this.severity, this.channel, this.subject, this.description, goal,
					this.breach, this.visit, this.csat, this.comment);
		}

		Seed breached(Breach breach) {
			return new Seed(this.tier, this.category, this.severity, this.channel, this.subject, this.description,
					this.goal, breach, this.visit, this.csat, this.comment);
		}

		Seed visited() {
			return new Seed(this.tier, this.category, this.severity, this.channel, this.subject, this.description,
					this.goal, this.breach, true, this.csat, this.comment);
		}

		Seed feedback(Goal goal, Integer csat, String comment) {
			return new Seed(this.tier, this.category, this.severity, this.channel, this.subject, this.description, goal,
					this.breach, this.visit, csat, comment);
		}

	}

	// Priorities and groups follow from case-triage.dmn: CRITICAL, or HIGH for strategic
	// and key customers, is P1; other HIGH, and complaints of strategic and key
	// customers,
	// P2; NORMAL P3; LOW P4. Field service and billing go to their teams, technical
	// CRITICAL/HIGH to support-tier2, the rest to support-tier1. Escalations follow
	// escalation.dmn: a missed response goes to support-leads, a missed resolution to
	// support-managers for P1 and for strategic and key customers, else to support-leads.
	static final List<Seed> SEEDS = List.of(
			// untouched in the group's Tasklist; two of them missed their response time
			Seed.of(STANDARD, INQUIRY, LOW, WEB, "How to export the contact list to Excel",
					"The sales assistant wants all contacts of her region in one spreadsheet."),
			Seed.of(NEW, BILLING, NORMAL, EMAIL, "Invoice shows an old VAT number",
					"Our tax number changed in March; the April invoice still shows the old one."),
			Seed.of(KEY, TECHNICAL, HIGH, PHONE, "Quotes cannot be sent since this morning",
					"Every quote ends with an error when the rep clicks Send; twelve offers are waiting.")
				.breached(Breach.RESPONSE),
			Seed.of(STANDARD, FIELD_SERVICE, NORMAL, PHONE, "Barcode scanner at the warehouse gate offline",
					"The scanner that books incoming deliveries does not connect any more."),
			Seed.of(STRATEGIC, COMPLAINT, NORMAL, EMAIL, "Nobody called back about the data migration",
					"We were promised a call last week about the missing customer history.")
				.breached(Breach.RESPONSE),
			// claimed and in progress; two of them missed their resolution time, one was
			// taken by a support lead after a missed response
			Seed.of(STANDARD, TECHNICAL, NORMAL, CHAT, "Reminder e-mails arrive twice",
					"Since the update every task reminder reaches the reps two times.")
				.until(Goal.IN_PROGRESS),
			Seed.of(KEY, TECHNICAL, CRITICAL, PHONE, "Order import from the ERP stopped",
					"No orders have come over from the ERP since 02:00; the night job shows red.")
				.until(Goal.IN_PROGRESS)
				.breached(Breach.RESOLUTION),
			Seed.of(NEW, BILLING, HIGH, EMAIL, "Charged for 50 users instead of 20",
					"The first invoice counts 50 licences; the contract says 20.")
				.until(Goal.IN_PROGRESS),
			Seed.of(STANDARD, TECHNICAL, HIGH, PHONE, "Dashboard times out for the sales director",
					"The forecast dashboard loads for minutes and then shows an error.")
				.until(Goal.IN_PROGRESS)
				.breached(Breach.RESPONSE),
			Seed.of(STANDARD, INQUIRY, NORMAL, WEB, "Which fields can the web form fill in?",
					"Marketing wants the trade-fair form to fill in industry and company size.")
				.until(Goal.IN_PROGRESS)
				.breached(Breach.RESOLUTION),
			// field visits: planned, and done with the case back with its group
			Seed.of(KEY, FIELD_SERVICE, HIGH, PHONE, "Label printer on packing line 2 jams",
					"The printer jams every few labels; the line runs at half speed.")
				.until(Goal.VISIT_PLANNED)
				.visited(),
			Seed.of(STANDARD, FIELD_SERVICE, NORMAL, PHONE, "Kiosk terminal in the showroom frozen",
					"The customer kiosk in the Suzhou showroom shows a frozen screen.")
				.until(Goal.VISIT_PLANNED)
				.visited(),
			Seed.of(STRATEGIC, TECHNICAL, HIGH, PHONE, "Shop-floor tablets lose the connection",
					"The tablets in hall 3 drop the connection whenever a forklift passes.")
				.until(Goal.VISIT_DONE)
				.visited(),
			Seed.of(KEY, FIELD_SERVICE, NORMAL, EMAIL, "Install the signature pads at the service desk",
					"Three signature pads for delivery notes arrived and need setting up.")
				.visited()
				.feedback(Goal.CLOSED, 5, "Quick and tidy installation, thank you."),
			// resolved, waiting for the customer's answer
			Seed.of(STANDARD, INQUIRY, LOW, EMAIL, "Can we rename the pipeline stages?",
					"We call the proposal stage 'offer' internally.")
				.until(Goal.RESOLVED),
			Seed.of(NEW, BILLING, NORMAL, WEB, "Need the invoice as a fapiao",
					"Our finance department needs a special VAT fapiao for the subscription.")
				.until(Goal.RESOLVED),
			Seed.of(KEY, TECHNICAL, NORMAL, CHAT, "Calendar sync with Outlook misses meetings",
					"Meetings created in the CRM do not show in Outlook for two reps.")
				.until(Goal.RESOLVED),
			// closed with the customer's score; one after a missed resolution time, one
			// after a support manager took it over
			Seed.of(STRATEGIC, TECHNICAL, CRITICAL, PHONE, "Login fails for all users",
					"Nobody in the Shanghai office can log in since 08:30.")
				.feedback(Goal.CLOSED, 5, "Back within the hour, great work."),
			Seed.of(STANDARD, BILLING, HIGH, EMAIL, "Payment booked twice",
					"Our bank shows the annual fee debited twice this month.")
				.feedback(Goal.CLOSED, 4, "Refund arrived, thanks."),
			Seed.of(NEW, INQUIRY, LOW, WEB, "Is there a mobile app?", "Our field reps ask for an app for their phones.")
				.feedback(Goal.CLOSED, 3, null),
			Seed.of(KEY, COMPLAINT, LOW, EMAIL, "Trainer arrived two hours late",
					"The on-site training started two hours late and was cut short.")
				.feedback(Goal.CLOSED, 2, "Solved, but it took too many e-mails."),
			Seed.of(STANDARD, TECHNICAL, NORMAL, CHAT, "PDF quotes show boxes instead of characters",
					"Company names in Chinese come out as empty boxes in the quote PDF.")
				.breached(Breach.RESOLUTION)
				.feedback(Goal.CLOSED, 1, "Far too slow for such a small fix."),
			Seed.of(STRATEGIC, BILLING, NORMAL, EMAIL, "Cost centre missing on invoices",
					"Each invoice must show our cost centre 4711-SH.")
				.feedback(Goal.CLOSED, 4, null),
			Seed.of(KEY, TECHNICAL, HIGH, PHONE, "Search returns no customers",
					"Customer search finds nothing, even for exact company names.")
				.breached(Breach.RESOLUTION)
				.feedback(Goal.CLOSED, 3, "Works again; the delay hurt our campaign."),
			// reopened: the customer says it still fails
			Seed.of(STANDARD, TECHNICAL, NORMAL, EMAIL, "Attachments over 5 MB fail to upload",
					"Drawings attached to opportunities fail with a network error.")
				.feedback(Goal.REOPENED, 2, "Still fails for our CAD drawings."));

	/** What the agent writes in Resolve case. */
	record Answer(String diagnosis, String resolution) {

		static Answer to(CaseCategory category) {
			return switch (category) {
				case COMPLAINT -> new Answer("The promised follow-up was not recorded in the case history.",
						"Called the customer, apologised and booked the missing session.");
				case TECHNICAL ->
					new Answer("Reproduced on the customer's tenant: a setting left from the last update.",
							"Corrected the setting and verified it with the customer's key user.");
				case BILLING -> new Answer("The billing run used outdated master data.",
						"Corrected the master data and issued a credit note and a corrected invoice.");
				case INQUIRY -> new Answer("A how-to question.", "Sent the guide and walked the user through it.");
				case FIELD_SERVICE -> new Answer("The device on site needs an engineer.",
						"Checked the settings remotely after the visit.");
			};
		}

	}

	private static final List<String> ENGINEERS = List.of("He Ping", "Deng Wei", "Fang Lei");

	private final SupportManagement support;

	private final CustomerManagement customers;

	private final WorkingCalendar calendar;

	private final DemoWorker worker;

	private final Clock clock;

	DemoSupport(SupportManagement support, CustomerManagement customers, WorkingCalendar calendar, DemoWorker worker,
			Clock clock) {
		this.support = support;
		this.customers = customers;
		this.calendar = calendar;
		this.worker = worker;
		this.clock = clock;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (this.support.count() > 0) {
			return;
		}
		long started = System.nanoTime();
		Map<Tier, List<CustomerView>> candidates = new EnumMap<>(Tier.class);
		Map<Tier, Integer> taken = new EnumMap<>(Tier.class);
		for (int i = 0; i < SEEDS.size(); i++) {
			Seed seed = SEEDS.get(i);
			try {
				List<CustomerView> ofTier = candidates.computeIfAbsent(seed.tier(), this::customersOf);
				int next = taken.merge(seed.tier(), 1, Integer::sum) - 1;
				drive(i, seed, ofTier.get(next % ofTier.size()));
			}
			catch (RuntimeException ex) {
				// a changed model or rule may stop one story; the rest still seed
				log.warn("Demo case {} stopped before {}: {}", i + 1, seed.goal(), ex.getMessage());
			}
		}
		List<CaseView> cases = this.support.search(null, null, null, null, Pageable.unpaged()).getContent();
		Map<CaseStatus, Long> byStatus = cases.stream()
			.collect(Collectors.groupingBy(CaseView::status, () -> new EnumMap<>(CaseStatus.class),
					Collectors.counting()));
		Map<String, Long> byPriority = cases.stream()
			.collect(Collectors.groupingBy(CaseView::priority, TreeMap::new, Collectors.counting()));
		log.info(
				"Seeded {} demo service cases {}, priorities {}, {} escalations on {} cases, {} field visits, "
						+ "{} closed cases with CSAT in {} ms",
				cases.size(), byStatus, byPriority, cases.stream().mapToInt((c) -> c.escalations().size()).sum(),
				cases.stream().filter((c) -> !c.escalations().isEmpty()).count(),
				cases.stream().mapToInt((c) -> c.visits().size()).sum(),
				cases.stream().filter((c) -> c.status() == CaseStatus.CLOSED && c.csat() != null).count(),
				(System.nanoTime() - started) / 1_000_000);
	}

	/** Opens the case and takes it as far as the seed's goal. */
	private void drive(int index, Seed seed, CustomerView customer) {
		CaseView opened = this.support
			.open(new CaseDraft(customer.id(), customer.contacts().get(0).id(), seed.channel(), seed.category(),
					seed.severity(), seed.subject(), seed.description(), "demo-case-" + (index + 1)))
			.serviceCase();
		long id = opened.id();
		String process = opened.processInstanceId();
		this.worker.runJobs(process);
		String agent = this.worker.memberOf(this.support.find(id).assigneeGroup());
		// The SLA timers are due hours ahead; the demo fires them now, early, so the
		// escalations really happen through the model and escalation.dmn.
		if (seed.breach() == Breach.RESPONSE) {
			this.worker.fireTimer(process, Elements.BOUNDARY_EVENT_RESPONSE_OVERDUE);
			// the lead the case went to responds
			agent = this.worker.memberOf(escalatedTo(id));
		}
		if (seed.goal() == Goal.OPEN) {
			return;
		}
		this.worker.claim(process, Elements.TASK_RESOLVE_CASE, agent);
		if (seed.breach() == Breach.RESOLUTION) {
			this.worker.fireTimer(process, Elements.BOUNDARY_EVENT_RESOLUTION_OVERDUE);
			if (seed.goal() != Goal.IN_PROGRESS) {
				// the lead or manager the case went to takes it over and resolves it
				agent = this.worker.memberOf(escalatedTo(id));
				this.worker.takeOver(process, Elements.TASK_RESOLVE_CASE, agent);
			}
		}
		if (seed.goal() == Goal.IN_PROGRESS) {
			return;
		}
		Answer answer = Answer.to(seed.category());
		if (seed.visit()) {
			this.worker.complete(process, Elements.TASK_RESOLVE_CASE, agent,
					Map.of(Variables.FIELD_VISIT_NEEDED, true, Variables.DIAGNOSIS, answer.diagnosis()));
			// today at the earliest, on the support desk's calendar as planVisit checks
			LocalDate visitDate = LocalDate.now(this.clock.withZone(this.calendar.zone())).plusDays(index % 3);
			this.worker.complete(process, Elements.TASK_SCHEDULE_VISIT,
					Map.of(Variables.ENGINEER, ENGINEERS.get(index % ENGINEERS.size()), Variables.VISIT_DATE,
							visitDate.toString(), Variables.VISIT_NOTE, "Call the site contact 30 minutes ahead."));
			if (seed.goal() == Goal.VISIT_PLANNED) {
				return;
			}
			this.worker.complete(process, Elements.TASK_PERFORM_VISIT, Map.of(Variables.VISIT_REPORT,
					"Replaced the faulty part and tested with the site contact.", Variables.VISIT_SOLVED, true));
			if (seed.goal() == Goal.VISIT_DONE) {
				return;
			}
		}
		this.worker.complete(process, Elements.TASK_RESOLVE_CASE, agent, Map.of(Variables.FIELD_VISIT_NEEDED, false,
				Variables.DIAGNOSIS, answer.diagnosis(), Variables.RESOLUTION, answer.resolution()));
		if (seed.goal() == Goal.RESOLVED) {
			return;
		}
		// the customer's answer arrives through the API, which acts as an integration: no
		// engine user, as with POST /api/cases/{id}/feedback
		this.support.feedback(id, seed.goal() == Goal.CLOSED, seed.csat(), seed.comment());
		this.worker.runJobs(process);
	}

	/** The group the case's latest escalation went to. */
	private String escalatedTo(long caseId) {
		List<CaseView.EscalationView> escalations = this.support.find(caseId).escalations();
		if (escalations.isEmpty()) {
			throw new IllegalStateException("case " + caseId + " was not escalated");
		}
		return escalations.get(escalations.size() - 1).escalatedTo();
	}

	/**
	 * Customers of the tier with a contact who may open cases (active ones, and prospects
	 * trying the product), by id.
	 */
	private List<CustomerView> customersOf(Tier tier) {
		List<CustomerView> found = this.customers
			.search(new CustomerSearch(null, null, tier), PageRequest.of(0, 50, Sort.by("id")))
			.stream()
			.filter((customer) -> customer.status() == CustomerStatus.ACTIVE
					|| customer.status() == CustomerStatus.PROSPECT)
			.filter((customer) -> !customer.contacts().isEmpty())
			.toList();
		if (found.isEmpty()) {
			throw new IllegalStateException("no " + tier + " customer with a contact");
		}
		return found;
	}

}
