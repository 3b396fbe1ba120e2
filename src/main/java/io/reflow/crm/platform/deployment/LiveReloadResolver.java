package io.reflow.crm.platform.deployment;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import org.springframework.core.io.AbstractResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.io.support.ResourcePatternResolver;

/**
 * The files of the models folder as {@link ModelDeployer} sees them during a live reload,
 * except that broken files are held back: a held file shows its last deployed content (so
 * it counts as unchanged, and a process that binds a held form gets the last good form),
 * or is left out when it was never deployed. This lets the deployer's own logic (changed
 * files only, closed over form references) deploy the good files of a burst without the
 * broken ones. Earlier versions of processes ({@code <key>.<tag>.bpmn}) are left out
 * altogether (LiveReload logs that it ignores them).
 */
final class LiveReloadResolver implements ResourcePatternResolver {

	private final ResourcePatternResolver files = new PathMatchingResourcePatternResolver();

	private final String location;

	private final Function<String, byte[]> lastDeployed;

	private Set<String> held = Set.of();

	/**
	 * @param location the models folder as a {@code file:} URL ending in {@code /}
	 * @param lastDeployed the latest deployed content of a file, {@code null} if none
	 */
	LiveReloadResolver(String location, Function<String, byte[]> lastDeployed) {
		this.location = location;
		this.lastDeployed = lastDeployed;
	}

	/** Holds these files back (names relative to the models folder) from now on. */
	void hold(Set<String> names) {
		this.held = Set.copyOf(names);
	}

	@Override
	public Resource[] getResources(String pattern) throws IOException {
		Resource[] found = this.files.getResources(pattern);
		if (!pattern.startsWith(this.location)) {
			return found;
		}
		String folder = pattern.substring(this.location.length(), pattern.indexOf('/', this.location.length()));
		List<Resource> visible = new ArrayList<>();
		for (Resource resource : found) {
			String url = resource.getURL().toString();
			// the same relative name ModelDeployer gives the file
			String name = url.substring(url.lastIndexOf("/" + folder + "/") + 1);
			if (ModelDeployer.isEarlierVersion(name)) {
				// never live reloaded: it would become the latest version of its process
				continue;
			}
			if (!this.held.contains(name)) {
				visible.add(resource);
				continue;
			}
			byte[] good = this.lastDeployed.apply(name);
			if (good != null) {
				visible.add(new LastGoodVersion(resource, good));
			}
		}
		return visible.toArray(Resource[]::new);
	}

	@Override
	public Resource getResource(String location) {
		return this.files.getResource(location);
	}

	@Override
	public ClassLoader getClassLoader() {
		return this.files.getClassLoader();
	}

	/** A held file: its name and place, with the content last deployed. */
	private static final class LastGoodVersion extends AbstractResource {

		private final Resource file;

		private final byte[] content;

		LastGoodVersion(Resource file, byte[] content) {
			this.file = file;
			this.content = content;
		}

		@Override
		public boolean exists() {
			return true;
		}

		@Override
		public URL getURL() throws IOException {
			return this.file.getURL();
		}

		@Override
		public URI getURI() throws IOException {
			return this.file.getURI();
		}

		@Override
		public String getFilename() {
			return this.file.getFilename();
		}

		@Override
		public InputStream getInputStream() {
			return new ByteArrayInputStream(this.content);
		}

		@Override
		public String getDescription() {
			return "last deployed version of " + this.file.getDescription();
		}

	}

}
