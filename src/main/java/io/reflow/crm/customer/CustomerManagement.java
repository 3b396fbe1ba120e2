package io.reflow.crm.customer;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.persistence.criteria.Join;
import jakarta.persistence.criteria.Predicate;
import org.camunda.bpm.engine.IdentityService;

import io.reflow.crm.platform.web.ConflictException;
import io.reflow.crm.platform.web.InvalidFieldException;
import io.reflow.crm.platform.web.NotFoundException;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates, changes and finds customers and their contacts. Enforces what Bean Validation
 * cannot: the owner group exists in the identity service, a customer's contacts have
 * distinct e-mail addresses, and an update is based on the current version.
 */
@Service
@Transactional
public class CustomerManagement {

	private final Customers customers;

	private final Contacts contacts;

	private final IdentityService identityService;

	private final Clock clock;

	CustomerManagement(Customers customers, Contacts contacts, IdentityService identityService, Clock clock) {
		this.customers = customers;
		this.contacts = contacts;
		this.identityService = identityService;
		this.clock = clock;
	}

	public CustomerView create(CustomerDraft draft) {
		checkOwnerGroup(draft);
		checkDistinctEmails(draft.contacts());
		Customer customer = new Customer(this.clock.instant());
		customer.update(draft);
		draft.contacts().forEach(customer::addContact);
		return CustomerView.of(this.customers.saveAndFlush(customer));
	}

	public CustomerView update(long id, CustomerDraft draft) {
		Customer customer = load(id);
		if (draft.version() != null && draft.version() != customer.getVersion()) {
			throw new ConflictException("version", "The customer is at version " + customer.getVersion() + ", not "
					+ draft.version() + "; reload it and apply your change again.");
		}
		checkOwnerGroup(draft);
		checkDistinctEmails(draft.contacts());
		customer.update(draft);
		replaceContacts(customer, draft.contacts());
		this.customers.flush();
		return CustomerView.of(customer);
	}

	public CustomerView addContact(long customerId, ContactDraft draft) {
		Customer customer = load(customerId);
		String email = Contact.normalizeEmail(draft.email());
		if (email != null && customer.getContacts().stream().anyMatch((contact) -> email.equals(contact.getEmail()))) {
			throw new ConflictException("email", "Another contact of this customer already has e-mail " + email + ".");
		}
		customer.addContact(draft);
		this.customers.flush();
		return CustomerView.of(customer);
	}

	/**
	 * Matches a prospect to a customer (by id, else by company name ignoring case) and to
	 * a contact of it (by e-mail, else by name), creating what does not exist yet. A new
	 * customer starts as a {@link CustomerStatus#PROSPECT} of tier {@link Tier#NEW}.
	 */
	public CustomerMatch findOrCreate(ProspectDraft prospect) {
		Customer customer = (prospect.customerId() != null) ? load(prospect.customerId())
				: this.customers.findFirstByCompanyNameIgnoreCaseOrderByIdAsc(prospect.companyName().trim())
					.orElse(null);
		boolean customerCreated = customer == null;
		if (customerCreated) {
			customer = new Customer(this.clock.instant());
			customer.update(new CustomerDraft(prospect.companyName(), prospect.industry().label(), prospect.region(),
					prospect.employeeCount(), Tier.NEW, prospect.ownerGroup(), CustomerStatus.PROSPECT, List.of(),
					null));
			this.customers.saveAndFlush(customer);
		}
		String email = Contact.normalizeEmail(prospect.email());
		Contact contact = customer.getContacts()
			.stream()
			.filter((candidate) -> (email != null) ? email.equals(candidate.getEmail())
					: candidate.getName().equalsIgnoreCase(prospect.contactName().trim()))
			.findFirst()
			.orElse(null);
		boolean contactCreated = contact == null;
		if (contactCreated) {
			contact = customer
				.addContact(new ContactDraft(null, prospect.contactName(), email, prospect.phone(), null));
			this.customers.flush();
		}
		return new CustomerMatch(customer.getId(), contact.getId(), customerCreated, contactCreated);
	}

	/** A prospect that placed an order becomes an active customer. */
	public void activate(long id) {
		Customer customer = load(id);
		if (customer.getStatus() == CustomerStatus.PROSPECT) {
			customer.activate();
		}
	}

	/**
	 * The contacts a campaign with these criteria addresses, in contact id order:
	 * contacts of active customers and prospects who have not opted out.
	 */
	@Transactional(readOnly = true)
	public List<AudienceContact> audience(AudienceCriteria criteria) {
		Specification<Contact> audience = (root, query, cb) -> {
			// fetched with the contact: the result needs the company of every contact
			@SuppressWarnings("unchecked")
			Join<Contact, Customer> customer = (Join<Contact, Customer>) root.<Contact, Customer>fetch("customer");
			List<Predicate> where = new ArrayList<>();
			where.add(cb.isNull(root.get("optedOutAt")));
			where.add(customer.get("status").in(CustomerStatus.ACTIVE, CustomerStatus.PROSPECT));
			if (criteria.region() != null) {
				where.add(cb.equal(customer.get("region"), criteria.region()));
			}
			if (criteria.tier() != null) {
				where.add(cb.equal(customer.get("tier"), criteria.tier()));
			}
			if (criteria.industry() != null) {
				where.add(cb.lower(customer.get("industry"))
					.in(criteria.industry().name().toLowerCase(java.util.Locale.ROOT),
							criteria.industry().label().toLowerCase(java.util.Locale.ROOT)));
			}
			if (criteria.minEmployees() != null) {
				where.add(cb.greaterThanOrEqualTo(customer.get("employeeCount"), criteria.minEmployees()));
			}
			if (criteria.maxEmployees() != null) {
				where.add(cb.lessThanOrEqualTo(customer.get("employeeCount"), criteria.maxEmployees()));
			}
			return cb.and(where.toArray(Predicate[]::new));
		};
		return this.contacts.findAll(audience, org.springframework.data.domain.Sort.by("id"))
			.stream()
			.map((contact) -> new AudienceContact(contact.getId(), contact.getCustomer().getId(), contact.getName(),
					contact.getCustomer().getCompanyName(), contact.getEmail(), contact.getPhone()))
			.toList();
	}

