package io.reflow.crm.marketing;

import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/** The campaign members table. */
interface CampaignMembers extends JpaRepository<CampaignMember, Long> {

	Page<CampaignMember> findByCampaignIdOrderByIdAsc(long campaignId, Pageable pageable);

	List<CampaignMember> findByCampaignIdOrderByIdAsc(long campaignId);

	Optional<CampaignMember> findByCampaignIdAndContactId(long campaignId, long contactId);

	@Query("select m from CampaignMember m where m.campaignId = ?1 and lower(m.email) = lower(?2) order by m.id")
	List<CampaignMember> findByCampaignIdAndEmail(long campaignId, String email);

	long countByCampaignId(long campaignId);

	@Query("select m from CampaignMember m where m.contactId in ?1 order by m.campaignId desc, m.id")
	List<CampaignMember> findByContactIdIn(java.util.Collection<Long> contactIds);

}
