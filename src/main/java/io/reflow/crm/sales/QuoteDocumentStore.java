package io.reflow.crm.sales;

import org.springframework.data.jpa.repository.JpaRepository;

/** The quote documents table. */
interface QuoteDocumentStore extends JpaRepository<QuoteDocument, Long> {

}
