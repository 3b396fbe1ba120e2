package io.reflow.crm.platform.security;

import java.io.IOException;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which fragments survive the login redirect, row by row (quoted: a row starting with
 * {@code #} would be a comment).
 */
class FragmentKeepingRedirectStrategyTest {

	@ParameterizedTest
	@CsvSource(delimiter = '|', nullValues = "NULL", textBlock = """
			'#/?task=3f51b858-e6c2-11f1'   | /camunda/app/tasklist/default/#/?task=3f51b858-e6c2-11f1
			'#/?filter=abc&sorting=x%20y'  | /camunda/app/tasklist/default/#/?filter=abc&sorting=x%20y
			NULL                            | /camunda/app/tasklist/default/
			'#task'                         | /camunda/app/tasklist/default/
			'#/<script>alert(1)</script>'   | /camunda/app/tasklist/default/
			'#/"onmouseover=x'              | /camunda/app/tasklist/default/
			'//evil.example/#/'             | /camunda/app/tasklist/default/
			""")
	void shouldKeepOnlyPlainTasklistFragments(String fragment, String expected) throws IOException {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/login");
		if (fragment != null) {
			request.setParameter("fragment", fragment);
		}
		MockHttpServletResponse response = new MockHttpServletResponse();

		new FragmentKeepingRedirectStrategy().sendRedirect(request, response, "/camunda/app/tasklist/default/");

		assertThat(response.getRedirectedUrl()).isEqualTo(expected);
	}

}
