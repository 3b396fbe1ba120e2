package io.reflow.crm.sales;

import static io.reflow.crm.customer.Industry.AUTOMOTIVE;
import static io.reflow.crm.customer.Industry.CONSTRUCTION;
import static io.reflow.crm.customer.Industry.EDUCATION;
import static io.reflow.crm.customer.Industry.ELECTRONICS;
import static io.reflow.crm.customer.Industry.ENERGY;
import static io.reflow.crm.customer.Industry.FINANCE;
import static io.reflow.crm.customer.Industry.FOOD;
import static io.reflow.crm.customer.Industry.LOGISTICS;
import static io.reflow.crm.customer.Industry.MANUFACTURING;
import static io.reflow.crm.customer.Industry.OTHER;
import static io.reflow.crm.customer.Industry.PHARMA;
import static io.reflow.crm.customer.Industry.RETAIL;
import static io.reflow.crm.customer.Industry.SOFTWARE;
import static io.reflow.crm.customer.Region.CENTRAL;
import static io.reflow.crm.customer.Region.EAST;
import static io.reflow.crm.customer.Region.NORTH;
import static io.reflow.crm.customer.Region.SOUTH;
import static io.reflow.crm.customer.Region.WEST;
import static io.reflow.crm.sales.LeadSource.CAMPAIGN;
import static io.reflow.crm.sales.LeadSource.COLD_CALL;
import static io.reflow.crm.sales.LeadSource.EVENT;
import static io.reflow.crm.sales.LeadSource.REFERRAL;
import static io.reflow.crm.sales.LeadSource.WEB;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.reflow.crm.customer.CustomerManagement;
import io.reflow.crm.customer.CustomerSearch;
import io.reflow.crm.customer.CustomerStatus;
import io.reflow.crm.customer.CustomerView;
import io.reflow.crm.customer.Industry;
import io.reflow.crm.customer.Region;
import io.reflow.crm.customer.Tier;
import io.reflow.crm.platform.demo.DemoWorker;
import io.reflow.crm.sales.process.LeadQualificationProcess;
import io.reflow.crm.sales.process.OpportunityToOrderProcess;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Component;

/**
 * Seeds about 40 leads in the {@code demo} profile when there are none, and takes each as
 * far as its row says through {@code lead-qualification} and {@code opportunity-to-order}
 * with the engine's public API, so Tasklist, Cockpit and the pipeline show work in every
 * state on first start. Tasks are claimed and completed by the demo user of the task's
 * candidate group; the jobs an action creates run here at once ({@link DemoWorker}), so
 * every fresh database holds the same data and nothing waits for the job executor. Runs
 * after {@code customer.DemoCustomers}: some leads come from its customers. The
 * integration tests but {@code DemoSalesIT} turn it off with
 * {@code reflow.demo.seed-sales=false}.
 */
