package io.reflow.crm.platform.process;

import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateTask;

/**
 * What a user task's form shows besides the answers it asks for: the lead, case or
 * campaign the person decides on, read from the JPA rows at the moment the form is read
 * ({@code GET /engine-rest/task/{id}/form-variables}, which Tasklist calls for Camunda
 * Forms). Nothing of it is stored in the engine: the process carries ids only, and a task
 * shows today's data, not a copy from the moment it was created.
 * <p>
 * A module declares one bean per set of processes; {@link TaskFormContextPlugin} offers
 * its values as read-only form fields of every user task of those processes. Forms show
 * them in disabled fields, which Camunda Forms leave out of the submitted answers.
 */
public interface TaskFormContext {

	/** Keys of the processes whose user tasks show this context. */
	Set<String> processDefinitionKeys();

	/**
	 * The values by form field key; entries with a null value are left out.
	 * @param task the user task whose form is read
	 */
	Map<String, Object> values(DelegateTask task);

}
