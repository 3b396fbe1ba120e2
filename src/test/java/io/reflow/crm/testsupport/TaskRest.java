package io.reflow.crm.testsupport;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A process instance's user tasks through Camunda's REST API, as Tasklist sees and
 * completes them, signed in as a demo user (password {@code demo}).
 */
public final class TaskRest {

	private final int port;

	public TaskRest(int port) {
		this.port = port;
	}

	public Http.Call as(String user, String path) {
		return new Http(this.port).to(path).basic(user, "demo");
	}

	/** The instance's open tasks that {@code user} may see. */
	public List<Map<String, Object>> tasksOf(String user, String processInstanceId) {
		HttpResponse<String> response = as(user, "/engine-rest/task?processInstanceId=" + processInstanceId).get();
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return JsonPath.read(response.body(), "$");
	}

	/** The id of the one task {@code user} sees, checked to have this name. */
	public String onlyTask(String user, String processInstanceId, String name) {
		List<Map<String, Object>> tasks = tasksOf(user, processInstanceId);
		assertThat(tasks).as(user + " sees one task").hasSize(1);
		assertThat(tasks.get(0)).containsEntry("name", name);
		return (String) tasks.get(0).get("id");
	}

	/** Completes a task with variables in the REST API's JSON form; the raw answer. */
	public HttpResponse<String> complete(String user, String taskId, String variables) {
		return as(user, "/engine-rest/task/" + taskId + "/complete").postJson("{\"variables\":" + variables + "}");
	}

	/** Completes a task and checks it was accepted (204). */
	public void completed(String user, String taskId, String variables) {
		HttpResponse<String> response = complete(user, taskId, variables);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(204);
	}

}
