package io.reflow.crm.sales;

import io.reflow.crm.platform.process.InvalidTaskInputException;
import io.reflow.crm.platform.process.TaskAnswers;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.persistence.EntityManager;
import jakarta.persistence.criteria.Predicate;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;

import io.reflow.crm.customer.CustomerManagement;
import io.reflow.crm.customer.CustomerTimeline;
import io.reflow.crm.customer.CustomerView;
import io.reflow.crm.customer.InteractionDraft;
import io.reflow.crm.platform.web.ConflictException;
import io.reflow.crm.platform.web.InvalidFieldException;
import io.reflow.crm.platform.web.NotFoundException;
import io.reflow.crm.sales.process.OpportunityToOrderProcess;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Opportunities: opening one starts {@code opportunity-to-order}; customer answers are
 * correlated to it; the forecast sums the open pipeline.
 */
@Service
// a refused form answer is a normal outcome (the task goes back): it must not doom the
// engine's transaction
@Transactional(noRollbackFor = InvalidTaskInputException.class)
public class OpportunityManagement {

	private static final List<OpportunityStage> OPEN = List.of(OpportunityStage.QUALIFICATION,
			OpportunityStage.PROPOSAL, OpportunityStage.NEGOTIATION);

	private final Opportunities opportunities;

	private final Quotes quotes;

	private final SalesOrders orders;

	private final CustomerTimeline timeline;

	private final CustomerManagement customers;

	private final RuntimeService runtimeService;

	private final EntityManager entityManager;

	private final Clock clock;

	OpportunityManagement(Opportunities opportunities, Quotes quotes, SalesOrders orders, CustomerTimeline timeline,
			CustomerManagement customers, RuntimeService runtimeService, EntityManager entityManager, Clock clock) {
		this.opportunities = opportunities;
		this.customers = customers;
		this.quotes = quotes;
		this.orders = orders;
		this.timeline = timeline;
		this.runtimeService = runtimeService;
		this.entityManager = entityManager;
		this.clock = clock;
	}

	/** Stores the opportunity (stage QUALIFICATION) and starts its process. */
	public long open(OpportunityDraft draft) {
		Opportunity opportunity = this.opportunities.saveAndFlush(new Opportunity(draft, this.clock.instant()));
		long id = opportunity.getId();
		opportunity.started(
				this.runtimeService
					.startProcessInstanceByKey(OpportunityToOrderProcess.KEY, OpportunityToOrderProcess.businessKey(id),
							Map.of(OpportunityToOrderProcess.Variables.OPPORTUNITY_ID, id,
									OpportunityToOrderProcess.Variables.OWNER_GROUP, opportunity.getOwnerGroup()))
					.getId());
		this.timeline.record(InteractionDraft.forOpportunity(id, opportunity.getCustomerId(), "OPPORTUNITY_OPENED",
				"Opportunity opened for " + opportunity.getOwnerGroup() + ": " + opportunity.getName()));
		return id;
	}

	@Transactional(readOnly = true)
	public OpportunityView find(long id) {
		return view(load(id));
	}

	@Transactional(readOnly = true)
	public Page<OpportunityView> search(OpportunityStage stage, String ownerGroup, Pageable pageable) {
		Specification<Opportunity> matching = (root, query, builder) -> {
			List<Predicate> predicates = new ArrayList<>();
			if (stage != null) {
				predicates.add(builder.equal(root.get("stage"), stage));
			}
			if (ownerGroup != null && !ownerGroup.isBlank()) {
				predicates.add(builder.equal(root.get("ownerGroup"), ownerGroup.trim()));
			}
			return builder.and(predicates.toArray(Predicate[]::new));
		};
		return this.opportunities.findAll(matching, pageable).map(this::view);
	}

	@Transactional(readOnly = true)
	public long count() {
		return this.opportunities.count();
	}

	/**
	 * The customer's opportunities with their quotes and orders, newest first (the
	 * customer 360 view reads them).
	 */
	@Transactional(readOnly = true)
	public List<OpportunityView> ofCustomer(long customerId) {
		return this.opportunities.findByCustomerIdOrderByIdDesc(customerId).stream().map(this::view).toList();
	}

