/**
 * What every module's process glue shares: refusing a task's answers so that the model
 * sends the task back ({@link io.reflow.crm.platform.process.InvalidTaskInputException}).
 */
package io.reflow.crm.platform.process;
