package io.reflow.crm.sales;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

/** The leads table. */
interface Leads extends JpaRepository<Lead, Long> {

	Optional<Lead> findByExternalRef(String externalRef);

	List<Lead> findByCustomerIdOrderByIdDesc(long customerId);

}
