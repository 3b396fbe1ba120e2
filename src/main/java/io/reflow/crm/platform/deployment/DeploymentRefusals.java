package io.reflow.crm.platform.deployment;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.dmn.engine.impl.transform.DmnTransformException;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.ResourceReport;
import org.camunda.bpm.engine.impl.cmd.DeployCmd;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.repository.DeploymentBuilderImpl;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xml.sax.SAXParseException;

import io.reflow.crm.platform.audit.ModelAudit;
import io.reflow.crm.platform.audit.ModelAuditAction;

import org.springframework.util.ReflectionUtils;

/**
 * Engine command interceptor around every deployment command, outside the engine's
 * transaction: when the engine refuses a deployment it records
 * {@link ModelAuditAction#DEPLOY_REFUSED} in a transaction of its own (the deployment's
 * transaction has rolled back by then), whichever way the deployment came in.
 * <ul>
 * <li>{@link AuthorizationException} (engine REST: 403): the user lacks {@code CREATE} on
 * deployments.</li>
 * <li>{@link ParseException} (400): the BPMN parser or {@link DeploymentChecks} found
 * errors.</li>
 * <li>{@link BadUserRequestException} (400): for example a tenant id.</li>
 * <li>A DMN table the engine cannot transform: the engine throws a plain
 * {@link ProcessEngineException}, which engine REST answers with 500; it is rethrown as a
 * {@link ParseException} naming the file and the transformer's message, so the analyst
 * gets a 400 that says what is wrong.</li>
 * </ul>
 * Being an engine interceptor rather than a servlet filter, it sees the exception itself
 * (missing permission, parser problems) instead of a rendered response, and it covers
 * every entry point. The command's resources, name and source are read from the
 * deployment builder the command carries ({@code DeployCmd} has no accessor for it; read
 * by reflection, and left out if a future engine renames the field).
 */
class DeploymentRefusals extends CommandInterceptor {

	private static final Logger log = LoggerFactory.getLogger(DeploymentRefusals.class);

	private static final Field BUILDER = builderField();

	private static final Pattern DMN_RESOURCE = Pattern.compile("DMN resource '([^']+)'");

	private static final Pattern XML_LINE = Pattern.compile("Line=(\\d+)");

	private final Supplier<ModelAudit> audit;

	private final Supplier<IdentityService> identityService;

	DeploymentRefusals(Supplier<ModelAudit> audit, Supplier<IdentityService> identityService) {
		this.audit = audit;
		this.identityService = identityService;
	}

	@Override
	public <T> T execute(Command<T> command) {
		if (!(command instanceof DeployCmd deploy)) {
			return this.next.execute(command);
		}
		try {
			return this.next.execute(command);
		}
		catch (AuthorizationException | ParseException | BadUserRequestException ex) {
			refused(deploy, ex, ex.getMessage());
			throw ex;
		}
		catch (ProcessEngineException ex) {
			ParseException parse = asParseException(ex);
			if (parse == null) {
				throw ex;
			}
			refused(deploy, parse, parse.getMessage());
			throw parse;
		}
	}

	/**
	 * A failed DMN transformation as a parse error of the file; {@code null} for anything
	 * else (a server-side failure stays a 500).
	 */
	static ParseException asParseException(ProcessEngineException ex) {
		Throwable cause = ex;
		DmnTransformException transform = null;
		Throwable innermost = ex;
		int line = 0;
		int column = 0;
		while (cause != null) {
			if (cause instanceof DmnTransformException found && transform == null) {
				transform = found;
			}
			if (cause instanceof SAXParseException xml && line == 0) {
				line = Math.max(xml.getLineNumber(), 0);
				column = Math.max(xml.getColumnNumber(), 0);
			}
			else if (line == 0) {
				Matcher xmlLine = XML_LINE.matcher(String.valueOf(cause.getMessage()));
				line = xmlLine.find() ? Integer.parseInt(xmlLine.group(1)) : 0;
			}
			innermost = cause;
			cause = (cause.getCause() != cause) ? cause.getCause() : null;
		}
		if (transform == null) {
			return null;
		}
		Matcher resource = DMN_RESOURCE.matcher(String.valueOf(ex.getMessage()));
		String resourceName = resource.find() ? resource.group(1) : "decision";
		String reason = (innermost != transform) ? transform.getMessage() + " Cause: " + innermost.getMessage()
				: transform.getMessage();
		ResourceProblem problem = new ResourceProblem(reason, line, column, null);
		return new ParseException("Deployment refused: " + resourceName + " cannot be deployed. Errors: \n* "
				+ problem.describe(resourceName), resourceName, List.of(problem), List.of());
	}

	private void refused(DeployCmd command, RuntimeException ex, String message) {
		try {
			DeploymentEntity deployment = null;
			List<String> resources = new ArrayList<>();
			DeploymentBuilderImpl builder = builderOf(command);
			if (builder != null) {
				deployment = builder.getDeployment();
				resources.addAll(builder.getResourceNames());
			}
			if (resources.isEmpty() && ex instanceof ParseException parse) {
				parse.getResorceReports().stream().map(ResourceReport::getResourceName).forEach(resources::add);
			}
			String name = (deployment != null) ? deployment.getName() : null;
			String source = (deployment != null) ? deployment.getSource() : null;
			if (LiveReload.SOURCE.equals(source)) {
				// live reload records its own RELOAD_FAILED with the file and line
				return;
			}
			this.audit.get()
				.recordIndependently(ModelAuditAction.DEPLOY_REFUSED, actor(), source, name,
						resources.stream().sorted().toList(), message);
		}
		catch (RuntimeException auditFailure) {
			// the client must still get the engine's answer
			log.error("Could not record the refused deployment ({})", message, auditFailure);
		}
	}

	private String actor() {
		IdentityService identity = this.identityService.get();
		Authentication authentication = (identity != null) ? identity.getCurrentAuthentication() : null;
		return (authentication != null) ? authentication.getUserId() : null;
	}

	private static DeploymentBuilderImpl builderOf(DeployCmd command) {
		if (BUILDER == null) {
			return null;
		}
		Object builder = ReflectionUtils.getField(BUILDER, command);
		return (builder instanceof DeploymentBuilderImpl impl) ? impl : null;
	}

	private static Field builderField() {
		Field field = ReflectionUtils.findField(DeployCmd.class, "deploymentBuilder", DeploymentBuilderImpl.class);
		if (field == null) {
			log.warn("DeployCmd has no field deploymentBuilder; refused deployments are recorded without resources");
			return null;
		}
		ReflectionUtils.makeAccessible(field);
		return field;
	}

}
