package io.reflow.crm.testsupport;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Set;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import io.zonky.test.db.postgres.embedded.PgBinaryResolver;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorOutputStream;

/**
 * PostgreSQL's {@code initdb} and {@code pg_ctl} refuse to run as root, and CI runs as
 * root. This resolver hands zonky the same binaries from Maven Central with those two
 * programs wrapped: the wrapper runs the real program unchanged for ordinary users, and
 * as user {@code nobody} (with the data directory handed over to it) when started as
 * root. The repacked archive is cached under {@code target/}.
 */
public final class RootSafePostgresBinaries implements PgBinaryResolver {

	private static final Set<String> WRAPPED = Set.of("bin/initdb", "bin/pg_ctl");

	private static final String WRAPPER = """
			#!/bin/sh
			# Reflow test support: PostgreSQL refuses root, so drop to nobody when started as root.
			real="$0.real"
			if [ "$(id -u)" != "0" ]; then exec "$real" "$@"; fi
			previous=""
			for argument in "$@"; do
			  if [ "$previous" = "-D" ]; then mkdir -p "$argument"; chown -R 65534:65534 "$argument"; fi
			  previous="$argument"
			done
			exec setpriv --reuid=65534 --regid=65534 --clear-groups "$real" "$@"
			""";

	private final Path cache;

	public RootSafePostgresBinaries(Path cache) {
		this.cache = cache;
	}

	public static boolean runningAsRoot() {
		return "root".equals(System.getProperty("user.name"));
	}

	@Override
	public InputStream getPgBinary(String system, String machineHardware) throws IOException {
		Path archive = this.cache.resolve("postgres-" + system + "-" + machineHardware + "-rootsafe.txz");
		if (!Files.exists(archive)) {
			Files.createDirectories(this.cache);
			Path partial = Files.createTempFile(this.cache, "postgres", ".partial");
			try (InputStream original = DefaultPostgresBinaryResolver.INSTANCE.getPgBinary(system, machineHardware);
					OutputStream out = Files.newOutputStream(partial)) {
				repack(original, out);
			}
			Files.move(partial, archive, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		}
		return Files.newInputStream(archive);
	}

	private static void repack(InputStream original, OutputStream target) throws IOException {
		try (TarArchiveInputStream in = new TarArchiveInputStream(
				new XZCompressorInputStream(new BufferedInputStream(original)));
				TarArchiveOutputStream out = new TarArchiveOutputStream(new XZCompressorOutputStream(target, 1))) {
			out.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
			TarArchiveEntry entry;
			while ((entry = in.getNextEntry()) != null) {
				String name = entry.getName().startsWith("./") ? entry.getName().substring(2) : entry.getName();
				if (WRAPPED.contains(name) && entry.isFile()) {
					byte[] real = in.readAllBytes();
					TarArchiveEntry renamed = new TarArchiveEntry(entry.getName() + ".real");
					renamed.setMode(entry.getMode());
					renamed.setSize(real.length);
					out.putArchiveEntry(renamed);
					out.write(real);
					out.closeArchiveEntry();
					byte[] script = WRAPPER.getBytes(StandardCharsets.UTF_8);
					TarArchiveEntry wrapper = new TarArchiveEntry(entry.getName());
					wrapper.setMode(0100755);
					wrapper.setSize(script.length);
					out.putArchiveEntry(wrapper);
					out.write(script);
					out.closeArchiveEntry();
				}
				else {
					out.putArchiveEntry(entry);
					if (entry.isFile()) {
						in.transferTo(out);
					}
					out.closeArchiveEntry();
				}
			}
		}
	}

}
