package io.reflow.crm.testsupport;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** A multipart/form-data body, built part by part, as a browser's form sends it. */
public final class Multipart {

	private final String boundary = "reflow-" + UUID.randomUUID();

	private final ByteArrayOutputStream body = new ByteArrayOutputStream();

	/** An XML file part. */
	public Multipart file(String name, String fileName, byte[] content) {
		return file(name, fileName, "application/xml", content);
	}

	/** A file part. */
	public Multipart file(String name, String fileName, String contentType, byte[] content) {
		write("--" + this.boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\"" + fileName
				+ "\"\r\nContent-Type: " + contentType + "\r\n\r\n");
		this.body.writeBytes(content);
		write("\r\n");
		return this;
	}

	/** A text field. */
	public Multipart field(String name, String value) {
		write("--" + this.boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value
				+ "\r\n");
		return this;
	}

	public String contentType() {
		return "multipart/form-data; boundary=" + this.boundary;
	}

	/** The body so far, with the closing boundary. */
	public byte[] body() {
		ByteArrayOutputStream copy = new ByteArrayOutputStream();
		copy.writeBytes(this.body.toByteArray());
		copy.writeBytes(("--" + this.boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return copy.toByteArray();
	}

	private void write(String text) {
		this.body.writeBytes(text.getBytes(StandardCharsets.UTF_8));
	}

}
