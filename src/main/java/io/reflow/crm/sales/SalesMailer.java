package io.reflow.crm.sales;

/**
 * Outbound mail port of the sales processes (quotes to customers, reminders to
 * approvers). The default adapter, {@link LoggingSalesMailer}, only logs; a mail server
 * adapter replaces it as a {@code @Primary} bean.
 */
public interface SalesMailer {

	void send(SalesMail mail);

}