	/**
	 * The contact asked to receive no more campaigns: no audience selects it again.
	 * @return whether this call opted the contact out (false when it had already)
	 */
	public boolean optOut(long contactId, Long campaignId) {
		Contact contact = this.contacts.findById(contactId)
			.orElseThrow(() -> new NotFoundException("No contact " + contactId + "."));
		return contact.optOut(campaignId, this.clock.instant());
	}

	/** Which of these contacts have opted out of campaigns. */
	@Transactional(readOnly = true)
	public Set<Long> optedOut(java.util.Collection<Long> contactIds) {
		return contactIds.isEmpty() ? Set.of() : Set.copyOf(this.contacts.findOptedOut(contactIds));
	}

	@Transactional(readOnly = true)
	public boolean exists(long id) {
		return this.customers.existsById(id);
	}

	@Transactional(readOnly = true)
	public CustomerView find(long id) {
		return CustomerView.of(load(id));
	}

	@Transactional(readOnly = true)
	public Page<CustomerView> search(CustomerSearch search, Pageable pageable) {
		return this.customers.findAll(matching(search), pageable).map(CustomerView::of);
	}

	@Transactional(readOnly = true)
	public long count() {
		return this.customers.count();
	}

	private Customer load(long id) {
		return this.customers.findById(id).orElseThrow(() -> new NotFoundException("No customer " + id + "."));
	}

	private static Specification<Customer> matching(CustomerSearch search) {
		return (root, query, builder) -> {
			List<Predicate> predicates = new ArrayList<>();
			if (search.name() != null && !search.name().isBlank()) {
				String pattern = "%" + search.name()
					.trim()
					.toLowerCase(java.util.Locale.ROOT)
					.replace("\\", "\\\\")
					.replace("%", "\\%")
					.replace("_", "\\_") + "%";
				predicates.add(builder.like(builder.lower(root.get("companyName")), pattern, '\\'));
			}
			if (search.region() != null) {
				predicates.add(builder.equal(root.get("region"), search.region()));
			}
			if (search.tier() != null) {
				predicates.add(builder.equal(root.get("tier"), search.tier()));
			}
			return builder.and(predicates.toArray(Predicate[]::new));
		};
	}

	private void checkOwnerGroup(CustomerDraft draft) {
		String group = Customer.blankToNull(draft.ownerGroup());
		if (group != null && this.identityService.createGroupQuery().groupId(group).count() == 0) {
			throw new InvalidFieldException("ownerGroup", "no group '" + group + "' exists");
		}
	}

	private static void checkDistinctEmails(List<ContactDraft> contacts) {
		Set<String> seen = new HashSet<>();
		for (int i = 0; i < contacts.size(); i++) {
			String email = Contact.normalizeEmail(contacts.get(i).email());
			if (email != null && !seen.add(email)) {
				throw new ConflictException("contacts[" + i + "].email",
						"Two contacts of this customer have e-mail " + email + ".");
			}
		}
	}

	private static void replaceContacts(Customer customer, List<ContactDraft> drafts) {
		Map<Long, Contact> byId = new HashMap<>();
		Map<String, Contact> byEmail = new HashMap<>();
		for (Contact contact : customer.getContacts()) {
			byId.put(contact.getId(), contact);
			if (contact.getEmail() != null) {
				byEmail.put(contact.getEmail(), contact);
			}
		}
		List<Contact> kept = new ArrayList<>();
		List<ContactDraft> added = new ArrayList<>();
		for (int i = 0; i < drafts.size(); i++) {
			ContactDraft draft = drafts.get(i);
			Contact match;
			if (draft.id() != null) {
				match = byId.get(draft.id());
				if (match == null) {
					throw new InvalidFieldException("contacts[" + i + "].id",
							"no contact " + draft.id() + " belongs to this customer");
				}
			}
			else {
				String email = Contact.normalizeEmail(draft.email());
				match = (email != null) ? byEmail.get(email) : null;
			}
			if (match != null && kept.contains(match)) {
				throw new InvalidFieldException("contacts[" + i + "]", "names a contact that is listed twice");
			}
			if (match != null) {
				match.update(draft);
				kept.add(match);
			}
			else {
				added.add(draft);
			}
		}
		customer.getContacts().retainAll(kept);
		added.forEach(customer::addContact);
	}

}
