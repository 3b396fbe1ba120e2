package io.reflow.crm.customer;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

/** The contacts table, for queries across customers. */
interface Contacts extends JpaRepository<Contact, Long>, JpaSpecificationExecutor<Contact> {

	List<Contact> findByEmail(String email);

}
