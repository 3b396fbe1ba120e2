/**
 * The analyst's catalogue of deployed models ({@code /api/models/processes},
 * {@code /api/models/decisions}) and the page {@code /models}: versions, authors, running
 * instances, the diagrams, the audit trail and the migration of running instances.
 */
package io.reflow.crm.platform.models;
