package io.reflow.crm.platform;

/** The platform checks on the embedded H2 database. */
class H2PlatformIT extends PlatformChecks {

}
