package io.reflow.crm.customer;

import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;

/** The contacts table, for queries across customers. */
interface Contacts extends JpaRepository<Contact, Long>, JpaSpecificationExecutor<Contact> {

	@Query("select c.id from Contact c where c.id in ?1 and c.optedOutAt is not null")
	List<Long> findOptedOut(Collection<Long> contactIds);

}
