import { describe, expect, it } from "vitest";
import { parseForms } from "../../../bench/lib/forms";

const PAGE = `
<form method="get" action="/p/subscriptions/sub_1/update/confirm"><input type="radio" name="price" value="price_a"/></form>
<form method="post" action="/p/subscriptions/sub_1/cancel">
  <input type="hidden" name="_csrf" value="tok&amp;en"/>
  <input type="radio" name="feedback" value="too_expensive"/>
  <input type="radio" name="feedback" value="unused" checked/>
  <input type="checkbox" name="clear_overrides" value="1"/>
  <input type="checkbox" name="agree" checked/>
  <input type="text" name="name" value="Jane &quot;J&quot; Doe"/>
  <textarea name="comment">Too &lt;pricey&gt;</textarea>
  <select name="country"><option value="DE">Germany</option><option value="FR" selected>France</option></select>
  <button type="submit">Cancel</button>
</form>`;

describe("parseForms", () => {
  it("finds each form with its method and action", () => {
    expect(parseForms(PAGE).map((f) => [f.method, f.action])).toEqual([
      ["get", "/p/subscriptions/sub_1/update/confirm"],
      ["post", "/p/subscriptions/sub_1/cancel"],
    ]);
  });

  it("submits what a browser would: values decoded, only checked radios and checkboxes", () => {
    expect(parseForms(PAGE)[1]?.fields).toEqual({
      _csrf: "tok&en",
      feedback: "unused",
      agree: "on",
      name: 'Jane "J" Doe',
      comment: "Too <pricey>",
      country: "FR",
    });
  });

  it("lists every value a radio group offers", () => {
    expect(parseForms(PAGE)[1]?.choices).toEqual({ feedback: ["too_expensive", "unused"] });
  });
});
