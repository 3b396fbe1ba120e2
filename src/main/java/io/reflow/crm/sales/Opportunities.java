package io.reflow.crm.sales;

import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/** The opportunities table. */
interface Opportunities extends JpaRepository<Opportunity, Long>, JpaSpecificationExecutor<Opportunity> {

	List<Opportunity> findByStageIn(List<OpportunityStage> stages);

	long countByStage(OpportunityStage stage);

	List<Opportunity> findByCustomerIdOrderByIdDesc(long customerId);

	/**
	 * The opportunity, its row locked until the transaction ends: two customer answers at
	 * the same moment are applied one after the other, so the second sees the first.
	 */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select o from Opportunity o where o.id = :id")
	Optional<Opportunity> findForUpdate(@Param("id") long id);

}
