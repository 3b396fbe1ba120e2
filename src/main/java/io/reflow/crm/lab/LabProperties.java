package io.reflow.crm.lab;

import java.math.BigDecimal;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the reengineering lab ({@code reflow.lab}).
 *
 * @param hourlyRates cost of an hour's work per candidate group, in {@code currency}: a
 * user task's working time (first assignment to completion) costs the rate of the group
 * it was offered to
 * @param defaultHourlyRate the rate of a task offered to no group in {@code hourlyRates}
 * @param currency the currency of the rates, shown with every cost
 * @param alpha the significance level of the scorecard's tests
 * @param maxCasesPerVersion the scorecard reads at most this many cases of a version (the
 * latest started); more are reported as left out
 * @param workingHours the business calendar simulated people work by
 * @param maxSimulationCases the most cases one simulation run may have
 */
@ConfigurationProperties("reflow.lab")
public record LabProperties(Map<String, BigDecimal> hourlyRates, @DefaultValue("0") BigDecimal defaultHourlyRate,
		@DefaultValue("CNY") String currency, @DefaultValue("0.05") double alpha,
		@DefaultValue("200000") int maxCasesPerVersion, @DefaultValue Hours workingHours,
		@DefaultValue("20000") int maxSimulationCases) {

	public LabProperties {
		hourlyRates = (hourlyRates != null) ? Map.copyOf(hourlyRates) : Map.of();
		if (maxSimulationCases < 1) {
			throw new IllegalArgumentException("reflow.lab.max-simulation-cases must be 1 or more");
		}
		if (!(alpha > 0 && alpha < 1)) {
			throw new IllegalArgumentException("reflow.lab.alpha must be between 0 and 1, is " + alpha);
		}
	}

	/** The hourly rate of work offered to {@code group} (null: no group). */
	public BigDecimal rate(String group) {
		return (group != null) ? this.hourlyRates.getOrDefault(group, this.defaultHourlyRate) : this.defaultHourlyRate;
	}

	/** The business calendar: the same hours on each working day, in one zone. */
	public record Hours(@DefaultValue("Asia/Shanghai") java.time.ZoneId zone, @DefaultValue( {
			"MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY" }) java.util.Set<java.time.DayOfWeek> days,
			@DefaultValue("09:00") java.time.LocalTime start, @DefaultValue("18:00") java.time.LocalTime end){

		public io.reflow.crm.lab.simulation.WorkingHours toWorkingHours() {
			return new io.reflow.crm.lab.simulation.WorkingHours(this.zone, this.days, this.start, this.end);
		}

		public String describe() {
			return this.days.stream().sorted().map((d) -> d.name().substring(0, 3)).toList() + " " + this.start + "-"
					+ this.end + " " + this.zone;
		}

	}

}
