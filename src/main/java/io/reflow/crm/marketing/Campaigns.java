package io.reflow.crm.marketing;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

/** The campaigns table. */
interface Campaigns extends JpaRepository<Campaign, Long> {

	Page<Campaign> findByStatus(CampaignStatus status, Pageable pageable);

}
