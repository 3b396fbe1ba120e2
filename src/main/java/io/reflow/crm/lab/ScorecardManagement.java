package io.reflow.crm.lab;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.ToDoubleFunction;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;

import io.reflow.crm.platform.web.InvalidFieldException;
import io.reflow.crm.platform.web.NotFoundException;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The version scorecard: two versions of a process compared on what their history
 * measured. Per finished case: cycle time and cost (working time × the hourly rate of the
 * task's candidate group, {@code reflow.lab.hourly-rates}), compared by medians and a
 * Mann–Whitney U test; shares (each outcome, rework, user tasks completed by their due
 * date) compared by a two-proportion z-test with a confidence interval of the difference;
 * per activity its durations, waiting and working times; and which model elements were
 * added, removed or changed.
 */
@Service
public class ScorecardManagement {

	private final RepositoryService repository;

	private final VersionHistoryReader history;

	private final LabProperties properties;

	ScorecardManagement(RepositoryService repository, VersionHistoryReader history, LabProperties properties) {
		this.repository = repository;
		this.history = history;
		this.properties = properties;
	}

	/**
	 * @param process the process key
	 * @param from a version number or version tag; by default the version before
	 * {@code to}
	 * @param to a version number or version tag; by default the latest
	 * @throws NotFoundException for an unknown process or version
	 * @throws InvalidFieldException when {@code to} has no earlier version to compare
	 */
	@Transactional(readOnly = true)
	public Scorecard scorecard(String process, String from, String to) {
		List<ProcessDefinition> versions = versions(process);
		ProcessDefinition newer = (to != null && !to.isBlank()) ? resolve(versions, to, "to")
				: versions.get(versions.size() - 1);
		ProcessDefinition older;
		if (from != null && !from.isBlank()) {
			older = resolve(versions, from, "from");
		}
		else {
			older = versions.stream()
				.filter((definition) -> definition.getVersion() < newer.getVersion())
				.reduce((first, second) -> second)
				.orElseThrow(() -> new InvalidFieldException("from", "version " + newer.getVersion() + " of " + process
						+ " has no earlier version to compare with; give from"));
		}
		VersionFigures a = this.history.read(older.getId());
		VersionFigures b = this.history.read(newer.getId());
		BpmnModelInstance olderModel = this.repository.getBpmnModelInstance(older.getId());
		BpmnModelInstance newerModel = this.repository.getBpmnModelInstance(newer.getId());
		DiagramDiff.Result diagram = DiagramDiff.of(xml(older), xml(newer));
		List<Scorecard.RateComparison> rates = new ArrayList<>();
		Set<String> outcomes = new LinkedHashSet<>();
		a.finished.forEach((c) -> outcomes.add(c.outcome()));
		b.finished.forEach((c) -> outcomes.add(c.outcome()));
		outcomes.stream().sorted().forEach((outcome) -> {
			String name = VersionHistoryReader.CANCELLED.equals(outcome) ? "Cancelled"
					: name(newerModel, olderModel, outcome);
			rates.add(rate("Outcome: " + name, "outcome", outcome,
					a.finished.stream().filter((c) -> outcome.equals(c.outcome())).count(), a.finished.size(),
					b.finished.stream().filter((c) -> outcome.equals(c.outcome())).count(), b.finished.size()));
		});
		rates.add(rate("Rework (an activity repeated)", "rework", null,
				a.finished.stream().filter(VersionFigures.Case::reworked).count(), a.finished.size(),
				b.finished.stream().filter(VersionFigures.Case::reworked).count(), b.finished.size()));
		rates.add(rate("User tasks completed by their due date", "sla", null, a.tasksMetDueDate, a.tasksWithDueDate,
				b.tasksMetDueDate, b.tasksWithDueDate));
		return new Scorecard(process, version(older, a), version(newer, b), this.properties.alpha(),
				this.properties.currency(),
				compare("Cycle time", "s", a.finished, b.finished, VersionFigures.Case::cycleSeconds),
				compare("Cost per case", this.properties.currency(), a.finished, b.finished, VersionFigures.Case::cost),
				rates, activities(a, b, diagram, olderModel, newerModel), diagram);
	}

	/** The versions of a process, oldest first. */
	public List<ProcessDefinition> versions(String process) {
		List<ProcessDefinition> versions = this.repository.createProcessDefinitionQuery()
			.processDefinitionKey(process)
			.withoutTenantId()
			.list()
			.stream()
			.sorted(Comparator.comparingInt(ProcessDefinition::getVersion))
			.toList();
		if (versions.isEmpty()) {
			throw new NotFoundException("There is no process '" + process + "'.");
		}
		return versions;
	}

	/** A version number, or the latest version with that version tag. */
	static ProcessDefinition resolve(List<ProcessDefinition> versions, String reference, String field) {
		String wanted = reference.trim();
		if (wanted.matches("\\d{1,9}")) {
			int number = Integer.parseInt(wanted);
			return versions.stream()
				.filter((definition) -> definition.getVersion() == number)
				.findFirst()
				.orElseThrow(() -> new NotFoundException(
						"Process '" + versions.get(0).getKey() + "' has no version " + number + " (" + field
								+ "); it has 1 to " + versions.get(versions.size() - 1).getVersion() + "."));
		}
		return versions.stream()
			.filter((definition) -> wanted.equals(definition.getVersionTag()))
			.reduce((first, second) -> second)
			.orElseThrow(() -> new NotFoundException("Process '" + versions.get(0).getKey()
					+ "' has no version tagged '" + wanted + "' (" + field + ")."));
	}

	private Scorecard.Version version(ProcessDefinition definition, VersionFigures figures) {
		Deployment deployment = this.repository.createDeploymentQuery()
			.deploymentId(definition.getDeploymentId())
			.singleResult();
		return new Scorecard.Version(definition.getId(), definition.getVersion(), definition.getVersionTag(),
				(deployment != null && deployment.getDeploymentTime() != null)
						? deployment.getDeploymentTime().toInstant() : null,
				figures.started, figures.finished.size(), figures.running, figures.leftOut);
	}

	/** The BPMN XML of a version. */
	public String xml(String process, int version) {
		return new String(xml(resolve(versions(process), String.valueOf(version), "version")),
				java.nio.charset.StandardCharsets.UTF_8);
	}

	private byte[] xml(ProcessDefinition definition) {
		try (InputStream in = this.repository.getProcessModel(definition.getId())) {
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String name(BpmnModelInstance newer, BpmnModelInstance older, String id) {
		for (BpmnModelInstance model : List.of(newer, older)) {
			ModelElementInstance element = model.getModelElementById(id);
			if (element instanceof FlowElement flow && flow.getName() != null && !flow.getName().isBlank()) {
				return flow.getName();
			}
		}
		return id;
	}

	private Scorecard.RateComparison rate(String metric, String kind, String elementId, long x1, long n1, long x2,
			long n2) {
		// the newer version first, so the difference and its interval are to - from
		TwoProportions.Result test = TwoProportions.test(x2, n2, x1, n1);
		return new Scorecard.RateComparison(metric, kind, elementId, x1, n1, value(test.p2()), x2, n2, value(test.p1()),
				value(test.difference()), value(test.lower()), value(test.upper()), value(test.pValue()),
				test.significance(this.properties.alpha()));
	}

	private <T> Scorecard.Comparison compare(String metric, String unit, List<T> a, List<T> b,
			ToDoubleFunction<T> figure) {
		double[] first = a.stream().mapToDouble(figure).toArray();
		double[] second = b.stream().mapToDouble(figure).toArray();
		Scorecard.Summary from = summary(first);
		Scorecard.Summary to = summary(second);
		Double change = (from.median() != null && to.median() != null) ? to.median() - from.median() : null;
		Double relative = (change != null && from.median() != 0) ? change / from.median() : null;
		return new Scorecard.Comparison(metric, unit, from, to, change, relative, durationTest(first, second));
	}

	private Scorecard.Test durationTest(double[] first, double[] second) {
		if (first.length == 0 || second.length == 0) {
			return new Scorecard.Test("Mann–Whitney U", null, null, Significance.NOT_TESTABLE, null,
					"Hodges–Lehmann shift (to − from)");
		}
		MannWhitney.Result test = MannWhitney.test(second, first);
		return new Scorecard.Test("Mann–Whitney U", value(test.u()), value(test.pValue()),
				test.significance(this.properties.alpha()), value(test.hodgesLehmann()),
				"Hodges–Lehmann shift (to − from)");
	}

	static Scorecard.Summary summary(double[] values) {
		if (values.length == 0) {
			return new Scorecard.Summary(0, null, null, null);
		}
		double[] quantiles = Quantiles.quantiles(values, 0.5, 0.9);
		double mean = java.util.Arrays.stream(values).average().orElse(Double.NaN);
		return new Scorecard.Summary(values.length, value(quantiles[0]), value(quantiles[1]), value(mean));
	}

	private List<Scorecard.ActivityRow> activities(VersionFigures a, VersionFigures b, DiagramDiff.Result diagram,
			BpmnModelInstance olderModel, BpmnModelInstance newerModel) {
		Set<String> ids = new LinkedHashSet<>();
		newerModel.getModelElementsByType(org.camunda.bpm.model.bpmn.instance.FlowNode.class)
			.forEach((node) -> ids.add(node.getId()));
		olderModel.getModelElementsByType(org.camunda.bpm.model.bpmn.instance.FlowNode.class)
			.forEach((node) -> ids.add(node.getId()));
		List<Scorecard.ActivityRow> rows = new ArrayList<>();
		for (String id : ids) {
			VersionFigures.Activity first = a.activities.get(id);
			VersionFigures.Activity second = b.activities.get(id);
			ModelElementInstance element = (newerModel.getModelElementById(id) != null)
					? newerModel.getModelElementById(id) : olderModel.getModelElementById(id);
			String change = diagram.added().contains(id) ? "ADDED" : diagram.removed().contains(id) ? "REMOVED"
					: diagram.changed().contains(id) ? "CHANGED" : "UNCHANGED";
			String name = name(newerModel, olderModel, id);
			String type = element.getElementType().getTypeName();
			double[] d1 = (first != null) ? values(first.durationSeconds) : new double[0];
			double[] d2 = (second != null) ? values(second.durationSeconds) : new double[0];
			if (d1.length == 0 && d2.length == 0 && "UNCHANGED".equals(change)) {
				continue; // never ran in either version: nothing to compare
			}
			rows.add(new Scorecard.ActivityRow(id, name, type, change, figures(first), figures(second),
					durationTest(d1, d2)));
		}
		return rows;
	}

	private static Scorecard.ActivityFigures figures(VersionFigures.Activity activity) {
		if (activity == null) {
			return null;
		}
		double[] durations = values(activity.durationSeconds);
		double[] quantiles = Quantiles.quantiles(durations, 0.5, 0.9);
		return new Scorecard.ActivityFigures(durations.length, value(quantiles[0]), value(quantiles[1]),
				mean(activity.waitingSeconds), mean(activity.workingSeconds), activity.repeatedInCases);
	}

	private static double[] values(List<Double> values) {
		return values.stream().mapToDouble(Double::doubleValue).toArray();
	}

	private static Double mean(List<Double> values) {
		return values.isEmpty() ? null : value(values.stream().mapToDouble(Double::doubleValue).average().orElse(0));
	}

	/** JSON has no NaN: a figure that cannot be computed is null. */
	static Double value(double value) {
		return (Double.isNaN(value) || Double.isInfinite(value)) ? null : value;
	}

}
