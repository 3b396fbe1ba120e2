/**
 * Marketing: campaigns run by {@code processes/marketing/marketing-campaign.bpmn} from
 * plan and budget approval to audience selection, multi-channel execution, responses
 * (interested contacts become sales leads) and the evaluation of what the campaign
 * brought in. Owns the {@code crm_campaign*} tables; opt-outs are kept on the contact by
 * the customer module.
 */
package io.reflow.crm.marketing;
