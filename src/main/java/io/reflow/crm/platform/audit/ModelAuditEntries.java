package io.reflow.crm.platform.audit;

import java.time.Instant;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

interface ModelAuditEntries extends JpaRepository<ModelAuditEntry, Long> {

	Page<ModelAuditEntry> findByOccurredAtBetweenOrderByOccurredAtDescIdDesc(Instant from, Instant to, Pageable page);

	java.util.List<ModelAuditEntry> findByActionOrderByOccurredAtDescIdDesc(ModelAuditAction action);

	Page<ModelAuditEntry> findBySubjectAndOccurredAtBetweenOrderByOccurredAtDescIdDesc(String subject, Instant from,
			Instant to, Pageable page);

}
