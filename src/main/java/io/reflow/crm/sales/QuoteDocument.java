package io.reflow.crm.sales;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The PDF sent to the customer for one quote version; table {@code crm_quote_document}.
 */
@Entity
@Table(name = "crm_quote_document")
class QuoteDocument {

	@Id
	@Column(name = "quote_id")
	private Long quoteId;

	@Column(name = "file_name", nullable = false)
	private String fileName;

	@Column(nullable = false)
	private byte[] content;

	@Column(name = "created_at", nullable = false)
	private Instant createdAt;

	protected QuoteDocument() {
	}

	QuoteDocument(long quoteId, String fileName, byte[] content, Instant createdAt) {
		this.quoteId = quoteId;
		this.fileName = fileName;
		this.content = content;
		this.createdAt = createdAt;
	}

	String getFileName() {
		return this.fileName;
	}

	byte[] getContent() {
		return this.content;
	}

}
