package io.reflow.crm.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The database's ceiling for engine-like transactions: Debian's {@code pgbench} with a
 * custom script of 6 inserts (with text primary keys and a secondary index, as the
 * engine's runtime and history rows), 2 updates of existing rows by key and 2 selects,
 * {@code synchronous_commit=on}, against {@link BenchPostgres}.
 */
final class PgBench {

	static final Path BINARY = Path.of(System.getProperty("reflow.bench.pgbench", "/usr/bin/pgbench"));

	static final String MISSING = "pgbench is missing (" + BINARY
			+ "): install it with `apt-get install postgresql-client` (Debian/Ubuntu) to measure the ceiling.";

	static final String SCRIPT = """
			\\set r random(1, 100000)
			\\set s random(1, 100000)
			BEGIN;
			INSERT INTO bench_execution (id, parent, activity, rev) VALUES (md5(random()::text), :r, 'Task_QualifyLead', 1);
			INSERT INTO bench_task (id, execution, name, created) VALUES (md5(random()::text), :r, 'Qualify lead', now());
			INSERT INTO bench_variable (id, execution, name, text_value) VALUES (md5(random()::text), :r, 'leadScore', '60');
			INSERT INTO bench_hi_activity (id, execution, activity, started) VALUES (md5(random()::text), :r, 'Task_ScoreLead', now());
			INSERT INTO bench_hi_activity (id, execution, activity, started) VALUES (md5(random()::text), :r, 'Task_AssignLead', now());
			INSERT INTO bench_hi_variable (id, execution, name, text_value) VALUES (md5(random()::text), :r, 'assigneeGroup', 'sales-north');
			UPDATE bench_row SET rev = rev + 1, payload = 'running' WHERE id = :r;
			UPDATE bench_row SET rev = rev + 1 WHERE id = :s;
			SELECT id, rev, payload FROM bench_row WHERE id = :s;
			SELECT id, name FROM bench_task WHERE execution = :r;
			END;
			""";

	private static final String SCHEMA = """
			create table bench_execution (id varchar(64) primary key, parent bigint, activity varchar(255), rev int);
			create index bench_execution_parent on bench_execution (parent);
			create table bench_task (id varchar(64) primary key, execution bigint, name varchar(255), created timestamp);
			create index bench_task_execution on bench_task (execution);
			create table bench_variable (id varchar(64) primary key, execution bigint, name varchar(255), text_value varchar(4000));
			create index bench_variable_execution on bench_variable (execution);
			create table bench_hi_activity (id varchar(64) primary key, execution bigint, activity varchar(255), started timestamp);
			create index bench_hi_activity_execution on bench_hi_activity (execution);
			create table bench_hi_variable (id varchar(64) primary key, execution bigint, name varchar(255), text_value varchar(4000));
			create index bench_hi_variable_execution on bench_hi_variable (execution);
			create table bench_row (id bigint primary key, rev int, payload varchar(255));
			insert into bench_row select g, 1, 'new' from generate_series(1, 100000) g;
			""";

	/** One pgbench run: clients and transactions per second. */
	record Run(int clients, double tps, long transactions) {
	}

	private PgBench() {
	}

	static boolean available() {
		return Files.isExecutable(BINARY);
	}

	/** Creates the database and tables once; its name. */
	static String prepare() {
		String url = BenchPostgres.newDatabase("pgbench_ceiling");
		String database = BenchPostgres.databaseOf(url);
		BenchPostgres.execute(database, SCHEMA);
		return database;
	}

	/** Runs the script for {@code seconds} with {@code clients} connections. */
	static Run run(String database, int clients, int seconds) throws IOException, InterruptedException {
		Path script = BenchReport.DIRECTORY.resolve("pgbench-engine-like.sql");
		Files.createDirectories(script.getParent());
		Files.writeString(script, SCRIPT, StandardCharsets.UTF_8);
		List<String> command = new ArrayList<>(List.of(BINARY.toString(), "-n", "-M", "prepared", "-h", "localhost",
				"-p", String.valueOf(BenchPostgres.port()), "-U", "postgres", "-c", String.valueOf(clients), "-j",
				String.valueOf(Math.min(clients, Runtime.getRuntime().availableProcessors())), "-T",
				String.valueOf(seconds), "-f", script.toString(), database));
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		if (!process.waitFor(seconds + 60L, TimeUnit.SECONDS) || process.exitValue() != 0) {
			throw new IllegalStateException("pgbench failed: " + output);
		}
		Matcher tps = Pattern.compile("tps = ([0-9.]+)").matcher(output);
		Matcher count = Pattern.compile("number of transactions actually processed: (\\d+)").matcher(output);
		if (!tps.find() || !count.find()) {
			throw new IllegalStateException("no tps in pgbench output: " + output);
		}
		return new Run(clients, Double.parseDouble(tps.group(1)), Long.parseLong(count.group(1)));
	}

	static String command(int clients, int seconds) {
		return "pgbench -n -M prepared -h localhost -p <port> -U postgres -c " + clients + " -j "
				+ Math.min(clients, Runtime.getRuntime().availableProcessors()) + " -T " + seconds
				+ " -f target/bench/pgbench-engine-like.sql <database>";
	}

}
