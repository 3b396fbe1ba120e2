-- Domain KPIs (module kpi, docs/kpis.md): each query is restricted by a period on one
-- time stamp; these indexes keep it a range scan over that period instead of the table.
create index crm_lead_created_ix on crm_lead (created_at, assignee_group);
create index crm_case_created_ix on crm_case (created_at, assignee_group);
create index crm_quote_decided_ix on crm_quote (decided_at);
create index crm_campaign_created_ix on crm_campaign (created_at);
create index crm_sales_order_customer_ix on crm_sales_order (customer_id, amount);
