package io.reflow.crm.platform.web;

import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;

import io.reflow.crm.platform.security.ProblemResponses;

import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Answers 409 when a user lost the race for a task: two users complete the same task at
 * the same moment (a double click in Tasklist, two tabs). Depending on the timing the
 * engine refuses the second request in different ways, which the engine REST API passes
 * on as 500 (optimistic locking: {@code ENGINE-03005 Execution of 'INSERT
 * VariableInstanceEntity[…]' failed}; {@code Cannot find task with id …}; on PostgreSQL
 * even a {@code NullPointerException} from an execution tree the winner had just ended)
 * or as 403 ({@code TASK_WORK} on a task whose candidate rights the winner's commit
 * removed). Rather than guess from each exception, this filter looks at the outcome: when
 * a task completion on engine REST or the webapps' API fails and the task has ended, the
 * answer is 409 problem details with Camunda's {@code type} and {@code message} fields
 * (which Tasklist and Camunda Modeler show). A 500 for a task id that never existed
 * becomes 404. Any other answer passes through unchanged.
 */
public class TaskRaceGuard extends OncePerRequestFilter {

	static final String MESSAGE = "Someone else completed this task at the same moment; "
			+ "nothing of your request was saved. Reload and try again.";

	private static final Pattern TASK_COMPLETION = Pattern.compile(".*/task/([^/]+)/(?:complete|submit-form|resolve)$");

	private final ProcessEngine engine;

	public TaskRaceGuard(ProcessEngine engine) {
		this.engine = engine;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !"POST".equals(request.getMethod()) || !TASK_COMPLETION.matcher(request.getRequestURI()).matches();
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		ContentCachingResponseWrapper answer = new ContentCachingResponseWrapper(response);
		chain.doFilter(request, answer);
		int status = answer.getStatus();
		if (status == 403 || status == 404 || status >= 500) {
			Matcher matcher = TASK_COMPLETION.matcher(request.getRequestURI());
			String taskId = matcher.matches() ? matcher.group(1) : null;
			TaskState state = (taskId != null) ? taskState(taskId) : TaskState.UNKNOWN;
			if (state == TaskState.ENDED) {
				answer.resetBuffer();
				ProblemResponses.writeEngineRest(request, answer, HttpStatus.CONFLICT, "OptimisticLockingException",
						MESSAGE);
			}
			else if (state == TaskState.NEVER_EXISTED && status >= 500) {
				answer.resetBuffer();
				ProblemResponses.writeEngineRest(request, answer, HttpStatus.NOT_FOUND, "NullValueException",
						"There is no task with id " + taskId + ".");
			}
		}
		answer.copyBodyToResponse();
	}

	enum TaskState {

		RUNNING, ENDED, NEVER_EXISTED, UNKNOWN

	}

	/**
	 * Looks the task up without authorization checks: the caller may no longer hold any
	 * right on a task that is gone.
	 */
	TaskState taskState(String taskId) {
		ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) this.engine
			.getProcessEngineConfiguration();
		Command<TaskState> lookup = (context) -> {
			context.disableAuthorizationCheck();
			if (context.getTaskManager().findTaskById(taskId) != null) {
				return TaskState.RUNNING;
			}
			HistoricTaskInstance historic = context.getHistoricTaskInstanceManager()
				.findHistoricTaskInstanceById(taskId);
			if (historic == null) {
				return TaskState.NEVER_EXISTED;
			}
			return (historic.getEndTime() != null) ? TaskState.ENDED : TaskState.RUNNING;
		};
		try {
			return configuration.getCommandExecutorTxRequired().execute(lookup);
		}
		catch (RuntimeException ex) {
			return TaskState.UNKNOWN;
		}
	}

}
