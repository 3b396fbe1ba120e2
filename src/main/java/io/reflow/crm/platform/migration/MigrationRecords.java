package io.reflow.crm.platform.migration;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface MigrationRecords extends JpaRepository<MigrationRecord, Long> {

	Optional<MigrationRecord> findByBatchId(String batchId);

	List<MigrationRecord> findByProcessKeyOrderByStartedAtDescIdDesc(String processKey, Pageable page);

	List<MigrationRecord> findByFinishedAtIsNull();

	/**
	 * Marks the migration finished unless someone else did first.
	 * @return 1 for the caller that finished it, 0 otherwise
	 */
	@Modifying(flushAutomatically = true, clearAutomatically = true)
	@Query("update MigrationRecord m set m.finishedAt = :at, m.migrated = :migrated where m.id = :id and m.finishedAt is null")
	int finish(Long id, Instant at, int migrated);

}
