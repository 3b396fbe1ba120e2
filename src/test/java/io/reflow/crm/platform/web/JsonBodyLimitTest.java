package io.reflow.crm.platform.web;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JsonBodyLimitTest {

	final JsonBodyLimit limit = new JsonBodyLimit(DataSize.ofKilobytes(1));

	static MockHttpServletRequest request(String path, String type, byte[] body, boolean declareLength) {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", path) {

			@Override
			public long getContentLengthLong() {
				return declareLength ? body.length : -1;
			}

		};
		request.setContentType(type);
		request.setContent(body);
		return request;
	}

	@Test
	void shouldRefuseADeclaredOversizedJsonBodyWith413ProblemDetailsWithoutReadingIt() throws Exception {
		MockHttpServletResponse response = new MockHttpServletResponse();
		MockFilterChain chain = new MockFilterChain();

		this.limit.doFilter(request("/api/customers", "application/json", new byte[2048], true), response, chain);

		assertThat(response.getStatus()).isEqualTo(413);
		assertThat(response.getContentType()).startsWith("application/problem+json");
		assertThat(response.getContentAsString(StandardCharsets.UTF_8)).contains("larger than 1024 bytes");
		assertThat(chain.getRequest()).isNull();
	}

	@Test
	void shouldStopReadingAnUndeclaredBodyOnceItPassesTheLimit() throws Exception {
		MockFilterChain reader = new MockFilterChain() {

			@Override
			public void doFilter(jakarta.servlet.ServletRequest request, jakarta.servlet.ServletResponse response)
					throws java.io.IOException {
				request.getInputStream().readAllBytes();
			}

		};

		assertThatThrownBy(() -> this.limit.doFilter(
				request("/api/leads", "application/json; charset=utf-8", new byte[1025], false),
				new MockHttpServletResponse(), reader))
			.isInstanceOf(JsonBodyLimit.TooLarge.class);
	}

	@Test
	void shouldPassBodiesWithinTheLimitAndLeaveOtherRequestsAlone() throws Exception {
		byte[] read = new byte[1];
		MockFilterChain reader = new MockFilterChain() {

			@Override
			public void doFilter(jakarta.servlet.ServletRequest request, jakarta.servlet.ServletResponse response)
					throws java.io.IOException {
				read[0] = (byte) request.getInputStream().readAllBytes().length;
			}

		};
		this.limit.doFilter(request("/api/leads", "application/json", new byte[100], false),
				new MockHttpServletResponse(), reader);
		assertThat(read[0]).isEqualTo((byte) 100);

		MockHttpServletResponse response = new MockHttpServletResponse();
		MockFilterChain chain = new MockFilterChain();
		this.limit.doFilter(request("/engine-rest/task/1/complete", "application/json", new byte[4096], true), response,
				chain);
		assertThat(response.getStatus()).isEqualTo(200);
		assertThat(chain.getRequest()).isNotNull();
	}

}
