import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { describeTextRange } from "@/lib/anchoring";
import { findRange } from "@/lib/anchoring/testing/find-range";
import { createClaim, getClaimForActor, listClaimsForDocument } from "@/lib/claims/service";
import { listNotifications } from "@/lib/notifications/service";
import { claimInputFor } from "@/lib/testing/claim-input";
import { unsafeReadClaimHistory } from "@/lib/testing/evidence";
import {
  disconnectTestDb,
  getTestDb,
  unsafeCreateTeamWithArticle,
  unsafeCreateUsers,
  type TestTeam,
  type TestUser,
} from "@/lib/testing/factories";
import { dismissClaimAttention, reattachClaim } from "@/lib/versions/attention";
import { getVersion, listVersions } from "@/lib/versions/history";
import { recordDocumentRead } from "@/lib/versions/reads";
import { createVersion } from "@/lib/versions/service";

let owner: TestUser;
let moderator: TestUser;
let member: TestUser;
let viewer: TestUser;
let outsider: TestUser;
let team: TestTeam;

beforeAll(async () => {
  [owner, moderator, member, viewer, outsider] = await unsafeCreateUsers("Owner", "Moderator", "Member", "Viewer", "Outsider");
  team = await unsafeCreateTeamWithArticle([
    [owner, "OWNER"],
    [moderator, "MODERATOR"],
    [member, "MEMBER"],
    [viewer, "VIEWER"],
  ]);
  await unsafeCreateTeamWithArticle([[outsider, "OWNER"]], "Other team");
});

afterAll(disconnectTestDb);

/** The document's current text, edited: each [from, to] replaces the first `from`. */
async function editedText(...edits: [string, string][]): Promise<string> {
  const { text } = await getTestDb().document.findUniqueOrThrow({ where: { id: team.documentId }, select: { text: true } });
  return edits.reduce((current, [from, to]) => {
    if (!current.includes(from)) throw new Error(`"${from}" is not in the text`);
    return current.replace(from, to);
  }, text);
}

async function currentText(): Promise<string> {
  return (await getTestDb().document.findUniqueOrThrow({ where: { id: team.documentId }, select: { text: true } })).text;
}

