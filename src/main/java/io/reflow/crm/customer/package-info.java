/**
 * Customers (companies) and their contacts: the CRM master data every process refers to
 * by id. {@link io.reflow.crm.customer.CustomerManagement} is the module's public face;
 * the REST API lives in {@code customer.web}.
 */
package io.reflow.crm.customer;
