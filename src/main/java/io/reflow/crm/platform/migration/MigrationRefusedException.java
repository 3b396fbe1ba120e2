package io.reflow.crm.platform.migration;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A migration that was not started: 422 when the plan does not validate, 409 when some
 * instances cannot be migrated or none runs on the source version. The problem details
 * carry the dry run's findings.
 */
public class MigrationRefusedException extends ErrorResponseException {

	private final transient MigrationReport report;

	MigrationRefusedException(HttpStatus status, String detail, MigrationReport report) {
		super(status, problem(status, detail, report), null);
		this.report = report;
	}

	public MigrationReport report() {
		return this.report;
	}

	private static ProblemDetail problem(HttpStatus status, String detail, MigrationReport report) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setTitle("Migration refused");
		problem.setProperty("valid", report.valid());
		problem.setProperty("instances", report.instances());
		problem.setProperty("migratable", report.migratable());
		problem.setProperty("failures", report.failures());
		problem.setProperty("planFailures", report.planFailures());
		problem.setProperty("unmappedActivities", report.unmappedActivities());
		problem.setProperty("instructions", List.copyOf(report.instructions()));
		return problem;
	}

}
