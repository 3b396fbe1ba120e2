package io.reflow.crm.sales;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

/** The opportunities table. */
interface Opportunities extends JpaRepository<Opportunity, Long>, JpaSpecificationExecutor<Opportunity> {

	List<Opportunity> findByStageIn(List<OpportunityStage> stages);

	long countByStage(OpportunityStage stage);

	List<Opportunity> findByCustomerIdOrderByIdDesc(long customerId);

}
