package io.reflow.crm.sales;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A quote version as the API returns it; {@code documentUrl} once it has been sent. */
public record QuoteView(long id, String number, int version, QuoteStatus status, List<QuoteLine> lines,
		BigDecimal amount, BigDecimal requestedDiscount, BigDecimal maxDiscount, String approvalLevel,
		BigDecimal approvedDiscount, BigDecimal netAmount, LocalDate expectedCloseDate, String note, String decidedBy,
		String decisionComment, boolean approvalOverdue, Instant createdAt, Instant decidedAt, Instant sentAt,
		String documentUrl) {

	static QuoteView of(Quote quote) {
		return new QuoteView(quote.getId(), quote.number(), quote.getVersion(), quote.getStatus(),
				List.copyOf(quote.getLines()), quote.getAmount(), quote.getRequestedDiscount(), quote.getMaxDiscount(),
				quote.getApprovalLevel(), quote.getApprovedDiscount(), quote.netAmount(), quote.getExpectedCloseDate(),
				quote.getNote(), quote.getDecidedBy(), quote.getDecisionComment(), quote.isApprovalOverdue(),
				quote.getCreatedAt(), quote.getDecidedAt(), quote.getSentAt(),
				(quote.getSentAt() != null)
						? "/api/opportunities/" + quote.getOpportunityId() + "/quotes/" + quote.getId() + "/document"
						: null);
	}

}
