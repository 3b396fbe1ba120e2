package io.reflow.crm.support;

/**
 * Outbound notifications of the support process (an escalated case to the customer's
 * account owner group). The default adapter, {@link LoggingSupportNotifier}, only logs; a
 * mail or chat adapter replaces it as a {@code @Primary} bean.
 */
public interface SupportNotifier {

	void notifyGroup(String groupId, String subject, String body);

}
