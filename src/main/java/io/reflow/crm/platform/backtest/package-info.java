/**
 * Decision backtesting: replays the recorded inputs of past evaluations of a deployed
 * decision (Camunda's historic decision instances) through a draft DMN file and reports
 * which outcomes would change, before the draft is deployed. It reads the engine's
 * history and never writes to it: the draft runs on a standalone DMN engine. REST
 * {@code POST /api/decisions/{key}/backtest} and the analysts' page
 * {@code /models/decisions/{key}/backtest}.
 */
package io.reflow.crm.platform.backtest;
