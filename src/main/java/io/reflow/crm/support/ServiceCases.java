package io.reflow.crm.support;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

/** The cases table. */
interface ServiceCases extends JpaRepository<ServiceCase, Long>, JpaSpecificationExecutor<ServiceCase> {

	Optional<ServiceCase> findByExternalRef(String externalRef);

	List<ServiceCase> findByCustomerIdOrderByIdDesc(long customerId);

}