describe("createVersion", () => {
  it("moves claims with the text: anchored (moved), changed (with the original quote) and orphaned, and tells their author", async () => {
    const text = await currentText();
    const moved = await createClaim(member, team.documentId, claimInputFor(text, "De drones hebben de dynamiek van het conflict veranderd"));
    const changed = await createClaim(member, team.documentId, claimInputFor(text, "amper twaalf uur na de aankondiging"));
    const orphaned = await createClaim(member, team.documentId, claimInputFor(text, "Turken zien de Azerbeidzjanen als een broedervolk"));
    const before = (await listVersions(owner, team.documentId))[0]!.number;

    const next = await editedText(
      ["Even leek Rusland", "Nieuw: een inleiding bovenaan.\n\nEven leek Rusland"],
      ["amper twaalf uur na de aankondiging", "amper tien uur na de aankondiging"],
      ["Turken zien de Azerbeidzjanen als een broedervolk, dat hetzelfde geloof aanhangt en dezelfde taal spreekt", "Over religie en taal zegt de schrijver hier verder niets meer"],
    );
    const created = await createVersion(owner, team.documentId, { format: "text", content: `date 2020-10 ${next}`, note: "Correctie", baseVersion: before });
    expect(created.number).toBe(before + 1);
    expect(created.changed).toBeGreaterThanOrEqual(1);
    expect(created.orphaned).toBeGreaterThanOrEqual(1);

    const byId = new Map((await listClaimsForDocument(member, team.documentId)).map((claim) => [claim.id, claim]));
    const movedView = byId.get(moved.id)!;
    expect(movedView.state).toBe("anchored");
    expect(movedView.target!.selector[0].exact).toBe("De drones hebben de dynamiek van het conflict veranderd");
    const movedStart = Array.from(next.slice(0, next.indexOf("De drones hebben"))).length;
    expect(movedView.target!.selector[1].start).toBe(movedStart);
    expect(movedStart).not.toBe(moved.target!.selector[1].start);
    const changedView = byId.get(changed.id)!;
    expect(changedView.state).toBe("changed");
    expect(changedView.originalQuote).toBe("amper twaalf uur na de aankondiging");
    expect(changedView.target!.selector[0].exact).toContain("tien uur");
    expect(byId.get(orphaned.id)!.state).toBe("orphaned");
    // The orphan keeps the words it was made on; nothing is moved to a guess.
    expect(byId.get(orphaned.id)!.target!.selector[0].exact).toBe("Turken zien de Azerbeidzjanen als een broedervolk");

    const history = await unsafeReadClaimHistory(changed.id);
    expect(history.map((line) => line.field)).toContain("anchor.changed");
    const { items } = await listNotifications(member);
    const notice = items.find((item) => item.kind === "claims.needAttention");
    expect(notice?.payload).toMatchObject({ editorName: "Owner", version: created.number, documentId: team.documentId });

    const versions = await listVersions(viewer, team.documentId);
    expect(versions[0]).toMatchObject({ number: created.number, note: "Correctie", format: "text", createdBy: { name: "Owner" } });

    // The older version still shows the claims as they were then.
    const old = await getVersion(member, team.documentId, before);
    expect(old.isLatest).toBe(false);
    const oldChanged = old.claims.find((claim) => claim.id === changed.id)!;
    expect(oldChanged.target!.selector[0].exact).toBe("amper twaalf uur na de aankondiging");
    expect(oldChanged.state).toBe("anchored");
    expect(old.text).toBe(text);
  });

  it("refuses a stale base version (409), members and viewers (403), outsiders (404) and an empty text (422), writing nothing", async () => {
    const [latest] = await listVersions(owner, team.documentId);
    const content = await currentText();
    await expect(createVersion(moderator, team.documentId, { format: "text", content, baseVersion: latest!.number - 1 })).rejects.toMatchObject({ status: 409 });
    await expect(createVersion(member, team.documentId, { format: "text", content })).rejects.toMatchObject({ status: 403 });
    await expect(createVersion(viewer, team.documentId, { format: "text", content })).rejects.toMatchObject({ status: 403 });
    await expect(createVersion(outsider, team.documentId, { format: "text", content })).rejects.toMatchObject({ status: 404 });
    await expect(createVersion(owner, team.documentId, { format: "text", content: "  \n\n " })).rejects.toMatchObject({ status: 422 });
    await expect(createVersion(owner, team.documentId, { format: "json", content: { type: "doc", content: [] } })).rejects.toMatchObject({ status: 422 });
    const withNul = { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "nul \u0000 hier" }] }] };
    await expect(createVersion(owner, team.documentId, { format: "json", content: withNul })).rejects.toMatchObject({ status: 422 });
    await expect(listVersions(outsider, team.documentId)).rejects.toMatchObject({ status: 404 });
    await expect(getVersion(outsider, team.documentId, 1)).rejects.toMatchObject({ status: 404 });
    expect((await listVersions(owner, team.documentId))[0]!.number).toBe(latest!.number);
  });

  it("saves the editor's JSON, keeping its structure", async () => {
    const content = {
      type: "doc",
      content: [
        { type: "paragraph", content: [{ type: "text", text: "Een " }, { type: "text", text: "nieuwe", marks: [{ type: "bold" }] }, { type: "text", text: " tekst." }] },
        { type: "bulletList", content: [{ type: "listItem", content: [{ type: "paragraph", content: [{ type: "text", text: "punt" }] }] }] },
      ],
    };
    const other = await unsafeCreateTeamWithArticle([[owner, "OWNER"]], "Editor team");
    const created = await createVersion(owner, other.documentId, { format: "json", content });
    const version = await getVersion(owner, other.documentId, created.number);
    expect(version.text).toBe("Een nieuwe tekst.\n\npunt");
    expect(version.format).toBe("editor");
    expect(version.content.content[1]!.type).toBe("bulletList");
  });
});

describe("createVersion from an import", () => {
  it("re-imports Markdown and sanitised HTML as a new version, as a new document's text would be", async () => {
    const other = await unsafeCreateTeamWithArticle([[owner, "OWNER"]], "Import team");
    const markdown = await createVersion(owner, other.documentId, { format: "markdown", content: "## Kop\n\n- een\n- *twee*\n\n> citaat" });
    const fromMarkdown = await getVersion(owner, other.documentId, markdown.number);
    expect(fromMarkdown.format).toBe("markdown");
    expect(fromMarkdown.content.content.map((block) => block.type)).toEqual(["heading", "bulletList", "blockquote"]);
    const html = await createVersion(owner, other.documentId, {
      format: "html",
      content: `<p onclick="alert(1)">Veilig <a href="javascript:alert(1)">niet</a><script>alert(1)</script></p>`,
    });
    const fromHtml = await getVersion(owner, other.documentId, html.number);
    expect(fromHtml.text).toBe("Veilig niet");
    expect(JSON.stringify(fromHtml.content)).not.toMatch(/script|javascript|onclick/u);
    await expect(createVersion(owner, other.documentId, { format: "html", content: "<script>alert(1)</script>" })).rejects.toMatchObject({ status: 422 });
  });
});

