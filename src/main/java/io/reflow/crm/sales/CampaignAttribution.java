package io.reflow.crm.sales;

import java.math.BigDecimal;

/**
 * What a marketing campaign brought into sales: its leads, those qualified (converted
 * into an opportunity), their opportunities, the orders won from them and their revenue
 * (CNY).
 */
public record CampaignAttribution(long leads, long qualifiedLeads, long opportunities, long wonOrders,
		BigDecimal revenue) {

	static final CampaignAttribution NONE = new CampaignAttribution(0, 0, 0, 0, BigDecimal.ZERO);

}
