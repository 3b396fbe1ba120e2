package io.reflow.crm.sales;

import java.util.List;

/** A mail the sales processes send; {@code attachment} may be null. */
public record SalesMail(List<String> to, String subject, String body, String attachmentName, byte[] attachment) {
}
