import { signInThroughApi } from "../fixtures/auth";
import { expect, test } from "../fixtures/team";

// The browser asks for Dutch (Accept-Language and navigator.language); Alice has no language setting of her own.
test.use({ locale: "nl-NL" });

/** How the interface writes a time in Dutch: the server formats in its own zone, which this process shares. */
function dutchDateTime(iso: string): string {
  return new Intl.DateTimeFormat("nl", { dateStyle: "medium", timeStyle: "short", timeZone: process.env.MARGIN_TIME_ZONE || undefined }).format(
    new Date(iso),
  );
}

test("an owner manages the team in Dutch: members and roles, an invitation, a new tag, and the log that tells it", async ({
  page,
  context,
  team,
}) => {
  await signInThroughApi(context, team.alice);
  await page.goto(`/teams/${team.teamId}`);
  await expect(page.locator("html")).toHaveAttribute("lang", "nl");
  await expect(page).toHaveTitle("Documenten van het team · Margin");
  const tabs = page.getByRole("navigation", { name: "Team" });
  await expect(tabs.getByRole("link")).toHaveText(["Documenten", "Desk", "Leden", "Tags", "Beoordelingen", "Instellingen", "Logboek"]);
  await expect(page.getByRole("heading", { level: 2, name: "Documenten" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Document toevoegen" })).toBeVisible();

  // Members, with their roles by their Dutch names; Alice makes Bob a moderator.
  await tabs.getByRole("link", { name: "Leden" }).click();
  await expect(page).toHaveTitle("Leden van het team · Margin");
  await expect(page.getByRole("heading", { name: "Leden (2)" })).toBeVisible();
  const alice = page.getByRole("listitem", { name: "Alice Test" });
  await expect(alice).toContainText("(jij)");
  await expect(alice).toContainText("Eigenaar");
  const bob = page.getByRole("listitem", { name: "Bob Test" });
  const bobsRole = bob.getByRole("combobox", { name: "Rol van Bob Test" });
  await expect(bobsRole.locator("option")).toHaveText(["Moderator", "Lid", "Lezer"]);
  await expect(bobsRole.locator("option:checked")).toHaveText("Lid");
  await bobsRole.selectOption({ label: "Moderator" });
  await bob.getByRole("button", { name: "Rol opslaan" }).click();
  await expect(bob.getByRole("status")).toBeVisible();
  await expect(bob.getByRole("button", { name: "Verwijderen" })).toBeVisible();

  // An invitation for a reader, valid for a day, at most five uses.
  const invitations = page.getByRole("region", { name: "Uitnodigingen" });
  await expect(invitations.getByText("Nog geen uitnodigingen.")).toBeVisible();
  await invitations.getByRole("combobox", { name: "Uitnodigen als" }).selectOption({ label: "Lezer" });
  await invitations.getByRole("combobox", { name: "Verloopt na" }).selectOption({ label: "1 dag" });
  await invitations.getByRole("spinbutton", { name: "Maximaal aantal keer (optioneel)" }).fill("5");
  await invitations.getByRole("button", { name: "Uitnodiging maken" }).click();
  const created = invitations.getByRole("status");
  await expect(created).toContainText("Uitnodiging gemaakt voor een lezer, geldig tot ");
  await expect(created.getByRole("button", { name: "Code kopiëren" })).toBeVisible();
  await expect(created.getByRole("button", { name: "Link kopiëren" })).toBeVisible();
  const validUntil = /geldig tot (.+)\.$/u.exec((await created.locator("p").first().textContent()) ?? "")?.[1];
  expect(validUntil).toBeTruthy();
  const code = (await invitations.getByTestId("invite-code").textContent())!.trim();
  const table = invitations.getByRole("table", { name: "Uitnodigingen" });
  await expect(table.getByRole("columnheader")).toHaveText(["Code", "Rol", "Status", "Verloopt", "Gebruikt", "Gemaakt door", "Acties"]);
  const invite = table.getByRole("row").filter({ hasText: code });
  await expect(invite.getByRole("cell")).toHaveText([code, "Lezer", "Actief", validUntil!, "0 / 5", "Alice Test", "Intrekken"]);

  // The tag manager: colours by their Dutch names; Alice adds the tag "sancties" in green.
  await tabs.getByRole("link", { name: "Tags" }).click();
  await expect(page).toHaveTitle("Tags · Margin");
  await expect(page.getByRole("heading", { name: "Tags (4)" })).toBeVisible();
  const tagList = page.getByRole("list", { name: "Tags van dit team" });
  await expect(tagList.getByRole("listitem", { name: "military" })).toContainText("Rood");
  await page.getByRole("button", { name: "Nieuwe tag" }).click();
  const form = page.getByRole("group", { name: "Nieuwe tag" });
  await form.getByRole("textbox", { name: "Naam" }).fill("sancties");
  const colours = form.getByRole("radiogroup", { name: "Kleur" });
  await expect(colours.getByRole("radio")).toHaveCount(10);
  await colours.getByRole("radio", { name: "Groen", exact: true }).click();
  await expect(colours.getByRole("radio", { name: "Groen", exact: true })).toHaveAttribute("aria-checked", "true");
  await form.getByRole("button", { name: "Tag maken" }).click();
  const sancties = tagList.getByRole("listitem", { name: "sancties" });
  await expect(sancties).toContainText("Groen");
  await expect(sancties).toContainText("0 claims");
  await expect(sancties.getByRole("button", { name: "sancties bewerken" })).toBeVisible();
  await expect(sancties.getByRole("button", { name: "sancties verwijderen" })).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: "Tag sancties gemaakt." })).toHaveCount(1);
  await expect(page.getByRole("heading", { name: "Tags (5)" })).toBeVisible();

  // The log tells all three in Dutch sentences, with Dutch role names and times.
  await tabs.getByRole("link", { name: "Logboek" }).click();
  await expect(page).toHaveTitle("Logboek · Margin");
  await expect(page.getByRole("heading", { name: "Logboek" })).toBeVisible();
  const log = page.getByRole("table", { name: "Logboek" });
  await expect(log.getByRole("columnheader")).toHaveText(["Wanneer", "Gebeurtenis"]);
  const events = log.getByRole("row").filter({ has: page.getByRole("cell") });
  await expect(events.nth(0).getByRole("cell").nth(1)).toHaveText("Alice Test heeft de tag “sancties” gemaakt");
  await expect(events.nth(1).getByRole("cell").nth(1)).toHaveText(`Alice Test heeft een uitnodiging als Lezer gemaakt, geldig tot ${validUntil}`);
  await expect(events.nth(2).getByRole("cell").nth(1)).toHaveText("Alice Test heeft de rol van Bob Test gewijzigd van Lid in Moderator");
  await expect(events).toHaveCount(3);
  const time = events.first().locator("time");
  await expect(time).toHaveText(dutchDateTime((await time.getAttribute("datetime"))!));
});
