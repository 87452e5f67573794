import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { AppError } from "@/lib/errors";
import { disconnectTestDb, getTestDb, unsafeCreateTeamWithArticle, unsafeCreateUsers, type TestTeam, type TestUser } from "@/lib/testing/factories";
import { compareVersions } from "@/lib/versions/compare";
import { createVersion } from "@/lib/versions/service";

let owner: TestUser;
let viewer: TestUser;
let outsider: TestUser;
let team: TestTeam;
let latest: number;

beforeAll(async () => {
  [owner, viewer, outsider] = await unsafeCreateUsers("Owner", "Viewer", "Outsider");
  team = await unsafeCreateTeamWithArticle([
    [owner, "OWNER"],
    [viewer, "VIEWER"],
  ]);
  await unsafeCreateTeamWithArticle([[outsider, "OWNER"]], "Other team");
  const { text } = await getTestDb().document.findUniqueOrThrow({ where: { id: team.documentId }, select: { text: true } });
  const edited = text.replace("amper twaalf uur", "amper tien uur");
  latest = (await createVersion(owner, team.documentId, { format: "text", content: `date 2020-10 ${edited}` })).number;
});

afterAll(disconnectTestDb);

const expectNotFound = async (promise: Promise<unknown>) => {
  const error = await promise.catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe("not_found");
};

describe("compareVersions", () => {
  it("is a 404 for someone outside the team, as for a document that does not exist", async () => {
    await expectNotFound(compareVersions(outsider, team.documentId, { from: 1, to: latest }));
    await expectNotFound(compareVersions(owner, "00000000-0000-4000-8000-000000000000", { from: 1, to: latest }));
  });

  it("is a 404 for a version the document does not have", async () => {
    await expectNotFound(compareVersions(owner, team.documentId, { from: 1, to: latest + 1 }));
  });

  it("compares two versions word by word for any member, a viewer included", async () => {
    const { from, to, diff } = await compareVersions(viewer, team.documentId, { from: latest - 1, to: latest });
    expect([from, to]).toEqual([latest - 1, latest]);
    expect(diff.stats).toMatchObject({ wordsAdded: 1, wordsRemoved: 1, paragraphsChanged: 1, changes: 1 });
    const changed = diff.paragraphs.find((paragraph) => paragraph.kind === "changed");
    expect(changed?.kind === "changed" && changed.segments.filter((segment) => segment.kind !== "equal")).toEqual([
      { kind: "delete", text: "twaalf" },
      { kind: "insert", text: "tien" },
    ]);
  });

  it("reads backwards when `from` is the newer version, and finds nothing between a version and itself", async () => {
    const backwards = await compareVersions(owner, team.documentId, { from: latest, to: latest - 1 });
    const changed = backwards.diff.paragraphs.find((paragraph) => paragraph.kind === "changed");
    expect(changed?.kind === "changed" && changed.segments.filter((segment) => segment.kind !== "equal")).toEqual([
      { kind: "delete", text: "tien" },
      { kind: "insert", text: "twaalf" },
    ]);
    expect((await compareVersions(owner, team.documentId, { from: latest, to: latest })).diff.stats.changes).toBe(0);
  });
});
