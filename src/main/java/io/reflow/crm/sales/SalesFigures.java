package io.reflow.crm.sales;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Read-only sales figures for the KPI dashboard: grouped aggregate queries over the
 * cohort of leads created in {@code [from, to)} (optionally of one assignee group), over
 * quotes decided in that range, and revenue per customer from the orders. Every method is
 * a handful of grouped queries; none loads rows into Java.
 */
@Service
@Transactional(readOnly = true)
public class SalesFigures {

	private static final String COHORT = " l.createdAt >= :from and l.createdAt < :to";

	private final EntityManager entityManager;

	SalesFigures(EntityManager entityManager) {
		this.entityManager = entityManager;
	}

	/**
	 * The funnel of the leads created in the range: leads, qualified (converted or
	 * answered QUALIFIED), with an opportunity, whose opportunity got a quote sent, won
	 * and lost, and the average seconds from lead creation to the won opportunity's
	 * close.
	 */
	public record Funnel(long leads, long qualified, long opportunities, long quoted, long won, long lost,
			Double averageWonCycleSeconds) {
	}

	/** The cohort's opportunities in one current stage. */
	public record StageTotal(OpportunityStage stage, long count, BigDecimal amount) {
	}

	/**
	 * Leads of the cohort that sales decided (converted or disqualified): how many, how
	 * many by their first-contact due time, the average seconds from creation to
	 * decision.
	 */
	public record LeadResponse(long measured, long withinDue, Double averageSeconds) {
	}

	/**
	 * Quotes decided in the range: approved ones with the average discount granted
	 * (fraction), and those an approver decided with the average seconds from the quote's
	 * creation to the decision.
	 */
	public record Discounts(long granted, Double averageDiscount, long approvals, Double averageApprovalSeconds) {
	}

	/** Revenue (CNY, sum of order amounts) of one customer. */
	public record CustomerRevenue(long customerId, BigDecimal revenue) {
	}

	public Funnel funnel(Instant from, Instant to, String group) {
		Object[] leads = query("""
				select count(l),
				       coalesce(sum(case when l.status = io.reflow.crm.sales.LeadStatus.CONVERTED
				                          or l.need is not null then 1 else 0 end), 0),
				       count(l.opportunityId)
				from Lead l where""" + COHORT + groupOf("l.assigneeGroup", group), from, to, group).getSingleResult();
		Object[] quoted = query("""
				select count(distinct l.id), 0 from Lead l, Quote q
				where q.opportunityId = l.opportunityId and q.sentAt is not null and""" + COHORT
				+ groupOf("l.assigneeGroup", group), from, to, group)
			.getSingleResult();
		long won = 0;
		long lost = 0;
		Double cycle = null;
		for (Object[] row : stageRows(from, to, group)) {
			OpportunityStage stage = (OpportunityStage) row[0];
			if (stage == OpportunityStage.WON) {
				won = number(row[1]);
				cycle = decimal(row[3]);
			}
			else if (stage == OpportunityStage.LOST) {
				lost = number(row[1]);
			}
		}
		return new Funnel(number(leads[0]), number(leads[1]), number(leads[2]), number(quoted[0]), won, lost, cycle);
	}

	/**
	 * The opportunities of the cohort's leads by their current stage, every stage listed
	 * (in stage order) with count and amount (CNY).
	 */
	public List<StageTotal> pipelineByStage(Instant from, Instant to, String group) {
		Map<OpportunityStage, StageTotal> byStage = new EnumMap<>(OpportunityStage.class);
		for (OpportunityStage stage : OpportunityStage.values()) {
			byStage.put(stage, new StageTotal(stage, 0, BigDecimal.ZERO));
		}
		for (Object[] row : stageRows(from, to, group)) {
			OpportunityStage stage = (OpportunityStage) row[0];
			byStage.put(stage, new StageTotal(stage, number(row[1]), new BigDecimal(row[2].toString())));
		}
		return new ArrayList<>(byStage.values());
	}

	private List<Object[]> stageRows(Instant from, Instant to, String group) {
		return query("""
				select o.stage, count(o), coalesce(sum(o.amount), 0), avg((o.closedAt - l.createdAt) by second)
				from Lead l, Opportunity o
				where o.id = l.opportunityId and""" + COHORT + groupOf("l.assigneeGroup", group) + " group by o.stage",
				from, to, group)
			.getResultList();
	}

	public LeadResponse leadResponse(Instant from, Instant to, String group) {
		Object[] row = query(
				"""
						select count(l), coalesce(sum(case when l.decidedAt <= l.dueAt then 1 else 0 end), 0),
						       avg((l.decidedAt - l.createdAt) by second)
						from Lead l
						where l.status in (io.reflow.crm.sales.LeadStatus.CONVERTED, io.reflow.crm.sales.LeadStatus.DISQUALIFIED)
						  and l.decidedAt is not null and l.dueAt is not null and"""
						+ COHORT + groupOf("l.assigneeGroup", group),
				from, to, group)
			.getSingleResult();
		return new LeadResponse(number(row[0]), number(row[1]), decimal(row[2]));
	}

	public Discounts discounts(Instant from, Instant to, String group) {
		Object[] granted = query("""
				select count(q), avg(q.approvedDiscount)
				from Quote q, Opportunity o
				where o.id = q.opportunityId and q.approvedDiscount is not null
				  and q.decidedAt >= :from and q.decidedAt < :to""" + groupOf("o.ownerGroup", group), from, to, group)
			.getSingleResult();
		Object[] approvals = query(
				"""
						select count(q), avg((q.decidedAt - q.createdAt) by second)
						from Quote q, Opportunity o
						where o.id = q.opportunityId and q.approvalLevel is not null and q.approvalLevel not in ('NONE', 'REJECT')
						  and q.decidedAt >= :from and q.decidedAt < :to"""
						+ groupOf("o.ownerGroup", group),
				from, to, group)
			.getSingleResult();
		return new Discounts(number(granted[0]), decimal(granted[1]), number(approvals[0]), decimal(approvals[1]));
	}

	/** All revenue to date (CNY): the sum of every order's amount. */
	public BigDecimal revenueTotal() {
		return new BigDecimal(this.entityManager.createQuery("select coalesce(sum(o.amount), 0) from SalesOrder o")
			.getSingleResult()
			.toString());
	}

	/**
	 * The {@code limit} customers with the most revenue to date, highest first (ties by
	 * customer id).
	 */
	public List<CustomerRevenue> topCustomers(int limit) {
		return this.entityManager.createQuery("""
				select o.customerId, sum(o.amount) from SalesOrder o
				group by o.customerId order by sum(o.amount) desc, o.customerId""", Object[].class)
			.setMaxResults(limit)
			.getResultList()
			.stream()
			.map((row) -> new CustomerRevenue(number(row[0]), new BigDecimal(row[1].toString())))
			.toList();
	}

	private TypedQuery<Object[]> query(String jpql, Instant from, Instant to, String group) {
		TypedQuery<Object[]> query = this.entityManager.createQuery(jpql, Object[].class)
			.setParameter("from", from)
			.setParameter("to", to);
		return (group != null) ? query.setParameter("group", group) : query;
	}

	private static String groupOf(String path, String group) {
		return (group != null) ? " and " + path + " = :group" : "";
	}

	private static long number(Object value) {
		return (value != null) ? ((Number) value).longValue() : 0;
	}

	private static Double decimal(Object value) {
		return (value != null) ? ((Number) value).doubleValue() : null;
	}

}
