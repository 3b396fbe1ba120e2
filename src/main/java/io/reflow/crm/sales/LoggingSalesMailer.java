package io.reflow.crm.sales;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/** The default {@link SalesMailer}: writes each mail's envelope to the log. */
@Component
class LoggingSalesMailer implements SalesMailer {

	private static final Logger log = LoggerFactory.getLogger(LoggingSalesMailer.class);

	@Override
	public void send(SalesMail mail) {
		log.info("Mail to {}: '{}'{}", mail.to(), mail.subject(), (mail.attachment() != null)
				? " with " + mail.attachmentName() + " (" + mail.attachment().length + " bytes)" : "");
	}

}
