/** The sealing of KV texts that must not be readable from a dump (idempotency replay bodies). */
import { describe, expect, it } from "vitest";
import { openText, sealText } from "../../worker/lib/seal";

describe("sealText / openText", () => {
  const body = '{"url":"https://portal.example/p/session/secret-bearer-token"}';

  it("round-trips, and the sealed text does not contain the plaintext", async () => {
    const sealed = await sealText("idem-key-1", "ctx", body);
    expect(sealed).not.toContain("secret-bearer-token");
    expect(await openText("idem-key-1", "ctx", sealed)).toBe(body);
  });

  it("opens only with the same secret and context, and refuses tampering", async () => {
    const sealed = await sealText("idem-key-1", "ctx", body);
    expect(await openText("idem-key-2", "ctx", sealed)).toBeNull();
    expect(await openText("idem-key-1", "other", sealed)).toBeNull();
    const [version, iv, data = ""] = sealed.split(".");
    const flipped = `${data.slice(0, 10)}${data[10] === "A" ? "B" : "A"}${data.slice(11)}`;
    expect(await openText("idem-key-1", "ctx", `${version}.${iv}.${flipped}`)).toBeNull();
    for (const junk of ["", "s1", "s1..", "x.y.z", body]) {
      expect(await openText("idem-key-1", "ctx", junk)).toBeNull();
    }
  });

  it("uses a fresh IV each time", async () => {
    const a = await sealText("k", "ctx", body);
    const b = await sealText("k", "ctx", body);
    expect(a).not.toBe(b);
  });
});
