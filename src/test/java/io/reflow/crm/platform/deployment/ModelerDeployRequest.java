package io.reflow.crm.platform.deployment;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/**
 * The request Camunda Modeler 5.x sends when an analyst presses <em>Deploy</em> with a
 * Camunda 7 endpoint, rebuilt byte for byte as its {@code CamundaAPI.deployDiagram}
 * builds it with the browser's {@code FormData}:
 * {@code POST <endpoint>/deployment/create}, headers {@code accept: application/json} and
 * {@code authorization: Basic ...}, and the multipart fields {@code deployment-name} (the
 * file name without extension unless the analyst changed it), {@code deployment-source} =
 * {@code Camunda Modeler}, {@code enable-duplicate-filtering} = {@code true},
 * {@code tenant-id} only when the dialog's tenant field is filled, then one part for the
 * diagram (field name and file name = the plain file name,
 * {@code Content-Type: text/xml}) and one part per file the analyst attached (forms,
 * decisions; field name and file name = the plain file name,
 * {@code Content-Type: application/octet-stream}, a {@code Blob} without type).
 * <p>
 * Camunda Modeler 4.x sent {@code deploy-changed-only=true} instead of
 * {@code enable-duplicate-filtering}; {@link #legacyChangedOnly()} reproduces that.
 */
final class ModelerDeployRequest {

	private final String boundary = "----WebKitFormBoundary"
			+ UUID.randomUUID().toString().replace("-", "").substring(0, 16);

	private final List<String[]> fields = new ArrayList<>();

	private final List<Object[]> files = new ArrayList<>();

	private String user = "analyst";

	private String password = "demo";

	private ModelerDeployRequest(String deploymentName) {
		this.fields.add(new String[] { "deployment-name", deploymentName });
		this.fields.add(new String[] { "deployment-source", "Camunda Modeler" });
		this.fields.add(new String[] { "enable-duplicate-filtering", "true" });
	}

	/** Deploy dialog defaults: the deployment is named like the diagram file. */
	static ModelerDeployRequest diagram(String fileName, String xml) {
		ModelerDeployRequest request = new ModelerDeployRequest(fileName.replaceFirst("\\.[^.]+$", ""));
		request.files.add(new Object[] { fileName, "text/xml", xml.getBytes(StandardCharsets.UTF_8) });
		return request;
	}

	/** A file added with the dialog's "additional files" (forms, decisions). */
	ModelerDeployRequest attach(String fileName, String content) {
		this.files.add(new Object[] { fileName, "application/octet-stream", content.getBytes(StandardCharsets.UTF_8) });
		return this;
	}

	ModelerDeployRequest tenant(String tenantId) {
		this.fields.add(new String[] { "tenant-id", tenantId });
		return this;
	}

	/** What Camunda Modeler 4.x sent instead of {@code enable-duplicate-filtering}. */
	ModelerDeployRequest legacyChangedOnly() {
		this.fields.removeIf((field) -> field[0].equals("enable-duplicate-filtering"));
		this.fields.add(new String[] { "deploy-changed-only", "true" });
		return this;
	}

	ModelerDeployRequest as(String user, String password) {
		this.user = user;
		this.password = password;
		return this;
	}

	byte[] body() {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		for (String[] field : this.fields) {
			write(out, "--" + this.boundary + "\r\nContent-Disposition: form-data; name=\"" + field[0] + "\"\r\n\r\n"
					+ field[1] + "\r\n");
		}
		for (Object[] file : this.files) {
			write(out, "--" + this.boundary + "\r\nContent-Disposition: form-data; name=\"" + file[0]
					+ "\"; filename=\"" + file[0] + "\"\r\nContent-Type: " + file[1] + "\r\n\r\n");
			out.writeBytes((byte[]) file[2]);
			write(out, "\r\n");
		}
		write(out, "--" + this.boundary + "--\r\n");
		return out.toByteArray();
	}

	/** Sends it to {@code http://localhost:<port>/engine-rest/deployment/create}. */
	HttpResponse<String> send(int port) {
		HttpRequest request = HttpRequest
			.newBuilder(URI.create("http://localhost:" + port + "/engine-rest/deployment/create"))
			.header("accept", "application/json")
			.header("authorization",
					"Basic " + Base64.getEncoder()
						.encodeToString((this.user + ":" + this.password).getBytes(StandardCharsets.UTF_8)))
			.header("Content-Type", "multipart/form-data; boundary=" + this.boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body()))
			.build();
		try {
			return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static void write(ByteArrayOutputStream out, String text) {
		out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
	}

}
