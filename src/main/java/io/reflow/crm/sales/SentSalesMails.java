package io.reflow.crm.sales;

import java.sql.Timestamp;
import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends a mail at most once per idempotency key (table {@code crm_sales_mail}). A mail
 * cannot be rolled back with the process step that sends it: when a job runs twice (a
 * step slower than the job executor's lock time is acquired and run again while the first
 * run is still busy; the first then fails on the job's optimistic lock and rolls back) or
 * is retried, the step's database work is undone but the mail went out. So the key is
 * claimed and committed in a transaction of its own before the mail is handed to
 * {@link SalesMailer}; a later run finds the key and sends nothing. If the mail port
 * fails, the claim is withdrawn so the retry sends it. What is left: a crash between the
 * claim and the hand-over loses that mail (at most once, never twice).
 */
@Component
class SentSalesMails {

	private static final Logger log = LoggerFactory.getLogger(SentSalesMails.class);

	private final JdbcTemplate jdbc;

	private final TransactionTemplate ownTransaction;

	private final SalesMailer mailer;

	private final Clock clock;

	SentSalesMails(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, SalesMailer mailer, Clock clock) {
		this.jdbc = jdbc;
		this.ownTransaction = new TransactionTemplate(transactionManager);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.mailer = mailer;
		this.clock = clock;
	}

	/**
	 * Sends {@code mail} unless a mail with this key was sent already.
	 * @return whether it was sent now
	 */
	boolean sendOnce(String key, SalesMail mail) {
		Boolean claimed = this.ownTransaction.execute((status) -> {
			try {
				this.jdbc.update(
						"insert into crm_sales_mail (mail_key, recipients, subject, sent_at) values (?, ?, ?, ?)", key,
						abbreviate(String.join(", ", mail.to()), 1000), abbreviate(mail.subject(), 300),
						Timestamp.from(this.clock.instant()));
				return true;
			}
			catch (DuplicateKeyException ex) {
				status.setRollbackOnly();
				return false;
			}
		});
		if (!Boolean.TRUE.equals(claimed)) {
			log.info("Mail {} was sent already; not sent again", key);
			return false;
		}
		try {
			this.mailer.send(mail);
			return true;
		}
		catch (RuntimeException ex) {
			this.ownTransaction.executeWithoutResult(
					(status) -> this.jdbc.update("delete from crm_sales_mail where mail_key = ?", key));
			throw ex;
		}
	}

	private static String abbreviate(String text, int max) {
		return (text.length() <= max) ? text : text.substring(0, max);
	}

}
