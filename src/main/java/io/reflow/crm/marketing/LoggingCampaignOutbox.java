package io.reflow.crm.marketing;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/** Writes campaign messages to the log instead of sending them; the default adapter. */
@Component
class LoggingCampaignOutbox implements CampaignOutbox {

	private static final Logger logger = LoggerFactory.getLogger(LoggingCampaignOutbox.class);

	@Override
	public void send(OutboundMessage message) {
		logger.info("{} to {} <{}>: {}", message.channel(), message.recipientName(), message.address(),
				message.subject());
	}

}
