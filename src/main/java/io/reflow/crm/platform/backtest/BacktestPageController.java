package io.reflow.crm.platform.backtest;

import java.time.LocalDate;

import io.reflow.crm.platform.backtest.DecisionBacktester.DeployedDecision;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/**
 * The analysts' backtest page ({@code /models/decisions/{key}/backtest}): a shell whose
 * script ({@code static/js/backtest.js}) posts the draft to {@code POST
 * /api/decisions/{key}/backtest} and shows the answer. The server renders the deployed
 * decision's name, version and outputs and the default period.
 */
@Controller
class BacktestPageController {

	private final DecisionBacktester backtester;

	private final BacktestPeriods periods;

	private final BacktestProperties properties;

	BacktestPageController(DecisionBacktester backtester, BacktestPeriods periods, BacktestProperties properties) {
		this.backtester = backtester;
		this.periods = periods;
		this.properties = properties;
	}

	@GetMapping("/models/decisions/{key}/backtest")
	String page(@PathVariable String key, Model model) {
		DeployedDecision decision = this.backtester.deployed(key);
		if (decision == null) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No decision with key '" + key + "' is deployed.");
		}
		LocalDate to = this.periods.today();
		model.addAttribute("decision", decision);
		model.addAttribute("from", this.periods.defaultFrom(to));
		model.addAttribute("to", to);
		model.addAttribute("zone", this.periods.zone().getId());
		model.addAttribute("defaultExamples", this.properties.defaultExamples());
		model.addAttribute("maxExamples", this.properties.maxExamples());
		return "models/backtest";
	}

}