describe("a claim made on a version that is no longer the latest", () => {
  it("is refused with 409 rather than stored on the old text, when a version is saved between its read and its write", async () => {
    const text = await currentText();
    const input = claimInputFor(text, "De regio heeft een bijna heilige status");
    const db = getTestDb();
    const before = await db.claim.count({ where: { documentId: team.documentId } });
    let pending: Promise<unknown> | undefined;
    await db.$transaction(
      async (tx) => {
        // Hold the document as lib/versions does while it saves a version.
        await tx.$queryRawUnsafe(`SELECT id FROM documents WHERE id = $1::uuid FOR UPDATE`, team.documentId);
        pending = createClaim(member, team.documentId, input).then(
          () => "stored",
          (error: unknown) => error,
        );
        // Wait (by asking PostgreSQL, not by sleeping) until the claim's insert is blocked on the document's lock.
        for (;;) {
          const [row] = await db.$queryRawUnsafe<{ waiting: bigint }[]>(
            `SELECT count(*) AS waiting FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE '%current_version%'`,
          );
          if (Number(row!.waiting) > 0) break;
          await new Promise((resolve) => setImmediate(resolve));
        }
        await tx.document.update({ where: { id: team.documentId }, data: { version: { increment: 1 } } });
      },
      { timeout: 20_000 },
    );
    expect(await pending).toMatchObject({ status: 409 });
    expect(await db.claim.count({ where: { documentId: team.documentId } })).toBe(before);
  });
});

describe("Needs attention: reattach and dismiss", () => {
  it("re-attaches an orphan to new text, keeping its thread and tags, and records it", async () => {
    const text = await currentText();
    const claim = await createClaim(member, team.documentId, claimInputFor(text, "De Turkse regering noemde de wapenstilstand", { tags: ["diplomatic"] }));
    const next = text.replace("De Turkse regering noemde de wapenstilstand", "Ankara sprak van");
    const version = await createVersion(owner, team.documentId, { format: "text", content: `date 2020-10 ${next}` });
    expect((await getClaimForActor(member, claim.id)).state).toBe("orphaned");

    const { quote, position } = describeTextRange(next, findRange(next, "Ankara sprak van"));
    await expect(reattachClaim(viewer, claim.id, { target: { quote, position } })).rejects.toMatchObject({ status: 403 });
    await expect(reattachClaim(outsider, claim.id, { target: { quote, position } })).rejects.toMatchObject({ status: 404 });
    await expect(reattachClaim(member, claim.id, { target: { quote: { ...quote, exact: "niet in de tekst" }, position } })).rejects.toMatchObject({ status: 422 });
    const reattached = await reattachClaim(member, claim.id, { target: { quote, position } });
    expect(reattached.state).toBe("anchored");
    expect(reattached.target!.selector[0].exact).toBe("Ankara sprak van");
    expect(reattached.tags.map((tag) => tag.name)).toEqual(["diplomatic"]);
    expect((await unsafeReadClaimHistory(claim.id)).map((line) => line.field)).toEqual(expect.arrayContaining(["anchor.orphaned", "anchor.reattached"]));
    const onVersion = await getVersion(member, team.documentId, version.number);
    expect(onVersion.claims.find((item) => item.id === claim.id)?.target?.selector[0].exact).toBe("Ankara sprak van");
  });

  it("dismisses a changed claim once (409 the second time), by its author or an editor only", async () => {
    const text = await currentText();
    const claim = await createClaim(member, team.documentId, claimInputFor(text, "De oorlog geniet ook grote steun in Turkije"));
    await expect(dismissClaimAttention(member, claim.id)).rejects.toMatchObject({ status: 409 });
    await createVersion(owner, team.documentId, { format: "text", content: `date 2020-10 ${text.replace("grote steun in Turkije", "brede steun in Turkije")}` });
    expect((await getClaimForActor(member, claim.id)).state).toBe("changed");
    const dismissed = await dismissClaimAttention(moderator, claim.id);
    expect(dismissed).toMatchObject({ state: "changed", attentionDismissed: true, originalQuote: "De oorlog geniet ook grote steun in Turkije" });
    await expect(dismissClaimAttention(member, claim.id)).rejects.toMatchObject({ status: 409 });
  });
});

describe("recordDocumentRead", () => {
  it("answers the version a member opened before, for 'what changed since I last looked'", async () => {
    const first = await recordDocumentRead(viewer, team.documentId);
    const text = await currentText();
    await createVersion(owner, team.documentId, { format: "text", content: `date 2020-10 ${text}\n\nEen nieuwe slotalinea.` });
    const second = await recordDocumentRead(viewer, team.documentId);
    expect(second).toEqual({ previousVersion: first.version, version: first.version + 1 });
    await expect(recordDocumentRead(outsider, team.documentId)).rejects.toMatchObject({ status: 404 });
  });
});
