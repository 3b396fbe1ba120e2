package io.reflow.crm.marketing;

import java.util.List;

/**
 * A campaign some of a customer's contacts were members of: the campaign, the members'
 * names (as selected) and their responses as {@code "name: TYPE"}, oldest first.
 */
public record CampaignParticipation(CampaignView campaign, List<String> members, List<String> responses) {
}
