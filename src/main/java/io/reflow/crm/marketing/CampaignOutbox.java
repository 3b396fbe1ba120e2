package io.reflow.crm.marketing;

/**
 * Outbound port of the EMAIL and SMS channels: one message per member. The default
 * adapter ({@link LoggingCampaignOutbox}) writes to the log; a real mail or SMS gateway
 * replaces it as another bean.
 */
public interface CampaignOutbox {

	/** One campaign message to one address (an e-mail address or a phone number). */
	record OutboundMessage(Channel channel, String address, String recipientName, String subject, String text) {
	}

	void send(OutboundMessage message);

}
