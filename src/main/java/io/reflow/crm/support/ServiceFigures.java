package io.reflow.crm.support;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Read-only service figures for the KPI dashboard: the open cases now, and the cohort of
 * cases created in {@code [from, to)} (optionally of one assignee group) followed to
 * their current state. Grouped aggregate queries only.
 */
@Service
@Transactional(readOnly = true)
public class ServiceFigures {

	private static final String COHORT = " c.createdAt >= :from and c.createdAt < :to";

	private final EntityManager entityManager;

	ServiceFigures(EntityManager entityManager) {
		this.entityManager = entityManager;
	}

	/** One open case count by priority (null before triage) and assignee group. */
	public record OpenCases(String priority, String group, long count) {
	}

	/**
	 * Cases measured against one SLA: how many have the time stamp, how many met the due
	 * time, and the average elapsed seconds from the case's creation.
	 */
	public record Sla(long measured, long withinSla, Double averageSeconds) {
	}

	/**
	 * The cohort: cases opened, their first response and resolution against the SLA,
	 * those with a breach flag, those ever resolved, those reopened, their escalations,
	 * and the CSAT answers by score (1..5).
	 */
	public record Cohort(long opened, Sla firstResponse, Sla resolution, long breached, long everResolved,
			long reopened, long escalations, Map<Integer, Long> csat) {
	}

	/** Cases OPEN or IN_PROGRESS now, by priority and group. */
	public List<OpenCases> openCases(String group) {
		TypedQuery<Object[]> query = this.entityManager.createQuery(
				"""
						select c.priority, c.assigneeGroup, count(c) from ServiceCase c
						where c.status in (io.reflow.crm.support.CaseStatus.OPEN, io.reflow.crm.support.CaseStatus.IN_PROGRESS)"""
						+ groupOf(group) + " group by c.priority, c.assigneeGroup",
				Object[].class);
		if (group != null) {
			query.setParameter("group", group);
		}
		return query.getResultList()
			.stream()
			.map((row) -> new OpenCases((String) row[0], (String) row[1], ((Number) row[2]).longValue()))
			.toList();
	}

	public Cohort cohort(Instant from, Instant to, String group) {
		Object[] cases = query(
				"""
						select count(c),
						       coalesce(sum(case when c.responseBreached = true or c.resolutionBreached = true then 1 else 0 end), 0),
						       coalesce(sum(case when c.resolvedAt is not null or c.reopenCount > 0 then 1 else 0 end), 0),
						       coalesce(sum(case when c.reopenCount > 0 then 1 else 0 end), 0)
						from ServiceCase c where"""
						+ COHORT + groupOf(group),
				from, to, group)
			.getSingleResult();
		Object[] response = query("""
				select count(c), coalesce(sum(case when c.firstResponseAt <= c.responseDueAt then 1 else 0 end), 0),
				       avg((c.firstResponseAt - c.createdAt) by second)
				from ServiceCase c where c.firstResponseAt is not null and""" + COHORT + groupOf(group), from, to,
				group)
			.getSingleResult();
		Sla resolution = resolution(from, to, group);
		Object[] escalations = query("""
				select count(e), 0 from CaseEscalation e, ServiceCase c
				where e.caseId = c.id and""" + COHORT + groupOf(group), from, to, group).getSingleResult();
		Map<Integer, Long> csat = new TreeMap<>();
		for (int score = 1; score <= 5; score++) {
			csat.put(score, 0L);
		}
		for (Object[] row : query("select c.csat, count(c) from ServiceCase c where c.csat is not null and" + COHORT
				+ groupOf(group) + " group by c.csat", from, to, group)
			.getResultList()) {
			csat.put(((Number) row[0]).intValue(), number(row[1]));
		}
		return new Cohort(number(cases[0]), sla(response), resolution, number(cases[1]), number(cases[2]),
				number(cases[3]), number(escalations[0]), csat);
	}

	/**
	 * The resolution figure of {@link #cohort} alone (one range scan of the period's
	 * cases): the SLA compliance of the process KPIs needs only this.
	 */
	public Sla resolution(Instant from, Instant to, String group) {
		return sla(query("""
				select count(c), coalesce(sum(case when c.resolvedAt <= c.resolutionDueAt then 1 else 0 end), 0),
				       avg((c.resolvedAt - c.createdAt) by second)
				from ServiceCase c where c.resolvedAt is not null and""" + COHORT + groupOf(group), from, to, group)
			.getSingleResult());
	}

	private static Sla sla(Object[] row) {
		return new Sla(number(row[0]), number(row[1]), (row[2] != null) ? ((Number) row[2]).doubleValue() : null);
	}

	private TypedQuery<Object[]> query(String jpql, Instant from, Instant to, String group) {
		TypedQuery<Object[]> query = this.entityManager.createQuery(jpql, Object[].class)
			.setParameter("from", from)
			.setParameter("to", to);
		return (group != null) ? query.setParameter("group", group) : query;
	}

	private static String groupOf(String group) {
		return (group != null) ? " and c.assigneeGroup = :group" : "";
	}

	private static long number(Object value) {
		return (value != null) ? ((Number) value).longValue() : 0;
	}

}
