/**
 * What every module's process glue shares: refusing a task's answers so that the model
 * sends the task back ({@link io.reflow.crm.platform.process.InvalidTaskInputException}),
 * and the read-only context a task's form shows
 * ({@link io.reflow.crm.platform.process.TaskFormContext}).
 */
package io.reflow.crm.platform.process;
