package io.reflow.crm.platform.identity;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo organisation: one user per group, every password {@code demo}. Seeded into
 * Camunda's identity service on first start of the {@code demo} profile; users and groups
 * that already exist (perhaps edited in Camunda Admin) are left as they are.
 */
public class DemoIdentity {

	private static final Logger log = LoggerFactory.getLogger(DemoIdentity.class);

	public static final String PASSWORD = "demo";

	/** A demo user and the one group it belongs to. */
	public record DemoUser(String id, String firstName, String lastName, String groupId, String groupName) {
	}

	public static final List<DemoUser> USERS = List.of(
			new DemoUser("admin", "Reflow", "Admin", Groups.CAMUNDA_ADMIN, "Camunda administrators"),
			new DemoUser("analyst", "Ana", "Lyst", "analysts", "Process analysts"),
			new DemoUser("manager", "Mona", "Ger", "managers", "Managers"),
			new DemoUser("li.wei", "Wei", "Li", "sales-north", "Sales North"),
			new DemoUser("chen.yu", "Yu", "Chen", "sales-south", "Sales South"),
			new DemoUser("yang.bo", "Bo", "Yang", "sales-east", "Sales East"),
			new DemoUser("huang.li", "Li", "Huang", "sales-west", "Sales West"),
			new DemoUser("zhang.min", "Min", "Zhang", "key-accounts", "Key accounts"),
			new DemoUser("zhao.lei", "Lei", "Zhao", "inside-sales", "Inside sales"),
			new DemoUser("wang.fang", "Fang", "Wang", "sales-managers", "Sales managers"),
			new DemoUser("sun.hao", "Hao", "Sun", "sales-directors", "Sales directors"),
			new DemoUser("liu.yang", "Yang", "Liu", "marketing", "Marketing"),
			new DemoUser("zhou.xin", "Xin", "Zhou", "marketing-managers", "Marketing managers"),
			new DemoUser("qian.yi", "Yi", "Qian", "marketing-directors", "Marketing directors"),
			new DemoUser("feng.kai", "Kai", "Feng", "executives", "Executives"),
			new DemoUser("wu.qiang", "Qiang", "Wu", "support-tier1", "Support tier 1"),
			new DemoUser("xu.jun", "Jun", "Xu", "support-tier2", "Support tier 2"),
			new DemoUser("lin.tao", "Tao", "Lin", "billing", "Billing"),
			new DemoUser("he.ping", "Ping", "He", "field-service", "Field service"),
			new DemoUser("ma.lin", "Lin", "Ma", "support-leads", "Support leads"),
			new DemoUser("guo.hua", "Hua", "Guo", "support-managers", "Support managers"),
			new DemoUser("song.jia", "Jia", "Song", "support-director", "Support director"));

	private final IdentityService identityService;

	public DemoIdentity(IdentityService identityService) {
		this.identityService = identityService;
	}

	/**
	 * Creates the missing demo groups, users and memberships; returns how many users it
	 * created.
	 */
	public int seed() {
		int created = 0;
		for (DemoUser demo : USERS) {
			if (this.identityService.createGroupQuery().groupId(demo.groupId()).count() == 0) {
				Group group = this.identityService.newGroup(demo.groupId());
				group.setName(demo.groupName());
				group.setType(Groups.CAMUNDA_ADMIN.equals(demo.groupId()) ? Groups.GROUP_TYPE_SYSTEM
						: Groups.GROUP_TYPE_WORKFLOW);
				this.identityService.saveGroup(group);
			}
			if (this.identityService.createUserQuery().userId(demo.id()).count() == 0) {
				User user = this.identityService.newUser(demo.id());
				user.setFirstName(demo.firstName());
				user.setLastName(demo.lastName());
				user.setEmail(demo.id() + "@reflow.example");
				user.setPassword(PASSWORD);
				this.identityService.saveUser(user);
				this.identityService.createMembership(demo.id(), demo.groupId());
				created++;
			}
		}
		if (created > 0) {
			log.info("Seeded {} demo users (password '{}')", created, PASSWORD);
		}
		return created;
	}

}
