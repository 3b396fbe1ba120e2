package io.reflow.crm.platform.deployment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import io.methvin.watcher.DirectoryChangeEvent;
import io.methvin.watcher.DirectoryWatcher;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.reflow.crm.platform.audit.ModelAudit;
import io.reflow.crm.platform.audit.ModelAuditAction;
import io.reflow.crm.platform.deployment.LiveReloadChecks.Finding;
import io.reflow.crm.platform.deployment.LiveReloadStatus.Failure;

import org.springframework.context.SmartLifecycle;

/**
 * Live reload in development: watches {@code processes/}, {@code decisions/} and
 * {@code forms/} below the models folder and, once a burst of saves has settled, deploys
 * what changed with a {@link ModelDeployer} of its own (source {@value #SOURCE}; changed
 * files only, closed over form references).
 * <p>
 * A broken file (does not parse, or the engine refuses it) is held back: its last good
 * version stays active, the other files of the burst are deployed without it, and it is
 * reported in the log (one WARN line with file, line and message), in {@link #status()}
 * and in the model audit ({@code RELOAD_FAILED}) until it is fixed.
 * <p>
 * Watching uses io.methvin's directory-watcher: recursive on every platform and native on
 * macOS, where the JDK's {@code WatchService} only polls every few seconds. Deleting a
 * file undeploys nothing.
 * <p>
 * Earlier versions of processes ({@code <key>.<tag>.bpmn}, see {@link ModelDeployer}) are
 * ignored: deployed, they would become the latest version of their process. The log says
 * so once per file.
 */
public class LiveReload implements SmartLifecycle {

	/** The deployment source of live reloads. */
	public static final String SOURCE = "reflow-live-reload";

	static final List<String> FOLDERS = List.of("processes", "decisions", "forms");

	private static final List<String> EXTENSIONS = List.of(".bpmn", ".dmn", ".form");

	private static final Logger log = LoggerFactory.getLogger(LiveReload.class);

	private final Path root;

	private final Duration quietPeriod;

	private final RepositoryService repositoryService;

	private final ModelAudit audit;

	private final Clock clock;

	private final String deploymentName;

	private final LiveReloadResolver resolver;

	private final ModelDeployer deployer;

	private final List<Path> watched;

	private volatile LiveReloadStatus status;

	private Map<String, Failure> failures = Map.of();

	/** The earlier-version files the log has named as ignored already. */
	private final Set<String> ignored = ConcurrentHashMap.newKeySet();

	/**
	 * The files the last run read, and what reading them found (unchanged files are not
	 * parsed again).
	 */
	private Map<String, Checked> checked = Map.of();

	private ScheduledExecutorService reloads;

	private ExecutorService watching;

	private DirectoryWatcher watcher;

	private ScheduledFuture<?> pending;

	private volatile boolean running;

	public LiveReload(LiveReloadProperties properties, ModelDeploymentProperties models,
			RepositoryService repositoryService, ModelAudit audit, Clock clock) {
		this.root = properties.root();
		this.quietPeriod = properties.quietPeriod();
		this.repositoryService = repositoryService;
		this.audit = audit;
		this.clock = clock;
		this.deploymentName = models.deploymentName();
		String location = this.root.toUri().toString();
		location = location.endsWith("/") ? location : location + "/";
		this.resolver = new LiveReloadResolver(location, this::lastDeployed);
		// the start-up deployer's deployment name: a restart compares with what live
		// reload
		// deployed, and deploys nothing again
		this.deployer = new ModelDeployer(repositoryService, this.resolver,
				new ModelDeploymentProperties(location, models.deploymentName(), SOURCE, false));
		this.watched = FOLDERS.stream().map(this.root::resolve).filter(Files::isDirectory).toList();
		this.status = new LiveReloadStatus(true, this.watched.stream().map(Path::toString).toList(), null, List.of(),
				null, List.of());
	}

	/** What is watched and what the last reload did. */
	public LiveReloadStatus status() {
		return this.status;
	}

