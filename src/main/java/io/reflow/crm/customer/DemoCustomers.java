package io.reflow.crm.customer;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Seeds about 200 realistic customers with contacts in the {@code demo} profile when the
 * customer table is empty. The data is generated from a fixed seed, so every fresh demo
 * database holds the same customers. Runs before the demo data of the modules that build
 * on customers ({@code sales.DemoSales}).
 */
@Component
@Profile("demo")
@Order(100)
class DemoCustomers implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoCustomers.class);

	static final int COUNT = 200;

	static final long SEED = 20261122L;

	private record Word(String hanzi, String latin) {
	}

	private record City(String hanzi, Region region) {
	}

	private record Industry(String suffix, String name, String domain) {
	}

	private static final List<City> CITIES = List.of(new City("北京", Region.NORTH), new City("天津", Region.NORTH),
			new City("沈阳", Region.NORTH), new City("大连", Region.NORTH), new City("济南", Region.NORTH),
			new City("青岛", Region.NORTH), new City("广州", Region.SOUTH), new City("深圳", Region.SOUTH),
			new City("厦门", Region.SOUTH), new City("福州", Region.SOUTH), new City("东莞", Region.SOUTH),
			new City("上海", Region.EAST), new City("杭州", Region.EAST), new City("南京", Region.EAST),
			new City("苏州", Region.EAST), new City("宁波", Region.EAST), new City("合肥", Region.EAST),
			new City("成都", Region.WEST), new City("重庆", Region.WEST), new City("西安", Region.WEST),
			new City("昆明", Region.WEST), new City("武汉", Region.CENTRAL), new City("长沙", Region.CENTRAL),
			new City("郑州", Region.CENTRAL), new City("南昌", Region.CENTRAL));

	private static final List<Word> BRANDS = List.of(new Word("华信", "huaxin"), new Word("远景", "yuanjing"),
			new Word("星河", "xinghe"), new Word("恒通", "hengtong"), new Word("瑞丰", "ruifeng"),
			new Word("鼎盛", "dingsheng"), new Word("云帆", "yunfan"), new Word("博远", "boyuan"), new Word("金桥", "jinqiao"),
			new Word("天成", "tiancheng"), new Word("中科", "zhongke"), new Word("创联", "chuanglian"),
			new Word("海纳", "haina"), new Word("明德", "mingde"), new Word("安泰", "antai"), new Word("宏图", "hongtu"),
			new Word("新元", "xinyuan"), new Word("东方", "dongfang"), new Word("嘉禾", "jiahe"), new Word("普惠", "puhui"));

	private static final List<Industry> INDUSTRIES = List.of(new Industry("科技", "Software", "tech"),
			new Industry("智能制造", "Manufacturing", "mfg"), new Industry("物流", "Logistics", "logistics"),
			new Industry("医药", "Pharmaceuticals", "pharma"), new Industry("零售", "Retail", "retail"),
			new Industry("能源", "Energy", "energy"), new Industry("金融服务", "Financial services", "finance"),
			new Industry("建设", "Construction", "build"), new Industry("食品", "Food and beverage", "food"),
			new Industry("汽车零部件", "Automotive", "auto"), new Industry("电子", "Electronics", "elec"),
			new Industry("教育科技", "Education", "edu"));

	private static final List<Word> SURNAMES = List.of(new Word("王", "wang"), new Word("李", "li"),
			new Word("张", "zhang"), new Word("刘", "liu"), new Word("陈", "chen"), new Word("杨", "yang"),
			new Word("赵", "zhao"), new Word("黄", "huang"), new Word("周", "zhou"), new Word("吴", "wu"),
			new Word("徐", "xu"), new Word("孙", "sun"), new Word("胡", "hu"), new Word("朱", "zhu"), new Word("高", "gao"),
			new Word("林", "lin"), new Word("何", "he"), new Word("郭", "guo"), new Word("马", "ma"), new Word("罗", "luo"));

	private static final List<Word> GIVEN_NAMES = List.of(new Word("伟", "wei"), new Word("芳", "fang"),
			new Word("娜", "na"), new Word("敏", "min"), new Word("静", "jing"), new Word("磊", "lei"),
			new Word("洋", "yang"), new Word("艳", "yan"), new Word("勇", "yong"), new Word("军", "jun"),
			new Word("杰", "jie"), new Word("涛", "tao"), new Word("明", "ming"), new Word("超", "chao"),
			new Word("秀英", "xiuying"), new Word("华", "hua"), new Word("平", "ping"), new Word("刚", "gang"),
			new Word("婷", "ting"), new Word("鑫", "xin"));

	private static final List<String> ROLES = List.of("CEO", "CTO", "Purchasing manager", "IT director",
			"Operations manager", "Finance director", "Project manager", "Sales director");

	private final CustomerManagement customers;

	DemoCustomers(CustomerManagement customers) {
		this.customers = customers;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (this.customers.count() > 0) {
			return;
		}
		List<CustomerDraft> drafts = generate();
		drafts.forEach(this.customers::create);
		log.info("Seeded {} demo customers with {} contacts", drafts.size(),
				drafts.stream().mapToInt((draft) -> draft.contacts().size()).sum());
	}

	/** The demo customers; the same list on every call. */
	static List<CustomerDraft> generate() {
		Random random = new Random(SEED);
		Set<String> names = new HashSet<>();
		List<CustomerDraft> drafts = new ArrayList<>();
		while (drafts.size() < COUNT) {
			City city = pick(random, CITIES);
			Word brand = pick(random, BRANDS);
			Industry industry = pick(random, INDUSTRIES);
			// company sizes are roughly log-uniform between 10 and 50,000 employees
			int employees = (int) Math.round(Math.pow(10, 1 + random.nextDouble() * 3.7));
			String legalForm = (employees > 2000) ? "股份有限公司" : "有限公司";
			String companyName = city.hanzi() + brand.hanzi() + industry.suffix() + legalForm;
			if (!names.add(companyName)) {
				continue;
			}
			Tier tier = tier(random, employees);
			String ownerGroup = switch (tier) {
				case STRATEGIC, KEY -> "key-accounts";
				default -> (city.region() == Region.CENTRAL) ? "inside-sales"
						: "sales-" + city.region().name().toLowerCase(java.util.Locale.ROOT);
			};
			CustomerStatus status = (tier == Tier.NEW) ? CustomerStatus.PROSPECT
					: (random.nextInt(20) == 0) ? CustomerStatus.INACTIVE : CustomerStatus.ACTIVE;
			String domain = brand.latin() + "-" + industry.domain() + ".cn";
			drafts.add(new CustomerDraft(companyName, industry.name(), city.region(), employees, tier, ownerGroup,
					status, contacts(random, domain), null));
		}
		return drafts;
	}

	private static Tier tier(Random random, int employees) {
		if (random.nextInt(8) == 0) {
			return Tier.NEW;
		}
		if (employees > 10_000) {
			return Tier.STRATEGIC;
		}
		return (employees > 1_500) ? Tier.KEY : Tier.STANDARD;
	}

	private static List<ContactDraft> contacts(Random random, String domain) {
		int count = 1 + random.nextInt(4);
		Set<String> emails = new HashSet<>();
		List<ContactDraft> contacts = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			Word surname = pick(random, SURNAMES);
			Word given = pick(random, GIVEN_NAMES);
			String email = given.latin() + "." + surname.latin() + "@" + domain;
			if (!emails.add(email)) {
				continue;
			}
			String phone = String.format("+86 13%d %04d %04d", random.nextInt(10), random.nextInt(10_000),
					random.nextInt(10_000));
			contacts.add(new ContactDraft(null, surname.hanzi() + given.hanzi(), email, phone, pick(random, ROLES)));
		}
		return contacts;
	}

	private static <T> T pick(Random random, List<T> values) {
		return values.get(random.nextInt(values.size()));
	}

}
