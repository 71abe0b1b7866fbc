package org.smartketing.funnel.intake;

import java.util.Map;

import org.smartketing.shared.PublicLinks;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/** The HTML of a working form for a website form's key, to copy into a page as it is. */
@Component
class WebFormSnippet {

    private final PublicLinks links;

    WebFormSnippet(PublicLinks links) {
        this.links = links;
    }

    String of(WebForms.WebForm form) {
        StringBuilder html = new StringBuilder();
        html.append("<form action=\"").append(links.absolute("/w2l")).append("\" method=\"POST\" accept-charset=\"UTF-8\">\n")
                .append("  <input type=\"hidden\" name=\"oid\" value=\"").append(form.key()).append("\">\n");
        if (!form.allowedHosts().isEmpty()) {
            html.append("  <input type=\"hidden\" name=\"retURL\" value=\"https://").append(escape(form.allowedHosts().get(0)))
                    .append("/thank-you\">\n");
        }
        html.append("  <!-- left empty by people, filled in by bots -->\n")
                .append("  <input type=\"text\" name=\"smk_hp\" value=\"\" tabindex=\"-1\" autocomplete=\"off\" hidden>\n");
        field(html, "first_name", "First name", "text", "given-name");
        field(html, "last_name", "Last name", "text", "family-name");
        field(html, "email", "Email", "email", "email");
        field(html, "company", "Company", "text", "organization");
        field(html, "phone", "Phone", "tel", "tel");
        for (Map.Entry<String, String> custom : form.fieldMap().entrySet()) {
            field(html, custom.getKey(), custom.getValue(), "text", "off");
        }
        html.append("  <label>Message <textarea name=\"description\"></textarea></label>\n")
                .append("  <button type=\"submit\">Send</button>\n")
                .append("</form>\n");
        return html.toString();
    }

    private static void field(StringBuilder html, String name, String label, String type, String autocomplete) {
        html.append("  <label>").append(escape(label)).append(" <input type=\"").append(type).append("\" name=\"")
                .append(escape(name)).append("\" autocomplete=\"").append(autocomplete).append("\"></label>\n");
    }

    private static String escape(String text) {
        return HtmlUtils.htmlEscape(text);
    }
}
