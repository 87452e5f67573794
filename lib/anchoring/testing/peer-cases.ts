// Test support: the peer projects' anchoring cases (Hypothesis client, Apache Annotator) kept as JSON in
// ../shared/peer-anchoring-cases/ beside the repository (see its README). Node-only; read at test time.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

import type { TextPositionSelector, TextQuoteSelector, Utf16Range } from "../types";

const REPOSITORY_ROOT = fileURLToPath(new URL("../../../", import.meta.url));

/** `../shared/peer-anchoring-cases`, relative to the repository root. */
export const PEER_CASES_DIRECTORY = path.resolve(REPOSITORY_ROOT, "../shared/peer-anchoring-cases");

/** An offset written as a number or as "where this text starts, plus `add`". */
export type OffsetSpec = number | { indexOf: string; add?: number };

export interface PeerSelectors {
  quote?: TextQuoteSelector;
  position?: { type: "TextPositionSelector"; start: OffsetSpec; end: OffsetSpec };
}

/** What a case expects; which fields appear depends on its `kind`. */
export interface PeerExpectation {
  null?: boolean;
  text?: string;
  score?: { eq?: number; gt?: number; lt?: number };
  start?: OffsetSpec;
  range?: { start: OffsetSpec; end: OffsetSpec };
  orphaned?: boolean | string;
  reject?: boolean | string[];
  ok?: Utf16Range;
  exact?: string;
  position?: Partial<TextPositionSelector>;
  quote?: Partial<TextQuoteSelector>;
  throws?: string;
  method?: string;
  textIsExact?: boolean;
}

/** Where Margin deliberately differs from the peer, with the answer it gives instead. */
export interface DesignNote {
  expect: PeerExpectation;
  reason: string;
}

export interface PeerCase {
  id: string;
  peerTest: string;
  kind?: string;
  /** Cases that do not apply to plain text say why (and how many peer tests they stand for). */
  na?: string;
  count?: number;
  text?: string;
  textRef?: string;
  quote?: string;
  quoteRef?: string;
  context?: { prefix?: string; suffix?: string; hint?: OffsetSpec };
  vary?: "quote" | "prefix" | "suffix";
  variants?: string[];
  selectors?: PeerSelectors;
  selector?: TextQuoteSelector | TextPositionSelector;
  range?: Utf16Range;
  expect?: PeerExpectation | string;
  design?: DesignNote | Record<string, DesignNote>;
  derived?: { text?: string; range?: Utf16Range; expected?: Utf16Range[] };
}

export interface PeerSuite {
  suite: string;
  texts?: Record<string, string>;
  cases: PeerCase[];
}

/**
 * Reads one suite. Throws when the shared directory is missing, so the regression suite fails instead of
 * silently running nothing.
 */
export function loadPeerSuite(file: string): PeerSuite {
  if (!existsSync(PEER_CASES_DIRECTORY)) {
    throw new Error(
      `The peer anchoring cases are missing: expected ${PEER_CASES_DIRECTORY} (../shared/peer-anchoring-cases ` +
        "beside the repository). They are this regression suite's data; restore the directory.",
    );
  }
  return JSON.parse(readFileSync(path.join(PEER_CASES_DIRECTORY, file), "utf8")) as PeerSuite;
}

/** The case's text: inline, by reference to the suite's texts, or derived from the peer's DOM fixture. */
export function caseText(suite: PeerSuite, peerCase: PeerCase): string {
  const text = peerCase.text ?? (peerCase.textRef ? suite.texts?.[peerCase.textRef] : undefined) ?? peerCase.derived?.text;
  if (text === undefined) throw new Error(`Case ${peerCase.id} has no text`);
  return text;
}

/** Resolves an offset written as "where `indexOf` starts in the text, plus `add`"; throws when absent. */
export function resolveOffset(text: string, spec: OffsetSpec): number {
  if (typeof spec === "number") return spec;
  const at = text.indexOf(spec.indexOf);
  if (at === -1) throw new Error(`${JSON.stringify(spec.indexOf)} does not occur in the case's text`);
  return at + (spec.add ?? 0);
}

/** The case's selectors with `indexOf` offsets resolved against its text. */
export function resolveSelectors(text: string, selectors: PeerSelectors) {
  const { quote, position } = selectors;
  return {
    ...(quote ? { quote } : {}),
    ...(position
      ? {
          position: {
            type: "TextPositionSelector" as const,
            start: resolveOffset(text, position.start),
            end: resolveOffset(text, position.end),
          },
        }
      : {}),
  };
}

/** The design note that applies to `check` (a case may hold one note, or one per Margin function). */
export function designFor(peerCase: PeerCase, check?: string): DesignNote | undefined {
  const design = peerCase.design;
  if (!design) return undefined;
  if ("reason" in design && "expect" in design) return design as DesignNote;
  return check ? (design as Record<string, DesignNote>)[check] : undefined;
}

/** Cases that run (have a kind) and cases left out (an `na` reason), by id. */
export function partitionCases(suite: PeerSuite): { applicable: PeerCase[]; notApplicable: PeerCase[] } {
  return {
    applicable: suite.cases.filter((peerCase) => peerCase.kind !== undefined),
    notApplicable: suite.cases.filter((peerCase) => peerCase.kind === undefined),
  };
}
