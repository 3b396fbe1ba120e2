package io.reflow.crm.platform.backtest;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

import io.reflow.crm.platform.backtest.DecisionModels.InputClause;
import io.reflow.crm.platform.web.InvalidFieldException;

/**
 * The uploaded draft: its DMN model and the decision under test, parsed by the standalone
 * DMN engine. Every reason the draft cannot be used is an {@link InvalidFieldException}
 * on {@code file} (a 400 naming the problem), never a server error.
 */
final class DraftDecision {

	static final String FIELD = "file";

	private static final Pattern SAX_LINE = Pattern.compile("Line=(\\d+):\\s*(.*)", Pattern.DOTALL);

	private final Decision model;

	private final DmnDecision decision;

	private final List<Decision> required;

	private DraftDecision(Decision model, DmnDecision decision) {
		this.model = model;
		this.decision = decision;
		this.required = DecisionModels.required(model);
	}

	/**
	 * Reads the draft and finds decision {@code key} in it.
	 * @throws InvalidFieldException if the file is empty, not DMN, refused by the DMN
	 * engine, or has no decision {@code key}
	 */
	static DraftDecision parse(byte[] file, String key, DmnEngine engine) {
		if (file == null || file.length == 0) {
			throw new InvalidFieldException(FIELD, "is empty; choose the draft .dmn file");
		}
		String head = new String(file, 0, Math.min(file.length, 4096), StandardCharsets.UTF_8);
		if (head.toUpperCase(Locale.ROOT).contains("<!DOCTYPE")) {
			throw new InvalidFieldException(FIELD, "must not contain a document type declaration (<!DOCTYPE>)");
		}
		DmnModelInstance model;
		try {
			model = Dmn.readModelFromStream(new ByteArrayInputStream(file));
		}
		catch (RuntimeException ex) {
			throw new InvalidFieldException(FIELD, "is not a valid DMN file: " + describe(ex));
		}
		Decision decision = DecisionModels.decision(model, key);
		if (decision == null) {
			throw new InvalidFieldException(FIELD, "has no decision with id '" + key + "'; its decisions are "
					+ String.join(", ", DecisionModels.decisionKeys(model)));
		}
		try {
			return new DraftDecision(decision, engine.parseDecision(key, model));
		}
		catch (RuntimeException ex) {
			throw new InvalidFieldException(FIELD, "cannot be read by the DMN engine: " + describe(ex));
		}
	}

	/** The decision to evaluate; the engine evaluates its required decisions with it. */
	DmnDecision decision() {
		return this.decision;
	}

	String name() {
		return (this.model.getName() != null) ? this.model.getName() : this.model.getId();
	}

	/** The outputs of the decision under test. */
	List<String> outputs() {
		return DecisionModels.outputs(this.model);
	}

	/**
	 * The variables the draft's required decisions compute: their recorded values are not
	 * passed in, so the draft's own results count, and a required decision that now gives
	 * no result leaves its output empty (as it would in the process).
	 */
	Set<String> computed() {
		Set<String> names = new LinkedHashSet<>();
		this.required.forEach((decision) -> names.addAll(DecisionModels.outputs(decision)));
		return names;
	}

	/** The input clauses of the decision and of every decision it requires. */
	List<InputClause> inputs() {
		List<InputClause> clauses = new ArrayList<>(DecisionModels.inputs(this.model));
		this.required.forEach((decision) -> clauses.addAll(DecisionModels.inputs(decision)));
		return clauses;
	}

	/**
	 * The most telling message of a failure: the XML parser's line, column and message
	 * when the XML is broken, else the first message in the chain (the engine's, with its
	 * code).
	 */
	static String describe(Throwable failure) {
		String message = null;
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof SAXParseException sax) {
				return "line " + sax.getLineNumber() + ", column " + sax.getColumnNumber() + ": " + sax.getMessage();
			}
			if (cause instanceof SAXException sax && sax.getMessage() != null) {
				// Camunda's parser reports "Fatal Error: URI=null Line=107: <message>"
				Matcher line = SAX_LINE.matcher(sax.getMessage());
				return line.find() ? "line " + line.group(1) + ": " + line.group(2) : sax.getMessage();
			}
			if (message == null && cause.getMessage() != null && !cause.getMessage().isBlank()) {
				message = cause.getMessage();
			}
		}
		if (message == null) {
			message = failure.getClass().getSimpleName();
		}
		return (message.length() > 500) ? message.substring(0, 500) + "…" : message;
	}

}
