package io.reflow.crm.lab;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.reflow.crm.lab.simulation.SimulationResult;

/**
 * A simulation's figures for the baseline and the candidate side by side (candidate null:
 * the baseline alone): cycle time, its histogram on shared bins, outcomes, SLA breaches,
 * escalations and other recorded steps, cost of work per case, and per group and per user
 * task the load, waiting and working time.
 */
public record SimulationComparison(Side baseline, Side candidate, List<Double> histogramEdgesHours, String currency) {

	/** One model's figures. */
	public record Side(int casesStarted, int casesFinished, Double cycleMedianHours, Double cycleP90Hours,
			Double cycleMeanHours, List<Integer> histogram, Map<String, Long> outcomes, double slaBreachRate,
			int tasksWithDueDate, Map<String, Integer> recorded, double costPerCase,
			Map<String, SimulationResult.GroupFigures> groups, Map<String, SimulationResult.ActivityFigures> activities,
			Map<String, List<SimulationResult.QueuePoint>> queues, int failedJobs) {
	}

	static SimulationComparison of(SimulationResult baseline, SimulationResult candidate, LabProperties properties) {
		List<Double> all = new ArrayList<>(baseline.cycleSeconds());
		if (candidate != null) {
			all.addAll(candidate.cycleSeconds());
		}
		List<Double> edges = edges(all);
		return new SimulationComparison(side(baseline, edges, properties),
				(candidate != null) ? side(candidate, edges, properties) : null, edges, properties.currency());
	}

	/** 20 bins from 0 to the 98th percentile of both, in hours. */
	static List<Double> edges(List<Double> seconds) {
		double top = seconds.isEmpty() ? 1 : Quantiles.quantile(seconds, 0.98) / 3600;
		top = Math.max(top, 1.0 / 60);
		List<Double> edges = new ArrayList<>();
		for (int i = 0; i <= 20; i++) {
			edges.add(top * i / 20);
		}
		return edges;
	}

	private static Side side(SimulationResult result, List<Double> edges, LabProperties properties) {
		List<Double> hours = result.cycleSeconds().stream().map((s) -> s / 3600).toList();
		int[] bins = new int[edges.size() - 1];
		for (double h : hours) {
			int bin = 0;
			while (bin < bins.length - 1 && h >= edges.get(bin + 1)) {
				bin++;
			}
			bins[bin]++;
		}
		double cost = 0;
		for (Map.Entry<String, SimulationResult.GroupFigures> group : result.groups().entrySet()) {
			cost += group.getValue().busySeconds() / 3600 * properties.rate(group.getKey()).doubleValue();
		}
		Map<String, Integer> recorded = new TreeMap<>(result.recorded());
		return new Side(result.casesStarted(), result.casesFinished(), hours.isEmpty() ? null : Quantiles.median(hours),
				hours.isEmpty() ? null : Quantiles.quantile(hours, 0.9),
				hours.isEmpty() ? null : hours.stream().mapToDouble(Double::doubleValue).average().orElse(0),
				java.util.Arrays.stream(bins).boxed().toList(), result.outcomes(), result.slaBreachRate(),
				result.tasksWithDueDate(), recorded, (result.casesFinished() > 0) ? cost / result.casesFinished() : 0,
				result.groups(), result.activities(), result.queues(), result.failedJobs());
	}

}
