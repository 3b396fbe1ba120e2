/**
 * The model audit trail: deployments, refused deployments, live reload failures and
 * migrations of running instances (table {@code model_audit}).
 */
package io.reflow.crm.platform.audit;
