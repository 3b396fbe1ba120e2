package io.reflow.crm.sales;

import io.reflow.crm.platform.process.InvalidTaskInputException;
import io.reflow.crm.platform.process.TaskAnswers;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;

import io.reflow.crm.customer.CustomerManagement;
import io.reflow.crm.customer.CustomerTimeline;
import io.reflow.crm.customer.CustomerView;
import io.reflow.crm.customer.InteractionDraft;
import io.reflow.crm.platform.web.NotFoundException;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Quotes of {@code opportunity-to-order}: recording what the rep prepared, the discount
 * decision and approval, reminders, and sending the PDF. Each public method is one step
 * of the model.
 */
@Service
// a refused form answer is a normal outcome (the task goes back): it must not doom the
// engine's transaction
@Transactional(noRollbackFor = InvalidTaskInputException.class)
public class QuoteManagement {

	static final String REJECT = "REJECT";

	static final String NONE = "NONE";

	private static final int MAX_LINES = 200;

	private final Quotes quotes;

	private final QuoteDocumentStore documents;

	private final OpportunityManagement opportunities;

	private final CustomerManagement customers;

	private final CustomerTimeline timeline;

	private final QuoteDocuments renderer;

	private final SalesMailer mailer;

	private final SentSalesMails onceOnlyMails;

	private final IdentityService identityService;

	private final ObjectMapper objectMapper;

	private final Clock clock;

	QuoteManagement(Quotes quotes, QuoteDocumentStore documents, OpportunityManagement opportunities,
			CustomerManagement customers, CustomerTimeline timeline, QuoteDocuments renderer, SalesMailer mailer,
			SentSalesMails onceOnlyMails, IdentityService identityService, ObjectMapper objectMapper, Clock clock) {
		this.quotes = quotes;
		this.documents = documents;
		this.opportunities = opportunities;
		this.customers = customers;
		this.timeline = timeline;
		this.renderer = renderer;
		this.mailer = mailer;
		this.onceOnlyMails = onceOnlyMails;
		this.identityService = identityService;
		this.objectMapper = objectMapper;
		this.clock = clock;
	}

