package io.reflow.crm.platform.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import io.reflow.crm.platform.security.ProblemResponses;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses JSON request bodies of our API ({@code /api/**}) larger than
 * {@code reflow.web.max-json-body-size} (1 MB) with 413 problem details: at once when the
 * declared length is larger, else as soon as that many bytes were read (a chunked body),
 * so an oversized body is never buffered whole. No request of the API needs more (a
 * customer with 100 contacts is some 30 KB); uploads (multipart) have their own limit and
 * engine REST is not ours.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
public class JsonBodyLimit extends OncePerRequestFilter {

	static final String TITLE = "Payload too large";

	private final long maxBytes;

	JsonBodyLimit(@Value("${reflow.web.max-json-body-size:1MB}") DataSize maxSize) {
		this.maxBytes = maxSize.toBytes();
	}

	/** The body was longer than allowed; answered with 413. */
	public static final class TooLarge extends IOException {

		TooLarge(long maxBytes) {
			super("The request body is larger than " + maxBytes + " bytes.");
		}

	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String type = request.getContentType();
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return !path.startsWith("/api/") || type == null || !type.toLowerCase().contains("json");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (request.getContentLengthLong() > this.maxBytes) {
			ProblemResponses.write(request, response, HttpStatus.PAYLOAD_TOO_LARGE, TITLE,
					new TooLarge(this.maxBytes).getMessage());
			return;
		}
		chain.doFilter(new Limited(request, this.maxBytes), response);
	}

	private static final class Limited extends HttpServletRequestWrapper {

		private final long maxBytes;

		private ServletInputStream stream;

		Limited(HttpServletRequest request, long maxBytes) {
			super(request);
			this.maxBytes = maxBytes;
		}

		@Override
		public ServletInputStream getInputStream() throws IOException {
			if (this.stream == null) {
				ServletInputStream in = super.getInputStream();
				this.stream = new ServletInputStream() {

					private long read;

					private void count(long bytes) throws TooLarge {
						this.read += bytes;
						if (this.read > Limited.this.maxBytes) {
							throw new TooLarge(Limited.this.maxBytes);
						}
					}

					@Override
					public int read() throws IOException {
						int b = in.read();
						if (b >= 0) {
							count(1);
						}
						return b;
					}

					@Override
					public int read(byte[] buffer, int offset, int length) throws IOException {
						int n = in.read(buffer, offset, length);
						if (n > 0) {
							count(n);
						}
						return n;
					}

					@Override
					public boolean isFinished() {
						return in.isFinished();
					}

					@Override
					public boolean isReady() {
						return in.isReady();
					}

					@Override
					public void setReadListener(ReadListener listener) {
						in.setReadListener(listener);
					}

				};
			}
			return this.stream;
		}

	}

}
