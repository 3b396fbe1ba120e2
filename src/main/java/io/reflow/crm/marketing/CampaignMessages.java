package io.reflow.crm.marketing;

import java.util.List;
import java.util.Set;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/** The campaign messages table. */
interface CampaignMessages extends JpaRepository<CampaignMessage, Long> {

	@Query("select m.memberId from CampaignMessage m where m.campaignId = ?1 and m.channel = ?2")
	Set<Long> memberIdsReached(long campaignId, Channel channel);

	@Query("select m.memberId from CampaignMessage m where m.campaignId = ?1 and m.channel = ?2 and m.status = ?3")
	Set<Long> memberIdsWithStatus(long campaignId, Channel channel, CampaignMessage.Status status);

	/** Rows of (channel, status, count). */
	@Query("select m.channel, m.status, count(m) from CampaignMessage m where m.campaignId = ?1 group by m.channel, m.status")
	List<Object[]> countByChannelAndStatus(long campaignId);

}
