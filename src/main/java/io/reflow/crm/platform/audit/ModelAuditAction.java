package io.reflow.crm.platform.audit;

/** What happened to a model or to the instances of a process. */
public enum ModelAuditAction {

	/** A deployment was created (subject: deployment id). */
	DEPLOYED,

	/** A deployment was refused: not parsable, not executable, not permitted. */
	DEPLOY_REFUSED,

	/** A live reload in development could not deploy a changed file. */
	RELOAD_FAILED,

	/** A migration batch was started (subject: process definition key). */
	MIGRATION_STARTED,

	/** A migration batch ended; the detail says how many instances moved or failed. */
	MIGRATION_FINISHED,

	/** A migration was refused: the plan or some instances did not validate. */
	MIGRATION_REFUSED

}
