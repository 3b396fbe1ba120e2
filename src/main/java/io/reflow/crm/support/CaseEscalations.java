package io.reflow.crm.support;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

/** The case escalations table. */
interface CaseEscalations extends JpaRepository<CaseEscalation, Long> {

	List<CaseEscalation> findByCaseIdOrderByIdAsc(long caseId);

}
