/**
 * FEEL for the engine's decision tables: the engine's own feel-scala engine, with each
 * expression parsed once instead of on every evaluation
 * ({@link io.reflow.crm.platform.feel.ParsedFeelEngine}).
 */
package io.reflow.crm.platform.feel;
