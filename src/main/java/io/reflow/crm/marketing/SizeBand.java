package io.reflow.crm.marketing;

/**
 * Company size bands of a campaign audience, by employees. The bounds follow the usual
 * enterprise size classes (micro under 10, small under 50, medium under 250), with large
 * companies split at 1,000: they describe the market, they are not a business rule.
 */
public enum SizeBand {

	MICRO(0, 9), SMALL(10, 49), MEDIUM(50, 249), LARGE(250, 999), ENTERPRISE(1000, null);

	private final Integer minEmployees;

	private final Integer maxEmployees;

	SizeBand(Integer minEmployees, Integer maxEmployees) {
		this.minEmployees = minEmployees;
		this.maxEmployees = maxEmployees;
	}

	public Integer minEmployees() {
		return this.minEmployees;
	}

	public Integer maxEmployees() {
		return this.maxEmployees;
	}

	String label() {
		return (this.maxEmployees != null) ? this.minEmployees + "–" + this.maxEmployees + " employees"
				: this.minEmployees + "+ employees";
	}

}
