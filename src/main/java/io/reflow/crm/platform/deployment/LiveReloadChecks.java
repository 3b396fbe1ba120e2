package io.reflow.crm.platform.deployment;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.Problem;
import org.camunda.bpm.engine.ResourceReport;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.dmn.Dmn;
import org.xml.sax.SAXParseException;

/**
 * Finds which model file a live reload cannot deploy, with line and message: first by
 * reading each file the way {@link ModelDeployer} and the engine read it (XML against the
 * BPMN/DMN schemas, forms as JSON with an {@code id}), then from the engine's refusal.
 */
final class LiveReloadChecks {

	private static final ObjectMapper JSON = new ObjectMapper();

	/**
	 * How Camunda's model parser words a SAX error:
	 * {@code Fatal Error: URI=null Line=5: ...}.
	 */
	private static final Pattern SAX_ERROR = Pattern.compile("Error: URI=.*? Line=(\\d+): (.*)", Pattern.DOTALL);

	private LiveReloadChecks() {
	}

	/** Why a file cannot be deployed; the message on one line. */
	record Finding(String resource, String message, Integer line) {

		Finding {
			message = (message != null) ? message.replaceAll("\\s+", " ").trim() : "";
		}

	}

	/** Reads one file; a finding when it does not parse. */
	static Optional<Finding> read(String name, byte[] content) {
		try {
			if (name.endsWith(".bpmn")) {
				Bpmn.readModelFromStream(new ByteArrayInputStream(content));
			}
			else if (name.endsWith(".dmn")) {
				Dmn.readModelFromStream(new ByteArrayInputStream(content));
			}
			else if (name.endsWith(".form")) {
				JsonNode id = JSON.readTree(content).get("id");
				if (id == null || !id.isTextual() || id.asText().isBlank()) {
					return Optional.of(new Finding(name, "The form has no \"id\"", null));
				}
			}
			return Optional.empty();
		}
		catch (JsonProcessingException ex) {
			Integer line = (ex.getLocation() != null && ex.getLocation().getLineNr() > 0) ? ex.getLocation().getLineNr()
					: null;
			// Jackson's "[Source: REDACTED (...); line: 1, column: 42]" as "line 1,
			// column 42"
			String message = ex.getOriginalMessage()
				.replaceAll("\\[Source: .*?; line: (\\d+), column: (\\d+)\\]", "line $1, column $2");
			return Optional.of(new Finding(name, message, line));
		}
		catch (IOException | RuntimeException ex) {
			return Optional.of(fromCause(name, ex));
		}
	}

	/**
	 * The files the engine (or a pre-deployer) names in its refusal: the parser's
	 * resource reports, else a file name that the message mentions. Empty when it names
	 * none.
	 */
	static List<Finding> refused(RuntimeException refusal, Iterable<String> names) {
		List<Finding> findings = new ArrayList<>();
		for (Throwable cause = refusal; cause != null; cause = cause.getCause()) {
			if (cause instanceof ParseException parse) {
				for (ResourceReport report : parse.getResorceReports()) {
					if (!report.getErrors().isEmpty()) {
						Problem first = report.getErrors().get(0);
						String message = first.getMessage() + ((first.getMainElementId() != null)
								? " (element " + first.getMainElementId() + ")" : "");
						findings.add(new Finding(report.getResourceName(), message,
								(first.getLine() > 0) ? first.getLine() : null));
					}
				}
				if (!findings.isEmpty()) {
					return findings;
				}
			}
		}
		String message = messages(refusal);
		String named = null;
		for (String name : names) {
			if (message.contains(name) && (named == null || name.length() > named.length())) {
				named = name;
			}
		}
		if (named != null) {
			findings.add(fromCause(named, refusal));
		}
		return findings;
	}

	private static Finding fromCause(String name, Throwable failure) {
		String message = null;
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof SAXParseException sax) {
				return new Finding(name, sax.getMessage(), (sax.getLineNumber() > 0) ? sax.getLineNumber() : null);
			}
			// Camunda's model parser passes the SAX error on as text only
			Matcher sax = (cause.getMessage() != null) ? SAX_ERROR.matcher(cause.getMessage()) : null;
			if (sax != null && sax.find()) {
				return new Finding(name, sax.group(2).trim(), Integer.valueOf(sax.group(1)));
			}
			if (cause.getMessage() != null) {
				message = cause.getMessage();
			}
		}
		return new Finding(name, (message != null) ? message : failure.getClass().getSimpleName(), null);
	}

	private static String messages(Throwable failure) {
		StringBuilder all = new StringBuilder();
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			all.append(cause.getMessage()).append('\n');
		}
		return all.toString();
	}

}
