/** Claim inputs for tests, located by quoting the document rather than by magic offsets. */
import { describeTextRange } from "@/lib/anchoring";
import { findRange } from "@/lib/anchoring/testing/find-range";
import { createClaimInputSchema, type CreateClaimInput } from "@/lib/claims/schema";

/** Parsed create input for the `occurrence`-th appearance of `needle` in `text`, as an honest client sends it. */
export function claimInputFor(
  text: string,
  needle: string,
  options: { occurrence?: number; tags?: string[]; visibility?: "team" | "private" } = {},
): CreateClaimInput {
  const { quote, position } = describeTextRange(text, findRange(text, needle, options.occurrence));
  return createClaimInputSchema.parse({
    target: { source: "https://margin.example/documents/x", selector: [quote, position] },
    tags: options.tags,
    visibility: options.visibility,
  });
}
