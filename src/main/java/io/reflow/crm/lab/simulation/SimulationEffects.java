package io.reflow.crm.lab.simulation;

import java.util.Map;

import org.camunda.bpm.engine.delegate.JavaDelegate;

/**
 * What a module's delegates do to a case that its model then reads, for the simulator: in
 * a simulation every delegate is replaced by a recorder, and a recorder does only what
 * its effect here says (e.g. set the due date a timer reads). A module declares one bean
 * per process it owns; a process without one runs its recorders without effects.
 */
public interface SimulationEffects {

	/** The process these effects belong to. */
	String processKey();

	/** Per activity id, what its recorder does besides counting. */
	Map<String, JavaDelegate> effects();

	/**
	 * The effects that {@code all} declare for {@code processKey}; none if no module
	 * does.
	 */
	static Map<String, JavaDelegate> of(java.util.List<SimulationEffects> all, String processKey) {
		return all.stream()
			.filter((effects) -> effects.processKey().equals(processKey))
			.findFirst()
			.map(SimulationEffects::effects)
			.orElse(Map.of());
	}

}
