/**
 * Reengineering lab: version scorecard and simulation. It compares two versions of a
 * business process; this package's statistics core ({@link io.reflow.crm.lab.Quantiles},
 * {@link io.reflow.crm.lab.MannWhitney}, {@link io.reflow.crm.lab.TwoProportions},
 * {@link io.reflow.crm.lab.Normal}, {@link io.reflow.crm.lab.Significance}) is plain Java
 * without Spring or the engine.
 */
package io.reflow.crm.lab;
