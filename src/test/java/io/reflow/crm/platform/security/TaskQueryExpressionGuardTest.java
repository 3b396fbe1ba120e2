package io.reflow.crm.platform.security;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The task-query guard row by row: which requests reach the engine (200 here, from the
 * mock chain) and which are refused with 400 before it.
 */
class TaskQueryExpressionGuardTest {

	private static int status(String method, String path, String query, String body) throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest(method, path);
		if (!query.isEmpty()) {
			for (String pair : query.split("&")) {
				String[] parts = pair.split("=", 2);
				request.addParameter(parts[0], parts[1]);
			}
		}
		if (!body.isEmpty()) {
			request.setContentType("application/json");
			request.setContent(body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
		}
		MockHttpServletResponse response = new MockHttpServletResponse();
		MockFilterChain chain = new MockFilterChain();
		new TaskQueryExpressionGuard().doFilter(request, response, chain);
		if (response.getStatus() == 200) {
			assertThat(chain.getRequest()).as("passed on").isNotNull();
		}
		return response.getStatus();
	}

	@ParameterizedTest(name = "{0} {1} ?{2} {3} -> {4}")
	@CsvSource(delimiter = '|', quoteCharacter = '`',
			textBlock = """
					GET  | /engine-rest/task                           | assignee=demo                  | ``                                                        | 200
					GET  | /engine-rest/task                           | dueAfterExpression=${1}        | ``                                                        | 400
					GET  | /engine-rest/task/count                     | assigneeExpression=${x}        | ``                                                        | 400
					POST | /engine-rest/task                           | ``                             | {"assignee":"demo"}                                        | 200
					POST | /engine-rest/task                           | ``                             | {"dueAfterExpression":"${1}"}                              | 400
					POST | /engine-rest/task                           | ``                             | {"orQueries":[{"dueAfterExpression":"${1}"}]}              | 400
					POST | /engine-rest/task                           | ``                             | {"orQueries":[{"assigneeExpression":"${currentUser()}"}]}  | 400
					POST | /engine-rest/task                           | ``                             | {"a":{"b":[{"c":{"followUpBeforeExpression":"${1}"}}]}}    | 400
					POST | /engine-rest/task                           | ``                             | {not json                                                  | 400
					POST | /engine-rest/engine/default/task            | ``                             | {"orQueries":[{"dueAfterExpression":"${1}"}]}              | 400
					POST | /camunda/api/engine/engine/default/task     | ``                             | {"orQueries":[{"dueAfterExpression":"${1}"}]}              | 400
					POST | /engine-rest/filter/f1/list                 | ``                             | {"dueAfterExpression":"${1}"}                              | 400
					POST | /engine-rest/filter/f1/count                | ``                             | {"sorting":[{"sortBy":"created","sortOrder":"desc"}]}      | 200
					POST | /engine-rest/filter/create                  | ``                             | {"query":{"assigneeExpression":"${currentUser()}"}}        | 200
					POST | /engine-rest/filter/create                  | ``                             | {"query":{"candidateGroupsExpression":"${ currentUserGroups() }"}} | 200
					POST | /engine-rest/filter/create                  | ``                             | {"query":{"dueBeforeExpression":"${now()}"}}               | 200
					POST | /engine-rest/filter/create                  | ``                             | {"query":{"dueBeforeExpression":"${dateTime().plusDays(3).toDate()}"}} | 200
					POST | /engine-rest/filter/create                  | ``                             | {"query":{"dueAfterExpression":"${dateTime().withMillisOfDay(0).minusWeeks(-1).toDate()}"}} | 200
					POST | /engine-rest/filter/create                  | ``                             | {"query":{"assigneeExpression":"${''.getClass()}"}}        | 400
					POST | /engine-rest/filter/create                  | ``                             | {"query":{"orQueries":[{"assigneeExpression":"${execution}"}]}} | 400
					POST | /engine-rest/filter/create                  | ``                             | {"query":{"assigneeExpression":"${currentUser()}${x}"}}    | 400
					POST | /engine-rest/filter/create                  | ``                             | {"query":{"dueBeforeExpression":"${dateTime().plusDays(x).toDate()}"}} | 400
					PUT  | /camunda/api/engine/engine/default/filter/f1 | ``                            | {"query":{"assigneeExpression":"#{x}"}}                    | 400
					POST | /engine-rest/process-definition/key/p/start | ``                             | {"variables":{"totalExpression":{"value":"${x}"}}}         | 200
					GET  | /engine-rest/history/task                   | assignee=demo                  | ``                                                        | 200
					""")
	void shouldLetOnlySafeQueriesThrough(String method, String path, String query, String body, int expected)
			throws Exception {
		assertThat(status(method, path, query, body)).isEqualTo(expected);
	}

}
