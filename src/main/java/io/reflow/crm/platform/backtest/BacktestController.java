package io.reflow.crm.platform.backtest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import io.reflow.crm.platform.backtest.BacktestPeriods.Days;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * {@code POST /api/decisions/{key}/backtest}: replays the past evaluations of a deployed
 * decision through a draft DMN file (for the analyst tool groups, see
 * {@code docs/security.md}).
 */
@RestController
@Tag(name = "Decision backtests", description = "What a changed DMN would have decided in the past")
class BacktestController {

	private final DecisionBacktester backtester;

	private final BacktestPeriods periods;

	private final BacktestProperties properties;

	BacktestController(DecisionBacktester backtester, BacktestPeriods periods, BacktestProperties properties) {
		this.backtester = backtester;
		this.periods = periods;
		this.properties = properties;
	}

	@PostMapping(path = "/api/decisions/{key}/backtest", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@Operation(summary = "Replay past evaluations of a decision through a draft DMN file",
			description = "Multipart request. Replays the recorded inputs of every evaluation of decision {key} "
					+ "made in the period through the draft's decision {key} (with the decisions it requires) and "
					+ "counts the evaluations whose outcome in the compared outputs would differ, old → new, with "
					+ "examples and the evaluations that could not be replayed. Nothing is deployed or recorded. "
					+ "Period: days from..to inclusive (yyyy-MM-dd) in the zone reflow.kpi.zone; default the last "
					+ "90 days ending today. At most reflow.backtest.max-evaluations (100,000) evaluations per "
					+ "request. 404 for an unknown key; 400 naming the field for a draft that does not parse, lacks "
					+ "decision {key}, or reads an input the history does not hold.")
	BacktestReport backtest(@PathVariable String key,
			@Parameter(description = "the draft DMN file") @RequestPart("file") MultipartFile file,
			@Parameter(description = "first day of the evaluation period") @RequestParam(
					required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@Parameter(description = "last day of the evaluation period") @RequestParam(
					required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@Parameter(description = "outputs to compare (repeat or separate by commas); default every output of "
					+ "the deployed decision") @RequestParam(required = false) List<String> outputs,
			@Parameter(description = "how many changed evaluations to show (default 20, at most 200)") @RequestParam(
					required = false) Integer examples) {
		Days days = this.periods.resolve(from, to);
		byte[] draft;
		try {
			draft = file.getBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return this.backtester.run(new BacktestRequest(key, draft, file.getOriginalFilename(), days.from(), days.to(),
				this.periods.zone(), (outputs != null) ? outputs : List.of(),
				(examples != null) ? examples : this.properties.defaultExamples()));
	}

}
