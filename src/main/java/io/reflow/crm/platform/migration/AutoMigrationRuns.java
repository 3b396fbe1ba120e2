package io.reflow.crm.platform.migration;

import org.springframework.data.jpa.repository.JpaRepository;

interface AutoMigrationRuns extends JpaRepository<AutoMigrationRun, String> {

}
