package io.reflow.crm.support;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/** The default {@link SupportNotifier}: writes each notification to the log. */
@Component
class LoggingSupportNotifier implements SupportNotifier {

	private static final Logger log = LoggerFactory.getLogger(LoggingSupportNotifier.class);

	@Override
	public void notifyGroup(String groupId, String subject, String body) {
		log.info("Notify group {}: '{}' – {}", groupId, subject, body);
	}

}
