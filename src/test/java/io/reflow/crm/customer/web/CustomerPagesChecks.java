package io.reflow.crm.customer.web;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.jayway.jsonpath.JsonPath;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import io.reflow.crm.support.SupportManagement;
import io.reflow.crm.testsupport.Http;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The customer pages over real HTTP, on a customer whose history is made through the
 * APIs: the list (search and paging), every section of the 360 view, what a support agent
 * and a sales rep each see of the tasks, that nothing on the pages lets a support agent
 * change sales data (and the API refuses it), and output encoding of a customer named
 * {@code <script>alert(1)</script>}. One subclass per database runs them.
 */
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({ "demo", "test" })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class CustomerPagesChecks {

	static final String SCRIPT = "<script>alert(1)</script>";

	static final String ESCAPED = "&lt;script&gt;alert(1)&lt;/script&gt;";

	@LocalServerPort
	int port;

	@Autowired
	ManagementService managementService;

	@Autowired
	TaskService taskService;

	@Autowired
	SupportManagement support;

	CustomerStory story;

	String company;

	@BeforeAll
	void story() {
		this.company = "苏州测试三六零有限公司" + Long.toHexString(System.nanoTime());
		this.story = new CustomerStory(this.port, this.managementService).customer(this.company, "周杰", "吴芳")
			.sales()
			.service("Invoice list shows twice");
		this.story.campaign("Autumn webinar " + this.company, this.story.contactEmail(0), this.story.contactEmail(1));
	}

	HttpResponse<String> page(String user, String path) {
		return new Http(this.port).to(path).basic(user, "demo").get();
	}

	String html(String user, String path) {
		HttpResponse<String> response = page(user, path);
		assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
		return response.body();
	}

	/** The HTML of the page's {@code <section id="...">}. */
	static String section(String html, String id) {
		int start = html.indexOf("id=\"" + id + "\"");
		assertThat(start).as("section " + id).isPositive();
		return html.substring(start, html.indexOf("</section>", start));
	}

	/**
	 * The HTML of the {@code
	 *
	<table id="...">
	 * }.
	 */
	static String table(String html, String id) {
		int start = html.indexOf("id=\"" + id + "\"");
		assertThat(start).as("table " + id).isPositive();
		return html.substring(start, html.indexOf("</table>", start));
	}

	static int count(String html, String text) {
		int n = 0;
		for (int i = html.indexOf(text); i >= 0; i = html.indexOf(text, i + 1)) {
			n++;
		}
		return n;
	}

	@Test
	void shouldShowProfileContactsSalesServiceCampaignsAndRevenueOfTheCustomer() {
		String html = html("wu.qiang", "/customers/" + this.story.customerId);
		assertThat(html).contains("<h1 id=\"company-name\">" + this.company + "</h1>");

		String profile = section(html, "profile");
		assertThat(profile).contains(">STANDARD<", ">EAST<", ">Other<", ">300 employees<", ">sales-east<", ">ACTIVE<");
		assertThat(profile).contains("<dd id=\"revenue\" class=\"figure\">100,000.00 CNY</dd>");

		String contacts = section(html, "contacts");
		// two from the customer record, and the contact of each converted lead
		assertThat(count(contacts, "class=\"contact-row\"")).isEqualTo(4);
		assertThat(contacts).contains("周杰", "吴芳", "李娜", "CIO", "Buyer");
		// the second contact unsubscribed through the campaign
		assertThat(count(contacts, ">Opted out<")).isEqualTo(1);
		assertThat(contacts.indexOf("吴芳")).isLessThan(contacts.indexOf(">Opted out<"));
		assertThat(contacts.indexOf("周杰")).isLessThan(contacts.indexOf("subscribed"));

		String sales = section(html, "sales");
		assertThat(sales).contains("#" + this.story.openLeadId, "IN_QUALIFICATION", "sales-north");
		assertThat(table(sales, "opportunities")).contains("NEGOTIATION").doesNotContain("WON");
		assertThat(count(table(sales, "opportunities"), "<tr>")).isEqualTo(2);
		assertThat(table(sales, "quotes")).contains("SENT", "80,000.00 CNY");
		assertThat(table(sales, "orders")).contains("100,000.00 CNY");
		assertThat(count(table(sales, "orders"), "<tr>")).isEqualTo(2);

		String cases = section(html, "cases");
		String open = cases.substring(cases.indexOf("id=\"open-cases\""), cases.indexOf("<h3>Closed</h3>"));
		assertThat(open).contains(this.story.openCaseNumber, "Invoice list shows twice", "OPEN", "Response due")
			.doesNotContain(this.story.closedCaseNumber);
		String closed = cases.substring(cases.indexOf("id=\"closed-cases\""));
		assertThat(closed).contains(this.story.closedCaseNumber, "Printer driver missing", "CLOSED", "SLA met")
			.doesNotContain(this.story.openCaseNumber);

		String campaigns = section(html, "campaigns");
		assertThat(campaigns).contains(this.story.campaignName, "RUNNING", "周杰", "吴芳", "周杰: OPENED",
				"吴芳: UNSUBSCRIBED");
	}

	@Test
	void shouldShowTheInteractionsOfSalesMarketingAndServiceOnTheTimeline() {
		List<String> types = new ArrayList<>();
		List<String> areas = new ArrayList<>();
		String path = "/customers/" + this.story.customerId;
		for (int page = 0; page < 10 && path != null; page++) {
			String timeline = section(html("li.wei", path), "timeline");
			Matcher rows = Pattern
				.compile("<span class=\"badge area\">(\\w+)</span></td>\\s*<td class=\"wrap\">([A-Z_]+)</td>")
				.matcher(timeline);
			while (rows.find()) {
				areas.add(rows.group(1));
				types.add(rows.group(2));
			}
			path = timeline.contains("id=\"timeline-older\"")
					? "/customers/" + this.story.customerId + "?timeline=" + (page + 1) : null;
		}
		assertThat(types).contains("LEAD_CREATED", "LEAD_QUALIFIED", "OPPORTUNITY_OPENED", "QUOTE_SENT",
				"OPPORTUNITY_WON", "CASE_OPENED", "CASE_CLOSED");
		assertThat(areas).contains("Sales", "Marketing", "Service");
		// newest first: the campaign came last
		assertThat(areas.get(0)).isEqualTo("Marketing");
	}

	@Test
	void shouldLinkOnlyTheTasksTheUserMayWorkOnIntoTasklist() {
		Task resolve = this.taskService.createTaskQuery()
			.processInstanceId(this.support.find(this.story.openCaseId).processInstanceId())
			.singleResult();
		String agent = section(html("wu.qiang", "/customers/" + this.story.customerId), "tasks");
		assertThat(agent).contains("href=\"/camunda/app/tasklist/default/#/?task=" + resolve.getId() + "\"",
				">Resolve case<", this.story.openCaseNumber);
		assertThat(count(agent, "class=\"task-row\"")).isEqualTo(1);

		String rep = section(html("li.wei", "/customers/" + this.story.customerId), "tasks");
		assertThat(rep).contains(">Qualify lead<", "Lead " + this.story.openLeadId).doesNotContain("Resolve case");

		// a marketing user has no task of this customer
		assertThat(section(html("zhou.xin", "/customers/" + this.story.customerId), "tasks"))
			.contains("id=\"no-tasks\"");
	}

	@Test
	void shouldSearchAndPageTheCustomerList() {
		String all = html("wu.qiang", "/customers");
		assertThat(count(all, "class=\"customer-row\"")).isEqualTo(CustomerPageController.PAGE_SIZE);
		assertThat(all).contains("id=\"next-page\"", "Page 1 of").doesNotContain("id=\"previous-page\"");
		String second = html("wu.qiang", "/customers?page=1");
		assertThat(second).contains("Page 2 of", "id=\"previous-page\"");

		String found = html("wu.qiang", "/customers?name="
				+ URLEncoder.encode(this.company.substring(0, 9), StandardCharsets.UTF_8) + "&region=EAST&tier=");
		assertThat(found).contains("1 customer<", ">" + this.company + "</a>",
				"href=\"/customers/" + this.story.customerId + "\"");
		assertThat(table(found, "customers")).contains(">EAST<", ">STANDARD<", ">Other<", ">ACTIVE<");
		assertThat(found).contains("<option value=\"EAST\" selected=\"selected\">EAST</option>");

		String none = html("wu.qiang", "/customers?name="
				+ URLEncoder.encode(this.company.substring(0, 9), StandardCharsets.UTF_8) + "&region=WEST");
		assertThat(none).contains("id=\"no-customers\"", "0 customers");
	}

	@Test
	void shouldGiveASupportAgentNoControlThatChangesSalesDataAndRefuseSalesWrites() {
		for (String path : List.of("/customers", "/customers/" + this.story.customerId)) {
			String html = html("wu.qiang", path);
			Matcher forms = Pattern.compile("<form[^>]*>").matcher(html);
			while (forms.find()) {
				String form = forms.group();
				// the search (GET) and logging out are the only forms
				assertThat(form).satisfiesAnyOf((f) -> assertThat(f).contains("method=\"get\""),
						(f) -> assertThat(f).contains("action=\"/logout\"").contains("method=\"post\""));
			}
			assertThat(html).doesNotContain("<button type=\"submit\" formaction", "/api/");
		}

		String opportunity = "/api/opportunities/" + this.story.openOpportunityId;
		var http = new Http(this.port);
		assertThat(http.to(opportunity + "/customer-response")
			.basic("wu.qiang", "demo")
			.postJson("{\"accepted\":true}")
			.statusCode()).isEqualTo(403);
		assertThat(http.to("/api/leads")
			.basic("wu.qiang", "demo")
			.postJson("{\"companyName\":\"X\",\"contactName\":\"Y\",\"source\":\"WEB\",\"region\":\"EAST\","
					+ "\"industry\":\"SOFTWARE\",\"companySize\":10,\"budgetConfirmed\":false}")
			.statusCode()).isEqualTo(403);
		assertThat(http.to("/api/customers/" + this.story.customerId)
			.basic("wu.qiang", "demo")
			.putJson("{\"companyName\":\"Renamed\",\"region\":\"EAST\",\"tier\":\"KEY\",\"contacts\":[]}")
			.statusCode()).isEqualTo(403);
		HttpResponse<String> unchanged = http.to(opportunity).basic("li.wei", "demo").get();
		assertThat((String) JsonPath.read(unchanged.body(), "$.stage")).isEqualTo("NEGOTIATION");
		assertThat(html("wu.qiang", "/customers/" + this.story.customerId)).contains(this.company);
	}

	@Test
	void shouldShowAScriptNamedCustomerContactAndCaseAsTextInBothPages() {
		CustomerStory xss = new CustomerStory(this.port, this.managementService).customer(SCRIPT, SCRIPT, "王五")
			.service(SCRIPT);

		String list = html("wu.qiang", "/customers?name=script");
		assertThat(list).doesNotContain(SCRIPT).contains(">" + ESCAPED + "</a>");

		String page = html("wu.qiang", "/customers/" + xss.customerId);
		assertThat(page).doesNotContain(SCRIPT).doesNotContain("<script");
		assertThat(page).contains("<title>Reflow CRM · " + ESCAPED + "</title>",
				"<h1 id=\"company-name\">" + ESCAPED + "</h1>");
		assertThat(section(page, "contacts")).contains("<td>" + ESCAPED + "</td>");
		assertThat(section(page, "cases")).contains("<td>" + ESCAPED + "</td>");
		// the case's opening is on the timeline with the subject in its summary
		assertThat(section(page, "timeline")).containsPattern("opened via PHONE: " + Pattern.quote(ESCAPED));
		assertThat(section(page, "tasks")).contains(ESCAPED);
	}

	@Test
	void shouldAnswerNotFoundForAnUnknownCustomerAndSendVisitorsToLogIn() {
		assertThat(page("wu.qiang", "/customers/987654321").statusCode()).isEqualTo(404);
		HttpResponse<String> anonymous = new Http(this.port).to("/customers").get();
		assertThat(anonymous.statusCode()).isEqualTo(302);
		assertThat(anonymous.headers().firstValue("Location").orElse("")).endsWith("/login");
		String home = html("wu.qiang", "/");
		assertThat(home).contains("id=\"link-customers\" href=\"/customers\"");
	}

}
