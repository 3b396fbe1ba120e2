package io.reflow.crm.platform.models;

import java.util.List;

/**
 * A deployed decision and its versions, newest first.
 *
 * @param key the decision id
 * @param name the latest version's name
 * @param latestVersion the latest version number
 * @param evaluations evaluations recorded in history over all versions
 * @param backtest the page that replays past evaluations through a draft table
 * @param versions every version, newest first
 */
record DecisionModel(String key, String name, int latestVersion, long evaluations, String backtest,
		List<DecisionVersion> versions) {
}
