/**
 * The platform the business modules stand on: engine configuration, deployment of the
 * models in {@code processes/}, {@code decisions/} and {@code forms/}, identity and
 * security (one user store: Camunda's identity service), and the web error format.
 * Business modules never depend on its internals, only on the engine services it
 * configures.
 */
package io.reflow.crm.platform;
