package io.reflow.crm.customer;

import java.util.List;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

/** The interactions table. */
interface Interactions extends JpaRepository<Interaction, Long> {

	Page<Interaction> findByCustomerIdOrderByOccurredAtDescIdDesc(long customerId, Pageable pageable);

	List<Interaction> findByLeadIdOrderByIdAsc(long leadId);

	List<Interaction> findByOpportunityIdOrderByIdAsc(long opportunityId);

}