	@Override
	public synchronized void start() {
		if (this.watched.isEmpty()) {
			log.info("Live reload is on, but {} has none of {}/: nothing to watch", this.root, FOLDERS);
			this.running = true;
			return;
		}
		this.reloads = Executors.newSingleThreadScheduledExecutor((task) -> daemon(task, "reflow-live-reload"));
		this.watching = Executors.newSingleThreadExecutor((task) -> daemon(task, "reflow-live-reload-watch"));
		try {
			this.watcher = DirectoryWatcher.builder()
				.paths(this.watched)
				.fileHashing(false)
				.listener(this::changed)
				.build();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot watch " + this.watched, ex);
		}
		this.watcher.watchAsync(this.watching).exceptionally((failure) -> {
			if (this.running && !(failure.getCause() instanceof ClosedWatchServiceException)) {
				log.warn("Live reload stopped watching {}: {}", this.watched, failure.getMessage());
			}
			return null;
		});
		this.running = true;
		log.info("Live reload: watching {} (changes are deployed {} ms after the last save)", this.watched,
				this.quietPeriod.toMillis());
		// files edited while the application was down
		schedule();
	}

	@Override
	public synchronized void stop() {
		this.running = false;
		if (this.watcher == null) {
			return;
		}
		try {
			this.watcher.close();
		}
		catch (IOException ex) {
			log.debug("Closing the live reload watcher", ex);
		}
		if (this.pending != null) {
			this.pending.cancel(false);
		}
		this.reloads.shutdown();
		this.watching.shutdown();
		try {
			// a reload in progress finishes its deployment
			if (!this.reloads.awaitTermination(30, TimeUnit.SECONDS)) {
				this.reloads.shutdownNow();
			}
			if (!this.watching.awaitTermination(5, TimeUnit.SECONDS)) {
				this.watching.shutdownNow();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		this.watcher = null;
		log.info("Live reload stopped");
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	private void changed(DirectoryChangeEvent event) {
		Path path = event.path();
		if (path != null && !event.isDirectory() && ModelDeployer.isEarlierVersion(path.getFileName().toString())) {
			ignore(this.root.relativize(path).toString().replace('\\', '/'));
			return;
		}
		if (event.eventType() == DirectoryChangeEvent.EventType.OVERFLOW || event.isDirectory() || (path != null
				&& EXTENSIONS.stream().anyMatch((extension) -> path.getFileName().toString().endsWith(extension)))) {
			schedule();
		}
	}

	/** Logs once per file that an earlier version of a process is not live reloaded. */
	private void ignore(String name) {
		if (this.ignored.add(name)) {
			log.info("Live reload ignores {}: an earlier version of process {} is deployed only at start-up, "
					+ "when no version of it is deployed yet", name, ModelDeployer.earlierVersionKey(name));
		}
	}

	/**
	 * (Re)starts the quiet period; the reload runs when it passes without a new change.
	 */
	private synchronized void schedule() {
		if (this.reloads == null || this.watcher == null) {
			return;
		}
		if (this.pending != null) {
			this.pending.cancel(false);
		}
		if (!this.reloads.isShutdown()) {
			this.pending = this.reloads.schedule(this::reloadSafely, this.quietPeriod.toMillis(),
					TimeUnit.MILLISECONDS);
		}
	}

	private void reloadSafely() {
		try {
			reload();
		}
		catch (RuntimeException ex) {
			log.warn("Live reload failed: {}", ex.getMessage(), ex);
		}
	}

	/**
	 * Deploys what changed, holding back broken files. Runs on the reload thread only.
	 */
	void reload() {
		Map<String, byte[]> files = read();
		Map<String, Finding> broken = new LinkedHashMap<>();
		Map<String, Checked> checked = new TreeMap<>();
		files.forEach((name, content) -> {
			Checked before = this.checked.get(name);
			Checked now = (before != null && Arrays.equals(before.content(), content)) ? before
					: new Checked(content, LiveReloadChecks.read(name, content));
			checked.put(name, now);
			now.finding().ifPresent((finding) -> broken.put(name, finding));
		});
		this.checked = checked;
		ModelDeployer.DeploymentResult result = deployHoldingBack(broken, files.keySet());
		publish(result, broken, Instant.now(this.clock));
	}

	/**
	 * Deploys with the broken files held back; a file the engine refuses joins them and
	 * the deployment is tried again. A refusal that names no file ends up under the key
	 * "".
	 * @return the deployment, {@code null} when none succeeded
	 */
	private ModelDeployer.DeploymentResult deployHoldingBack(Map<String, Finding> broken, Set<String> names) {
		try {
			// each round either deploys or holds back at least one more file
			for (int round = 0; round <= names.size(); round++) {
				this.resolver.hold(broken.keySet());
				try {
					return this.deployer.deploy();
				}
				catch (RuntimeException refusal) {
					List<Finding> named = LiveReloadChecks.refused(refusal, names)
						.stream()
						.filter((finding) -> !broken.containsKey(finding.resource()))
						.toList();
					if (named.isEmpty()) {
						broken.put("", new Finding(null, refusal.getMessage(), null));
						return null;
					}
					named.forEach((finding) -> broken.put(finding.resource(), finding));
				}
			}
			return null;
		}
		finally {
			this.resolver.hold(Set.of());
		}
	}

	/** Reports new failures and cleared ones, and makes the run's outcome the status. */
	private void publish(ModelDeployer.DeploymentResult result, Map<String, Finding> broken, Instant now) {
		Map<String, Failure> current = new LinkedHashMap<>();
		broken.forEach((key, finding) -> {
			Failure before = this.failures.get(key);
			boolean same = before != null && Objects.equals(before.message(), finding.message())
					&& Objects.equals(before.line(), finding.line());
			current.put(key, same ? before : report(finding, now));
		});
		this.failures.keySet()
			.stream()
			.filter((key) -> !current.containsKey(key))
			.forEach((key) -> log.info("Live reload: {} deploys again", key.isEmpty() ? "the deployment" : key));
		this.failures = current;
		LiveReloadStatus last = this.status;
		List<String> deployed = last.deployed();
		String deploymentId = last.deploymentId();
		if (result != null && result.deployed()) {
			List<String> all = new ArrayList<>(result.changed());
			all.addAll(result.carriedAlong());
			deployed = all;
			deploymentId = result.deploymentId();
		}
		this.status = new LiveReloadStatus(true, last.watching(), now, deployed, deploymentId,
				List.copyOf(current.values()));
	}

	private Failure report(Finding finding, Instant at) {
		String where = (finding.resource() != null) ? finding.resource() : "a changed model";
		String line = (finding.line() != null) ? " line " + finding.line() : "";
		log.warn("Live reload refused {}{}: {} (the last good version stays active)", where, line,
				abbreviate(finding.message(), 300));
		try {
			this.audit.recordIndependently(ModelAuditAction.RELOAD_FAILED, null, SOURCE, finding.resource(),
					(finding.resource() != null) ? List.of(finding.resource()) : List.of(),
					((finding.line() != null) ? "Line " + finding.line() + ": " : "") + finding.message());
		}
		catch (RuntimeException ex) {
			log.warn("Could not record the refused live reload in the model audit: {}", ex.getMessage());
		}
		return new Failure(finding.resource(), finding.message(), finding.line(), at);
	}

	/** The model files now in the folders, keyed by their name relative to the root. */
	private Map<String, byte[]> read() {
		Map<String, byte[]> files = new TreeMap<>();
		for (Path folder : this.watched) {
			if (!Files.isDirectory(folder)) {
				continue;
			}
			try (Stream<Path> paths = Files.walk(folder)) {
				for (Path file : paths.filter(Files::isRegularFile).toList()) {
					String name = this.root.relativize(file).toString().replace('\\', '/');
					if (ModelDeployer.isEarlierVersion(name)) {
						ignore(name);
					}
					else if (EXTENSIONS.stream().anyMatch(name::endsWith)) {
						files.put(name, Files.readAllBytes(file));
					}
				}
			}
			catch (IOException ex) {
				// a file renamed away while we read: the next event brings another run
				log.debug("Reading {} during live reload", folder, ex);
			}
		}
		return files;
	}

	/** The latest content of a file deployed under the models' deployment name. */
	private byte[] lastDeployed(String name) {
		List<Deployment> deployments = this.repositoryService.createDeploymentQuery()
			.deploymentName(this.deploymentName)
			.orderByDeploymentTime()
			.desc()
			.list();
		for (Deployment deployment : deployments) {
			for (Resource resource : this.repositoryService.getDeploymentResources(deployment.getId())) {
				if (resource.getName().equals(name)) {
					return resource.getBytes();
				}
			}
		}
		return null;
	}

	private record Checked(byte[] content, Optional<Finding> finding) {
	}

	private static String abbreviate(String text, int limit) {
		return (text.length() <= limit) ? text : text.substring(0, limit - 1) + "…";
	}

	private static Thread daemon(Runnable task, String name) {
		Thread thread = new Thread(task, name);
		thread.setDaemon(true);
		return thread;
	}

}
