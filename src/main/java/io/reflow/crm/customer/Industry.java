package io.reflow.crm.customer;

/**
 * Industry codes used by rules ({@code decisions/lead-scoring.dmn} reads the code) with
 * the label stored on a customer.
 */
public enum Industry {

	MANUFACTURING("Manufacturing"), FINANCE("Financial services"), RETAIL("Retail"), SOFTWARE("Software"),
	LOGISTICS("Logistics"), PHARMA("Pharmaceuticals"), ENERGY("Energy"), CONSTRUCTION("Construction"),
	FOOD("Food and beverage"), AUTOMOTIVE("Automotive"), ELECTRONICS("Electronics"), EDUCATION("Education"),
	OTHER("Other");

	private final String label;

	Industry(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

}
