package io.reflow.crm.sales;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

/** The quotes table. */
interface Quotes extends JpaRepository<Quote, Long> {

	List<Quote> findByOpportunityIdOrderByVersionAsc(long opportunityId);

	Optional<Quote> findFirstByOpportunityIdOrderByVersionDesc(long opportunityId);

	Optional<Quote> findFirstByOpportunityIdAndStatusOrderByVersionDesc(long opportunityId, QuoteStatus status);

}
