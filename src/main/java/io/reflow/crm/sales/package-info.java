/**
 * Sales: leads, opportunities, quotes and orders, run by the models
 * {@code processes/sales/lead-qualification.bpmn} and
 * {@code processes/sales/opportunity-to-order.bpmn} with the rules in {@code decisions/}.
 * {@link io.reflow.crm.sales.LeadManagement},
 * {@link io.reflow.crm.sales.OpportunityManagement},
 * {@link io.reflow.crm.sales.QuoteManagement} and
 * {@link io.reflow.crm.sales.OrderManagement} are the module's public face.
 */
package io.reflow.crm.sales;
