/**
 * What the modules' demo seeders share: working their processes' tasks as the demo users
 * and running the jobs an action leaves, with the engine's public API only. Active in the
 * {@code demo} profile.
 */
package io.reflow.crm.platform.demo;
