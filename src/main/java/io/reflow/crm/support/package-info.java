/**
 * Customer service: support cases and their service levels. So far it holds the business
 * calendar ({@link io.reflow.crm.support.WorkingCalendar}) that turns an SLA duration
 * into the due date the support processes' timers and user tasks use.
 */
package io.reflow.crm.support;
