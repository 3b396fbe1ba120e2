package io.reflow.crm.sales;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

/** The orders table. */
interface SalesOrders extends JpaRepository<SalesOrder, Long> {

	Optional<SalesOrder> findByOpportunityId(long opportunityId);

	long countByOpportunityId(long opportunityId);

	List<SalesOrder> findByCustomerIdOrderByPlacedAtDescIdDesc(long customerId);

}