	/**
	 * Passes the customer's answer to the waiting process as message
	 * {@code QuoteAccepted} or {@code QuoteDeclined}.
	 * @throws ConflictException if the opportunity is not waiting for an answer
	 */
	public OpportunityView respond(long id, boolean accepted, String reason) {
		Opportunity opportunity = this.opportunities.findForUpdate(id)
			.orElseThrow(() -> new NotFoundException("No opportunity " + id + "."));
		String message = accepted ? OpportunityToOrderProcess.Messages.QUOTE_ACCEPTED
				: OpportunityToOrderProcess.Messages.QUOTE_DECLINED;
		if (!awaiting(opportunity, message)) {
			throw new ConflictException("accepted", notWaiting(opportunity));
		}
		Map<String, Object> variables = new java.util.HashMap<>();
		variables.put(OpportunityToOrderProcess.Variables.CUSTOMER_RESPONSE_REASON, reason);
		if (!accepted) {
			variables.put(OpportunityToOrderProcess.Variables.LOSS_REASON, (reason != null) ? reason : "Declined");
		}
		try {
			this.runtimeService.createMessageCorrelation(message)
				.processInstanceId(opportunity.getProcessInstanceId())
				.setVariables(variables)
				.correlateWithResult();
		}
		catch (MismatchingMessageCorrelationException ex) {
			throw answeredAtTheSameMoment(opportunity);
		}
		catch (ProcessEngineException ex) {
			// a second answer that passed the check above while the first was being
			// correlated: the engine finds the execution, but its subscription is gone
			if (ex.getMessage() != null
					&& ex.getMessage().contains("does not have a subscription to a message event")) {
				throw answeredAtTheSameMoment(opportunity);
			}
			throw ex;
		}
		this.timeline.record(InteractionDraft.forOpportunity(id, opportunity.getCustomerId(),
				accepted ? "QUOTE_ACCEPTED" : "QUOTE_DECLINED", "Customer " + (accepted ? "accepted" : "declined")
						+ " the quote" + ((reason != null && !reason.isBlank()) ? ": " + reason : "")));
		return view(opportunity);
	}

	private static ConflictException answeredAtTheSameMoment(Opportunity opportunity) {
		return new ConflictException("accepted", "Opportunity " + opportunity.getId()
				+ " received another customer answer at the same moment; this one was not applied.");
	}

	private String notWaiting(Opportunity opportunity) {
		return switch (opportunity.getStage()) {
			case WON -> "Opportunity " + opportunity.getId() + " is already won"
					+ this.orders.findByOpportunityId(opportunity.getId())
						.map((order) -> " (order " + order.view().orderNumber() + ")")
						.orElse("")
					+ "; the answer was not applied again.";
			case LOST -> "Opportunity " + opportunity.getId() + " is already lost.";
			default -> "Opportunity " + opportunity.getId() + " is not waiting for a customer answer (stage "
					+ opportunity.getStage() + "): no quote has been sent yet or the answer is being processed.";
		};
	}

	/**
	 * Step {@code Task_RecordFollowUp}: the owner's follow-up with a customer who has not
	 * answered: {@code ACCEPTED}, {@code DECLINED} (with a reason) or {@code WAIT}.
	 * @throws InvalidTaskInputException if the answer is missing or a decline has no
	 * reason
	 */
	public void recordFollowUp(long id, Object outcome, Object lossReason, Object note) {
		Opportunity opportunity = load(id);
		String answer = TaskAnswers.text(outcome);
		String reason = TaskAnswers.text(lossReason);
		String remark = TaskAnswers.text(note);
		if (answer == null || !List.of("ACCEPTED", "DECLINED", "WAIT").contains(answer)) {
			throw new InvalidTaskInputException("Choose ACCEPTED, DECLINED or WAIT.");
		}
		if ("DECLINED".equals(answer) && reason == null) {
			throw new InvalidTaskInputException("Say why the customer declined.");
		}
		if (remark != null && remark.length() > 1000) {
			throw new InvalidTaskInputException("The note is longer than 1000 characters.");
		}
		this.timeline.record(InteractionDraft.forOpportunity(id, opportunity.getCustomerId(), "QUOTE_FOLLOWED_UP",
				"Followed up the quote: " + answer + ((reason != null) ? " (" + reason + ")" : "")
						+ ((remark != null) ? " – " + remark : "")));
	}

	/**
	 * What the opportunity's task forms show, read when the form is read (not process
	 * data).
	 */
	@Transactional(readOnly = true)
	public Map<String, Object> taskContext(long id) {
		Opportunity opportunity = load(id);
		CustomerView customer = this.customers.find(opportunity.getCustomerId());
		Map<String, Object> context = new java.util.HashMap<>();
		context.put("companyName", customer.companyName());
		context.put("customerTier", customer.tier().name());
		context.put("opportunityName", opportunity.getName());
		context.put("opportunityAmount",
				(opportunity.getAmount() != null) ? opportunity.getAmount().doubleValue() : null);
		context.put("reworkCount", opportunity.getReworkCount());
		this.quotes.findFirstByOpportunityIdOrderByVersionDesc(id).ifPresent((quote) -> {
			context.put("quoteNumber", quote.number());
			context.put("quoteNetAmount", quote.netAmount().doubleValue());
			context.put("quoteSentOn", (quote.getSentAt() != null)
					? quote.getSentAt().atZone(this.clock.getZone()).toLocalDate().toString() : null);
		});
		return context;
	}

	long customerOf(long id) {
		return load(id).getCustomerId();
	}

	/** Steps {@code Task_CreateOrder} / {@code Task_MarkOpportunityLost} close it. */
	public void lose(long id, String reason) {
		Opportunity opportunity = load(id);
		if (opportunity.getStage() == OpportunityStage.LOST) {
			return;
		}
		String why = (reason == null || reason.isBlank()) ? "Declined" : reason.trim();
		opportunity.lost((why.length() > 200) ? why.substring(0, 200) : why, this.clock.instant());
		this.quotes.findFirstByOpportunityIdAndStatusOrderByVersionDesc(id, QuoteStatus.SENT)
			.ifPresent((quote) -> quote.answered(false));
		this.timeline.record(InteractionDraft.forOpportunity(id, opportunity.getCustomerId(), "OPPORTUNITY_LOST",
				"Opportunity lost: " + why));
	}

