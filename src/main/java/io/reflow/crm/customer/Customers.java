package io.reflow.crm.customer;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

/** The customers table. */
interface Customers extends JpaRepository<Customer, Long>, JpaSpecificationExecutor<Customer> {

	java.util.Optional<Customer> findFirstByCompanyNameIgnoreCaseOrderByIdAsc(String companyName);

}
