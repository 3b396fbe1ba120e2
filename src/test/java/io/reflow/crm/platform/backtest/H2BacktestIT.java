package io.reflow.crm.platform.backtest;

/** The backtest checks on the embedded H2 database. */
class H2BacktestIT extends BacktestChecks {

}