	/**
	 * The open pipeline per expected-close month and group for the next {@code months}
	 * months.
	 */
	@Transactional(readOnly = true)
	public Forecast forecast(int months) {
		if (months < 1 || months > 36) {
			throw new InvalidFieldException("months", "must be between 1 and 36");
		}
		YearMonth from = YearMonth.now(this.clock);
		YearMonth to = from.plusMonths(months - 1L);
		List<Object[]> rows = this.entityManager.createQuery("""
				select extract(year from o.expectedCloseDate), extract(month from o.expectedCloseDate),
				       o.ownerGroup, o.stage, coalesce(sum(o.amount), 0), count(o)
				from Opportunity o
				where o.stage in :open and o.expectedCloseDate is not null
				group by extract(year from o.expectedCloseDate), extract(month from o.expectedCloseDate),
				         o.ownerGroup, o.stage""", Object[].class).setParameter("open", OPEN).getResultList();
		Map<YearMonth, Map<String, Bucket>> byMonth = new TreeMap<>();
		Map<String, Bucket> overdue = new TreeMap<>();
		Map<String, Bucket> later = new TreeMap<>();
		Map<String, Bucket> byGroup = new TreeMap<>();
		for (Object[] row : rows) {
			YearMonth month = YearMonth.of(((Number) row[0]).intValue(), ((Number) row[1]).intValue());
			String group = (String) row[2];
			OpportunityStage stage = (OpportunityStage) row[3];
			BigDecimal amount = new BigDecimal(row[4].toString());
			long count = ((Number) row[5]).longValue();
			BigDecimal weighted = amount.multiply(stage.probability());
			Map<String, Bucket> target = month.isBefore(from) ? overdue
					: month.isAfter(to) ? later : byMonth.computeIfAbsent(month, (key) -> new TreeMap<>());
			target.computeIfAbsent(group, Bucket::new).add(amount, weighted, count);
			byGroup.computeIfAbsent(group, Bucket::new).add(amount, weighted, count);
		}
		List<Forecast.Month> monthList = new ArrayList<>();
		for (YearMonth month = from; !month.isAfter(to); month = month.plusMonths(1)) {
			Map<String, Bucket> groups = byMonth.getOrDefault(month, Map.of());
			Bucket sum = Bucket.sum(groups.values());
			monthList.add(new Forecast.Month(month, sum.pipeline(), sum.weighted(), sum.count,
					groups.values().stream().map(Bucket::view).toList()));
		}
		return new Forecast(from, to, monthList, Bucket.sum(overdue.values()).view(), Bucket.sum(later.values()).view(),
				byGroup.values().stream().map(Bucket::view).toList(), Bucket.sum(byGroup.values()).view());
	}

	/** A running pipeline sum. */
	private static final class Bucket {

		private final String group;

		private BigDecimal pipeline = BigDecimal.ZERO;

		private BigDecimal weighted = BigDecimal.ZERO;

		private long count;

		Bucket(String group) {
			this.group = group;
		}

		void add(BigDecimal amount, BigDecimal weighted, long count) {
			this.pipeline = this.pipeline.add(amount);
			this.weighted = this.weighted.add(weighted);
			this.count += count;
		}

		static Bucket sum(Iterable<Bucket> buckets) {
			Bucket total = new Bucket(null);
			buckets.forEach((bucket) -> total.add(bucket.pipeline, bucket.weighted, bucket.count));
			return total;
		}

		BigDecimal pipeline() {
			return this.pipeline.setScale(2, RoundingMode.HALF_UP);
		}

		BigDecimal weighted() {
			return this.weighted.setScale(2, RoundingMode.HALF_UP);
		}

		Forecast.Bucket view() {
			return new Forecast.Bucket(this.group, pipeline(), weighted(), this.count);
		}

	}

	Opportunity load(long id) {
		return this.opportunities.findById(id).orElseThrow(() -> new NotFoundException("No opportunity " + id + "."));
	}

	private boolean awaiting(Opportunity opportunity, String message) {
		return opportunity.getProcessInstanceId() != null && this.runtimeService.createEventSubscriptionQuery()
			.processInstanceId(opportunity.getProcessInstanceId())
			.eventType("message")
			.eventName(message)
			.count() > 0;
	}

	private OpportunityView view(Opportunity opportunity) {
		return OpportunityView.of(opportunity,
				opportunity.getStage() == OpportunityStage.NEGOTIATION
						&& awaiting(opportunity, OpportunityToOrderProcess.Messages.QUOTE_ACCEPTED),
				this.quotes.findByOpportunityIdOrderByVersionAsc(opportunity.getId())
					.stream()
					.map(QuoteView::of)
					.toList(),
				this.orders.findByOpportunityId(opportunity.getId()).map(SalesOrder::view).orElse(null));
	}

}