	/**
	 * Step {@code Task_RecordQuote}: checks the {@code prepare-quote} answers and stores
	 * them as the opportunity's next quote version (stage PROPOSAL).
	 * @throws InvalidTaskInputException if an answer is missing or out of range
	 */
	public QuoteFacts record(long opportunityId, QuoteInput input) {
		Opportunity opportunity = this.opportunities.load(opportunityId);
		List<QuoteLine> lines = lines(input.lines());
		BigDecimal amount = lines.isEmpty() ? TaskAnswers.amount(input.quoteAmount(), "The total")
				: lines.stream().map(QuoteLine::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
		if (amount == null || amount.signum() <= 0) {
			throw new InvalidTaskInputException("Enter quote lines or a total amount above 0 CNY.");
		}
		if (amount.compareTo(new BigDecimal("1E13")) >= 0) {
			throw new InvalidTaskInputException("The total of " + amount + " CNY is too large.");
		}
		BigDecimal discount = TaskAnswers.amount(input.requestedDiscount(), "The requested discount");
		if (discount == null || discount.signum() < 0 || discount.compareTo(BigDecimal.ONE) > 0) {
			throw new InvalidTaskInputException(
					"The requested discount is a fraction from 0 to 1 (0.15 means 15%), not " + discount + ".");
		}
		LocalDate closeDate = date(input.expectedCloseDate());
		String note = TaskAnswers.text(input.note());
		if (note != null && note.length() > 1000) {
			throw new InvalidTaskInputException("The note is longer than 1000 characters.");
		}
		int version = this.quotes.findFirstByOpportunityIdOrderByVersionDesc(opportunityId)
			.map((previous) -> previous.getVersion() + 1)
			.orElse(1);
		Quote quote = this.quotes
			.saveAndFlush(new Quote(opportunityId, version, lines, amount.setScale(2, RoundingMode.HALF_UP),
					discount.setScale(4, RoundingMode.HALF_UP), closeDate, note, this.clock.instant()));
		opportunity.proposed(quote.netAmount(), closeDate);
		CustomerView customer = this.customers.find(opportunity.getCustomerId());
		this.timeline.record(InteractionDraft.forOpportunity(opportunityId, customer.id(), "QUOTE_PREPARED",
				"Quote " + quote.number() + " prepared: " + quote.getAmount() + " CNY, discount requested "
						+ percent(quote.getRequestedDiscount())));
		return new QuoteFacts(quote.getId(), quote.getAmount(), quote.getRequestedDiscount(), customer.tier().name());
	}

	/**
	 * Step {@code Task_RecordDiscountDecision}: stores what {@code discount-approval}
	 * decided. {@code NONE} approves the quote; {@code REJECT} sends it back (returns the
	 * reason for the rep), any other level waits for an approver.
	 * @throws IllegalStateException if the decision gave no result: the process stops
	 * with an incident rather than grant a default discount
	 */
	public String recordDecision(long quoteId, String approvalLevel, Number maxDiscount) {
		Quote quote = load(quoteId);
		if (approvalLevel == null || maxDiscount == null) {
			throw new IllegalStateException("Decision discount-approval gave no result for quote " + quote.number()
					+ " (amount " + quote.getAmount() + ", requested " + quote.getRequestedDiscount()
					+ "); check decisions/discount.dmn covers this customer tier and amount");
		}
		quote.ruled(approvalLevel, new BigDecimal(maxDiscount.toString()).setScale(4, RoundingMode.HALF_UP));
		Opportunity opportunity = this.opportunities.load(quote.getOpportunityId());
		String feedback = null;
		if (NONE.equals(approvalLevel)) {
			quote.approve("discount-approval", null, this.clock.instant());
		}
		else if (REJECT.equals(approvalLevel)) {
			feedback = "A discount of " + percent(quote.getRequestedDiscount())
					+ " cannot be approved by anyone; this quote allows " + percent(quote.getMaxDiscount())
					+ " without approval. Prepare the quote again.";
			quote.reject("discount-approval", feedback, this.clock.instant());
			opportunity.reworked();
		}
		this.timeline.record(InteractionDraft.forOpportunity(opportunity.getId(), opportunity.getCustomerId(),
				"DISCOUNT_RULED", "Discount " + percent(quote.getRequestedDiscount()) + " on " + quote.number() + ": "
						+ approvalLevel + " (limit " + percent(quote.getMaxDiscount()) + ")"));
		return feedback;
	}

	/**
	 * Step {@code Task_RecordApproval}: the approver's answer from
	 * {@code approve-discount}. Returns null when approved, else the reason for the rep.
	 * @throws InvalidTaskInputException if the answer is missing or a rejection has no
	 * comment
	 */
	public String recordApproval(long quoteId, Object decision, Object comment) {
		Quote quote = load(quoteId);
		String answer = TaskAnswers.text(decision);
		String why = TaskAnswers.text(comment);
		if (why != null && why.length() > 1000) {
			throw new InvalidTaskInputException("The comment is longer than 1000 characters.");
		}
		String approver = currentUser();
		Opportunity opportunity = this.opportunities.load(quote.getOpportunityId());
		if ("APPROVE".equals(answer)) {
			quote.approve(approver, why, this.clock.instant());
			this.timeline.record(InteractionDraft.forOpportunity(opportunity.getId(), opportunity.getCustomerId(),
					"DISCOUNT_APPROVED", "Discount " + percent(quote.getRequestedDiscount()) + " on " + quote.number()
							+ " approved by " + approver));
			return null;
		}
		if ("REJECT".equals(answer)) {
			if (why == null) {
				throw new InvalidTaskInputException("Say why the discount is rejected, so the rep can rework it.");
			}
			quote.reject(approver, why, this.clock.instant());
			opportunity.reworked();
			this.timeline.record(InteractionDraft.forOpportunity(opportunity.getId(), opportunity.getCustomerId(),
					"DISCOUNT_REJECTED", "Discount " + percent(quote.getRequestedDiscount()) + " on " + quote.number()
							+ " rejected by " + approver + ": " + why));
			return "Discount of " + percent(quote.getRequestedDiscount()) + " rejected by " + approver + ": " + why;
		}
		throw new InvalidTaskInputException("Choose APPROVE or REJECT.");
	}

	/**
	 * Step {@code Task_RemindApprover}: the approval is overdue; remind the group, once
	 * per quote even when the step runs twice (SentSalesMails).
	 */
	public void remindApprover(long quoteId, String approverGroup) {
		Quote quote = load(quoteId);
		quote.overdue();
		List<String> to = this.identityService.createUserQuery()
			.memberOfGroup(approverGroup)
			.list()
			.stream()
			.map(User::getEmail)
			.filter(Objects::nonNull)
			.toList();
		this.onceOnlyMails.sendOnce("approval-reminder-" + quoteId,
				new SalesMail(to.isEmpty() ? List.of("group:" + approverGroup) : to,
						"Reminder: discount approval for " + quote.number() + " is overdue",
						"The discount of " + percent(quote.getRequestedDiscount()) + " on quote " + quote.number()
								+ " has waited for approval since " + quote.getCreatedAt()
								+ ". Please decide in Tasklist.",
						null, null));
		Opportunity opportunity = this.opportunities.load(quote.getOpportunityId());
		this.timeline.record(InteractionDraft.forOpportunity(opportunity.getId(), opportunity.getCustomerId(),
				"APPROVAL_OVERDUE", "Approval of " + quote.number() + " overdue; " + approverGroup + " reminded"));
	}

	/**
	 * Step {@code Task_SendQuote}: renders the approved quote as PDF, keeps it, mails it
	 * to the contact and moves the opportunity to NEGOTIATION. Safe to repeat after a
	 * failure or while an earlier run is still busy: the document is made once (its key
	 * is the quote) and the mail is sent once (idempotency key {@code quote-sent-<id>}).
	 */
	public void send(long quoteId) {
		Quote quote = load(quoteId);
		Opportunity opportunity = this.opportunities.load(quote.getOpportunityId());
		CustomerView customer = this.customers.find(opportunity.getCustomerId());
		CustomerView.ContactView contact = customer.contacts()
			.stream()
			.filter((candidate) -> Objects.equals(candidate.id(), opportunity.getContactId()))
			.findFirst()
			.orElse(null);
		QuoteDocument document = this.documents.findById(quoteId).orElseGet(() -> {
			LocalDate today = LocalDate.now(this.clock);
			BigDecimal net = quote.netAmount();
			byte[] pdf = this.renderer.render(new QuoteSheet(quote.number(), quote.getVersion(), today,
					today.plusDays(30), customer.companyName(), (contact != null) ? contact.name() : null,
					(contact != null) ? contact.email() : null, opportunity.getOwnerGroup(),
					quote.getLines()
						.stream()
						.map((line) -> new QuoteSheet.Line(line.description(), line.quantity(), line.unitPrice(),
								line.amount()))
						.toList(),
					quote.getAmount(), quote.getApprovedDiscount(), net, quote.getNote()));
			return this.documents
				.saveAndFlush(new QuoteDocument(quoteId, quote.number() + ".pdf", pdf, this.clock.instant()));
		});
		if (quote.getStatus() != QuoteStatus.SENT) {
			// once per quote even when this step runs twice (SentSalesMails)
			this.onceOnlyMails.sendOnce("quote-sent-" + quoteId,
					new SalesMail(
							(contact != null && contact.email() != null) ? List.of(contact.email())
									: List.of("group:" + opportunity.getOwnerGroup()),
							"Quotation " + quote.number(), "Please find our quotation " + quote.number() + " attached.",
							document.getFileName(), document.getContent()));
			quote.sent(this.clock.instant());
			opportunity.negotiating();
			this.timeline.record(InteractionDraft.forOpportunity(opportunity.getId(), customer.id(), "QUOTE_SENT",
					"Quote " + quote.number() + " sent: " + quote.netAmount() + " CNY after "
							+ percent(quote.getApprovedDiscount()) + " discount"));
		}
	}

	/** A sent quote's PDF, for download from its opportunity. */
	public record Document(String fileName, byte[] content) {
	}

	@Transactional(readOnly = true)
	public Document document(long opportunityId, long quoteId) {
		Quote quote = this.quotes.findById(quoteId)
			.filter((candidate) -> candidate.getOpportunityId() == opportunityId)
			.orElseThrow(
					() -> new NotFoundException("Opportunity " + opportunityId + " has no quote " + quoteId + "."));
		QuoteDocument document = this.documents.findById(quote.getId())
			.orElseThrow(() -> new NotFoundException("Quote " + quote.number() + " has not been sent yet."));
		return new Document(document.getFileName(), document.getContent());
	}

	private Quote load(long id) {
		return this.quotes.findById(id).orElseThrow(() -> new NotFoundException("No quote " + id + "."));
	}

	private String currentUser() {
		var authentication = this.identityService.getCurrentAuthentication();
		return (authentication != null && authentication.getUserId() != null) ? authentication.getUserId() : "unknown";
	}

	private LocalDate date(Object value) {
		String text = TaskAnswers.text(value);
		if (text == null) {
			throw new InvalidTaskInputException("Enter the expected close date.");
		}
		LocalDate date;
		try {
			date = LocalDate.parse((text.length() > 10) ? text.substring(0, 10) : text);
		}
		catch (DateTimeParseException ex) {
			throw new InvalidTaskInputException("The expected close date must be a date such as 2026-12-31.");
		}
		if (date.isBefore(LocalDate.now(this.clock))) {
			throw new InvalidTaskInputException("The expected close date " + date + " has passed.");
		}
		return date;
	}

	private List<QuoteLine> lines(Object value) {
		if (value == null || (value instanceof String text && text.isBlank())) {
			return List.of();
		}
		List<Map<String, Object>> raw;
		try {
			raw = this.objectMapper.readValue(
					(value instanceof String text) ? text : this.objectMapper.writeValueAsString(value),
					new TypeReference<>() {
					});
		}
		catch (JsonProcessingException | IllegalArgumentException ex) {
			throw new InvalidTaskInputException(
					"The quote lines are not a list of description, quantity and unit price.");
		}
		if (raw.size() > MAX_LINES) {
			throw new InvalidTaskInputException("A quote has at most " + MAX_LINES + " lines.");
		}
		List<QuoteLine> lines = new ArrayList<>();
		for (int i = 0; i < raw.size(); i++) {
			Map<String, Object> line = raw.get(i);
			String where = "Line " + (i + 1) + ": ";
			String description = TaskAnswers.text(line.get("description"));
			if (description == null || description.length() > 200) {
				throw new InvalidTaskInputException(where + "a description of up to 200 characters is needed.");
			}
			BigDecimal quantity = TaskAnswers.amount(line.get("quantity"), where + "the quantity");
			BigDecimal unitPrice = TaskAnswers.amount(line.get("unitPrice"), where + "the unit price");
			if (quantity == null || quantity.signum() <= 0) {
				throw new InvalidTaskInputException(where + "the quantity must be above 0.");
			}
			if (unitPrice == null || unitPrice.signum() < 0) {
				throw new InvalidTaskInputException(where + "the unit price must be 0 or more.");
			}
			lines.add(new QuoteLine(description, quantity.setScale(3, RoundingMode.HALF_UP),
					unitPrice.setScale(2, RoundingMode.HALF_UP),
					quantity.multiply(unitPrice).setScale(2, RoundingMode.HALF_UP)));
		}
		return lines;
	}

	static String percent(BigDecimal fraction) {
		return (fraction == null) ? "-" : fraction.movePointRight(2).stripTrailingZeros().toPlainString() + "%";
	}

}
