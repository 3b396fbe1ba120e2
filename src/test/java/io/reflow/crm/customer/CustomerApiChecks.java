package io.reflow.crm.customer;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;

import io.reflow.crm.testsupport.Http;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /api/customers} over real HTTP with Basic authentication: validation errors as
 * problem details naming the field, nothing stored on bad input, conflicts, paging and
 * search, and the demo data. One subclass per database runs them.
 */
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({ "demo", "test" })
abstract class CustomerApiChecks {

	static final String VALID = """
			{"companyName":"杭州测试科技有限公司","industry":"Software","region":"EAST","employeeCount":120,
			 "tier":"STANDARD","ownerGroup":"sales-east","contacts":[
			 {"name":"王伟","email":"wei.wang@test-tech.cn","phone":"+86 138 0000 0001","role":"CTO"}]}
			""";

	@LocalServerPort
	int port;

	@Autowired
	CustomerManagement customers;

	Http.Call as(String user, String path) {
		return new Http(this.port).to(path).basic(user, "demo");
	}

	private HttpResponse<String> create(String json) {
		return as("li.wei", "/api/customers").postJson(json);
	}

	private static void assertProblem(HttpResponse<String> response, int status, String field) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		List<String> fields = JsonPath.read(response.body(), "$.errors[*].field");
		assertThat(fields).contains(field);
		assertThat((String) JsonPath.read(response.body(), "$.detail")).contains(field);
	}

	@Test
	void shouldSeedTwoHundredDemoCustomersWithContacts() {
		HttpResponse<String> response = as("manager", "/api/customers?size=1").get();
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat((Integer) JsonPath.read(response.body(), "$.page.totalElements")).isGreaterThanOrEqualTo(200);
		String first = DemoCustomers.generate().get(0).companyName();
		HttpResponse<String> byName = as("manager",
				"/api/customers?name=" + java.net.URLEncoder.encode(first, java.nio.charset.StandardCharsets.UTF_8))
			.get();
		assertThat((List<String>) JsonPath.read(byName.body(), "$.content[*].companyName")).contains(first);
		assertThat((List<?>) JsonPath.read(byName.body(), "$.content[0].contacts")).isNotEmpty();
	}

	@Test
	void shouldCreateAndReadCustomer() {
		HttpResponse<String> created = create(VALID);
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		Integer id = JsonPath.read(created.body(), "$.id");
		assertThat(created.headers().firstValue("Location")).hasValue("/api/customers/" + id);
		HttpResponse<String> read = as("wu.qiang", "/api/customers/" + id).get();
		assertThat(read.statusCode()).isEqualTo(200);
		Map<String, Object> customer = JsonPath.read(read.body(), "$");
		assertThat(customer).containsEntry("companyName", "杭州测试科技有限公司")
			.containsEntry("region", "EAST")
			.containsEntry("tier", "STANDARD")
			.containsEntry("employeeCount", 120)
			.containsEntry("ownerGroup", "sales-east")
			.containsEntry("status", "ACTIVE");
		assertThat((String) JsonPath.read(read.body(), "$.contacts[0].email")).isEqualTo("wei.wang@test-tech.cn");
	}

	@Test
	void shouldRefuseMissingNameAndStoreNothing() {
		long before = this.customers.count();
		assertProblem(create(VALID.replace("\"companyName\":\"杭州测试科技有限公司\",", "")), 400, "companyName");
		assertProblem(create(VALID.replace("\"杭州测试科技有限公司\"", "\"  \"")), 400, "companyName");
		assertThat(this.customers.count()).isEqualTo(before);
	}

	@Test
	void shouldRefuseUnknownTierAndStoreNothing() {
		long before = this.customers.count();
		HttpResponse<String> response = create(VALID.replace("\"STANDARD\"", "\"GOLD\""));
		assertProblem(response, 400, "tier");
		assertThat((String) JsonPath.read(response.body(), "$.detail")).contains("STRATEGIC, KEY, STANDARD, NEW");
		assertThat(this.customers.count()).isEqualTo(before);
	}

	@Test
	void shouldNameEveryInvalidField() {
		HttpResponse<String> response = create(
				"{\"companyName\":\"\",\"region\":\"EAST\",\"tier\":\"KEY\",\"employeeCount\":-3,"
						+ "\"contacts\":[{\"name\":\"\",\"email\":\"not-an-email\"}]}");
		assertProblem(response, 400, "companyName");
		List<String> fields = JsonPath.read(response.body(), "$.errors[*].field");
		assertThat(fields).contains("employeeCount", "contacts[0].name", "contacts[0].email");
	}

	@Test
	void shouldRefuseUnknownFieldsInsteadOfDroppingThem() {
		assertProblem(create(VALID.replace("\"industry\"", "\"industri\"")), 400, "industri");
	}

	@Test
	void shouldRefuseOwnerGroupThatDoesNotExist() {
		assertProblem(create(VALID.replace("sales-east", "sales-mars")), 400, "ownerGroup");
	}

	@Test
	void shouldAnswerDuplicateContactEmailWith409() {
		String twice = VALID.replace("\"role\":\"CTO\"}]",
				"\"role\":\"CTO\"},{\"name\":\"李娜\",\"email\":\"WEI.WANG@test-tech.cn\"}]");
		long before = this.customers.count();
		assertProblem(create(twice), 409, "contacts[1].email");
		assertThat(this.customers.count()).isEqualTo(before);

		Integer id = JsonPath.read(create(VALID).body(), "$.id");
		HttpResponse<String> duplicate = as("li.wei", "/api/customers/" + id + "/contacts")
			.postJson("{\"name\":\"另一个\",\"email\":\"wei.wang@test-tech.cn\"}");
		assertProblem(duplicate, 409, "email");
		HttpResponse<String> added = as("li.wei", "/api/customers/" + id + "/contacts")
			.postJson("{\"name\":\"李娜\",\"email\":\"na.li@test-tech.cn\"}");
		assertThat(added.statusCode()).isEqualTo(201);
		assertThat((List<?>) JsonPath.read(added.body(), "$.contacts")).hasSize(2);
	}

	@Test
	void shouldUpdateWithCurrentVersionAndRefuseStaleOne() {
		HttpResponse<String> created = create(VALID);
		Integer id = JsonPath.read(created.body(), "$.id");
		Integer contactId = JsonPath.read(created.body(), "$.contacts[0].id");
		String update = VALID.replace("\"tier\":\"STANDARD\"", "\"tier\":\"KEY\"")
			.replace("{\"name\":\"王伟\"", "{\"id\":" + contactId + ",\"name\":\"王伟\"")
			.replace("\"contacts\"", "\"version\":0,\"contacts\"");
		HttpResponse<String> updated = as("li.wei", "/api/customers/" + id).putJson(update);
		assertThat(updated.statusCode()).as(updated.body()).isEqualTo(200);
		assertThat((String) JsonPath.read(updated.body(), "$.tier")).isEqualTo("KEY");
		assertThat((Integer) JsonPath.read(updated.body(), "$.contacts[0].id")).isEqualTo(contactId);
		assertThat((Integer) JsonPath.read(updated.body(), "$.version")).isEqualTo(1);
		assertProblem(as("li.wei", "/api/customers/" + id).putJson(update), 409, "version");
	}

	@Test
	void shouldSearchByNameRegionAndTierPageByPage() {
		HttpResponse<String> response = as("manager", "/api/customers?region=NORTH&tier=STANDARD&size=5&page=0").get();
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat((List<String>) JsonPath.read(response.body(), "$.content[*].region")).isNotEmpty()
			.allMatch("NORTH"::equals);
		assertThat((List<String>) JsonPath.read(response.body(), "$.content[*].tier")).allMatch("STANDARD"::equals);
		assertThat((List<?>) JsonPath.read(response.body(), "$.content")).hasSizeLessThanOrEqualTo(5);
		assertThat((Integer) JsonPath.read(response.body(), "$.page.size")).isEqualTo(5);
	}

	@Test
	void shouldRefuseBadSearchParameters() {
		assertProblem(as("manager", "/api/customers?region=MOON").get(), 400, "region");
		assertProblem(as("manager", "/api/customers?sort=shoeSize").get(), 400, "sort");
	}

	@Test
	void shouldAnswerUnknownCustomerWith404() {
		HttpResponse<String> response = as("manager", "/api/customers/999999").get();
		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
	}

	@Test
	void shouldForbidWritesOutsideEditorGroups() {
		long before = this.customers.count();
		HttpResponse<String> response = as("wu.qiang", "/api/customers").postJson(VALID);
		assertThat(response.statusCode()).isEqualTo(403);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		assertThat(this.customers.count()).isEqualTo(before);
	}

}