@Component
@Profile("demo")
@ConditionalOnProperty(name = "reflow.demo.seed-sales", havingValue = "true", matchIfMissing = true)
@Order(200)
class DemoSales implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoSales.class);

	/** How far a lead is taken: where it ends or waits. */
	enum Goal {

		/** Scores below 30, so the model hands it to marketing by itself. */
		NURTURING,
		/** Waits in the Tasklist of the group {@code lead-assignment} chose. */
		QUALIFY_LEAD,
		/** Disqualified with a reason and the row's note. */
		DISQUALIFIED,
		/** Converted; the opportunity waits for its first quote. */
		PREPARE_QUOTE,
		/** Quoted with a discount above the rep's limit; waits for the approver group. */
		APPROVE_DISCOUNT,
		/**
		 * The approver (with the row's note) or the rules rejected the discount; back at
		 * Prepare quote.
		 */
		REWORK_QUOTE,
		/** Quote sent, approved where needed; waits for the customer's answer. */
		AWAIT_CUSTOMER,
		/** The customer accepted; the order is placed. */
		WON,
		/** The customer declined, for the row's note. */
		LOST

	}

	/**
	 * One lead: a new company, or ({@code company} null) the next demo customer of
	 * {@code tier} in {@code region}; the goal; for qualified leads the budget, the
	 * requested discount and the timeline; the disqualification reason; a note (why it
	 * was disqualified, why the discount was rejected, why the customer declined).
	 */
	record Seed(String company, String contact, String email, Tier tier, LeadSource source, Region region,
			Industry industry, int employees, boolean budgetConfirmed, Goal goal, long budget, double discount,
			Timeline timeline, DisqualificationReason reason, String note) {

		static Seed lead(String company, String contact, String email, LeadSource source, Region region,
				Industry industry, int employees, boolean budgetConfirmed) {
			return new Seed(company, contact, email, null, source, region, industry, employees, budgetConfirmed, null,
					0, 0, null, null, null);
		}

		static Seed customer(Tier tier, Region region, LeadSource source) {
			return new Seed(null, null, null, tier, source, region, null, 0, true, null, 0, 0, null, null, null);
		}

		/**
		 * The same lead without a confirmed budget: a big customer's referral scores
		 * below 85 then and waits for manual qualification instead of being fast-tracked.
		 */
		Seed budgetUnconfirmed() {
			return new Seed(this.company, this.contact, this.email, this.tier, this.source, this.region, this.industry,
					this.employees, false, this.goal, this.budget, this.discount, this.timeline, this.reason,
					this.note);
		}

		Seed until(Goal goal) {
			return new Seed(this.company, this.contact, this.email, this.tier, this.source, this.region, this.industry,
					this.employees, this.budgetConfirmed, goal, 0, 0, null, null, null);
		}

		Seed disqualified(DisqualificationReason reason, String note) {
			return new Seed(this.company, this.contact, this.email, this.tier, this.source, this.region, this.industry,
					this.employees, this.budgetConfirmed, Goal.DISQUALIFIED, 0, 0, null, reason, note);
		}

		Seed deal(Goal goal, long budget, double discount, Timeline timeline, String note) {
			return new Seed(this.company, this.contact, this.email, this.tier, this.source, this.region, this.industry,
					this.employees, this.budgetConfirmed, goal, budget, discount, timeline, null, note);
		}

	}

	// Scores (lead-scoring.dmn) and groups (lead-assignment.dmn) follow from source,
	// size, budget and industry; approvals from discount.dmn: a new customer gets up
	// to 3 % without approval, 8 % with a sales manager's, 30 % with a director's.
	// Leads scoring 85 or more are fast-tracked (lead-fast-track.dmn): converted without
	// Qualify lead, so rows that must wait for or be disqualified in qualification score
	// below 85; deal rows of customers with 1,000 employees or more that refer
	// themselves, 沈阳北方重工 (90) and 北京华信 (95) are fast-tracked and go on from
	// their opportunity.
	static final List<Seed> SEEDS = List.of(
			// scores below 30: marketing nurtures them
			Seed.lead("广州小满餐饮管理有限公司", "林婷", "ting.lin@xiaoman-food.cn", COLD_CALL, SOUTH, FOOD, 25, false)
				.until(Goal.NURTURING),
			Seed.lead("成都青禾教育咨询有限公司", "罗洋", "yang.luo@qinghe-edu.cn", WEB, WEST, EDUCATION, 30, false)
				.until(Goal.NURTURING),
			Seed.lead("郑州启航物流有限公司", "马超", "chao.ma@qihang-logistics.cn", CAMPAIGN, CENTRAL, LOGISTICS, 40, false)
				.until(Goal.NURTURING),
			Seed.lead("苏州木森建筑设计有限公司", "朱静", "jing.zhu@musen-design.cn", WEB, EAST, CONSTRUCTION, 120, false)
				.until(Goal.NURTURING),
			Seed.lead("大连海蓝能源科技有限公司", "高磊", "lei.gao@hailan-energy.cn", COLD_CALL, NORTH, ENERGY, 150, false)
				.until(Goal.NURTURING),
			// to be qualified: key-accounts (1,000 employees or more) three times, then
			// sales-north twice, sales-south, sales-east, sales-west, inside-sales twice
			Seed.customer(Tier.STRATEGIC, NORTH, REFERRAL).budgetUnconfirmed().until(Goal.QUALIFY_LEAD),
			Seed.customer(Tier.KEY, EAST, EVENT).budgetUnconfirmed().until(Goal.QUALIFY_LEAD),
			Seed.lead("深圳鹏程电子股份有限公司", "陈鑫", "xin.chen@pengcheng-elec.cn", CAMPAIGN, SOUTH, ELECTRONICS, 3200, false)
				.until(Goal.QUALIFY_LEAD),
			Seed.lead("天津渤海精密机械有限公司", "赵勇", "yong.zhao@bohai-precision.cn", REFERRAL, NORTH, MANUFACTURING, 320, false)
				.until(Goal.QUALIFY_LEAD),
			Seed.lead("济南泉城医药有限公司", "孙娜", "na.sun@quancheng-pharma.cn", EVENT, NORTH, PHARMA, 80, true)
				.until(Goal.QUALIFY_LEAD),
			Seed.lead("厦门鹭岛零售连锁有限公司", "吴婷", "ting.wu@ludao-retail.cn", EVENT, SOUTH, RETAIL, 400, false)
				.until(Goal.QUALIFY_LEAD),
			Seed.lead("宁波港通物流有限公司", "徐军", "jun.xu@gangtong-logistics.cn", WEB, EAST, LOGISTICS, 500, true)
				.until(Goal.QUALIFY_LEAD),
			Seed.lead("重庆山城汽车零部件有限公司", "胡杰", "jie.hu@shancheng-auto.cn", REFERRAL, WEST, AUTOMOTIVE, 90, true)
				.until(Goal.QUALIFY_LEAD),
			Seed.lead("长沙湘江智能制造有限公司", "周明", "ming.zhou@xiangjiang-mfg.cn", EVENT, CENTRAL, MANUFACTURING, 300, false)
				.until(Goal.QUALIFY_LEAD),
			Seed.lead("武汉光谷软件有限公司", "杨华", "hua.yang@guanggu-soft.cn", WEB, CENTRAL, SOFTWARE, 250, false)
				.until(Goal.QUALIFY_LEAD),
			// disqualified
			Seed.lead("青岛明德金融服务有限公司", "郭平", "ping.guo@mingde-finance.cn", EVENT, NORTH, FINANCE, 60, false)
				.disqualified(DisqualificationReason.NO_BUDGET, "No budget before the next fiscal year"),
			Seed.lead("南京新元电子有限公司", "黄超", "chao.huang@xinyuan-elec.cn", WEB, EAST, ELECTRONICS, 700, false)
				.disqualified(DisqualificationReason.COMPETITOR, "Signed with a competitor last month"),
			Seed.lead("西安秦川能源有限公司", "李刚", "gang.li@qinchuan-energy.cn", REFERRAL, WEST, ENERGY, 260, false)
				.disqualified(DisqualificationReason.NO_NEED, "Was looking for an e-mail marketing tool only"),
			Seed.lead("东莞宏图五金制品有限公司", "林秀英", "xiuying.lin@hongtu-hw.cn", CAMPAIGN, SOUTH, MANUFACTURING, 180, false)
				.disqualified(DisqualificationReason.UNREACHABLE, "Three calls and two e-mails without an answer"),
			Seed.lead("合肥天成建设有限公司", "王磊", "lei.wang@tiancheng-build.cn", EVENT, EAST, CONSTRUCTION, 1500, false)
				.disqualified(DisqualificationReason.BAD_TIMING, "Reorganising until spring; call again then"),
			// converted: the opportunity waits for its first quote
			Seed.customer(Tier.KEY, WEST, REFERRAL)
				.deal(Goal.PREPARE_QUOTE, 420_000, 0, Timeline.WITHIN_3_MONTHS, null),
			Seed.lead("北京中科数据科技有限公司", "张伟", "wei.zhang@zhongke-data.cn", REFERRAL, NORTH, SOFTWARE, 450, true)
				.deal(Goal.PREPARE_QUOTE, 260_000, 0, Timeline.WITHIN_1_MONTH, null),
			Seed.lead("杭州云帆电商有限公司", "刘洋", "yang.liu@yunfan-ecom.cn", EVENT, EAST, RETAIL, 150, true)
				.deal(Goal.PREPARE_QUOTE, 180_000, 0, Timeline.WITHIN_6_MONTHS, null),
			// quoted; the discount waits for sales-directors (twice) and
			// sales-managers
			Seed.lead("沈阳北方重工机械有限公司", "高勇", "yong.gao@beifang-heavy.cn", REFERRAL, NORTH, MANUFACTURING, 800, true)
				.deal(Goal.APPROVE_DISCOUNT, 650_000, 0.15, Timeline.WITHIN_3_MONTHS, null),
			Seed.lead("广州南粤医药连锁有限公司", "陈静", "jing.chen@nanyue-pharma.cn", EVENT, SOUTH, PHARMA, 350, true)
				.deal(Goal.APPROVE_DISCOUNT, 240_000, 0.12, Timeline.WITHIN_1_MONTH, null),
			Seed.lead("上海浦江金融信息服务有限公司", "许敏", "min.xu@pujiang-fin.cn", CAMPAIGN, EAST, FINANCE, 600, false)
				.deal(Goal.APPROVE_DISCOUNT, 150_000, 0.06, Timeline.WITHIN_6_MONTHS, null),
			// back at Prepare quote: a sales manager rejected 7 %, the rules
			// rejected 35 %
			Seed.lead("福州闽江物流有限公司", "郑涛", "tao.zheng@minjiang-logistics.cn", REFERRAL, SOUTH, LOGISTICS, 120, true)
				.deal(Goal.REWORK_QUOTE, 120_000, 0.07, Timeline.WITHIN_3_MONTHS,
						"7 % is too much for a first order: offer 3 % and two free training days."),
			Seed.lead("成都天府零售有限公司", "杨艳", "yan.yang@tianfu-retail.cn", EVENT, WEST, RETAIL, 260, false)
				.deal(Goal.REWORK_QUOTE, 200_000, 0.35, Timeline.WITHIN_6_MONTHS, null),
			// quote sent (the third after a sales manager's approval), waiting
			// for the customer
			Seed.customer(Tier.STRATEGIC, EAST, REFERRAL)
				.deal(Goal.AWAIT_CUSTOMER, 900_000, 0.15, Timeline.WITHIN_3_MONTHS, null),
			Seed.lead("北京华信智能制造股份有限公司", "王芳", "fang.wang@huaxin-mfg.cn", EVENT, NORTH, MANUFACTURING, 2400, true)
				.deal(Goal.AWAIT_CUSTOMER, 520_000, 0.03, Timeline.WITHIN_1_MONTH, null),
			Seed.lead("天津恒通汽车零部件有限公司", "刘勇", "yong.liu@hengtong-auto.cn", REFERRAL, NORTH, AUTOMOTIVE, 380, false)
				.deal(Goal.AWAIT_CUSTOMER, 160_000, 0.05, Timeline.WITHIN_3_MONTHS, null),
			// standard customers from 100,000 CNY, where the limit is 5 %: 6 % waits
			// for the customer after a sales manager's approval, 6 % was won the same
			// way, 11 % waits for a sales director (what the analysts' discount
			// backtest replays, docs/analyst-guide.md)
			Seed.customer(Tier.STANDARD, NORTH, EVENT)
				.deal(Goal.AWAIT_CUSTOMER, 150_000, 0.06, Timeline.WITHIN_3_MONTHS, null),
			Seed.customer(Tier.STANDARD, SOUTH, REFERRAL).deal(Goal.WON, 240_000, 0.06, Timeline.WITHIN_1_MONTH, null),
			Seed.customer(Tier.STANDARD, WEST, EVENT)
				.deal(Goal.APPROVE_DISCOUNT, 300_000, 0.11, Timeline.WITHIN_3_MONTHS, null),
			// won, the second after a sales director's approval: order placed
			Seed.customer(Tier.STRATEGIC, SOUTH, REFERRAL)
				.deal(Goal.WON, 1_200_000, 0.12, Timeline.WITHIN_1_MONTH, null),
			Seed.lead("青岛海川冷链物流有限公司", "周杰", "jie.zhou@haichuan-cold.cn", REFERRAL, NORTH, LOGISTICS, 300, true)
				.deal(Goal.WON, 180_000, 0.10, Timeline.WITHIN_1_MONTH, null),
			Seed.customer(Tier.STANDARD, CENTRAL, REFERRAL).deal(Goal.WON, 60_000, 0, Timeline.WITHIN_1_MONTH, null),
			// lost
			Seed.lead("西安古城文旅有限公司", "马丽", "li.ma@gucheng-travel.cn", CAMPAIGN, WEST, OTHER, 150, true)
				.deal(Goal.LOST, 90_000, 0.03, Timeline.WITHIN_3_MONTHS, "Chose a cheaper local vendor"),
			Seed.customer(Tier.STANDARD, EAST, REFERRAL)
				.deal(Goal.LOST, 120_000, 0.05, Timeline.WITHIN_6_MONTHS, "Budget frozen after the merger"),
			Seed.lead("郑州中原电子有限公司", "孙伟", "wei.sun@zhongyuan-elec.cn", REFERRAL, CENTRAL, ELECTRONICS, 500, true)
				.deal(Goal.LOST, 210_000, 0.03, Timeline.WITHIN_3_MONTHS, "Project postponed by the board"));

	private static final List<String> NEEDS = List.of("Shared pipeline and quotes for the regional sales team",
			"Replace spreadsheets in key-account planning", "Lead capture from trade fairs and the website",
			"Customer timeline for sales and after-sales service", "Dealer orders and quotes in one place");

	private final LeadManagement leads;

	private final OpportunityManagement opportunities;

	private final OrderManagement orders;

	private final CustomerManagement customers;

	private final Leads leadTable;

	private final Opportunities opportunityTable;

	private final DemoWorker worker;

	private final Clock clock;

	DemoSales(LeadManagement leads, OpportunityManagement opportunities, OrderManagement orders,
			CustomerManagement customers, Leads leadTable, Opportunities opportunityTable, DemoWorker worker,
			Clock clock) {
		this.leads = leads;
		this.opportunities = opportunities;
		this.orders = orders;
		this.customers = customers;
		this.leadTable = leadTable;
		this.opportunityTable = opportunityTable;
		this.worker = worker;
		this.clock = clock;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (this.leads.count() > 0) {
			return;
		}
		long started = System.nanoTime();
		Set<Long> takenCustomers = new HashSet<>();
		for (int i = 0; i < SEEDS.size(); i++) {
			try {
				drive(i, SEEDS.get(i), takenCustomers);
			}
			catch (RuntimeException ex) {
				// a changed model or rule may stop one story; the rest still seed
				log.warn("Demo lead {} stopped before {}: {}", i + 1, SEEDS.get(i).goal(), ex.getMessage());
			}
		}
		Map<LeadStatus, Long> byStatus = this.leadTable.findAll()
			.stream()
			.collect(Collectors.groupingBy(Lead::getStatus, () -> new EnumMap<>(LeadStatus.class),
					Collectors.counting()));
		Map<OpportunityStage, Long> byStage = new EnumMap<>(OpportunityStage.class);
		Arrays.stream(OpportunityStage.values())
			.forEach((stage) -> byStage.put(stage, this.opportunityTable.countByStage(stage)));
		log.info("Seeded {} demo leads {}, {} opportunities {} and {} orders in {} ms", this.leads.count(), byStatus,
				this.opportunities.count(), byStage, this.orders.count(), (System.nanoTime() - started) / 1_000_000);
	}

	/** Creates the lead and takes it and its opportunity as far as the seed's goal. */
	private void drive(int index, Seed seed, Set<Long> takenCustomers) {
		LeadView lead = this.leads.create(draft(index, seed, takenCustomers)).lead();
		String leadProcess = lead.processInstanceId();
		this.worker.runJobs(leadProcess);
		if (seed.goal() == Goal.NURTURING || seed.goal() == Goal.QUALIFY_LEAD) {
			return;
		}
		if (this.leads.find(lead.id()).status() != LeadStatus.CONVERTED) {
			this.worker.complete(leadProcess, LeadQualificationProcess.Elements.TASK_QUALIFY_LEAD,
					qualification(index, seed));
		}
		// else fast-tracked: the opportunity is open already
		if (seed.goal() == Goal.DISQUALIFIED) {
			return;
		}
		Long opportunityId = this.leads.find(lead.id()).opportunityId();
		if (opportunityId == null) {
			throw new IllegalStateException("lead " + lead.id() + " was not converted");
		}
		OpportunityView opportunity = this.opportunities.find(opportunityId);
		String process = opportunity.processInstanceId();
		if (seed.goal() == Goal.PREPARE_QUOTE) {
			return;
		}
		this.worker.complete(process, OpportunityToOrderProcess.Elements.TASK_PREPARE_QUOTE, quote(seed));
		if (seed.goal() != Goal.APPROVE_DISCOUNT
				&& this.worker.waitsAt(process, OpportunityToOrderProcess.Elements.TASK_APPROVE_DISCOUNT)) {
			this.worker.complete(process, OpportunityToOrderProcess.Elements.TASK_APPROVE_DISCOUNT,
					(seed.goal() == Goal.REWORK_QUOTE)
							? Map.of(OpportunityToOrderProcess.Variables.APPROVAL_DECISION, "REJECT",
									OpportunityToOrderProcess.Variables.APPROVAL_COMMENT, seed.note())
							: Map.of(OpportunityToOrderProcess.Variables.APPROVAL_DECISION, "APPROVE"));
		}
		if (seed.goal() == Goal.WON || seed.goal() == Goal.LOST) {
			// the customer's answer arrives through the API, which acts as an
			// integration:
			// no engine user, as with POST /api/opportunities/{id}/customer-response
			this.opportunities.respond(opportunityId, seed.goal() == Goal.WON, seed.note());
			this.worker.runJobs(process);
		}
	}

	private LeadDraft draft(int index, Seed seed, Set<Long> takenCustomers) {
		String externalRef = "demo-" + (index + 1);
		if (seed.company() != null) {
			return new LeadDraft(seed.company(), seed.contact(), seed.email(),
					String.format("+86 13%d %04d %04d", index % 10, (index * 7919) % 10_000, (index * 4271) % 10_000),
					seed.source(), seed.region(), seed.industry(), seed.employees(), seed.budgetConfirmed(), null, null,
					externalRef);
		}
		CustomerView customer = this.customers
			.search(new CustomerSearch(null, seed.region(), seed.tier()), PageRequest.of(0, 20, Sort.by("id")))
			.stream()
			.filter((candidate) -> candidate.status() == CustomerStatus.ACTIVE && !candidate.contacts().isEmpty())
			.filter((candidate) -> !takenCustomers.contains(candidate.id()))
			.findFirst()
			.orElseThrow(() -> new IllegalStateException(
					"no active " + seed.tier() + " customer with a contact in region " + seed.region()));
		takenCustomers.add(customer.id());
		CustomerView.ContactView contact = customer.contacts().get(0);
		Industry industry = Arrays.stream(Industry.values())
			.filter((candidate) -> candidate.label().equals(customer.industry()))
			.findFirst()
			.orElse(Industry.OTHER);
		return new LeadDraft(customer.companyName(), contact.name(), contact.email(), contact.phone(), seed.source(),
				customer.region(), industry, (customer.employeeCount() != null) ? customer.employeeCount() : 0,
				seed.budgetConfirmed(), customer.id(), null, externalRef);
	}

	/** The answers of the {@code qualify-lead} form. */
	private static Map<String, Object> qualification(int index, Seed seed) {
		Map<String, Object> answers = new HashMap<>();
		if (seed.goal() == Goal.DISQUALIFIED) {
			answers.put(LeadQualificationProcess.Variables.QUALIFICATION_OUTCOME, Qualification.DISQUALIFIED);
			answers.put(LeadQualificationProcess.Variables.DISQUALIFICATION_REASON, seed.reason().name());
			answers.put(LeadQualificationProcess.Variables.DISQUALIFICATION_NOTE, seed.note());
		}
		else {
			answers.put(LeadQualificationProcess.Variables.QUALIFICATION_OUTCOME, Qualification.QUALIFIED);
			answers.put(LeadQualificationProcess.Variables.BUDGET_AMOUNT, seed.budget());
			answers.put(LeadQualificationProcess.Variables.AUTHORITY_CONFIRMED, true);
			answers.put(LeadQualificationProcess.Variables.NEED, NEEDS.get(index % NEEDS.size()));
			answers.put(LeadQualificationProcess.Variables.TIMELINE, seed.timeline().name());
		}
		return answers;
	}

	/**
	 * The answers of the {@code prepare-quote} form: licences, implementation and
	 * training adding up to about the budget.
	 */
	private Map<String, Object> quote(Seed seed) {
		long seats = Math.max(5, Math.round(seed.budget() * 0.6 / 2400));
		long days = Math.max(2, Math.round(seed.budget() * 0.3 / 6500));
		String lines = """
				[{"description":"Reflow CRM subscription, per user and year","quantity":%d,"unitPrice":2400},
				 {"description":"Implementation and data migration, per day","quantity":%d,"unitPrice":6500},
				 {"description":"On-site training, per day","quantity":2,"unitPrice":4000}]""".formatted(seats, days);
		return Map.of(OpportunityToOrderProcess.Variables.QUOTE_LINES, lines,
				OpportunityToOrderProcess.Variables.REQUESTED_DISCOUNT, seed.discount(),
				OpportunityToOrderProcess.Variables.EXPECTED_CLOSE_DATE,
				seed.timeline().closeDateFrom(LocalDate.now(this.clock)).toString(),
				OpportunityToOrderProcess.Variables.QUOTE_NOTE, "Prices in CNY without VAT, valid for 30 days.");
	}

}
