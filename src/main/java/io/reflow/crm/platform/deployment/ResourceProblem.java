package io.reflow.crm.platform.deployment;

import java.util.List;

import org.camunda.bpm.engine.Problem;

/**
 * One finding about a resource of a deployment, in the engine's own shape: engine REST
 * renders it like the BPMN parser's errors ({@code details.<resource>.errors[]} with
 * {@code message}, {@code line}, {@code column}, {@code mainElementId}).
 *
 * @param message what is wrong and how to fix it, for an analyst
 * @param line 1-based line in the file; {@code 0} when unknown
 * @param column 1-based column; {@code 0} when unknown
 * @param mainElementId the BPMN/DMN element concerned, or {@code null}
 */
record ResourceProblem(String message, int line, int column, String mainElementId) implements Problem {

	@Override
	public String getMessage() {
		return this.message;
	}

	@Override
	public int getLine() {
		return this.line;
	}

	@Override
	public int getColumn() {
		return this.column;
	}

	@Override
	public String getMainElementId() {
		return this.mainElementId;
	}

	@Override
	public List<String> getElementIds() {
		return (this.mainElementId != null) ? List.of(this.mainElementId) : List.of();
	}

	/** Camunda's own wording: {@code message | resource x | line n | column m}. */
	String describe(String resourceName) {
		StringBuilder text = new StringBuilder(this.message).append(" | resource ").append(resourceName);
		if (this.line > 0) {
			text.append(" | line ").append(this.line).append(" | column ").append(this.column);
		}
		return text.toString();
	}

}
