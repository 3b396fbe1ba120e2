package io.reflow.crm.platform.models;

import java.util.List;

/**
 * A deployed process and its versions, newest first.
 *
 * @param key the process id
 * @param name the latest version's name
 * @param latestVersion the latest version number
 * @param runningInstances running instances over all versions
 * @param autoMigrate whether the latest version carries {@code reflow.autoMigrate=true}
 * @param versions every version, newest first
 */
record ProcessModel(String key, String name, int latestVersion, int runningInstances, boolean autoMigrate,
		List<ProcessVersion> versions) {
}
