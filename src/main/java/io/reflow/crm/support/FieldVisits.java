package io.reflow.crm.support;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

/** The field visits table. */
interface FieldVisits extends JpaRepository<FieldVisit, Long> {

	List<FieldVisit> findByCaseIdOrderByIdAsc(long caseId);

	Optional<FieldVisit> findFirstByCaseIdOrderByIdDesc(long caseId);

}
