import { describe, expect, it } from "vitest";

import { describeTextRange } from "./describe";
import { reanchorClaim, reanchorClaims } from "./reanchor";
import { expectedRange, type EditScenario } from "./testing/edit-scenario";
import { ARTICLE_SCENARIOS } from "./testing/edit-scenarios-article";
import { SYNTHETIC_SCENARIOS } from "./testing/edit-scenarios-synthetic";
import { findRange } from "./testing/find-range";

const SCENARIOS: EditScenario[] = [...ARTICLE_SCENARIOS, ...SYNTHETIC_SCENARIOS];

describe("edit scenarios: every claim gets the expected state and place in the new version", () => {
  it("there are at least 50 scenarios, with distinct names", () => {
    expect(SCENARIOS.length).toBeGreaterThanOrEqual(50);
    expect(new Set(SCENARIOS.map((scenario) => scenario.name)).size).toBe(SCENARIOS.length);
  });

  it.each(SCENARIOS)("$name", (scenario) => {
    expect(scenario.edited, "the edit changes the text").not.toBe(scenario.original);
    const selectors = scenario.claims.map((claim) =>
      describeTextRange(scenario.original, findRange(scenario.original, claim.on, claim.occurrence ?? 0)),
    );
    const results = reanchorClaims(scenario.edited, selectors);

    scenario.claims.forEach((claim, index) => {
      const result = results[index]!;
      const label = `claim on ${JSON.stringify(claim.on)}${claim.occurrence ? ` #${claim.occurrence}` : ""}`;
      // One claim at a time gives the same answer as the batch.
      expect(reanchorClaim(scenario.edited, selectors[index]!), label).toEqual(result);
      const range = expectedRange(scenario, claim);
      if (range === undefined) {
        expect(result, label).toMatchObject({ state: "orphaned" });
        return;
      }
      expect(result, label).toMatchObject({ state: claim.expect.state, ...range });
      if (result.state === "orphaned") return;
      // What the server stores next: selectors described on the new text at the new range.
      const next = describeTextRange(scenario.edited, result);
      if (result.state === "anchored") expect(next.quote.exact, label).toBe(selectors[index]!.quote.exact);
      else expect(next.quote.exact, label).toBe(scenario.edited.slice(range.start, range.end));
    });
  });
});
