package io.reflow.crm.marketing;

import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/** The campaign responses table. */
interface CampaignResponses extends JpaRepository<CampaignResponse, Long> {

	Optional<CampaignResponse> findByCampaignIdAndContactIdAndType(long campaignId, long contactId, ResponseType type);

	Page<CampaignResponse> findByCampaignId(long campaignId, Pageable pageable);

	@Query("select r from CampaignResponse r where r.contactId in ?1 order by r.receivedAt, r.id")
	List<CampaignResponse> findByContactIdIn(java.util.Collection<Long> contactIds);

	Page<CampaignResponse> findByCampaignIdAndType(long campaignId, ResponseType type, Pageable pageable);

	/** Rows of (type, count). */
	@Query("select r.type, count(r) from CampaignResponse r where r.campaignId = ?1 group by r.type")
	List<Object[]> countByType(long campaignId);

	/** Members who responded with anything but an unsubscribe. */
	@Query("select count(distinct r.contactId) from CampaignResponse r where r.campaignId = ?1 and r.type <> io.reflow.crm.marketing.ResponseType.UNSUBSCRIBED")
	long countResponders(long campaignId);

}
