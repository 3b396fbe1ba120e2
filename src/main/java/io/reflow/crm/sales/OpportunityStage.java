package io.reflow.crm.sales;

import java.math.BigDecimal;

/** Sales stages with the win probability the forecast weighs the amount by. */
public enum OpportunityStage {

	QUALIFICATION("0.10"), PROPOSAL("0.40"), NEGOTIATION("0.70"), WON("1.00"), LOST("0.00");

	private final BigDecimal probability;

	OpportunityStage(String probability) {
		this.probability = new BigDecimal(probability);
	}

	public BigDecimal probability() {
		return this.probability;
	}

	public boolean isOpen() {
		return this != WON && this != LOST;
	}

}
